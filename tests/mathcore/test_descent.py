"""mathcore.descent: trajectories of real torch.optim optimizers against hand-derived updates."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.descent import OPTIMIZERS, SURFACES, get_surface, lr_sweep, optimize


def test_course_sgd_on_quadratic_closed_form():
    # w_{k+1} = w_k - 0.075 * 2 (w_k - 2.3)  =>  w_k = 2.3 + 6.7 * 0.85^k
    t = optimize("course_quadratic", 9.0, "sgd", 0.075, 100)
    k = np.arange(101)
    np.testing.assert_allclose(t.positions[:, 0], 2.3 + 6.7 * 0.85**k, atol=1e-12)
    assert t.losses[0] == pytest.approx(44.89)  # not 36 as the course's comment says
    np.testing.assert_allclose(t.gradients[:, 0], 2 * 6.7 * 0.85**k, atol=1e-12)
    assert t.positions.shape == (101, 1) and t.losses.shape == (101,)
    assert t.velocities.shape == (100, 1) and t.step_sizes.shape == (100, 1)


@settings(deadline=None, max_examples=25)
@given(st.floats(0.01, 0.99), st.floats(-5.0, 5.0))
def test_gd_on_quadratic_decreases_when_lr_below_2_over_L(lr_frac, start):
    # L(w) = 3 (w - 1)^2 has curvature L = 6; any lr < 2/6 makes the loss fall every step.
    lr = lr_frac * 2 / 6
    t = optimize(lambda p: 3 * ((p - 1) ** 2).sum(), [start], "sgd", lr, 20)
    if start != 1.0:
        assert np.all(np.diff(t.losses) <= 1e-15)


def test_lr_sweep_too_small_good_too_large():
    runs = lr_sweep("course_quadratic", [0.01, 0.3, 1.05], steps=20)
    small, good, large = (runs[lr].losses for lr in (0.01, 0.3, 1.05))
    assert small[-1] > 10 and good[-1] < 1e-6  # too slow vs converged
    assert large[-1] > large[0]  # factor |1 - 2.1| = 1.1 > 1: oscillates and grows
    w = runs[1.05].positions[:, 0] - 2.3
    assert np.all(np.sign(w[1:]) != np.sign(w[:-1]))  # jumps across the minimum every step


def test_momentum_buffer_is_torch_velocity_recursion():
    mu, lr = 0.9, 0.05
    t = optimize("bowl", None, "momentum", lr, 30, momentum=mu)
    b = np.zeros(2)
    for k in range(30):
        b = mu * b + t.gradients[k]
        np.testing.assert_allclose(t.velocities[k], b, rtol=1e-12)
        np.testing.assert_allclose(t.positions[k + 1], t.positions[k] - lr * b, rtol=1e-12)


def test_nag_matches_sutskever_form_with_lookahead():
    mu, lr = 0.9, 0.05
    f = SURFACES["bowl"].fn
    t = optimize("bowl", None, "nag", lr, 40, momentum=mu)
    theta, v = np.array(SURFACES["bowl"].start), np.zeros(2)
    for k in range(40):
        look = theta + mu * v
        np.testing.assert_allclose(t.positions[k], theta, atol=1e-12)
        np.testing.assert_allclose(t.lookahead[k], look, atol=1e-12)
        p = torch.tensor(look, requires_grad=True)
        f(p).backward()
        v = mu * v - lr * p.grad.numpy()
        theta = theta + v


def test_sgd_zigzags_across_the_bowl_and_momentum_methods_go_faster_along_it():
    sgd = optimize("bowl", None, "sgd", 0.18, 40)
    y = sgd.positions[:, 1]
    assert np.all(np.sign(y[1:]) != np.sign(y[:-1]))  # factor 1 - 0.18 * 10 = -0.8 each step
    slow = optimize("bowl", None, "sgd", 0.02, 40)  # x shrinks by only 0.98 a step
    for name in ("momentum", "nag"):
        fast = optimize("bowl", None, name, 0.02, 40, momentum=0.9)
        assert fast.losses[-1] < slow.losses[-1] / 5


def test_adam_step_sizes_explain_the_displacement():
    b1, b2, lr = 0.9, 0.999, 0.1
    t = optimize("rosenbrock", None, "adam", lr, 50)
    m = v = np.zeros(2)
    for k in range(50):
        g = t.gradients[k]
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g**2
        expected = lr / (1 - b1 ** (k + 1)) / (np.sqrt(v / (1 - b2 ** (k + 1))) + 1e-8)
        np.testing.assert_allclose(t.step_sizes[k], expected, rtol=1e-10)
        np.testing.assert_allclose(t.positions[k + 1] - t.positions[k], -t.step_sizes[k] * m,
                                   rtol=1e-8, atol=1e-14)


def test_rmsprop_and_adagrad_step_sizes_from_state():
    t = optimize("bowl", None, "adagrad", 0.5, 10)
    acc = np.cumsum(t.gradients[:10] ** 2, axis=0)
    np.testing.assert_allclose(t.step_sizes, 0.5 / (np.sqrt(acc) + 1e-10), rtol=1e-10)
    r = optimize("bowl", None, "rmsprop", 0.01, 10)
    sq = np.zeros(2)
    for k in range(10):
        sq = 0.99 * sq + 0.01 * r.gradients[k] ** 2
        np.testing.assert_allclose(r.step_sizes[k], 0.01 / (np.sqrt(sq) + 1e-8), rtol=1e-10)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_reaches_the_bowl_minimum(name):
    lr = {"sgd": 0.1, "momentum": 0.05, "nag": 0.05, "adam": 0.1, "rmsprop": 0.02,
          "adagrad": 1.0}[name]
    t = optimize("bowl", None, name, lr, 400)
    assert np.linalg.norm(t.final) < 1e-2


def test_start_point_decides_the_basin():
    left = optimize("two_minima", [-0.3, 1.0], "sgd", 0.05, 300)
    right = optimize("two_minima", [0.3, 1.0], "sgd", 0.05, 300)
    mins = np.array(SURFACES["two_minima"].minima)
    np.testing.assert_allclose(left.final, mins[0], atol=1e-4)
    np.testing.assert_allclose(right.final, mins[1], atol=1e-4)
    # the stated minima really are critical points of the polynomial 4x(x^2-1) + 0.3
    np.testing.assert_allclose(4 * mins[:, 0] * (mins[:, 0] ** 2 - 1) + 0.3, 0, atol=1e-4)


def test_saddle_gd_lingers_momentum_escapes_faster():
    sgd = optimize("saddle", None, "sgd", 0.05, 200)
    mom = optimize("saddle", None, "momentum", 0.05, 200, momentum=0.9)

    def escape_step(t):
        return int(np.argmax(np.abs(t.positions[:, 1]) > 1.0))

    assert 0 < escape_step(mom) < escape_step(sgd)


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown optimizer"):
        optimize("bowl", None, "lbfgs")
    with pytest.raises(ValueError, match="Unknown surface"):
        optimize("himmelblau")
    with pytest.raises(ValueError, match="steps >= 0"):
        optimize("bowl", None, "sgd", 0.1, -1)
    with pytest.raises(ValueError, match="lr > 0"):
        optimize("bowl", None, "sgd", 0.0)
    with pytest.raises(ValueError, match="start point"):
        optimize(lambda p: (p**2).sum())
    with pytest.raises(ValueError, match="non-finite"):
        optimize("course_quadratic", 9.0, "sgd", 5.0, 2000)


def test_surface_grid_and_curve_match_the_function():
    X, Y, Z = get_surface("rosenbrock").grid(7)
    np.testing.assert_allclose(Z, (1 - X) ** 2 + 100 * (Y - X**2) ** 2, rtol=1e-12)
    x, y = get_surface("course_quadratic").curve(11)
    np.testing.assert_allclose(y, (x - 2.3) ** 2)
    with pytest.raises(ValueError):
        get_surface("bowl").curve()


def test_surface_values_at_scattered_points_match_closed_forms():
    rng = np.random.default_rng(3)
    x, y = rng.uniform(-3, 3, (2, 4, 5))
    np.testing.assert_allclose(get_surface("saddle").values(x, y), x**2 - y**2, rtol=1e-12)
    hills = (1.5 * np.exp(-((x - 1.2) ** 2 + (y - 1.0) ** 2))
             + np.exp(-((x + 1.5) ** 2 + (y + 1.2) ** 2) / 0.8))
    np.testing.assert_allclose(get_surface("mountain").values(x, y),
                               0.25 * (x**2 + y**2) + hills, rtol=1e-12)
    assert get_surface("two_minima").values(0.5, -0.25) == pytest.approx(
        (0.25 - 1) ** 2 + 0.15 + 0.0625)
    with pytest.raises(ValueError, match="2-D"):
        get_surface("course_quadratic").values(x, y)


@pytest.mark.parametrize("level", [0.5, 2.0, 4.5])
def test_contour_segments_lie_on_the_level_set_of_the_bowl(level):
    from mathcore.descent import contour_segments

    X, Y, Z = get_surface("bowl").grid(81)
    seg = contour_segments(X, Y, Z, level)
    pts = seg.reshape(-1, 2)
    values = 0.5 * pts[:, 0] ** 2 + 5 * pts[:, 1] ** 2
    # on a grid of spacing 0.1 (x) and 0.05 (y), linear interpolation is this close
    np.testing.assert_allclose(values, level, rtol=0.02, atol=0.01)
    # the ellipse 0.5 x^2 + 5 y^2 = level has semi-axes sqrt(2 level) and sqrt(level / 5)
    assert pts[:, 0].max() == pytest.approx(np.sqrt(2 * level), rel=0.02)
    assert pts[:, 1].max() == pytest.approx(np.sqrt(level / 5), rel=0.02)
    # closed curve: every end point is shared by an even number of segment ends
    _, counts = np.unique(np.round(pts, 9), axis=0, return_counts=True)
    assert np.all(counts % 2 == 0)


def test_gd_lingers_at_the_saddle_and_momentum_leaves_sooner():
    from mathcore.descent import first_exit

    # GD on x^2 - y^2: y_k = y_0 (1 + 2 lr)^k, so from y_0 = 1e-3 with lr 0.1 it passes 2
    # after the first k with 1.2^k > 2000, that is k = 42.
    gd = optimize("saddle", (1.5, 1e-3), "sgd", 0.1, 80)
    np.testing.assert_allclose(gd.positions[:, 1], 1e-3 * 1.2 ** np.arange(81), rtol=1e-12)
    window = (-2.0, 2.0, -2.0, 2.0)
    assert first_exit(gd.positions, window) == int(np.ceil(np.log(2000) / np.log(1.2)))
    mom = optimize("saddle", (1.5, 1e-3), "momentum", 0.1, 80, momentum=0.9)
    assert first_exit(mom.positions, window) < first_exit(gd.positions, window)
    assert first_exit(gd.positions[:5], window) is None
    with pytest.raises(ValueError, match="shape"):
        first_exit(np.zeros(3), window)


def test_quadratic_rates_limit_and_best():
    from mathcore.descent import contraction, mse_hessian, quadratic_rates

    r = quadratic_rates(np.diag([1.0, 10.0]))  # the bowl 0.5 x^2 + 5 y^2
    assert (r.limit, r.best) == pytest.approx((0.2, 2 / 11))
    assert r.best_factor == pytest.approx(9 / 11)
    # the best rate minimises the worst contraction over a grid of rates, and equals it there
    grid = np.linspace(0.001, 0.199, 397)
    worst = [contraction(np.diag([1.0, 10.0]), lr) for lr in grid]
    assert grid[int(np.argmin(worst))] == pytest.approx(r.best, abs=1e-3)
    assert contraction(np.diag([1.0, 10.0]), r.best) == pytest.approx(r.best_factor)
    assert quadratic_rates(2.0).limit == 1.0 and quadratic_rates(2.0).best == 0.5
    with pytest.raises(ValueError, match="positive definite"):
        quadratic_rates(np.diag([1.0, -1.0]))
    # the MSE Hessian of a line fit, against autograd
    x = np.linspace(0.01, 0.99, 99)
    y = 3 * x + 4

    def mse(p):
        return ((p[0] * torch.from_numpy(x) + p[1] - torch.from_numpy(y)) ** 2).mean()

    h = torch.autograd.functional.hessian(mse, torch.tensor([0.5, 0.5], dtype=torch.float64))
    np.testing.assert_allclose(mse_hessian(x), h.numpy(), rtol=1e-12)


def test_surface_hessian_and_least_squares():
    from mathcore.descent import least_squares, line_data

    np.testing.assert_allclose(get_surface("saddle").hessian((0.3, -0.2)), np.diag([2.0, -2.0]))
    np.testing.assert_allclose(get_surface("course_quadratic").hessian(9.0), [[2.0]])
    d = line_data(noise=0.3, seed=3)
    w, b, loss = least_squares(d)
    np.testing.assert_allclose([w, b], np.polyfit(d.x, d.y, 1), rtol=1e-10)
    assert loss == pytest.approx(np.mean((w * d.x + b - d.y) ** 2))
