"""mathcore.functions: properties of the catalogue checked numerically, pole-aware sampling.

Domains, ranges and monotonic intervals are checked with their ends: see test_domain_range.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore.functions import CATALOGUE, get_function, power, sample_curve, softmax


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_parity_holds_on_samples(name):
    f = CATALOGUE[name]
    x = np.linspace(0.05, 3, 50) + 0.013
    x = x[f.in_domain(x) & f.in_domain(-x)]
    if f.parity == "even":
        np.testing.assert_allclose(f(-x), f(x), rtol=1e-12, atol=1e-12)
    elif f.parity == "odd":
        np.testing.assert_allclose(f(-x), -f(x), rtol=1e-12, atol=1e-12)
    elif len(x):
        assert not np.allclose(f(-x), f(x)) and not np.allclose(f(-x), -f(x))


@pytest.mark.parametrize("name", [n for n, f in CATALOGUE.items() if f.period])
def test_period(name):
    f = CATALOGUE[name]
    x = np.linspace(0.1, 2.9, 30)
    x = x[f.in_domain(x)]
    np.testing.assert_allclose(f(x + f.period), f(x), rtol=1e-9, atol=1e-9)


def test_arccot_range_convention_and_identities():
    f = get_function("arccot")
    np.testing.assert_allclose(f([-1.0, 0.0, 1.0]), [3 * math.pi / 4, math.pi / 2, math.pi / 4])
    x = np.array([0.5, 2.0])
    np.testing.assert_allclose(f(x), np.arctan(1 / x))


def test_real_cube_root_and_even_root_domain():
    cbrt = power("1/3")
    np.testing.assert_allclose(cbrt([-8.0, -1.0, 27.0]), [-2.0, -1.0, 3.0])
    assert cbrt.parity == "odd"
    sqrt = power("1/2")
    with pytest.raises(ValueError, match=r"outside the domain \[0, \+\\infty\)"):
        sqrt(-1.0)
    assert sqrt(0.0) == 0.0  # the closed end: sqrt(0) = 0
    assert power(2).parity == "even" and power(-1).poles == (0.0,)
    assert power("2/3")(-8.0) == pytest.approx(4.0)


def test_exp_sum_is_even_with_minimum_2_at_0():
    f = get_function("cosh2")
    x = np.linspace(-3, 3, 601)
    assert f(x).min() == pytest.approx(2.0) and x[np.argmin(f(x))] == pytest.approx(0.0)


def test_log_outside_domain_raises():
    with pytest.raises(ValueError, match="log"):
        get_function("log")(0.0)
    with pytest.raises(ValueError, match="Unknown function"):
        get_function("sinc")


@pytest.mark.parametrize("name", ["tan", "cot", "sec", "csc", "log", "power_-1"])
def test_sampling_never_crosses_a_pole(name):
    f = get_function(name)
    pieces = sample_curve(f, -7, 7, 500, y_window=(-6, 6))
    poles = f.poles_in(-7, 7)
    assert len(pieces) >= 1
    for piece in pieces:
        x = piece[:, 0]
        assert np.all(np.diff(x) > 0)
        assert not np.any((poles[:, None] > x[:-1]) & (poles[:, None] < x[1:]))
        assert np.all(np.abs(piece[:, 1]) <= 6)


def test_tan_sampling_gives_one_piece_per_branch():
    pieces = sample_curve(get_function("tan"), -math.pi, math.pi, 800, y_window=(-5, 5))
    # branches: (-pi, -pi/2), (-pi/2, pi/2), (pi/2, pi)
    assert len(pieces) == 3


def test_softmax_sums_to_one_and_is_shift_invariant():
    z = np.array([1.0, 2.0, 3.0])
    s = softmax(z)
    assert s.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(s, np.exp(z) / np.exp(z).sum())
    np.testing.assert_allclose(softmax(z + 1000), s)
