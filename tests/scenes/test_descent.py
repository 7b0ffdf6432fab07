"""Scenes of the topic "descent": the numbers they show against closed forms."""

from __future__ import annotations

import numpy as np
import pytest

GD_1D = ("scenes/descent/gd_1d.py", "GradientDescent1D")


def test_gd_1d_numbers_follow_closed_form(rendered):
    # SGD on (w - 2.3)^2 with lr 0.075: w_k = 2.3 + (9 - 2.3) * (1 - 2 * 0.075)^k.
    rec = rendered(*GD_1D, "en").recorded
    w = np.array(rec["w"])
    k = np.arange(len(w))
    assert len(w) == 101
    np.testing.assert_allclose(w, 2.3 + 6.7 * 0.85**k, rtol=0, atol=1e-9)
    np.testing.assert_allclose(rec["loss"], (6.7 * 0.85**k) ** 2, rtol=0, atol=1e-9)
    assert rec["loss"][0] == pytest.approx(44.89)


LR = ("scenes/descent/learning_rate.py", "LearningRate")
BATCH = ("scenes/descent/batch_sgd.py", "BatchMiniBatchSGD")
MOMENTUM = ("scenes/descent/momentum.py", "MomentumVsSGD")


def test_learning_rate_paths_follow_closed_form(rendered):
    rec = rendered(*LR, "en").recorded
    k = np.arange(13)
    for lr in (0.02, 0.3, 0.95):
        w = np.array(rec[f"w lr={lr}"])
        np.testing.assert_allclose(w, 2.3 + 6.7 * (1 - 2 * lr) ** k, atol=1e-9)
        assert rec[f"final loss lr={lr}"][0] == pytest.approx((6.7 * (1 - 2 * lr) ** 12) ** 2)


def test_batch_fit_approaches_least_squares(rendered):
    from mathcore.descent import line_data

    rec = rendered(*BATCH, "en").recorded
    d = line_data(noise=0.3, seed=3)
    w_ls, b_ls = np.polyfit(d.x, d.y, 1)
    best = np.mean((w_ls * d.x + b_ls - d.y) ** 2)  # least-squares MSE: nothing can beat it
    for m in ("batch", "minibatch", "sgd"):
        loss = np.array(rec[f"{m} loss"][0])
        assert loss.min() >= best - 1e-12
        assert loss[-1] < 1.1 * best
    batch_w = np.array(rec["batch w"][0])
    assert len(batch_w) == 21  # one update per epoch, 20 epochs
    # first batch step from w = b = 0 with lr 0.5: w1 = 0.5 * 2 * mean(x y)
    assert batch_w[1] == pytest.approx(np.mean(d.x * d.y))


def test_momentum_scene_shows_torch_buffers(rendered):
    rec = rendered(*MOMENTUM, "en").recorded
    sgd, mom = np.array(rec["sgd"][0]), np.array(rec["momentum"][0])
    vel = np.array(rec["velocity"][0])
    # plain SGD on 0.5 x^2 + 5 y^2: x and y shrink by (1 - 0.19) and (1 - 1.9) per step
    k = np.arange(31)
    np.testing.assert_allclose(sgd[:, 0], -3.5 * 0.81**k, atol=1e-12)
    np.testing.assert_allclose(sgd[:, 1], 1.5 * (-0.9) ** k, atol=1e-12)
    # momentum: w_{k+1} = w_k - lr v_k with v_k the buffer torch kept
    np.testing.assert_allclose(mom[1:], mom[:-1] - 0.06 * vel, atol=1e-12)
    final_sgd, final_mom = rec["final losses"][0]
    assert final_mom < final_sgd / 10
