"""Gradient descent in one dimension: the course's SGD on (w - 2.3)^2 from w = 9, lr 0.075."""

from __future__ import annotations

import manim as mn

from mathcore.descent import get_surface, optimize
from scenes.common import (
    LectureScene,
    get_axes,
    get_counter,
    get_log_label,
    get_math,
    get_polyline,
    get_text,
    look,
    plain_number,
    round_sig,
    tr,
)

# Numbers the scene uses (every value it shows comes from mathcore).
START, LR, STEPS = 9.0, 0.075, 100
ANIMATED_STEPS = 10  # steps shown one by one; the rest run as one sweep


class GradientDescent1D(LectureScene):
    """SGD on (w - 2.3)^2: the point slides down the parabola, w and the loss counted live."""

    TITLE = ("Gradient descent in one dimension", "一维梯度下降")

    def construct(self) -> None:
        traj = optimize("course_quadratic", START, "sgd", LR, STEPS)
        xs, ys = get_surface("course_quadratic").curve(200)
        w, loss, grad = traj.positions[:, 0], traj.losses, traj.gradients[:, 0]
        steps = range(STEPS + 1)
        self.show_title()

        # Set up the loss curve
        self.section("The loss", "损失函数")
        axes = get_axes([0, 10, 1], [0, 60, 10], 6.6, 4.3, x_label="w", y_label="L")
        axes.to_corner(mn.UL, buff=0.45).shift(0.25 * mn.RIGHT)
        curve = axes.plot_line_graph(xs, ys, add_vertex_dots=False,
                                     line_color=look.FUNCTION, stroke_width=4)
        formula = get_math(r"L(w) = (w - 2.3)^2", color=look.FUNCTION)
        slope = get_math(r"L'(w) = 2(w - 2.3)", color=look.GRADIENT, size=look.MATH_SIZE - 6)
        formula.next_to(axes, mn.RIGHT, buff=0.8).align_to(axes, mn.UP)
        slope.next_to(formula, mn.DOWN, buff=0.3).align_to(formula, mn.LEFT)  # its panel place
        self.play(mn.Create(axes), run_time=1.0)
        self.play(mn.Create(curve), mn.Write(formula), run_time=1.2)
        self.play(mn.Write(slope))
        self.narrate("The course's example: minimise L(w) = (w − 2.3)², whose lowest point is "
                     "w = 2.3.", "课程里的例子：最小化 L(w) = (w − 2.3)²，它的最低点在 w = 2.3。")
        self.wait(0.5)

        # The start point and the update rule
        self.section("The update rule", "更新规则")
        dot = mn.Dot(axes.c2p(w[0], loss[0]), radius=0.1, color=look.POINT)
        rule = get_math(r"w \leftarrow w - \eta\, L'(w)", color=look.GRADIENT)
        eta = get_math(rf"\eta = {LR}", color=look.GRADIENT)
        w_counter = get_counter("w", w[0], digits=3, color=look.POINT)
        l_counter = get_counter("L", loss[0], digits=3, color=look.LOSS)
        k_counter = get_counter("k", 0, digits=0)
        counters = mn.VGroup(w_counter, l_counter).arrange(mn.RIGHT, buff=0.45)
        panel = mn.VGroup(slope, rule, mn.VGroup(eta, k_counter).arrange(mn.RIGHT, buff=0.6),
                          counters)
        panel.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.22).next_to(formula, mn.DOWN,
                                                                        buff=0.3)
        panel.align_to(formula, mn.LEFT)
        # The loss curve beside it: loss against step k on a log scale
        loss_axes = get_axes([0, STEPS, 50], [-14, 2, 4], 2.9, 1.5, x_label="k",
                             y_label=get_log_label("L"), y_log=True, y_numbers=True)
        loss_axes.next_to(panel, mn.DOWN, buff=0.35).align_to(panel, mn.LEFT)
        shown = mn.ValueTracker(0)
        loss_curve = mn.always_redraw(lambda: get_polyline(
            loss_axes, steps[: int(shown.get_value()) + 1],
            loss[: int(shown.get_value()) + 1], look.LOSS, 3)
            if shown.get_value() >= 1 else mn.VMobject())
        self.play(mn.FadeIn(dot, scale=0.5), mn.FadeIn(w_counter), mn.FadeIn(l_counter),
                  mn.FadeIn(k_counter), mn.Create(loss_axes))
        self.add(loss_curve)
        self.record("w", w[0])
        self.record("loss", loss[0])
        self.narrate(f"Start at w = {w[0]:g}: the loss is 6.7² = {round_sig(loss[0])}.",
                     f"从 w = {w[0]:g} 出发：损失是 6.7² = {round_sig(loss[0])}。")
        note = get_text(tr("the course's comment “36 → 0” is wrong: ",
                           "课程注释“36 → 0”有误：") + f"L₀ = {round_sig(loss[0])}",
                        size=look.LABEL_SIZE, color=look.LOSS)
        note.next_to(axes, mn.DOWN, buff=0.15).align_to(axes, mn.LEFT)
        self.play(mn.FadeIn(note))
        self.narrate(f"The course's code comment says the loss goes from 36 to 0; in fact it "
                     f"starts at {round_sig(loss[0])}.",
                     f"课程代码的注释说损失从 36 降到 0；实际上它从 {round_sig(loss[0])} 开始。")
        self.play(mn.Write(rule), mn.Write(eta))
        self.narrate("Each step moves w against the slope, by the learning rate η times L′(w).",
                     "每一步让 w 逆着斜率移动，移动的距离是学习率 η 乘以 L′(w)。")

        # Walk down step by step
        self.section("Steps", "逐步下降")
        slope_arrow = self._step_arrow(axes, w[0], w[1])
        self.play(mn.GrowArrow(slope_arrow), run_time=0.5)
        for k in range(1, ANIMATED_STEPS + 1):
            self.play(
                dot.animate.move_to(axes.c2p(w[k], loss[k])),
                mn.ChangeDecimalToValue(w_counter[1], w[k]),
                mn.ChangeDecimalToValue(l_counter[1], loss[k]),
                mn.ChangeDecimalToValue(k_counter[1], k),
                mn.Transform(slope_arrow, self._step_arrow(axes, w[k], w[min(k + 1, STEPS)])),
                shown.animate.set_value(k),
                run_time=0.45 if k > 3 else 0.8,
            )
            self.record("w", w[k])
            self.record("loss", loss[k])
            if k == 1:  # the first step is explained before the next ones run
                self.narrate(f"The slope at 9 is L′(9) = {round_sig(grad[0])}, so w moves by "
                             f"{round_sig(LR * grad[0])} to {round_sig(w[1])}.",
                             f"在 9 处斜率 L′(9) = {round_sig(grad[0])}，所以 w 移动 "
                             f"{round_sig(LR * grad[0])}，到 {round_sig(w[1])}。")
                self.narrate("Then the same rule again, each time with the slope where w now is.",
                             "接着重复同一规则，每次都用 w 当前位置的斜率。")
        self.narrate("Near the bottom the slope is small, so the steps shrink by themselves.",
                     "越接近谷底斜率越小，步子也就自然越来越小。")

        # Run the remaining steps in one sweep
        self.section("Convergence", "收敛")
        self.play(mn.FadeOut(slope_arrow), run_time=0.3)
        tracker = mn.ValueTracker(ANIMATED_STEPS)

        def index() -> int:
            return int(round(tracker.get_value()))

        dot.add_updater(lambda m: m.move_to(axes.c2p(w[index()], loss[index()])))
        w_counter[1].add_updater(lambda m: m.set_value(w[index()]))
        l_counter[1].add_updater(lambda m: m.set_value(loss[index()]))
        k_counter[1].add_updater(lambda m: m.set_value(index()))
        shown.add_updater(lambda m: m.set_value(index()))
        self.play(tracker.animate.set_value(STEPS), run_time=3.0, rate_func=mn.linear)
        for mob in (dot, w_counter[1], l_counter[1], k_counter[1], shown):
            mob.clear_updaters()
        shown.set_value(STEPS)
        loss_curve.update()
        loss_curve.clear_updaters()
        for k in range(ANIMATED_STEPS + 1, STEPS + 1):
            self.record("w", w[k])
            self.record("loss", loss[k])
        self.narrate(f"After {STEPS} steps w = {w[-1]:.4f} and the loss is about "
                     f"{plain_number(loss[-1], 2)}: the minimum at 2.3.",
                     f"{STEPS} 步之后 w = {w[-1]:.4f}，损失约为 {plain_number(loss[-1], 2)}："
                     "到达最低点 2.3。")
        self.wait(1.0)

    def _step_arrow(self, axes: mn.Axes, w_from: float, w_to: float) -> mn.Arrow:
        """The step along the w axis, drawn just under the curve's baseline."""
        return mn.Arrow(axes.c2p(w_from, 0), axes.c2p(w_to, 0), buff=0, color=look.GRADIENT,
                        stroke_width=6, max_tip_length_to_length_ratio=0.35)
