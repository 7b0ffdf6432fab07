"""Taylor series beyond the coefficients: error curves, Lagrange's bound, the radius of
convergence, and the Taylor models of a function of two variables, against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.calculus import (
    agreement_interval,
    error_trend,
    gradient,
    hessian,
    lagrange_bound,
    model_errors,
    quadratic_model,
    radius_of_convergence,
    sin_cos,
    surface_values,
    taylor_coefficients,
    taylor_error_curves,
    taylor_model_2d,
    taylor_partial_sum,
    taylor_partial_sums,
)


def test_sin_coefficients_are_alternating_inverse_odd_factorials():
    c = taylor_coefficients(torch.sin, 0.0, 13)
    expected = [0.0 if k % 2 == 0 else (-1) ** (k // 2) / math.factorial(k) for k in range(14)]
    np.testing.assert_allclose(c, expected, rtol=1e-12, atol=1e-15)


def test_log1p_coefficients_are_alternating_inverse_integers():
    c = taylor_coefficients(torch.log1p, 0.0, 9)
    np.testing.assert_allclose(c, [0.0] + [(-1) ** (k + 1) / k for k in range(1, 10)],
                               rtol=1e-12)


def test_exp_around_1_has_coefficients_e_over_k_factorial():
    c = taylor_coefficients(torch.exp, 1.0, 8)
    np.testing.assert_allclose(c, [math.e / math.factorial(k) for k in range(9)], rtol=1e-12)


def test_partial_sums_match_one_at_a_time_and_closed_form():
    x = np.linspace(-2, 2, 41)
    sums = taylor_partial_sums(torch.sin, 0.0, [1, 3, 5], x)
    assert sums.shape == (3, 41)
    for row, n in zip(sums, [1, 3, 5], strict=True):
        np.testing.assert_allclose(row, taylor_partial_sum(torch.sin, 0.0, n, x), atol=1e-12)
    np.testing.assert_allclose(sums[1], x - x**3 / 6, atol=1e-12)


def test_partial_sums_reject_bad_orders():
    with pytest.raises(ValueError, match="orders"):
        taylor_partial_sums(torch.sin, 0.0, [], 1.0)
    with pytest.raises(ValueError, match="orders"):
        taylor_partial_sums(torch.sin, 0.0, [-1, 2], 1.0)


def test_error_curve_of_sin_is_exact_difference_and_zero_at_x0():
    x = np.linspace(-3, 3, 61)
    err = taylor_error_curves(torch.sin, 0.0, [3], x)[0]
    np.testing.assert_allclose(err, np.abs(np.sin(x) - (x - x**3 / 6)), atol=1e-12)
    assert err[30] == 0.0  # x = 0


@settings(deadline=None, max_examples=20)
@given(st.floats(-4.0, 4.0), st.integers(0, 11))
def test_sin_error_stays_under_lagrange_bound(x, n):
    # |sin x - T_n(x)| <= |x|^(n+1) / (n+1)!  (every derivative of sin is bounded by 1)
    err = taylor_error_curves(torch.sin, 0.0, [n], x)[0]
    bound = lagrange_bound(1.0, 0.0, n, x)
    assert bound == pytest.approx(abs(x) ** (n + 1) / math.factorial(n + 1), rel=1e-12)
    assert err <= bound + 1e-12


def test_lagrange_bound_rejects_bad_input():
    with pytest.raises(ValueError, match="order"):
        lagrange_bound(1.0, 0.0, -1, 1.0)
    with pytest.raises(ValueError, match="bound"):
        lagrange_bound(-1.0, 0.0, 2, 1.0)


@pytest.mark.parametrize("x0", [0.0, 0.5, 1.0])
def test_radius_of_log1p_series_is_distance_to_minus_1(x0):
    # log(1 + x) has its singularity at x = -1: R = 1 + x0.
    c = taylor_coefficients(torch.log1p, x0, 10)
    assert radius_of_convergence(c) == pytest.approx(1.0 + x0, rel=1e-9)


def test_radius_of_exp_series_is_infinite_and_geometric_series_is_its_pole():
    assert radius_of_convergence(taylor_coefficients(torch.exp, 0.0, 12)) == math.inf
    # 1 / (1 - x/3) = sum (x/3)^k: R = 3
    c = taylor_coefficients(lambda t: 1 / (1 - t / 3), 0.0, 10)
    assert radius_of_convergence(c) == pytest.approx(3.0, rel=1e-9)


def test_radius_rejects_zero_or_too_few_coefficients():
    with pytest.raises(ValueError, match="non-zero"):
        radius_of_convergence(taylor_coefficients(torch.sin, 0.0, 12))
    with pytest.raises(ValueError, match="tail"):
        radius_of_convergence(np.ones(4), tail=8)


def test_log1p_error_shrinks_inside_and_grows_beyond_x_equal_1():
    orders = range(1, 11)
    inside = taylor_error_curves(torch.log1p, 0.0, orders, 0.5)
    outside = taylor_error_curves(torch.log1p, 0.0, orders, 1.8)
    # Closed forms: T_n(x) = sum_{k<=n} (-1)^(k+1) x^k / k
    for errors, x in ((inside, 0.5), (outside, 1.8)):
        t = np.cumsum([(-1) ** (k + 1) * x**k / k for k in orders])
        np.testing.assert_allclose(errors, np.abs(math.log1p(x) - t), rtol=1e-10)
    assert error_trend(inside) == -1
    assert error_trend(outside) == 1
    # At x = 1.5 the error dips once (n = 1 -> 2), then grows with every added term.
    at_15 = taylor_error_curves(torch.log1p, 0.0, orders, 1.5)
    assert error_trend(at_15) == 0 and error_trend(at_15[1:]) == 1


def test_error_trend_needs_two_values():
    with pytest.raises(ValueError, match="two"):
        error_trend(np.array([1.0]))


# --- Two variables ---------------------------------------------------------------------------

P = (0.6, 0.4)


def test_sin_cos_gradient_and_hessian_closed_form():
    x, y = P
    m = taylor_model_2d(sin_cos, P, 2)
    assert m.value == pytest.approx(math.sin(x) * math.cos(y), rel=1e-12)
    np.testing.assert_allclose(m.gradient, [math.cos(x) * math.cos(y), -math.sin(x) * math.sin(y)],
                               rtol=1e-12)
    np.testing.assert_allclose(m.hessian, [[-math.sin(x) * math.cos(y), -math.cos(x) * math.sin(y)],
                                           [-math.cos(x) * math.sin(y), -math.sin(x) * math.cos(y)]],
                               rtol=1e-12)
    np.testing.assert_allclose(m.gradient, gradient(sin_cos, P), rtol=1e-12)
    np.testing.assert_allclose(m.hessian, hessian(sin_cos, P), rtol=1e-12)


def test_surface_values_is_sin_x_cos_y_on_a_grid():
    X, Y = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 1, 5))
    np.testing.assert_allclose(surface_values(sin_cos, X, Y), np.sin(X) * np.cos(Y), atol=1e-14)


def test_order_2_model_is_the_quadratic_model_and_touches_at_the_point():
    m2, m1 = taylor_model_2d(sin_cos, P, 2), taylor_model_2d(sin_cos, P, 1)
    X, Y = np.meshgrid(np.linspace(0, 1, 5), np.linspace(0, 1, 5))
    q = quadratic_model(sin_cos, P)
    np.testing.assert_allclose(m2(X, Y), q(np.stack([X, Y], axis=-1)), atol=1e-12)
    assert m2(*P) == pytest.approx(m2.value) == pytest.approx(m1(*P))
    # Order 1 is a plane: linear in the offset.
    np.testing.assert_allclose(m1(P[0] + 0.3, P[1] - 0.2) - m1.value,
                               0.3 * m1.gradient[0] - 0.2 * m1.gradient[1], atol=1e-12)
    assert taylor_model_2d(sin_cos, P, 0)(2.0, 2.0) == pytest.approx(m2.value)


def test_model_of_a_quadratic_is_exact():
    def bowl(p):
        return 1 + 2 * p[0] - p[1] + p[0] ** 2 + 3 * p[0] * p[1]

    m = taylor_model_2d(bowl, (0.3, -0.7), 2)
    errs = model_errors(bowl, m, (1.0, 2.0), np.linspace(0, 2, 9))
    np.testing.assert_allclose(errs, 0.0, atol=1e-12)


def test_quadratic_model_error_shrinks_like_distance_cubed():
    m = taylor_model_2d(sin_cos, P, 2)
    r = 0.4 / 2.0 ** np.arange(6)
    errs = model_errors(sin_cos, m, (1.0, 1.0), r)
    ratios = errs[:-1] / errs[1:]
    assert np.all(np.diff(ratios) > 0)  # approaching 2^3 from below
    assert ratios[-1] == pytest.approx(8.0, rel=0.02)
    # the tangent plane's error shrinks like r^2
    e1 = model_errors(sin_cos, taylor_model_2d(sin_cos, P, 1), (1.0, 1.0), r)
    assert (e1[-2] / e1[-1]) == pytest.approx(4.0, rel=0.02)


def test_taylor_model_rejects_bad_input():
    with pytest.raises(ValueError, match="order"):
        taylor_model_2d(sin_cos, P, 3)
    with pytest.raises(ValueError, match="shape"):
        taylor_model_2d(sin_cos, (0.0, 0.0, 0.0), 2)
    with pytest.raises(ValueError, match="direction"):
        model_errors(sin_cos, taylor_model_2d(sin_cos, P, 2), (0.0, 0.0), [0.1])


def test_agreement_interval_of_sin_t1_is_where_x_minus_sin_x_stays_under_tol():
    # x - sin x is increasing for x > 0 and odd: the interval is |x| <= the root of x - sin x = tol
    x = np.linspace(-3, 3, 601)
    a, b = agreement_interval(torch.sin, 0.0, 1, 0.05, x)
    inside = x[np.abs(x - np.sin(x)) <= 0.05]
    assert (a, b) == (pytest.approx(inside.min()), pytest.approx(inside.max()))
    assert a == pytest.approx(-b) and b == pytest.approx(0.67, abs=0.01)


def test_agreement_interval_widens_with_order_and_stops_at_the_grid():
    x = np.linspace(-7, 7, 1401)
    widths = [np.subtract(*agreement_interval(torch.sin, 0.0, n, 0.05, x)[::-1])
              for n in (1, 3, 5, 7, 9)]
    assert np.all(np.diff(widths) > 0)
    assert agreement_interval(torch.sin, 0.0, 31, 0.05, x) == (-7.0, 7.0)
    with pytest.raises(ValueError, match="grid"):
        agreement_interval(torch.sin, 5.0, 1, 0.05, np.linspace(0, 1, 5))
    with pytest.raises(ValueError, match="tol"):
        agreement_interval(torch.sin, 0.0, 1, 0.0, x)


def test_model_bend_follows_the_signs_of_the_hessian_eigenvalues():
    x, y = P
    m = taylor_model_2d(sin_cos, P, 2)
    # H = [[a, b], [b, a]] with a = -sin x cos y, b = -cos x sin y: eigenvalues a ± b
    np.testing.assert_allclose(m.curvatures(), sorted([-math.sin(x + y), -math.sin(x - y)]),
                               rtol=1e-12)
    assert m.bend() == "down"
    assert taylor_model_2d(lambda p: p[0] ** 2 + 3 * p[1] ** 2, P, 2).bend() == "up"
    assert taylor_model_2d(lambda p: p[0] ** 2 - p[1] ** 2, P, 2).bend() == "saddle"
    assert taylor_model_2d(lambda p: p[0] ** 2 + p[1], P, 2).bend() == "degenerate"
    assert taylor_model_2d(sin_cos, P, 1).bend() == "flat"
