"""Scenes of the topic "calculus": the numbers they show against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest

SECANT = ("scenes/calculus/secant_to_tangent.py", "SecantToTangent")


def test_secant_slopes_shown_are_2_plus_h_and_tangent_slope_is_2(rendered):
    # secant of x^2 through 1 and 1 + h: ((1 + h)^2 - 1) / h = 2 + h
    rec = rendered(*SECANT, "en").recorded
    h = np.array(rec["h"])
    assert h[0] == 2.0 and np.all(np.diff(h) < 0) and h[-1] <= 0.01
    np.testing.assert_allclose(rec["slope"], 2 + h, rtol=1e-12)
    assert rec["tangent_slope"] == [pytest.approx(2.0)]


HESSIAN = ("scenes/calculus/hessian_test.py", "HessianExtremumTest")


def test_hessian_scene_shows_the_closed_form_second_derivatives(rendered):
    rec = rendered(*HESSIAN, "en").recorded
    # x^2 + y^2, -x^2 - y^2, x^2 - y^2: gradient 0 at the origin, Hessians diag(±2, ±2).
    np.testing.assert_allclose(rec["gradient"], np.zeros((3, 2)), atol=1e-12)
    expected = [np.diag([2.0, 2.0]), np.diag([-2.0, -2.0]), np.diag([2.0, -2.0])]
    np.testing.assert_allclose(rec["hessian"], expected, atol=1e-12)
    np.testing.assert_allclose(rec["eigenvalues"], [[2, 2], [-2, -2], [-2, 2]], atol=1e-12)
    assert rec["kind"] == [1, -1, 0]  # minimum, maximum, saddle
    # x^2 + 3xy + y^2: diagonal 2, 2 but H = [[2, 3], [3, 2]] has eigenvalues 2 -+ 3 = -1, 5:
    # a saddle; x^4 + y^4: H = 0 at its minimum, so the test cannot decide
    np.testing.assert_allclose(rec["warning eigenvalues"], [[-1, 5], [0, 0]], atol=1e-9)
    assert rec["warning kind"] == [0, 2]
    # Newton on 1/2 x^2 + 5 y^2: p - H^-1 grad f = p - diag(1, 10)^-1 (x, 10 y) = 0 in one step
    newton = np.array(rec["newton"][0])
    assert newton.shape == (2, 2)
    np.testing.assert_allclose(newton[1], [0.0, 0.0], atol=1e-12)
    assert rec["newton loss"][0] == pytest.approx(0.0, abs=1e-20)
    # gradient descent, the same start, lr 0.19, 10 steps: x *= 0.81, y *= (1 - 1.9) each step
    gd = np.array(rec["gd"][0])
    np.testing.assert_allclose(gd[0], newton[0])
    x0, y0 = gd[0]
    xs, ys = x0 * 0.81 ** np.arange(11), y0 * (-0.9) ** np.arange(11)
    np.testing.assert_allclose(gd, np.stack([xs, ys], axis=1), atol=1e-9)
    assert rec["gd loss"][0] == pytest.approx(0.5 * xs[-1] ** 2 + 5 * ys[-1] ** 2)
    assert rec["gd loss"][0] > 0.1  # "after 10 gradient steps f is still ..."


TAYLOR = ("scenes/calculus/taylor_series.py", "TaylorSeries")


def _sin_taylor(n: int, x):
    """sin's Taylor polynomial of degree n around 0, from its closed-form coefficients."""
    x = np.asarray(x, dtype=float)
    return sum((-1) ** j * x ** (2 * j + 1) / math.factorial(2 * j + 1)
               for j in range((n + 1) // 2))


def _log1p_taylor(n: int, x):
    x = np.asarray(x, dtype=float)
    return sum((-1) ** (k + 1) * x**k / k for k in range(1, n + 1))


def _exp_taylor(n: int, x):
    x = np.asarray(x, dtype=float)
    return sum(math.e * (x - 1) ** k / math.factorial(k) for k in range(n + 1))


def _check_agreement(rows, f, taylor, x_range, tol=0.05, samples=401):
    # [a, b] is the widest grid interval around x0 where |f - T_n| <= tol (closed form)
    grid = np.linspace(x_range[0], x_range[1], samples)
    for n, a, b in rows:
        n = int(n)
        inside = (grid >= a - 1e-9) & (grid <= b + 1e-9)
        err = np.abs(f(grid) - taylor(n, grid))
        assert np.all(err[inside] <= tol + 1e-12)
        i, j = np.flatnonzero(inside)[[0, -1]]
        assert i == 0 or err[i - 1] > tol
        assert j == samples - 1 or err[j + 1] > tol


def test_taylor_series_sine_terms_are_the_closed_form_and_hug_wider(rendered):
    rec = rendered(*TAYLOR, "en").recorded
    (c,) = rec["sin_coefficients"]
    k = np.arange(len(c))
    expected = np.where(k % 2 == 1, (-1.0) ** (k // 2) / np.array([math.factorial(i) for i in k]),
                        0.0)
    np.testing.assert_allclose(c, expected, rtol=1e-12, atol=1e-15)  # (-1)^j / (2j+1)!
    np.testing.assert_allclose(rec["sin_derivatives"][0], [0, 1, 0, -1] * 3 + [0, 1], atol=1e-12)
    assert rec["sin_even_terms_vanish"] == [1.0]  # "only odd powers appear"
    rows = np.array(rec["sin_agreement"])
    _check_agreement(rows, np.sin, _sin_taylor, (-7.0, 7.0))
    np.testing.assert_allclose(rows[:, 1], -rows[:, 2], atol=1e-9)  # sin's error is even
    widths = rows[:, 2] - rows[:, 1]
    assert np.all(np.diff(widths) > 0) and rec["sin_agreement_widens"] == [1.0]  # "widens"


def test_taylor_series_exp_around_1_has_every_derivative_e(rendered):
    rec = rendered(*TAYLOR, "en").recorded
    (c,) = rec["exp_coefficients"]
    np.testing.assert_allclose(c, [math.e / math.factorial(k) for k in range(len(c))], rtol=1e-12)
    np.testing.assert_allclose(rec["exp_derivatives"][0], math.e, rtol=1e-12)
    assert rec["exp_derivatives_equal"] == [1.0]
    rows = np.array(rec["exp_agreement"])
    assert rows[:, 0].tolist() == list(range(len(rows)))
    _check_agreement(rows, np.exp, _exp_taylor, (-3.0, 3.0))
    assert np.all(np.diff(rows[:, 2] - rows[:, 1]) > 0)  # "follow e^x further"


def test_taylor_series_sine_error_at_1_falls_under_lagrange_bound(rendered):
    rec = rendered(*TAYLOR, "en").recorded
    orders = [int(n) for n in rec["sin_error_orders"][0]]
    (at,), (bound,) = rec["sin_error_at_1"], rec["sin_bound_at_1"]
    np.testing.assert_allclose(at, [abs(math.sin(1) - _sin_taylor(n, 1.0)) for n in orders],
                               rtol=1e-9)
    np.testing.assert_allclose(bound, [1 / math.factorial(n + 1) for n in orders], rtol=1e-12)
    assert np.all(np.array(at) <= np.array(bound)) and rec["sin_error_below_bound"] == [1.0]
    (ratios,) = rec["sin_error_ratio_per_step"]
    np.testing.assert_allclose(ratios, np.array(at[:-1]) / np.array(at[1:]), rtol=1e-12)
    assert min(ratios) > 19  # "at least 19 times smaller" with every two terms


TAYLOR_CONVERGENCE = ("scenes/calculus/taylor_convergence.py", "TaylorConvergence")


def test_taylor_convergence_log1p_inside_radius_1_and_worse_beyond(rendered):
    rec = rendered(*TAYLOR_CONVERGENCE, "en").recorded
    (c,) = rec["log_coefficients"]
    np.testing.assert_allclose(c[1:], [(-1) ** (k + 1) / k for k in range(1, len(c))], rtol=1e-12)
    assert rec["log_radius"] == [pytest.approx(1.0)]  # the singularity of log(1 + x) is at -1
    assert rec["distance_to_singularity"] == [1.0]  # "why 1": the distance from 0 to -1
    orders = [int(n) for n in rec["log_error_orders"][0]]
    inside, outside = rec["log_compare_points"][0]
    assert abs(inside) < 1 < outside
    err_in = [abs(math.log1p(inside) - _log1p_taylor(n, inside)) for n in orders]
    err_out = [abs(math.log1p(outside) - _log1p_taylor(n, outside)) for n in orders]
    np.testing.assert_allclose(rec["log_error_inside"][0], err_in, rtol=1e-9)
    np.testing.assert_allclose(rec["log_error_outside"][0], err_out, rtol=1e-9)
    # the words: shrinks with every term inside, grows with every term beyond x = 1
    assert np.all(np.diff(err_in) < 0) and rec["log_error_trend_inside"] == [-1.0]
    assert np.all(np.diff(err_out) > 0) and rec["log_error_trend_outside"] == [1.0]
    assert rec["worse_beyond_radius"] == [1.0]


TAYLOR_SURFACE = ("scenes/calculus/taylor_surface.py", "TaylorSurface")


def test_taylor_surface_models_match_closed_forms_and_errors_shrink_like_r_cubed(rendered):
    rec = rendered(*TAYLOR_SURFACE, "en").recorded
    (x, y), = rec["point"]
    assert rec["value"] == [pytest.approx(math.sin(x) * math.cos(y))]
    np.testing.assert_allclose(rec["gradient"][0], [math.cos(x) * math.cos(y),
                                                    -math.sin(x) * math.sin(y)], rtol=1e-12)
    a, b = -math.sin(x) * math.cos(y), -math.cos(x) * math.sin(y)
    np.testing.assert_allclose(rec["hessian"][0], [[a, b], [b, a]], rtol=1e-12)
    # eigenvalues a ± b = -sin(x + y), -sin(x - y): both negative, "bends down every way"
    np.testing.assert_allclose(sorted(rec["hessian_eigenvalues"][0]),
                               sorted([-math.sin(x + y), -math.sin(x - y)]), rtol=1e-12)
    assert max(rec["hessian_eigenvalues"][0]) < 0 and rec["bend"] == [-1.0]  # "down"
    # errors along the diagonal, from the closed-form models
    (r,) = rec["distances"]
    r = np.array(r)
    d = np.stack([r, r], axis=1) / math.sqrt(2)
    px, py = x + d[:, 0], y + d[:, 1]
    f = np.sin(px) * np.cos(py)
    f0, g = math.sin(x) * math.cos(y), np.array(rec["gradient"][0])
    t1 = f0 + d @ g
    t2 = t1 + 0.5 * np.einsum("ni,ij,nj->n", d, np.array([[a, b], [b, a]]), d)
    np.testing.assert_allclose(rec["error_order_1"][0], np.abs(f - t1), rtol=1e-9)
    np.testing.assert_allclose(rec["error_order_2"][0], np.abs(f - t2), rtol=1e-9)
    assert np.all(np.isclose(r[:-1] / r[1:], 2.0))  # each distance half the one before
    r1, r2 = np.array(rec["halving_ratio_order_1"][0]), np.array(rec["halving_ratio_order_2"][0])
    np.testing.assert_allclose(r1, np.abs(f - t1)[:-1] / np.abs(f - t1)[1:], rtol=1e-9)
    np.testing.assert_allclose(r2, np.abs(f - t2)[:-1] / np.abs(f - t2)[1:], rtol=1e-9)
    # "about 4" and "about 8": 2^2 and 2^3, the last halving within 10 %
    assert rec["halving_factors"] == [[4.0, 8.0]]
    assert r1[-1] == pytest.approx(4.0, rel=0.1) and r2[-1] == pytest.approx(8.0, rel=0.1)


HIGHER = ("scenes/calculus/higher_derivatives.py", "HigherDerivatives")


def test_higher_derivatives_signs_and_zeros_are_the_closed_forms(rendered):
    rec = rendered(*HIGHER, "en").recorded
    # f = x^3 - 3x: f' = 3x^2 - 3 is zero at -1 and 1 (+, -, +); f'' = 6x is zero at 0 (-, +)
    np.testing.assert_allclose(rec["first_derivative_zeros"][0], [-1.0, 1.0], atol=1e-9)
    assert rec["first_derivative_signs"] == [[1.0, -1.0, 1.0]]
    assert rec["second_derivative_zero"] == [0.0]
    assert rec["second_derivative_signs"] == [[-1.0, 1.0]]
    # the words: f' > 0 on the outer intervals is "increases"; f'' < 0 left of 0 "concave"
    for x in (-1.5, 1.5):
        assert 3 * x**2 - 3 > 0
    assert 3 * 0.0**2 - 3 < 0 and 6 * -1.0 < 0 < 6 * 1.0
    # y = x^3: y''' = 6 everywhere, the slope triangle on y'' = 6x is 1 across, 6 up
    assert rec["third_derivative"] == [[6.0, 6.0]]
    assert rec["slope_triangle"] == [[1.0, 6.0]]


def test_higher_derivatives_autograd_27_is_3_times_3_squared_and_the_tangent(rendered):
    rec = rendered(*HIGHER, "en").recorded
    (d1, d2, d3), = rec["autograd_derivatives"]
    assert d1 == 27.0 == 3 * 3**2 and d2 == 18.0 == 6 * 3 and d3 == 6.0
    assert rec["tangent_slope"] == [27.0]
    assert rec["tangent_intercept"] == [27.0 - 27.0 * 3]  # through (3, 27): y = 27x - 54


def test_higher_derivatives_listing_runs_and_prints_what_the_scene_says(capsys):
    import runpy

    from scenes.common.widgets import PROJECT_ROOT

    runpy.run_path(str(PROJECT_ROOT / "scenes/calculus/code/autograd_higher.py"),
                   run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert out == ["tensor([27.])", "(tensor([27.]),)", "27.0 18.0 6.0"]


def test_higher_derivatives_listing_in_chinese_has_no_english_comment():
    import os
    import re

    from scenes.calculus.higher_derivatives import CODE, COMMENTS_ZH
    from scenes.common.widgets import PROJECT_ROOT, code_block

    old = os.environ.get("LECTURE_LANG")
    os.environ["LECTURE_LANG"] = "zh"
    try:
        shown = code_block(CODE, comments_zh=COMMENTS_ZH).source
    finally:
        if old is None:
            os.environ.pop("LECTURE_LANG")
        else:
            os.environ["LECTURE_LANG"] = old
    original = (PROJECT_ROOT / CODE).read_text(encoding="utf-8")
    for line_zh, line in zip(shown.splitlines(), original.splitlines(), strict=True):
        code_zh, _, comment_zh = line_zh.partition("  # ")
        code, _, comment = line.partition("  # ")
        assert code_zh == code
        assert not re.search(r"[A-Za-z]{2,}", comment_zh.replace("x.grad", "")), comment_zh


CHAIN = ("scenes/calculus/chain_rule.py", "ChainRule")


def test_chain_rule_product_is_autograd_is_5_sigma_prime(rendered):
    rec = rendered(*CHAIN, "en").recorded
    (x,) = rec["x0"]
    u = 5 * x + 3
    s = 1 / (1 + math.exp(-u))
    np.testing.assert_allclose(rec["forward_values"][0], [x, 5 * x, u, s], rtol=1e-12)
    np.testing.assert_allclose(rec["local_derivatives"][0], [5.0, 1.0, s * (1 - s)], rtol=1e-12)
    # backwards from y: dy/du, dy/da, dy/dx
    np.testing.assert_allclose(rec["backward_products"][0],
                               [s * (1 - s), s * (1 - s), 5 * s * (1 - s)], rtol=1e-12)
    expected = 5 * s * (1 - s)
    assert rec["product"] == [pytest.approx(expected, rel=1e-12)]
    assert rec["autograd"] == [pytest.approx(expected, rel=1e-12)]
    assert rec["tangent_slope"] == [pytest.approx(expected, rel=1e-12)]
    assert round(expected, 3) == 0.983  # the number on screen and in the narration


def test_chain_rule_listing_prints_the_product(capsys):
    import runpy

    from scenes.common.widgets import PROJECT_ROOT

    runpy.run_path(str(PROJECT_ROOT / "scenes/calculus/code/chain_sigmoid.py"),
                   run_name="__main__")
    s = 1 / (1 + math.exp(-1.0))
    assert capsys.readouterr().out.split() == [str(round(5 * s * (1 - s), 4))]


LIMITS = ("scenes/calculus/limits.py", "Limits")


def test_limits_each_delta_keeps_sin_x_over_x_in_its_epsilon_band(rendered):
    rec = rendered(*LIMITS, "en").recorded
    assert rec["hole"] == [[0.0, 1.0]]  # sin x / x has no value at 0, its limit there is 1
    eps, delta = np.ravel(rec["epsilon"]), np.ravel(rec["delta"])
    assert len(eps) == len(delta) >= 3 and np.all(np.diff(eps) < 0)
    for e, d in zip(eps, delta, strict=True):
        x = np.linspace(-d, d, 200_001)
        x = x[x != 0]
        assert np.all(np.abs(np.sin(x) / x - 1) < e)  # the window works, checked densely
    assert rec["delta_works"] == [1.0] * len(eps)
    assert np.all(np.diff(delta) < 0) and rec["deltas_shrink"] == [1.0]  # "smaller delta"
    # "the old window is too wide": the previous delta lets the curve leave the new band
    for e, old, fails in rec["old_delta_fails"]:
        assert fails == 1.0 and abs(math.sin(old) / old - 1) >= e


def test_limits_sequence_enters_its_band_from_n_on(rendered):
    rec = rendered(*LIMITS, "en").recorded
    n = np.array(rec["sequence_n"][0])
    np.testing.assert_allclose(rec["sequence_terms"][0], 1 + (-1.0) ** (n + 1) / n, rtol=1e-15)
    for e, big_n in zip(np.ravel(rec["sequence_epsilon"]), np.ravel(rec["sequence_N"]),
                        strict=True):
        # |a_n - 1| = 1/n < eps exactly when n > 1/eps
        assert big_n == math.floor(1 / e) + 1
        assert 1 / (big_n - 1) >= e and np.all(1 / n[n >= big_n] < e)
    assert np.all(np.diff(np.ravel(rec["sequence_N"])) > 0)  # "a smaller epsilon, a later N"


COMPOUND = ("scenes/calculus/compound_interest.py", "CompoundInterest")


def test_compound_interest_values_climb_towards_e_and_stay_below(rendered):
    rec = rendered(*COMPOUND, "en").recorded
    n = np.array(rec["n"][0], dtype=float)
    assert n.tolist() == [1, 2, 4, 12, 365, 8760, 525600, 31536000]
    v = np.array(rec["value"][0])
    np.testing.assert_allclose(v[:5], (1 + 1 / n[:5]) ** n[:5], rtol=1e-12)
    np.testing.assert_allclose(v, [math.exp(k * math.log1p(1 / k)) for k in n], rtol=1e-13)
    assert v[0] == 2.0 and v[1] == 2.25 and rec["half_year"] == [1.5]
    assert np.all(np.diff(v) > 0) and rec["increasing"] == [1.0]
    np.testing.assert_allclose(rec["gains"][0], np.diff(v), rtol=1e-12)
    assert np.all(np.diff(rec["gains"][0][:5]) < 0)  # "more, but by less each time"
    assert np.all(v < math.e) and rec["below_e"] == [1.0] and rec["e"] == [math.e]
    # "the gap shrinks like e / 2n": e - (1 + 1/n)^n = e/(2n) + O(1/n^2)
    ratio = np.array(rec["gap_times_2n_over_e"][0])
    np.testing.assert_allclose(ratio, (math.e - v) * 2 * n / math.e, rtol=1e-12)
    assert np.all(np.abs(ratio[4:] - 1) < 0.01)


def test_compound_interest_at_five_percent_tends_to_e_to_the_rate(rendered):
    rec = rendered(*COMPOUND, "en").recorded
    (r,) = rec["rate"]
    n = np.array(rec["n"][0], dtype=float)
    np.testing.assert_allclose(rec["rate_value"][0][:5], (1 + r / n[:5]) ** n[:5], rtol=1e-12)
    assert rec["e_to_rate"] == [pytest.approx(math.exp(r), rel=1e-15)]
    assert np.all(np.array(rec["rate_value"][0]) < math.exp(r)) and rec["rate_below_limit"] == [1.0]
    assert rec["rate_value"][0][4] > 1 + r  # daily beats once a year


DERIVATIVE_CURVE = ("scenes/calculus/derivative_curve.py", "DerivativeCurve")


def test_derivative_curve_traces_x_squared_minus_one(rendered):
    rec = rendered(*DERIVATIVE_CURVE, "en").recorded
    x = np.array(rec["traced_x"][0])
    np.testing.assert_allclose(rec["traced_slope"][0], x**2 - 1, atol=1e-12)  # f = x^3/3 - x
    (x0, s0), (x1, s1) = rec["start"][0], rec["end"][0]
    assert s0 == pytest.approx(x0**2 - 1) and s1 == pytest.approx(x1**2 - 1)
    assert x[0] <= x0 + 1e-9 and x[-1] >= x1 - 0.05


def test_derivative_curve_reads_peak_valley_and_descent_direction(rendered):
    rec = rendered(*DERIVATIVE_CURVE, "en").recorded
    np.testing.assert_allclose(rec["critical_points"][0], [-1.0, 1.0], atol=1e-12)
    np.testing.assert_allclose(rec["critical_values"][0], [2 / 3, -2 / 3], atol=1e-12)
    assert rec["critical_kind"] == [[-1.0, 1.0]]  # f'' = 2x: a peak at -1, a valley at 1
    assert rec["rising_where_slope_positive"] == [1.0]
    assert rec["falling_where_slope_negative"] == [1.0]
    (x, slope, step), = rec["step"]
    assert slope == pytest.approx(x**2 - 1) and step == pytest.approx(-0.3 * slope)
    assert step < 0 and rec["step_goes_downhill"] == [1.0]  # "to the left, downhill"
    assert (x + 0.01 * np.sign(step)) ** 3 / 3 - (x + 0.01 * np.sign(step)) < x**3 / 3 - x


DERIVATIVE_RULES_SCENE = ("scenes/calculus/derivative_rules.py", "DerivativeRules")


def test_derivative_rules_match_closed_forms_and_tangent_slopes(rendered):
    rec = rendered(*DERIVATIVE_RULES_SCENE, "en").recorded
    x0 = np.ravel(rec["x0"])
    s, c = np.sin(x0), np.cos(x0)
    # power x^3, exp, log, sin, cos; u = sin x, v = x^2 + 1: sum, product, quotient
    expected = [3 * x0[0] ** 2, math.exp(x0[1]), 1 / x0[2], c[3], -s[4],
                c[5] + 2 * x0[5], c[6] * (x0[6] ** 2 + 1) + 2 * x0[6] * s[6],
                (c[7] * (x0[7] ** 2 + 1) - 2 * x0[7] * s[7]) / (x0[7] ** 2 + 1) ** 2]
    assert np.ravel(rec["rule"]).tolist() == list(range(8))
    np.testing.assert_allclose(rec["rule_value"], expected, rtol=1e-12)
    np.testing.assert_allclose(rec["autograd_slope"], expected, rtol=1e-12)
    assert rec["agree"] == [1.0] * 8 and rec["all_agree"] == [1.0]  # "all eight agree"


DIFF_INT = ("scenes/calculus/differential_integral.py", "DifferentialIntegral")


def test_differential_dy_is_2dx_and_the_gap_is_dx_squared(rendered):
    rec = rendered(*DIFF_INT, "en").recorded
    assert rec["slope"] == [pytest.approx(2.0)]  # f = x^2 at x = 1
    rows = np.array(rec["differential"])
    dx = rows[:, 0]
    np.testing.assert_allclose(rows[:, 1], 2 * dx, rtol=1e-12)  # dy = f'(1) dx
    np.testing.assert_allclose(rows[:, 2], (1 + dx) ** 2 - 1, rtol=1e-12)  # Δy
    np.testing.assert_allclose(rows[:, 3], dx**2, rtol=1e-9)  # Δy - dy = dx^2
    assert np.all(np.diff(dx) < 0)
    # "the gap shrinks faster than dx": (Δy - dy) / dx = dx falls
    np.testing.assert_allclose(rec["error_over_dx"][0], dx, rtol=1e-9)
    assert np.all(np.diff(rec["error_over_dx"][0]) < 0)


def test_the_strips_add_up_to_the_rise_of_an_antiderivative(rendered):
    rec = rendered(*DIFF_INT, "en").recorded
    ((xs, slopes),) = rec["antiderivative check"]
    np.testing.assert_allclose(slopes, np.asarray(xs) ** 2, rtol=1e-9, atol=1e-12)  # F' = x^2
    assert rec["F rise"] == [pytest.approx(8 / 3)]  # F(2) - F(0) = 8/3
    assert rec["F rise"][0] == pytest.approx(rec["exact"][0], rel=1e-9)  # "exactly the area"


def _left(n):
    h = 2 / n
    return h * sum((k * h) ** 2 for k in range(n))


def _right(n):
    h = 2 / n
    return h * sum((k * h) ** 2 for k in range(1, n + 1))


def _mid(n):
    h = 2 / n
    return h * sum(((k + 0.5) * h) ** 2 for k in range(n))


def test_riemann_sums_are_the_closed_forms_and_refine_to_8_over_3(rendered):
    rec = rendered(*DIFF_INT, "en").recorded
    assert rec["exact"] == [pytest.approx(8 / 3, rel=1e-14)]
    left, right, mid = rec["left_sum_4"][0], rec["right_sum_4"][0], rec["midpoint_sum_4"][0]
    assert left == pytest.approx(_left(4)) == pytest.approx(1.75)
    assert right == pytest.approx(_right(4)) == pytest.approx(3.75)
    assert mid == pytest.approx(_mid(4)) == pytest.approx(2.625)
    assert left < 8 / 3 < right  # "too little", "too much"
    assert abs(mid - 8 / 3) < min(8 / 3 - left, right - 8 / 3) / 10  # "already close"
    ns = [int(n) for n in rec["ns"][0]]
    np.testing.assert_allclose(rec["left_errors"][0], [8 / 3 - _left(n) for n in ns], rtol=1e-9)
    np.testing.assert_allclose(rec["midpoint_errors"][0], [8 / 3 - _mid(n) for n in ns],
                               rtol=1e-9)
    # left error 4/n - ... halves, midpoint error (2/n)^2 / 6 quarters: "about 2", "4 times"
    assert np.all(np.diff(rec["left_errors"][0]) < 0)
    assert np.all(np.diff(rec["midpoint_errors"][0]) < 0)
    np.testing.assert_allclose(rec["midpoint_error_ratios"][0], 4.0, rtol=1e-9)
    assert rec["halving_factors"] == [[2.0, 4.0]]
    assert rec["left_error_ratios"][0][-1] == pytest.approx(2.0, rel=0.05)


PARTIALS = ("scenes/calculus/partial_derivatives.py", "PartialDerivatives")


def test_partial_derivatives_are_the_analytic_partials_of_the_hill(rendered):
    rec = rendered(*PARTIALS, "en").recorded
    (x, y), = rec["point"]
    f = math.exp(-(x * x + y * y) / 2)
    assert rec["value"] == [pytest.approx(f, rel=1e-12)]
    assert rec["partial_x"] == [pytest.approx(-x * f, rel=1e-12)]  # f_x = -x f
    assert rec["partial_y"] == [pytest.approx(-y * f, rel=1e-12)]  # f_y = -y f
    np.testing.assert_allclose(rec["gradient"][0], [-x * f, -y * f], rtol=1e-12)
    # the words: along x the surface rises (f_x > 0), along y it falls (f_y < 0), and the
    # gradient points straight at the top (0, 0): cosine 1 with the direction -p
    assert -x * f > 0 > -y * f
    assert rec["gradient_cosine_to_top"] == [pytest.approx(1.0, abs=1e-12)]


def test_total_differential_weights_each_partial_by_its_step(rendered):
    rec = rendered(*PARTIALS, "en").recorded
    (x, y), = rec["point"]
    f = math.exp(-(x * x + y * y) / 2)
    fx, fy = -x * f, -y * f
    rows = np.array(rec["differential"])
    (step,) = rec["step"]
    np.testing.assert_allclose(rows[:, :2], np.outer([1.0, 0.5, 0.25], step), rtol=1e-12)
    dx, dy = rows[:, 0], rows[:, 1]
    np.testing.assert_allclose(rows[:, 2], fx * dx + fy * dy, rtol=1e-12)  # dz
    exact = np.exp(-((x + dx) ** 2 + (y + dy) ** 2) / 2) - f
    np.testing.assert_allclose(rows[:, 3], exact, rtol=1e-12)  # Δz
    np.testing.assert_allclose(rows[:, 4], np.abs(exact - (fx * dx + fy * dy)), rtol=1e-9)
    # "agrees better and better": the gap shrinks, and faster than the step
    assert np.all(np.diff(rows[:, 4]) < 0)
    assert np.all(np.diff(rec["error_over_step"][0]) < 0)
    # the source's "sum of the partials" is dz for dx = dy = 1 only, and even there not the
    # change of f: "the surface itself changes by ..."
    assert rec["sum_of_partials"] == [pytest.approx(fx + fy, rel=1e-12)]
    dz1, change1 = rec["unit step dz and change"][0]
    assert dz1 == pytest.approx(fx + fy, rel=1e-12)
    assert change1 == pytest.approx(math.exp(-((x + 1) ** 2 + (y + 1) ** 2) / 2) - f, rel=1e-12)
    assert abs(change1 - dz1) > 0.1
    # no row of the table shows the plain sum (the step is not a multiple of (1, 1))
    assert np.all(np.abs(np.abs(rows[:, 2]) - abs(fx + fy)) > 0.01)


def test_secants_from_the_left_close_in_on_the_same_slope(rendered):
    rec = rendered(*SECANT, "en").recorded
    assert rec["P"] == [[1.0, 1.0]]  # P = (x0, x0²) with x0 = 1
    hs = np.array(rec["h left"])
    assert np.all(hs < 0) and np.all(np.diff(np.abs(hs)) < 0)  # Q left of P, closing in
    np.testing.assert_allclose(rec["slope left"], 2 + hs, rtol=1e-9)  # "exactly 2 x0 + h"
    # "from the left the slopes rise": below 2, increasing towards it
    assert np.all(np.diff(rec["slope left"]) > 0) and max(rec["slope left"]) < 2


def test_compound_interest_every_second_is_still_short_of_e(rendered):
    rec = rendered(*COMPOUND, "en").recorded
    n = 365 * 24 * 3600
    (short,) = rec["short of e every second"]
    assert short == pytest.approx(math.e / (2 * n), rel=1e-3)  # e - (1 + 1/n)^n ≈ e / 2n
    assert short > 0


def test_total_differential_gap_quarters_when_the_step_halves(rendered):
    rec = rendered(*PARTIALS, "en").recorded
    gaps = np.array(rec["differential"])[:, 4]
    ratios = gaps[:-1] / gaps[1:]
    assert rec["gap factor per halving"] == [4]
    np.testing.assert_allclose(ratios, 4, rtol=0.1)  # second order: "about 4 times"
