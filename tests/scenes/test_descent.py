"""Scenes of the topic "descent": the numbers they show against closed forms."""

from __future__ import annotations

import re

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
    # L'' = 2: the distance shrinks by |1 - 2 eta|; it grows above eta = 1, and eta = 0.5
    # lands in one step (the narration's numbers)
    assert rec["second derivative"][0] == pytest.approx(2.0)
    assert rec["limit and best"][0] == pytest.approx([1.0, 0.5])
    assert all(abs(1 - 2 * lr) < 1 for lr in (0.02, 0.3, 0.95))
    # "that factor is 0.96, 0.4 and -0.9: the first barely shrinks, the last flips sign"
    factors = rec["step factors"][0]
    assert factors == pytest.approx([1 - 2 * lr for lr in (0.02, 0.3, 0.95)])
    assert factors[0] > 0.95 and factors[2] < 0 < factors[1]
    assert 2.3 + 6.7 * (1 - 2 * 0.5) == pytest.approx(2.3)


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
    # "batch GD is slow per epoch, SGD fast but noisy, mini-batches in between" (records in
    # the order batch, sgd, minibatch)
    b1, s1, m1 = rec["loss after one epoch"][0]
    assert b1 > m1 > s1
    bw, sw, mw = rec["wobble"][0]
    assert bw < mw < sw
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
    # the narration: "about 86 times lower", the numbers of the issue, a fair comparison
    assert final_sgd == pytest.approx(0.0202, abs=5e-5)
    assert final_mom == pytest.approx(2.34e-4, abs=5e-7)
    assert round(final_sgd / final_mom) == 86
    assert rec["effective rate"][0] == pytest.approx(0.06 / (1 - 0.7)) == pytest.approx(0.2)
    assert abs(rec["effective rate"][0] - 0.19) / 0.19 < 0.06  # within 6 % of plain SGD's rate
    assert rec["curvatures"][0] == pytest.approx([1.0, 10.0])  # "10 times" across


NAG = ("scenes/descent/nag.py", "NesterovMomentum")
ADAM = ("scenes/descent/adam_race.py", "AdamRace")
CODE = ("scenes/descent/course_code.py", "CourseCode")


def test_nag_scene_lookahead_is_walker_plus_mu_v(rendered):
    rec = rendered(*NAG, "en").recorded
    walker, ahead = np.array(rec["walker"]), np.array(rec["lookahead"])
    nag = np.array(rec["nag"][0])
    # Sutskever form: v_k = w_k - w_{k-1}, look-ahead = w_k + mu v_k (mu = 0.8)
    for k, (w, a) in enumerate(zip(walker, ahead, strict=True), start=1):
        np.testing.assert_allclose(w, nag[k], atol=1e-12)
        np.testing.assert_allclose(a, nag[k] + 0.8 * (nag[k] - nag[k - 1]), atol=1e-12)
    # the gradient shown is the bowl's gradient (x, 10 y) at the look-ahead point
    np.testing.assert_allclose(rec["gradient at lookahead"],
                               ahead * np.array([1.0, 10.0]), atol=1e-12)
    final_mom, final_nag = rec["final losses"][0]
    assert final_nag < final_mom
    # "about 15 times lower"
    assert rec["nag lower by"][0] == pytest.approx(final_mom / final_nag) and final_mom > 10 * final_nag


