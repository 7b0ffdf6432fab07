"""Exponentials and logarithms of any base, and why logs help, against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from mathcore.functions import (
    base_value,
    exponential,
    likelihood_underflow,
    logarithm,
    outlier_effect,
    product_as_sum,
    sample_curve,
)


@pytest.mark.parametrize("a", [2, "1/2", "e", 3, "1/3"])
def test_exponential_values_and_properties(a):
    f = exponential(a)
    b, _ = base_value(a)
    x = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(f(x), b**x, rtol=1e-12)
    assert f(0.0) == pytest.approx(1.0)  # every a^x passes through (0, 1)
    assert f.range.tex() == r"(0, +\infty)" and f.domain.tex() == r"(-\infty, +\infty)"
    assert f.horizontal_asymptotes == (0.0,)
    grows = b > 1
    assert bool(f.increasing) == grows and bool(f.decreasing) == (not grows)
    assert np.all(np.diff(f(x)) > 0) == grows
    # the range's open end 0 is approached as x -> -inf (a > 1) or +inf (a < 1)
    assert f.range_ends[0].x == (-math.inf if grows else math.inf)


def test_exponentials_of_reciprocal_bases_mirror_in_the_y_axis():
    x = np.linspace(-3, 3, 7)
    np.testing.assert_allclose(exponential("1/2")(x), exponential(2)(-x), rtol=1e-12)


@pytest.mark.parametrize("a", [2, "1/2", "e", 10])
def test_logarithm_inverts_the_exponential(a):
    f, g = exponential(a), logarithm(a)
    x = np.linspace(-2, 2, 9)
    np.testing.assert_allclose(g(f(x)), x, atol=1e-12)
    assert g(1.0) == pytest.approx(0.0)  # through (1, 0)
    assert g.domain.tex() == r"(0, +\infty)" and g.range.tex() == r"(-\infty, +\infty)"
    assert g.poles == (0.0,)
    with pytest.raises(ValueError, match="outside the domain"):
        g(0.0)


def test_tex_and_bad_bases():
    assert exponential(2).tex == "2^x" and exponential("e").tex == "e^x"
    assert exponential("1/2").tex == r"\left(\frac{1}{2}\right)^x"
    assert logarithm("e").tex == r"\ln x" and logarithm(2).tex == r"\log_{2} x"
    for bad in (1, 0, -2):
        with pytest.raises(ValueError, match="base a > 0"):
            exponential(bad)


def test_log_sampling_stops_at_its_asymptote():
    pieces = sample_curve(logarithm(2), -1, 4, 200, y_window=(-3, 3))
    assert len(pieces) == 1 and pieces[0][0, 0] > 0


def test_product_becomes_sum():
    r = product_as_sum([8, 32], base=2)
    assert r.product == 256 and r.logs == pytest.approx((3.0, 5.0))
    assert r.log_of_product == pytest.approx(8.0) and r.sum_of_logs == pytest.approx(8.0)
    rng = np.random.default_rng(0)
    for _ in range(20):
        f = rng.uniform(0.01, 100, size=4)
        r = product_as_sum(list(f), base=10)
        assert r.sum_of_logs == pytest.approx(math.log10(np.prod(f)), rel=1e-12, abs=1e-12)
    with pytest.raises(ValueError):
        product_as_sum([2, -1])


def test_likelihood_underflows_in_float32_but_not_its_log():
    u = likelihood_underflow(0.5, 200)
    assert u.underflows and u.product == 0.0
    assert 0.5**200 < u.smallest == pytest.approx(2.0**-149)  # float32's smallest subnormal
    assert u.log_sum == pytest.approx(200 * math.log(0.5), rel=1e-6)
    assert u.exact_log10 == pytest.approx(-60.206, abs=1e-3)
    d = likelihood_underflow(0.5, 200, torch.float64)
    assert not d.underflows and d.product == pytest.approx(0.5**200, rel=1e-12)


def test_outlier_moves_the_mean_more_than_the_mean_of_logs():
    values = [20.0, 22.0, 25.0, 21.0, 23.0, 24.0, 22.0]
    r = outlier_effect(values, 2000.0)
    assert r.mean_with == pytest.approx((sum(values) + 2000) / 8)
    geo = math.exp((sum(math.log(v) for v in values) + math.log(2000)) / 8)
    assert r.geo_with == pytest.approx(geo)
    assert r.mean_factor > 10 > 2 > r.geo_factor > 1
