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


def test_taylor_series_log1p_converges_inside_radius_1_and_gets_worse_beyond(rendered):
    rec = rendered(*TAYLOR, "en").recorded
    (c,) = rec["log_coefficients"]
    np.testing.assert_allclose(c[1:], [(-1) ** (k + 1) / k for k in range(1, len(c))], rtol=1e-12)
    assert rec["log_radius"] == [pytest.approx(1.0)]  # the singularity of log(1 + x) is at -1
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