def test_nag_rule_on_screen_is_what_torch_does(rendered):
    """Run the three lines of NAG_RULE as written (torch's convention) and torch's own
    SGD(nesterov=True) side by side: torch's parameter is the look-ahead point w~, and the
    walker w and the look-ahead point match what the scene recorded."""
    import torch

    from scenes.descent.nag import LR as lr
    from scenes.descent.nag import MU as mu
    from scenes.descent.nag import NAG_RULE, STEPS

    assert NAG_RULE == (r"\tilde w = w - \eta \mu v", r"v \leftarrow \mu v + \nabla L(\tilde w)",
                        r"w \leftarrow w - \eta v")

    def grad(p):  # the bowl 0.5 x^2 + 5 y^2
        return np.array([p[0], 10 * p[1]])

    p = torch.tensor([-3.5, 1.5], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr, momentum=mu, nesterov=True)
    w, v = np.array([-3.5, 1.5]), np.zeros(2)
    walkers, aheads = [], []
    for _ in range(STEPS):
        ahead = w - lr * mu * v  # w~ = w - eta mu v
        np.testing.assert_allclose(p.detach().numpy(), ahead, atol=1e-12)
        walkers.append(w)
        aheads.append(ahead)
        v = mu * v + grad(ahead)  # v <- mu v + grad L(w~)
        w = w - lr * v  # w <- w - eta v
        opt.zero_grad()
        (0.5 * p[0] ** 2 + 5 * p[1] ** 2).backward()
        opt.step()
    walkers.append(w)
    rec = rendered(*NAG, "en").recorded
    np.testing.assert_allclose(rec["nag"][0], walkers, atol=1e-12)
    np.testing.assert_allclose(rec["lookahead"], [aheads[k] for k in (1, 2, 3)], atol=1e-12)


def test_tuning_optimizer_panel_narrates_its_own_ranking(rendered):
    r = rendered("scenes/descent/tuning.py", "TrainingKnobs", "en")
    gd, mom, adam = r.recorded["optimizer finals"][0]
    assert mom < adam < gd  # Momentum lowest, Adam next, GD behind: as narrated
    assert any(line.startswith("On Rosenbrock after 400 steps, Momentum ends lowest")
               and ", Adam next" in line and ", GD still" in line for line in r.narration)
    assert "An adaptive rate is no guarantee: here Adam does not end lowest." in r.narration


def test_adam_scene_step_sizes_and_race(rendered):
    rec = rendered(*ADAM, "en").recorded
    adam = np.array(rec["adam"][0])
    # recompute Adam's effective rates at step 20 (t = 20: the gradients at the first 20
    # positions) by hand from the gradients of Rosenbrock
    x, y = adam[:20, 0], adam[:20, 1]
    g = np.stack([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)], axis=1)
    v = np.zeros(2)
    for k in range(20):
        v = 0.999 * v + 0.001 * g[k] ** 2
    expected = 0.1 / (1 - 0.9**20) / (np.sqrt(v / (1 - 0.999**20)) + 1e-8)
    np.testing.assert_allclose(rec["adam step sizes"][0], expected, rtol=1e-9)
    names = ("sgd", "momentum", "nag", "adagrad", "rmsprop", "adam")
    assert all(len(rec[n][0]) == 401 for n in names)
    finals = rec["final losses"][0]
    assert finals[2] == min(finals)  # NAG closest after 400 steps, as the narration says
    # "the rate in y is 2.9 times the rate in x": the gradients in x were larger
    assert expected[0] < expected[1]
    assert rec["adam rate ratio"][0] == pytest.approx(expected[1] / expected[0])
    assert np.sum(g[:, 0] ** 2) > np.sum(g[:, 1] ** 2)
    # Adagrad: the sum of squared gradients only grows, so its rates only shrink
    first, last = np.array(rec["adagrad step sizes"][0])
    assert np.all(last < first) and finals[3] > 4
    # "Adagrad's rates shrank to ..., about plain GD's 0.001: it ends next to GD's 4.76"
    assert np.all((0.5 * 0.001 < last) & (last < 2 * 0.001))
    assert abs(finals[3] - finals[0]) < 0.15 * finals[0]
    # "On this valley Adam is not the best: Momentum and NAG end lower"
    assert rec["ahead of adam"][0] == [finals[1], finals[2]]
    assert finals[1] < finals[5] and finals[2] < finals[5]
    assert all(f > finals[5] for i, f in enumerate(finals) if i not in (1, 2, 5))


def _run_listing(name: str, capsys) -> str:
    import runpy

    from scenes.common.widgets import PROJECT_ROOT

    runpy.run_path(str(PROJECT_ROOT / "scenes/descent/code" / name), run_name="__main__")
    return capsys.readouterr().out


def test_listings_run_and_print_what_the_scene_shows(capsys):
    from mathcore.descent import course_line_fit, sigmoid_fit

    assert _run_listing("grad_accumulates.py", capsys).split() == \
        ["tensor(27.)", "tensor(54.)", "tensor(27.)"]
    s = sigmoid_fit(300)
    assert _run_listing("sigmoid_fit.py", capsys).split() == \
        [str(round(s.w[-1], 4)), str(round(s.b[-1], 4))]
    c = course_line_fit(50)
    assert _run_listing("line_fit.py", capsys).split() == \
        [str(round(c.w[-1], 2)), str(round(c.b[-1], 2))]


