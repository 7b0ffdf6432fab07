"""Batch, mini-batch and stochastic gradient descent fitting y = 3x + 4 + noise."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.descent import fit_line, line_data
from scenes.common import (
    LectureScene,
    get_axes,
    get_legend,
    get_log_label,
    get_math,
    get_polyline,
    get_text,
    look,
    plain_number,
    tex_number,
    tr,
)

# Numbers the scene uses.
NOISE, SEED, EPOCHS, BATCH = 0.3, 3, 20, 10
METHODS = (  # (method, learning rate, colour, English name, Chinese name, curve width)
    ("batch", 0.5, look.SECOND, "batch: 99 points", "批量：99 个点", 3),
    ("sgd", 0.05, look.THIRD, "SGD: 1 point", "随机：1 个点", 2),
    ("minibatch", 0.2, look.GRADIENT, f"mini-batch: {BATCH} points", f"小批量：{BATCH} 个点", 4.5),
)  # mini-batch last: its curve is drawn on top of SGD's, which it lies close to


class BatchMiniBatchSGD(LectureScene):
    """Three ways to use the data per update: fitted lines move, loss curves compared."""

    TITLE = ("Batch, mini-batch and stochastic GD", "批量、小批量与随机梯度下降")

    def construct(self) -> None:
        data = line_data(noise=NOISE, seed=SEED)
        fits = {m: fit_line(data, m, lr=lr, epochs=EPOCHS, batch_size=BATCH, seed=SEED)
                for m, lr, *_ in METHODS}
        self.show_title()

        # The data and the model
        self.section("The data", "数据")
        data_axes = get_axes([0, 1, 0.5], [0, 8, 2], 4.4, 4.2)
        data_axes.to_corner(mn.UL, buff=0.5)
        points = mn.VGroup(*[mn.Dot(data_axes.c2p(x, y), radius=0.035, color=look.FUNCTION)
                             for x, y in zip(data.x, data.y, strict=True)])
        model = get_math(r"\hat y = w x + b", color=look.TEXT)
        model.next_to(data_axes, mn.DOWN, buff=0.15)
        self.play(mn.Create(data_axes), mn.FadeIn(points, lag_ratio=0.01), run_time=1.2)
        self.play(mn.Write(model))
        self.narrate("99 points of y = 3x + 4 plus noise; fit the line y = wx + b from w = b = 0.",
                     "99 个点：y = 3x + 4 加噪声；从 w = b = 0 开始拟合直线 y = wx + b。")

        # Three methods run side by side, measured in epochs (passes over the data)
        self.section("Fitting", "拟合")
        loss_axes = get_axes([0, EPOCHS, 5], [-2, 2, 1], 5.4, 3.0,
                             x_label=get_text(tr("epoch", "轮次"), size=look.LABEL_SIZE,
                                              color=look.MUTED),
                             y_label=get_log_label("L"), y_log=True)
        loss_axes.to_corner(mn.UR, buff=0.5).shift(0.2 * mn.LEFT)
        legend = get_legend([(tr(en, zh), colour) for _, _, colour, en, zh, _ in METHODS])
        legend.next_to(loss_axes, mn.DOWN, buff=0.35).align_to(loss_axes, mn.LEFT).shift(0.6 * mn.RIGHT)
        self.play(mn.Create(loss_axes), mn.FadeIn(legend))
        epoch = mn.ValueTracker(0.0)

        def upto(fit) -> int:
            return int(round(epoch.get_value() * fit.updates_per_epoch))

        def line_for(fit, colour: str):
            def draw() -> mn.Line:
                k = upto(fit)
                w, b = fit.w[k], fit.b[k]
                return mn.Line(data_axes.c2p(0, b), data_axes.c2p(1, w + b), color=colour,
                               stroke_width=4)
            return draw

        def curve_for(fit, colour: str, width: float):
            def draw() -> mn.VMobject:
                k = max(upto(fit), 1)
                t = np.arange(k + 1) / fit.updates_per_epoch
                return get_polyline(loss_axes, t, np.maximum(fit.loss[: k + 1], 0.01), colour,
                                    width)
            return draw

        movers = []
        for m, _, colour, *_, width in METHODS:
            movers += [mn.always_redraw(line_for(fits[m], colour)),
                       mn.always_redraw(curve_for(fits[m], colour, width))]
        self.add(*movers)
        self.narrate("Each update uses all the points, ten of them, or just one.",
                     "每次更新分别使用全部数据、十个点，或者只用一个点。")
        self.play(epoch.animate.set_value(2), run_time=4, rate_func=mn.linear)
        per_epoch = {m: fits[m].updates_per_epoch for m in fits}
        once = "once" if per_epoch["batch"] == 1 else f"{per_epoch['batch']} times"
        self.narrate(f"In each epoch, one pass over the data, batch GD updates "
                     f"{once}, mini-batch {per_epoch['minibatch']} times, "
                     f"SGD {per_epoch['sgd']} times.",
                     f"每一轮（遍历一次数据），批量法更新 {per_epoch['batch']} 次，小批量 "
                     f"{per_epoch['minibatch']} 次，随机梯度下降 {per_epoch['sgd']} 次。")
        self.play(epoch.animate.set_value(EPOCHS), run_time=6, rate_func=mn.linear)
        for mob in movers:
            mob.clear_updaters()
        for m, *_ in METHODS:
            self.record(f"{m} w", fits[m].w)
            self.record(f"{m} loss", fits[m].loss)

        # Compare
        self.section("Compare", "比较")
        finals = mn.VGroup(*[
            get_math(rf"w = {tex_number(fits[m].w[-1])},\ b = {tex_number(fits[m].b[-1])}",
                     size=look.LABEL_SIZE, color=colour)
            for m, _, colour, *_ in METHODS])
        after_one = {m: fits[m].loss[per_epoch[m]] for m in fits}
        half = EPOCHS // 2
        wobble = {m: float(np.std(fits[m].loss[per_epoch[m] * half:])) for m in fits}
        self.record("loss after one epoch", [after_one[m] for m, *_ in METHODS])
        self.record("wobble", [wobble[m] for m, *_ in METHODS])
        for row, final in zip(legend, finals, strict=True):
            final.next_to(row, mn.RIGHT, buff=0.4).align_to(legend, mn.RIGHT).shift(
                (final.width + 0.4) * mn.RIGHT)
        self.play(mn.FadeIn(finals))
        self.narrate(f"After one epoch the loss is {plain_number(after_one['batch'])} with the "
                     f"full batch, {plain_number(after_one['minibatch'])} with mini-batches, "
                     f"{plain_number(after_one['sgd'])} with single points.",
                     f"一轮之后，批量法的损失是 {plain_number(after_one['batch'])}，小批量是 "
                     f"{plain_number(after_one['minibatch'])}，单个点是 "
                     f"{plain_number(after_one['sgd'])}。")
        self.narrate("Batch GD is smooth but slow per epoch; SGD is fast but noisy; "
                     "mini-batches sit in between.",
                     "批量法平滑但每轮进展慢；随机法快却抖动；小批量介于两者之间。")
        self.wait(1.0)
