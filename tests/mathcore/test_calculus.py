"""mathcore.calculus against closed forms written out by hand, and property tests."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.calculus import (
    DERIVATIVE_RULES,
    chain_rule,
    classify_critical_point,
    compound_interest,
    derivative,
    differential,
    epsilon_delta,
    gradient,
    hessian,
    newton_method,
    nth_derivative,
    quadratic_model,
    riemann_sum,
    secant_line,
    secant_slopes,
    tangent_line,
    taylor_coefficients,
    taylor_errors,
    taylor_partial_sum,
    total_differential,
)


def test_course_autograd_example_x_cubed_at_3_is_27():
    assert derivative(lambda x: x**3, 3.0) == pytest.approx(27.0, abs=1e-12)


@pytest.mark.parametrize("rule", DERIVATIVE_RULES, ids=lambda r: r.name)
def test_basic_derivative_rules_match_autograd(rule):
    x = np.linspace(*rule.domain, 41)
    with torch.no_grad():
        expected = rule.df(torch.as_tensor(x)).numpy()
    np.testing.assert_allclose(derivative(rule.f, x), expected, rtol=1e-10, atol=1e-12)


def test_higher_derivatives_of_x_cubed():
    # 3x^2, 6x, 6, 0 at x = 2
    assert [nth_derivative(lambda x: x**3, 2.0, n) for n in range(5)] == \
        pytest.approx([8.0, 12.0, 12.0, 6.0, 0.0])


def test_negative_order_rejected():
    with pytest.raises(ValueError, match="n >= 0"):
        nth_derivative(torch.sin, 0.0, -1)


def test_derivative_outside_domain_is_an_error_not_nan():
    with pytest.raises(ValueError, match="outside its domain"):
        derivative(torch.log, -1.0)


def test_tangent_line_of_parabola():
    # y = x^2 at x0 = 1: slope 2, intercept -1
    line = tangent_line(lambda x: x**2, 1.0)
    assert line.slope == pytest.approx(2.0) and line.intercept == pytest.approx(-1.0)


@settings(deadline=None, max_examples=40)
@given(st.floats(-2.0, 2.0))
def test_tangent_touches_curve_with_finite_difference_slope(x0):
    f = torch.sin
    line = tangent_line(f, x0)
    assert line(x0) == pytest.approx(math.sin(x0), abs=1e-12)
    h = 1e-6
    fd = (math.sin(x0 + h) - math.sin(x0 - h)) / (2 * h)
    assert line.slope == pytest.approx(fd, abs=1e-8)


def test_secant_slopes_of_parabola_are_2x0_plus_h():
    h = np.array([2.0, 1.0, 0.5, 0.1, -0.1])
    np.testing.assert_allclose(secant_slopes(lambda x: x**2, 1.0, h), 2.0 + h, rtol=1e-12)
    with pytest.raises(ValueError):
        secant_slopes(lambda x: x**2, 1.0, 0.0)
    # the secant of x^2 through x0 = 1 and 1 + h is y = (2 + h) x - (1 + h)
    line = secant_line(lambda x: x**2, 1.0, 0.5)
    assert line.slope == pytest.approx(2.5) and line.intercept == pytest.approx(-1.5)


def test_differential_error_is_dx_squared_for_parabola():
    # y = x^2: Δy - dy = dx^2 exactly
    for dx in (1.0, 0.5, 0.1):
        d = differential(lambda x: x**2, 3.0, dx)
        assert d.dy == pytest.approx(6 * dx) and d.error == pytest.approx(dx**2)


def test_chain_rule_factors_for_sin_of_x_squared():
    c = chain_rule(torch.sin, lambda x: x**2, 1.5)
    assert c.u == pytest.approx(2.25)
    assert c.dy_du == pytest.approx(math.cos(2.25)) and c.du_dx == pytest.approx(3.0)
    assert c.product == pytest.approx(c.dy_dx) == pytest.approx(3.0 * math.cos(2.25))


def test_taylor_coefficients_of_exp_and_sin():
    np.testing.assert_allclose(taylor_coefficients(torch.exp, 0.0, 5),
                               [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120], rtol=1e-12)
    np.testing.assert_allclose(taylor_coefficients(torch.sin, 0.0, 5),
                               [0, 1, 0, -1 / 6, 0, 1 / 120], atol=1e-12)
    # log around 1: coefficients (-1)^(k+1) / k
    np.testing.assert_allclose(taylor_coefficients(torch.log, 1.0, 4)[1:],
                               [1, -1 / 2, 1 / 3, -1 / 4], rtol=1e-12)


def test_taylor_partial_sum_of_polynomial_is_exact():
    x = np.linspace(-2, 2, 9)
    np.testing.assert_allclose(taylor_partial_sum(lambda t: t**3 - 2 * t, 0.7, 3, x),
                               x**3 - 2 * x, atol=1e-10)


@settings(deadline=None, max_examples=20)
@given(st.floats(-1.0, 1.0))
def test_taylor_error_shrinks_with_order(x0):
    x = np.linspace(x0 - 1, x0 + 1, 51)
    errors = taylor_errors(torch.exp, x0, range(1, 9), x)
    assert np.all(np.diff(errors) < 0)
    # Lagrange bound for exp: |R_n| <= e^(x0+1) / (n+1)!
    for n, err in zip(range(1, 9), errors, strict=True):
        assert err <= math.exp(x0 + 1) / math.factorial(n + 1) + 1e-12


def test_compound_interest_increases_to_e():
    n = np.array([1, 2, 4, 12, 365, 10**6, 10**12])
    v = compound_interest(n)
    assert v[0] == pytest.approx(2.0) and v[1] == pytest.approx(2.25)
    assert v[3] == pytest.approx((1 + 1 / 12) ** 12)
    assert np.all(np.diff(v) > 0) and np.all(v < math.e)
    assert v[-1] == pytest.approx(math.e, abs=1e-9)
    with pytest.raises(ValueError):
        compound_interest(0)


def test_epsilon_delta_for_linear_function_is_within_eps_over_slope():
    # lim_{x -> 1} 3x + 1 = 4; the exact largest delta is eps / 3
    for eps in (1.0, 0.1, 0.01):
        delta = epsilon_delta(lambda x: 3 * x + 1, 1.0, 4.0, eps)
        assert 0 < delta <= eps / 3
        assert delta > eps / 6  # halving from 1 lands within a factor 2 of eps/3


def test_epsilon_delta_rejects_a_wrong_limit():
    with pytest.raises(ValueError, match="limit"):
        epsilon_delta(lambda x: 3 * x + 1, 1.0, 5.0, 0.1)


@pytest.mark.parametrize("rule", ["left", "right", "midpoint"])
def test_riemann_sums_converge_to_integral_of_x_squared(rule):
    exact = 1 / 3
    errs = [abs(riemann_sum(lambda x: x**2, 0, 1, n, rule) - exact) for n in (10, 100, 1000)]
    assert errs[0] > errs[1] > errs[2]
    assert errs[2] < (1e-3 if rule != "midpoint" else 1e-6)


def test_riemann_left_sum_closed_form():
    # Left sum of x^2 on [0, 1] with n rectangles: (n-1) n (2n-1) / (6 n^3)
    n = 10
    assert riemann_sum(lambda x: x**2, 0, 1, n, "left") == pytest.approx(
        (n - 1) * n * (2 * n - 1) / (6 * n**3))
    with pytest.raises(ValueError, match="rule"):
        riemann_sum(lambda x: x, 0, 1, 4, "trapezoid")


def f2(p):
    return p[0] ** 2 * p[1] + torch.sin(p[1])


def test_gradient_and_hessian_closed_form():
    x, y = 1.5, -0.5
    np.testing.assert_allclose(gradient(f2, [x, y]), [2 * x * y, x**2 + math.cos(y)])
    np.testing.assert_allclose(hessian(f2, [x, y]), [[2 * y, 2 * x], [2 * x, -math.sin(y)]])


def test_total_differential_vs_real_change():
    dz, delta = total_differential(f2, [1.0, 2.0], [1e-3, -2e-3])
    assert dz == pytest.approx(2 * 2 * 1e-3 + (1 + math.cos(2)) * -2e-3)
    assert abs(delta - dz) < 1e-5  # second order small


@pytest.mark.parametrize("f,kind", [
    (lambda p: p[0] ** 2 + 3 * p[1] ** 2, "minimum"),
    (lambda p: -p[0] ** 2 - p[1] ** 2, "maximum"),
    (lambda p: p[0] ** 2 - p[1] ** 2, "saddle"),
    (lambda p: p[0] ** 4 + p[1] ** 2, "inconclusive"),
])
def test_classify_critical_point(f, kind):
    assert classify_critical_point(f, [0.0, 0.0]).kind == kind


def test_classify_rejects_non_critical_point():
    with pytest.raises(ValueError, match="Not a critical point"):
        classify_critical_point(lambda p: p[0] ** 2 + p[1] ** 2, [1.0, 0.0])


def test_newton_solves_a_quadratic_in_one_step_and_model_is_exact():
    f = lambda p: (p[0] - 1) ** 2 + 10 * (p[1] + 2) ** 2 + p[0] * p[1]  # noqa: E731
    it = newton_method(f, [5.0, 5.0], 1)
    np.testing.assert_allclose(gradient(f, it[1]), [0, 0], atol=1e-10)
    q = quadratic_model(f, [0.3, 0.4])
    pts = np.array([[1.0, 2.0], [-3.0, 0.5]])
    with torch.no_grad():
        exact = [float(f(torch.tensor(p))) for p in pts]
    np.testing.assert_allclose(q(pts), exact, rtol=1e-12)