def test_course_code_scene_numbers(rendered):
    rec = rendered(*CODE, "en").recorded
    assert rec["autograd"] == [pytest.approx(27.0)]
    assert rec["accumulated"] == [[27.0, 54.0, 27.0]]
    w, b = np.array(rec["line w"][0]), np.array(rec["line b"][0])
    assert len(w) == 51 and abs(w[-1] - 3) < 0.02 and abs(b[-1] - 4) < 0.02
    sig = np.array(rec["sigmoid w b"])
    assert np.all(np.diff(sig[:, 0]) > 0)  # w keeps growing towards 5
    # "the loss is tiny yet w is far from 5: the targets sit where the sigmoid saturates"
    lo, hi = rec["sigmoid targets"][0]
    assert lo == pytest.approx(1 / (1 + np.exp(-3))) and lo > 0.95 and hi < 1
    assert rec["sigmoid loss"][0] < 1e-4 and abs(sig[-1, 0] - 5) > 2
    # slope of the sigmoid there: at most s(3)(1 - s(3)) = 0.045, a flat valley
    assert lo * (1 - lo) < 0.05
    # the zoomed plot holds every target and the final fit, which is flatter than the targets
    y0, y1, first, last = rec["sigmoid zoom"][0]
    assert y0 <= lo and hi <= y1 and y0 <= first <= y1 and y0 <= last <= y1
    w, b = sig[-1]
    assert first == pytest.approx(1 / (1 + np.exp(-b))) and first > lo and last < hi


def test_listings_in_chinese_show_translated_comments_and_the_same_code():
    import os

    from scenes.common.widgets import PROJECT_ROOT, code_block
    from scenes.descent.course_code import COMMENTS_ZH

    old = os.environ.get("LECTURE_LANG")
    os.environ["LECTURE_LANG"] = "zh"
    try:
        for name in ("autograd_x_cubed.py", "grad_accumulates.py", "line_fit.py",
                     "sigmoid_fit.py"):
            path = "scenes/descent/code/" + name
            shown = code_block(path, comments_zh=COMMENTS_ZH).source
            original = (PROJECT_ROOT / path).read_text(encoding="utf-8")
            for line_zh, line in zip(shown.splitlines(), original.splitlines(), strict=True):
                code_zh, _, comment_zh = line_zh.partition("  # ")
                code, _, comment = line.partition("  # ")
                assert code_zh == code  # the code is untouched
                if comment:  # no English word left in a comment
                    assert not re.search(r"\b(?!dy|dx|x|grad|backward)[a-z]{2,}\b", comment_zh), \
                        comment_zh
    finally:
        if old is None:
            os.environ.pop("LECTURE_LANG", None)
        else:
            os.environ["LECTURE_LANG"] = old
    # zero_grad() sets .grad to None in current torch, so the listing must not claim it zeroes
    assert "zero_grad" not in (PROJECT_ROOT / "scenes/descent/code/grad_accumulates.py").read_text()


CONSTRAINED = ("scenes/descent/constrained.py", "ConstrainedOptimisation")
TUNING = ("scenes/descent/tuning.py", "TrainingKnobs")


def test_constrained_scene_numbers_match_closed_forms(rendered):
    rec = rendered(*CONSTRAINED, "en").recorded
    np.testing.assert_allclose(rec["lagrange point"][0], np.array([2, 1]) / np.sqrt(5),
                               atol=1e-10)
    # L = f + λh: ∇f + λ∇h = 0 at the point (2, 1)/√5 gives λ = √5 − 1
    assert rec["multiplier"][0] == pytest.approx(np.sqrt(5) - 1)
    grad_f, grad_g = (np.array(g) for g in rec["gradients"][0])
    assert abs(grad_f[0] * grad_g[1] - grad_f[1] * grad_g[0]) < 1e-9  # parallel
    for a in (0, 0.5, 1, 3):
        assert rec[f"w* alpha={a:g}"][0] == pytest.approx(3 / (1 + a), rel=1e-8)
    lam = np.linspace(0, 4, 81)
    np.testing.assert_allclose(rec["dual values"][0], lam - lam**2 / 4, atol=1e-6)
    assert rec["primal optimum"][0] == pytest.approx(1.0, abs=1e-6)
    assert rec["dual optimum"][0] == pytest.approx([2.0, 1.0], abs=1e-6)
    # "lambda is positive: grad f points into the circle, grad h out of it"
    assert rec["multiplier"][0] > 0 and rec["gradients point apart"][0] == 1.0
    assert float(np.dot(grad_f, grad_g)) < 0


