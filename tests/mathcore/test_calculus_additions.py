"""Partials and the total differential, derivative signs, the chain graph and the definite
integral, against closed forms written out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from mathcore.calculus.computation_graph import chain_graph
from mathcore.calculus.derivative_signs import sign_intervals
from mathcore.calculus.integrals import definite_integral, riemann_sum
from mathcore.calculus.partials import differential_steps, hill, partials


def test_partials_of_the_hill_are_minus_x_f_and_minus_y_f():
    x, y = -0.6, 0.8
    p = partials(hill, (x, y))
    f = math.exp(-(x * x + y * y) / 2)
    assert p.value == pytest.approx(f, rel=1e-12)
    assert p.fx == pytest.approx(-x * f, rel=1e-12) and p.fy == pytest.approx(-y * f, rel=1e-12)
    np.testing.assert_allclose(p.gradient, [-x * f, -y * f], rtol=1e-12)
    t = np.linspace(-2, 2, 9)
    np.testing.assert_allclose(p.slice_x(t), np.exp(-(t**2 + y * y) / 2), rtol=1e-12)
    np.testing.assert_allclose(p.slice_y(t), np.exp(-(x * x + t**2) / 2), rtol=1e-12)
    with pytest.raises(ValueError, match="x0, y0"):
        partials(hill, (1.0, 2.0, 3.0))


def test_total_differential_weights_each_partial_and_its_error_is_second_order():
    point, step = (-0.6, 0.8), (0.4, 0.2)
    f0 = math.exp(-0.5)
    steps = differential_steps(hill, point, step, (1.0, 0.5, 0.25, 0.125))
    for s in steps:
        assert s.dz == pytest.approx(0.6 * f0 * s.dx - 0.8 * f0 * s.dy, rel=1e-12)
        exact = math.exp(-((-0.6 + s.dx) ** 2 + (0.8 + s.dy) ** 2) / 2) - f0
        assert s.delta_z == pytest.approx(exact, rel=1e-12)
    errors = np.array([s.error for s in steps])
    ratios = errors[:-1] / errors[1:]
    assert np.all(ratios > 3) and ratios[-1] == pytest.approx(4, rel=0.1)


def test_sign_intervals_of_x_cubed_minus_3x():
    f = lambda x: x**3 - 3 * x  # noqa: E731  f' = 3x^2 - 3, f'' = 6x, f''' = 6
    first = sign_intervals(f, -2.2, 2.2, 1)
    assert [i.sign for i in first] == [1, -1, 1]
    np.testing.assert_allclose([i.end for i in first[:2]], [-1, 1], atol=1e-9)
    second = sign_intervals(f, -2.2, 2.2, 2)
    assert [i.sign for i in second] == [-1, 1]
    assert second[0].end == pytest.approx(0.0, abs=1e-9)
    assert second[0].start == -2.2 and second[-1].end == 2.2
    third = sign_intervals(f, -2.2, 2.2, 3)
    assert [(i.start, i.end, i.sign) for i in third] == [(-2.2, 2.2, 1)]
    with pytest.raises(ValueError, match="zero"):
        sign_intervals(f, -1.0, 1.0, 4)


def test_chain_graph_of_sigmoid_5x_plus_3_is_5_sigma_prime():
    x = -0.4
    g = chain_graph([lambda t: 5 * t, lambda t: t + 3, torch.sigmoid], x)
    u = 5 * x + 3
    s = 1 / (1 + math.exp(-u))
    np.testing.assert_allclose(g.values, [x, 5 * x, u, s], rtol=1e-12)
    np.testing.assert_allclose(g.local, [5.0, 1.0, s * (1 - s)], rtol=1e-12)
    assert g.product == pytest.approx(5 * s * (1 - s), rel=1e-12)
    assert g.autograd == pytest.approx(g.product, rel=1e-12)
    np.testing.assert_allclose(g.partial_products, [5.0, 5.0, 5 * s * (1 - s)], rtol=1e-12)
    with pytest.raises(ValueError):
        chain_graph([], 1.0)


def test_definite_integral_against_closed_forms_and_riemann_limits():
    assert definite_integral(lambda x: x**2, 0.0, 2.0) == pytest.approx(8 / 3, rel=1e-14)
    assert definite_integral(torch.sin, 0.0, math.pi) == pytest.approx(2.0, rel=1e-13)
    assert definite_integral(torch.exp, -1.0, 1.0) == pytest.approx(math.e - 1 / math.e, rel=1e-13)
    # the midpoint error of x^2 on [0, 2] is exactly (b - a) h^2 / 12 * f''/2 = 2 (2/n)^2 / 12
    for n in (4, 8, 16):
        mid = riemann_sum(lambda x: x**2, 0.0, 2.0, n, "midpoint")
        assert 8 / 3 - mid == pytest.approx(2 * (2 / n) ** 2 / 12, rel=1e-9)
    with pytest.raises(ValueError):
        definite_integral(torch.sin, 1.0, 1.0)
