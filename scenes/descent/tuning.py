"""Tuning training: batch size, learning rate, momentum and the optimizer, each shown by its
effect on a loss curve."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.descent import (
    fit_line,
    least_squares,
    line_data,
    mse_hessian,
    optimize,
    quadratic_rates,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_legend,
    get_log_label,
    get_polyline,
    get_text,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses.
COLOURS = (look.SECOND, look.GRADIENT, look.THIRD)  # settings of one knob (optimizers: theirs)
WIDTHS = (3, 5, 2.5)  # the middle run drawn widest, so a run lying under another still shows
EPOCHS, LR_EPOCHS, EARLY = 15, 60, 10  # EARLY: the epoch the learning-rate narration reads
SMALL_LR, MID_LR = 0.05, 0.3
DATA = {"noise": 0.3, "seed": 3}


def _panel_data() -> tuple[list, dict]:
    """Per knob: its (English, Chinese) title, x axis (step, extent, English and Chinese unit),
    y label, and (English label, Chinese label, x, y) for each setting; plus the numbers the
    narration uses."""
    data = line_data(**DATA)
    out = []
    runs = []
    for size, lr in ((99, 0.5), (10, 0.2), (1, 0.05)):
        f = fit_line(data, "minibatch" if 1 < size < 99 else ("batch" if size == 99 else "sgd"),
                     lr=lr, epochs=EPOCHS, batch_size=size)
        runs.append((f"batch {size}", f"批量 {size}",
                     np.arange(len(f.loss)) / f.updates_per_epoch, f.loss, COLOURS[len(runs)]))
    out.append((("Batch size", "批量大小"), (5, EPOCHS, "epoch", "轮次"), "L", [-2, 2, 2], runs))
    # Learning rate: excess loss over the least-squares line, so the rates of approach show
    rates = quadratic_rates(mse_hessian(data.x))
    floor = least_squares(data)[2]
    runs = []
    for lr in (SMALL_LR, MID_LR, rates.best):
        f = fit_line(data, "batch", lr=lr, epochs=LR_EPOCHS)
        label = f"η = {lr:.3g}"
        runs.append((label, label, np.arange(len(f.loss)), f.loss - floor, COLOURS[len(runs)]))
    out.append((("Learning rate", "学习率"), (20, LR_EPOCHS, "epoch", "轮次"), "L - L^*",
                [-4, 2, 2], runs))
    runs = []
    for mu in (0.0, 0.5, 0.9):
        t = optimize("bowl", None, "momentum" if mu else "sgd", 0.02, 60,
                     **({"momentum": mu} if mu else {}))
        runs.append((f"μ = {mu}", f"μ = {mu}", np.arange(61), t.losses, COLOURS[len(runs)]))
    out.append((("Momentum", "动量"), (20, 60, "step", "步"), "L", [-4, 2, 2], runs))
    runs = []
    for name, lr, en, zh in (("sgd", 0.001, "GD", "梯度下降"), ("momentum", 0.001, "Momentum", "动量法"),
                             ("adam", 0.1, "Adam", "Adam")):
        t = optimize("rosenbrock", None, name, lr, 400, **({"momentum": 0.9}
                                                            if name == "momentum" else {}))
        runs.append((en, zh, np.arange(401), t.losses, look.METHOD_COLOURS[name]))
    out.append((("Optimizer", "优化器"), (100, 400, "step", "步"), "L", [-2, 2, 2], runs))
    return out, {"rates": rates, "floor": floor}


class TrainingKnobs(LectureScene):
    """Four hyper-parameters of training, each a panel of loss curves on a log scale."""

    TITLE = ("Tuning training: four hyper-parameters", "训练调参：四个超参数")

    def construct(self) -> None:
        panels_data, numbers = _panel_data()
        rates = numbers["rates"]
        self.show_title()
        panels = mn.VGroup()
        for (en, zh), (x_step, x_max, unit_en, unit_zh), y_tex, y_range, runs in panels_data:
            x_label = get_text(tr(unit_en, unit_zh), size=look.LABEL_SIZE, color=look.MUTED)
            y_label = get_log_label(y_tex, size=look.LABEL_SIZE + 4)
            axes = get_axes([0, x_max, x_step], y_range, 3.9, 2.2, x_label=x_label,
                            y_label=y_label, y_log=True, y_numbers=True)
            title = get_text(tr(en, zh), size=look.BODY_SIZE)
            legend = get_legend([(tr(label, label_zh), c) for label, label_zh, _, _, c in runs],
                                size=look.LABEL_SIZE - 4)
            title.next_to(axes, mn.UP, buff=0.3).align_to(axes, mn.LEFT)
            legend.next_to(axes, mn.RIGHT, buff=0.35).shift(0.2 * mn.UP)
            panels.add(mn.VGroup(axes, title, legend))
        panels.arrange_in_grid(rows=2, cols=2, buff=(0.6, 0.35))
        panels.scale_to_fit_width(min(panels.width, 13.4)).set_x(0).to_edge(mn.UP, buff=0.2)
        if panels.get_bottom()[1] < look.CAPTION_BAND_TOP:
            panels.scale_to_fit_height(3.65 - look.CAPTION_BAND_TOP).to_edge(mn.UP, buff=0.2)
        lo = 10.0 ** np.array([d[3][0] for d in panels_data])
        curves = [mn.VGroup(*[get_polyline(panel[0], x, np.clip(loss, floor, 100), c, w)
                              for (_, _, x, loss, c), w in zip(runs, WIDTHS, strict=True)])
                  for panel, (*_, runs), floor in zip(panels, panels_data, lo, strict=True)]
        for c in curves:  # the middle run on top
            c.submobjects = [c[0], c[2], c[1]]
        groups = [mn.VGroup(p, c) for p, c in zip(panels, curves, strict=True)]
        grid = [g.copy() for g in groups]  # where each panel ends: the 2 x 2 grid

        # The learning rate's numbers: the limit, the best fixed rate, an early and a late epoch
        lr_runs = {label: loss for label, _, _, loss, _ in panels_data[1][4]}
        small, mid, best = (lr_runs[k] for k in lr_runs)
        early_leader = "mid" if mid[EARLY] < best[EARLY] else "best"
        late_lowest = min(("small", small[-1]), ("mid", mid[-1]), ("best", best[-1]),
                          key=lambda t: t[1])[0]
        self.record("lr limit and best", [rates.limit, rates.best])
        self.record("lr excess early", [small[EARLY], mid[EARLY], best[EARLY]])
        self.record("lr excess late", [small[-1], mid[-1], best[-1]])

        notes = (
            [("Bigger batches give smoother curves but fewer updates per epoch.",
              "批量越大，曲线越平滑，但每一轮的更新次数越少。")],
            [(f"The rate must stay below 2/λₘₐₓ, λₘₐₓ being the largest Hessian eigenvalue: "
              f"here about {rates.limit:.3g}.",
              f"学习率必须小于 2/λₘₐₓ（λₘₐₓ 是黑塞矩阵的最大特征值），这里约为 {rates.limit:.3g}。",
              f"The rate must stay below 2 over lambda max, the largest eigenvalue of the "
              f"Hessian: here about {rates.limit:.3g}.",
              f"学习率必须小于 2 除以黑塞矩阵的最大特征值，这里约为 {rates.limit:.3g}。"),
             (f"On a quadratic the best fixed rate is 2/(λₘᵢₙ + λₘₐₓ): about {rates.best:.3g}.",
              f"在二次函数上，最好的固定学习率是 2/(λₘᵢₙ + λₘₐₓ)，约为 {rates.best:.3g}。",
              f"On a quadratic the best fixed rate is 2 over the sum of the smallest and "
              f"largest eigenvalues: about {rates.best:.3g}.",
              f"在二次函数上，最好的固定学习率是 2 除以最小与最大特征值之和，约为 "
              f"{rates.best:.3g}。"),
             (f"At epoch {EARLY}, η = {MID_LR} is "
              + ("ahead" if early_leader == "mid" else "behind")
              + f"; by epoch {LR_EPOCHS}, η = {rates.best:.3g} is "
              + ("the closest to the least-squares line." if late_lowest == "best"
                 else "not the closest."),
              f"第 {EARLY} 轮时 η = {MID_LR} " + ("领先" if early_leader == "mid" else "落后")
              + f"；到第 {LR_EPOCHS} 轮，η = {rates.best:.3g} "
              + ("离最小二乘解最近。" if late_lowest == "best" else "并不是最近的。")),
             (f"Too small a rate crawls: η = {SMALL_LR} is still {plain_number(small[-1])} "
              "above the lowest loss.",
              f"学习率太小就爬得很慢：η = {SMALL_LR} 仍比最低损失高 {plain_number(small[-1])}。")],
            [("Momentum speeds up the long, shallow direction of the valley.",
              "动量加快了沿山谷平缓方向的前进。")],
            [self._optimizer_result(panels_data[3][4]), self._adaptive_note(panels_data[3][4])],
        )
        for i, (panel, curve, lines, ((name, name_zh), *_rest, runs)) in enumerate(zip(
                panels, curves, notes, panels_data, strict=True)):
            self.section(name, name_zh)
            places = self._layout(grid[:i + 1])
            moves = [g.animate.scale(w / g.width).move_to(c)
                     for g, (w, c) in zip(groups[:i], places, strict=False)]
            if moves:  # the earlier panels make room: one, side by side, then the grid
                self.play(*moves, run_time=1.0)
            width, centre = places[i]
            groups[i].scale(width / groups[i].width).move_to(centre)
            self.play(mn.FadeIn(panel), mn.Create(curve), run_time=1.5)
            for label, _, _, loss, _ in runs:
                self.record(f"{name}: {label}", loss)
            if i == 0:
                self.narrate("Each panel turns one hyper-parameter of training and shows the "
                             "loss curves on a log scale.",
                             "每个小图只调整一个训练超参数，并在对数坐标上画出损失曲线。")
            for line in lines:
                self.narrate(*line)
        self.wait(1.0)

    @staticmethod
    def _layout(grid: list[mn.VGroup]) -> list[tuple[float, np.ndarray]]:
        """(width, centre) of each panel shown so far: a single panel large in the middle,
        two side by side, three or four at their places in the 2 x 2 grid."""
        if len(grid) > 2:
            return [(g.width, g.get_center()) for g in grid]
        row = mn.VGroup(*[g.copy() for g in grid]).arrange(mn.RIGHT, buff=0.8)
        top, bottom = 3.8, look.CAPTION_BAND_TOP + 0.3
        row.scale(min(13.4 / row.width, (top - bottom) / row.height, 1.6))
        row.move_to([0, (top + bottom) / 2, 0])
        return [(g.width, g.get_center()) for g in row]

    @staticmethod
    def _adaptive_note(runs) -> tuple[str, str]:
        """What the panel says about the adaptive rate: whether Adam ends lowest here."""
        finals = {r[0]: r[3][-1] for r in runs}
        if finals["Adam"] == min(finals.values()):
            return "Here the adaptive rate wins.", "在这里自适应学习率胜出。"
        return ("An adaptive rate is no guarantee: here Adam does not end lowest.",
                "自适应学习率并不保证最好：在这里 Adam 的最终损失并不是最低。")

    def _optimizer_result(self, runs) -> tuple[str, str]:
        """What the optimizer panel shows: who ends lowest after its steps, in order."""
        ranked = sorted(runs, key=lambda r: r[3][-1])
        self.record("optimizer finals", [float(r[3][-1]) for r in runs])  # GD, Momentum, Adam
        (a, b, c) = ranked
        steps = len(a[3]) - 1
        return (f"On Rosenbrock after {steps} steps, {a[0]} ends lowest at "
                f"{plain_number(a[3][-1])}, {b[0]} next at {plain_number(b[3][-1])}, "
                f"{c[0]} still at {plain_number(c[3][-1])}.",
                f"在 Rosenbrock 山谷里走 {steps} 步后，{a[1]} 最低，为 {plain_number(a[3][-1])}；"
                f"{b[1]} 其次，为 {plain_number(b[3][-1])}；{c[1]} 还停在 "
                f"{plain_number(c[3][-1])}。")