def test_tuning_scene_curves(rendered):
    rec = rendered(*TUNING, "en").recorded
    k = np.arange(61)
    # lr 0.02 on 0.5 x^2 + 5 y^2 from (-3.5, 1.5): x shrinks by 0.98, y by 0.8 per step
    expected = 0.5 * (3.5 * 0.98**k) ** 2 + 5 * (1.5 * 0.8**k) ** 2
    np.testing.assert_allclose(rec["Momentum: μ = 0.0"][0], expected, rtol=1e-10)
    batch = np.array(rec["Batch size: batch 99"][0])
    assert np.all(np.diff(batch) <= 1e-12)  # full-batch GD on a convex loss never goes up
    sgd = np.array(rec["Batch size: batch 1"][0])
    assert np.any(np.diff(sgd) > 0)  # single-point updates do


def test_tuning_learning_rate_claims():
    """The learning-rate panel's words: limit 2/lambda_max, best rate 2/(lambda_min +
    lambda_max), eta = 0.3 ahead at epoch 10, the best rate lowest at epoch 60."""
    from mathcore.descent import least_squares, line_data
    from scenes.descent.tuning import _panel_data

    data = line_data(noise=0.3, seed=3)
    lam = np.linalg.eigvalsh(2 * np.array([[np.mean(data.x**2), np.mean(data.x)],
                                           [np.mean(data.x), 1.0]]))
    panels, numbers = _panel_data()
    rates = numbers["rates"]
    assert rates.limit == pytest.approx(2 / lam[1]) and rates.limit == pytest.approx(0.789,
                                                                                       abs=1e-3)
    assert rates.best == pytest.approx(2 / (lam[0] + lam[1]))
    small, mid, best = (run[3] for run in panels[1][4])
    assert mid[10] < best[10] and mid[10] < small[10]  # "at epoch 10, eta = 0.3 is ahead"
    assert best[-1] < mid[-1] < small[-1]  # "by epoch 60, the best rate is the closest"
    assert numbers["floor"] == pytest.approx(least_squares(data)[2])
    assert min(small.min(), mid.min(), best.min()) > -1e-12  # nothing beats least squares


MOUNTAIN = ("scenes/descent/mountain_walk.py", "WalkingDownTheMountain")


def mountain_gradient(p: np.ndarray) -> np.ndarray:
    """∇ of 0.25 (x² + y²) + 1.5 exp(-|p - (1.2, 1)|²) + exp(-|p + (1.5, 1.2)|² / 0.8)."""
    a, b = p - np.array([1.2, 1.0]), p + np.array([1.5, 1.2])
    return 0.5 * p - 3.0 * np.exp(-(a @ a)) * a - 2.5 * np.exp(-(b @ b) / 0.8) * b


