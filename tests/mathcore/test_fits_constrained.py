"""The course's fits and the constrained problems, against closed forms and autograd."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from mathcore.descent import (
    course_line_fit,
    dual_function,
    fit_line,
    lagrange_point,
    line_data,
    regularisation_path,
    regularised_minimum,
    sigmoid_data,
    sigmoid_fit,
)


def test_line_data_is_the_course_data_and_seeded():
    d = line_data()
    np.testing.assert_allclose(d.x, np.arange(1, 100) / 100)
    assert np.abs(d.y - (3 * d.x + 4)).max() < 0.05
    np.testing.assert_array_equal(line_data(seed=1).y, line_data(seed=1).y)
    assert not np.array_equal(line_data(seed=1).y, line_data(seed=2).y)


def test_batch_gd_first_step_is_the_mse_gradient():
    d = line_data(noise=0.0)
    fit = fit_line(d, "batch", lr=0.5, epochs=1, w0=0.0, b0=0.0)
    # d/dw mean((w x + b - y)^2) at 0 = -2 mean(x y); d/db = -2 mean(y)
    assert fit.w[1] == pytest.approx(0.5 * 2 * np.mean(d.x * d.y))
    assert fit.b[1] == pytest.approx(0.5 * 2 * np.mean(d.y))
    assert fit.updates_per_epoch == 1


def test_batch_minibatch_sgd_all_approach_least_squares_and_sgd_is_noisiest():
    d = line_data(noise=0.3, seed=3)
    w_ls, b_ls = np.polyfit(d.x, d.y, 1)
    fits = {m: fit_line(d, m, lr=lr, epochs=40, batch_size=10)
            for m, lr in (("batch", 0.5), ("minibatch", 0.2), ("sgd", 0.05))}
    for f in fits.values():
        assert f.loss[-1] < 0.15
    assert abs(fits["batch"].b[-1] - b_ls) < 0.3
    assert len(fits["batch"].loss) == 41 and fits["minibatch"].updates_per_epoch == 10
    assert fits["sgd"].updates_per_epoch == 99

    # BGD on this convex loss with a small rate never goes up; the sampled methods do.
    assert np.all(np.diff(fits["batch"].loss) <= 1e-12)
    for m in ("minibatch", "sgd"):
        assert np.mean(np.diff(fits[m].loss) > 0) > 0.1
    assert abs(fits["batch"].w[-1] - w_ls) < abs(fits["batch"].w[0] - w_ls)


def test_course_line_fit_finds_3_and_4():
    fit = course_line_fit()
    assert len(fit.w) == 51
    assert fit.w[-1] == pytest.approx(3.0, abs=0.05) and fit.b[-1] == pytest.approx(4.0, abs=0.03)
    assert fit.loss[-1] < fit.loss[0] / 100


def test_sigmoid_fit_hand_gradients_match_autograd():
    xs, ys = sigmoid_data()
    w, b = torch.tensor(0.5, dtype=torch.float64, requires_grad=True), \
        torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    for x, y in zip(xs, ys, strict=True):  # one epoch, point by point, with autograd
        loss = (torch.sigmoid(w * x + b) - y) ** 2
        gw, gb = torch.autograd.grad(loss, [w, b])
        with torch.no_grad():
            w -= 0.4 * gw
            b -= 0.4 * gb
    fit = sigmoid_fit(epochs=1)
    assert fit.w[1] == pytest.approx(w.item(), rel=1e-12)
    assert fit.b[1] == pytest.approx(b.item(), rel=1e-12)


def test_sigmoid_fit_loss_falls():
    fit = sigmoid_fit(epochs=300)
    assert fit.loss[-1] < fit.loss[0] / 50
    assert np.all(np.diff(fit.loss[10:]) < 0)


def test_lagrange_closest_point_on_the_unit_circle():
    # min (x-2)^2 + (y-1)^2 s.t. x^2 + y^2 = 1: the point (2, 1)/sqrt(5), gradients parallel
    lp = lagrange_point(lambda p: (p[0] - 2) ** 2 + (p[1] - 1) ** 2,
                        lambda p: p[0] ** 2 + p[1] ** 2 - 1, [1.0, 0.5])
    np.testing.assert_allclose(lp.point, np.array([2, 1]) / math.sqrt(5), atol=1e-10)
    np.testing.assert_allclose(lp.grad_f, lp.multiplier * lp.grad_g, atol=1e-10)
    assert lp.value == pytest.approx((math.sqrt(5) - 1) ** 2)
    assert lp.multiplier == pytest.approx(1 - math.sqrt(5))


def test_dual_of_x_squared_with_x_at_least_1():
    # L = x^2 + lam (1 - x); g(lam) = lam - lam^2 / 4, max g = 1 at lam = 2 = p* (Slater: x = 2)
    lam = np.linspace(0, 4, 81)
    dp = dual_function(lambda x: x**2, lambda x: 1 - x, lam, (-3.0, 3.0))
    np.testing.assert_allclose(dp.values, lam - lam**2 / 4, atol=1e-6)
    assert np.all(dp.values <= dp.primal_optimum + 1e-9)  # weak duality
    assert np.all(np.diff(dp.values, 2) <= 1e-9)  # concave
    assert dp.primal_optimum == pytest.approx(1.0, abs=1e-6)
    assert dp.dual_optimum == pytest.approx(1.0, abs=1e-6) and dp.best_lambda == pytest.approx(2)
    with pytest.raises(ValueError):
        dual_function(lambda x: x**2, lambda x: 1 - x, [-1.0], (-3, 3))


def test_l2_regularisation_moves_the_optimum_to_zero():
    # (w - 3)^2 + alpha w^2  ->  w* = 3 / (1 + alpha)
    alphas = [0.0, 0.5, 1.0, 4.0]
    path = regularisation_path(lambda w: ((w - 3) ** 2).sum(), alphas, [0.0])
    np.testing.assert_allclose(path[:, 0], [3 / (1 + a) for a in alphas], rtol=1e-8)
    # on the bowl 0.5 x^2 + 5 y^2 around (2, 1): each coordinate shrinks by its own curvature
    w = regularised_minimum(lambda p: 0.5 * (p[0] - 2) ** 2 + 5 * (p[1] - 1) ** 2, 1.0,
                            [0.0, 0.0])
    np.testing.assert_allclose(w, [0.5 * 2 / 1.5, 5 / 6], rtol=1e-8)
    with pytest.raises(ValueError):
        regularised_minimum(lambda w: (w**2).sum(), -1.0, [0.0])