def test_mountain_walk_is_gradient_descent_in_closed_form(rendered):
    rec = rendered(*MOUNTAIN, "en").recorded
    start = np.array(rec["start"][0])
    np.testing.assert_allclose(start, [2.5, 2.2])
    np.testing.assert_allclose(rec["gradient"][0], mountain_gradient(start), rtol=1e-10)
    assert rec["step length"][0] == pytest.approx(0.5 * np.linalg.norm(mountain_gradient(start)))
    for key, lr, steps in (("walk", 0.5, 40), ("stride", 2.0, 40)):
        path = np.array(rec[key][0])
        assert path.shape == (steps + 1, 2)
        expected = [start]
        for _ in range(steps):
            expected.append(expected[-1] - lr * mountain_gradient(expected[-1]))
        np.testing.assert_allclose(path, expected, rtol=0, atol=1e-9)
    # The careful walk ends in the valley: lower than anywhere on its way, never going up.
    loss = np.array(rec["walk loss"][0])
    assert loss[-1] == loss.min() < 0.2 * loss[0]
    assert np.all(np.diff(loss) <= 1e-12)
    # The narration: "4 times the careful rate"; "at step k the loss jumps back up to ...";
    # "they never settle: over the last 10 steps the loss jumps between lo and hi, while the
    # careful walk rests at ...": every one of those steps is above the walk's end, and they
    # spread over more than a factor of 10.
    assert rec["lr ratio"][0] == pytest.approx(4.0)
    stride = np.array(rec["stride loss"][0])
    peak, peak_loss = rec["stride peak"][0]
    assert stride[int(peak)] == peak_loss > stride[int(peak) - 1]
    n, lo, hi, rest = rec["stride last steps"][0]
    assert (lo, hi) == (stride[-int(n):].min(), stride[-int(n):].max()) and rest == loss[-1]
    assert lo > rest and hi > 10 * lo


MINIMA = ("scenes/descent/minima_saddle.py", "LocalMinimaAndSaddles")


def test_minima_and_saddle_runs_in_closed_form(rendered):
    rec = rendered(*MINIMA, "en").recorded
    # Double well (x^2 - 1)^2 + 0.3 x + y^2: gradient (4x(x^2 - 1) + 0.3, 2y); its minima are
    # the outer real roots of 4x^3 - 4x + 0.3 = 0.
    roots = np.sort(np.roots([4, 0, -4, 0.3]).real)
    for i, start, minimum in ((0, (0.2, 1.0), roots[2]), (1, (-0.2, 1.0), roots[0])):
        path = np.array(rec[f"wells run {i}"][0])
        expected = [np.array(start)]
        for _ in range(60):
            x, y = expected[-1]
            expected.append(expected[-1] - 0.05 * np.array([4 * x * (x * x - 1) + 0.3, 2 * y]))
        np.testing.assert_allclose(path, expected, rtol=0, atol=1e-9)
        assert path[-1] == pytest.approx([minimum, 0.0], abs=0.9**60 + 1e-6)  # y_k = 0.9^k
    local, global_ = rec["valley losses"][0]
    assert local == pytest.approx((roots[2] ** 2 - 1) ** 2 + 0.3 * roots[2], abs=1e-5)
    assert global_ == pytest.approx((roots[0] ** 2 - 1) ** 2 + 0.3 * roots[0], abs=1e-5)
    assert global_ < local
    # Saddle x^2 - y^2 from (1.5, 1e-3), lr 0.1: x_k = 1.5 * 0.8^k, y_k = 1e-3 * 1.2^k, and
    # |y| first passes 2 at k = 42; the drawn path stops inside the window.
    gd = np.array(rec["saddle sgd"][0])
    k = np.arange(len(gd))
    np.testing.assert_allclose(gd, np.stack([1.5 * 0.8**k, 1e-3 * 1.2**k], axis=1), atol=1e-12)
    assert rec["saddle exit sgd"][0] == 42 == len(gd)
    # Heavy ball as torch runs it: v <- mu v + g (v = g at first), w <- w - lr v.
    mom = np.array(rec["saddle momentum"][0])
    w, v, expected = np.array([1.5, 1e-3]), np.zeros(2), []
    for _ in range(len(mom)):
        expected.append(w)
        g = np.array([2 * w[0], -2 * w[1]])
        v = 0.9 * v + g
        w = w - 0.1 * v
    np.testing.assert_allclose(mom, expected, atol=1e-12)
    assert np.abs(w).max() > 2  # the next step leaves the window
    assert rec["saddle exit momentum"][0] == len(mom) < 42
    # the saddle's Hessian, and GD from y0 = 0 exactly: x_k = 1.5 * 0.8^k, y stays 0
    np.testing.assert_allclose(rec["saddle hessian"][0], np.diag([2.0, -2.0]))
    np.testing.assert_allclose(rec["saddle exact start end"][0], [1.5 * 0.8**80, 0.0],
                               rtol=1e-9, atol=0)
    assert np.all(np.abs(np.vstack([gd, mom])) <= 2)
