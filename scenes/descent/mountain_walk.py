"""Walking down the mountain: gradient descent on a 3-D loss landscape, one step at a time."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.descent import get_surface, optimize
from scenes.common import LectureThreeDScene, get_math, get_text, look, plain_number, tr
from scenes.common.landscape import (
    get_axis_labels,
    get_landscape,
    get_landscape_axes,
    get_path_3d,
    get_walker,
    pin_to,
    walker_point,
)

# Numbers the scene uses.
SURFACE = "mountain"
LR, STEPS = 0.5, 40  # careful steps that follow the terrain
BIG_LR = 2.0  # long strides, the same number of steps: they overshoot the valley
LAST = 10  # the last steps of the long strides, where they still jump about
Z_RANGE = (0, 4.5, 1.5)
SIZE = (5.0, 5.0, 2.6)  # axes lengths x, y, z in scene units
RESOLUTION = 28
WALKER = 0.15  # walker radius
ARROW_LENGTH = 1.6  # the direction arrow, in loss-surface units along the ground
VIEW = {"phi": 52 * mn.DEGREES, "theta": 135 * mn.DEGREES, "zoom": 0.9,
        "shift": 2.3 * mn.RIGHT + 0.2 * mn.UP}  # the 3-D view sits right of the text panel


class WalkingDownTheMountain(LectureThreeDScene):
    """Gradient descent as walking downhill: start, steepest direction, step length, walk."""

    TITLE = ("Walking down the mountain", "下山：梯度下降的直观理解")

    def construct(self) -> None:
        surface = get_surface(SURFACE)
        walk = optimize(SURFACE, None, "sgd", LR, STEPS)
        stride = optimize(SURFACE, None, "sgd", BIG_LR, STEPS)
        start, grad0 = walk.positions[0], walk.gradients[0]
        self.show_title()

        # The loss as a landscape
        self.section("A landscape of loss", "损失的地形")
        self.set_view(**VIEW)
        axes = get_landscape_axes(surface.window, Z_RANGE, *SIZE)
        land = get_landscape(axes, surface, resolution=RESOLUTION)
        mn.VGroup(axes, land).shift(1.0 * mn.IN)
        formula = self.overlay(get_math(r"L(w_1, w_2)", color=look.FUNCTION))
        formula.to_corner(mn.UL, buff=0.5)
        names = get_axis_labels(self, axes, ("w_1", "w_2", "L"), size=look.LABEL_SIZE + 10)
        self.play(mn.Create(axes), mn.Create(land), run_time=2.5)
        self.play(mn.FadeIn(formula), *[mn.FadeIn(n) for n in names])
        self.narrate("Training is a walk downhill on the loss L, over the two parameters w1 "
                     "and w2.", "训练就像在损失 L 的地形上下山，地面的两个方向是参数 w1 和 w2。")

        # Which way is down: the negative gradient
        self.section("Which way is down?", "哪个方向是下坡？")
        walker = get_walker(axes, start, walk.losses[0], radius=WALKER)
        start_label = self.overlay(get_text(
            tr("start", "起点") + f" ({plain_number(start[0])}, {plain_number(start[1])})",
            size=look.LABEL_SIZE).add_background_rectangle(color=look.BACKGROUND, opacity=0.75,
                                                           buff=0.08))
        pin_to(start_label, self.renderer.camera, walker, mn.LEFT)
        self.play(mn.FadeIn(walker), mn.FadeIn(start_label))
        down = -grad0 / np.linalg.norm(grad0)
        tip = walker_point(axes, start + ARROW_LENGTH * down, walk.losses[0], WALKER)
        arrow = mn.Arrow(walker.get_center(), tip, buff=0, color=look.GRADIENT_BRIGHT,
                         stroke_width=6, max_tip_length_to_length_ratio=0.25)
        direction = self.overlay(get_math(
            r"-\nabla L = (" + plain_number(-grad0[0]) + ", " + plain_number(-grad0[1]) + ")",
            color=look.GRADIENT_BRIGHT, size=look.MATH_SIZE - 6))
        direction.next_to(formula, mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        self.play(mn.GrowArrow(arrow), mn.FadeIn(direction))
        self.record("start", start)
        self.record("gradient", grad0)
        self.narrate("The gradient ∇L collects the partial derivatives of L and points "
                     "straight uphill.", "梯度 ∇L 由 L 的各个偏导数组成，指向最陡的上坡方向。")
        self.narrate("So the steepest way down is minus the gradient, −∇L, at the walker's feet.",
                     "所以最陡的下坡方向是脚下的负梯度 −∇L。")
        self.narrate("The course writes that the derivative equals minus the gradient. That is "
                     "not quite right.",
                     "课程里写“导数 = −梯度”，这并不准确。")
        self.narrate("The gradient is made of the partial derivatives; the minus sign comes "
                     "from stepping against it.",
                     "梯度由各个偏导数组成；我们朝梯度的反方向迈步，负号是这么来的。")

        # One step: the learning rate is the step length
        self.section("One step", "迈出一步")
        rule = self.overlay(get_math(r"w \leftarrow w - \eta \nabla L", r",\ \eta = " + f"{LR}",
                                     size=look.MATH_SIZE - 6))
        length = float(LR * np.linalg.norm(grad0))
        step_text = self.overlay(get_math(r"\text{" + tr("step", "步长") + r"} = \eta\,|\nabla L| = "
                                          + plain_number(length), size=look.MATH_SIZE - 6)
                                 if self.lang == "en" else get_text(
                                     "步长 = η·|∇L| = " + plain_number(length),
                                     size=look.LABEL_SIZE))
        mn.VGroup(rule, step_text).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3).next_to(
            direction, mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        self.play(mn.Write(rule), mn.FadeIn(step_text))
        first = get_path_3d(axes, walk.positions[:2], walk.losses[:2], look.POINT)
        self.play(mn.FadeOut(arrow), mn.Create(first),
                  walker.animate.move_to(walker_point(axes, walk.positions[1], walk.losses[1],
                                                     WALKER)))
        self.record("step length", length)
        self.narrate("The learning rate η sets how far each step goes: η·|∇L|.",
                     "学习率 η 决定每一步走多远：η·|∇L|。")

        # Walking down: every step reads the slope again
        self.section("Walking down", "一路下山")
        self.play(mn.FadeOut(start_label))
        path = get_path_3d(axes, walk.positions[1:], walk.losses[1:], look.POINT)
        k_tracker = mn.ValueTracker(1)
        readout = self._readout(walk, k_tracker, look.POINT)
        self.play(mn.FadeIn(readout))
        walker.add_updater(lambda m: m.move_to(self._on_surface(axes, surface, walk,
                                                                k_tracker.get_value())))
        self.play(k_tracker.animate.set_value(STEPS), mn.Create(path), run_time=6,
                  rate_func=mn.linear)
        walker.clear_updaters()
        readout.clear_updaters()
        self.record("walk", walk.positions)
        self.record("walk loss", walk.losses)
        self.narrate("Each step reads the slope again, so the walker goes round the hill and "
                     "into the valley.", "每走一步都重新计算坡度，所以小球绕过小山，走进了谷底。")
        self.narrate(f"After {STEPS} steps the loss is {plain_number(walk.losses[-1])}, down from "
                     f"{plain_number(walk.losses[0])}.",
                     f"走了 {STEPS} 步之后，损失从 {plain_number(walk.losses[0])} 降到了 "
                     f"{plain_number(walk.losses[-1])}。")

        # Longer strides: the same number of steps with a larger learning rate
        self.section("Longer strides", "更大的步子")
        ratio = BIG_LR / LR
        peak = int(np.argmax(np.diff(stride.losses))) + 1  # the step after the biggest rise
        big_walker = get_walker(axes, stride.positions[0], stride.losses[0], look.SECOND,
                                radius=WALKER)
        big_path = get_path_3d(axes, stride.positions, stride.losses, look.SECOND)
        k2 = mn.ValueTracker(0)
        big_readout = self._readout(stride, k2, look.SECOND, below=readout)
        self.play(mn.FadeIn(big_walker), mn.FadeIn(big_readout))
        big_walker.add_updater(lambda m: m.move_to(self._on_surface(axes, surface, stride,
                                                                    k2.get_value())))
        self.play(k2.animate.set_value(STEPS), mn.Create(big_path), run_time=6,
                  rate_func=mn.linear)
        big_walker.clear_updaters()
        big_readout.clear_updaters()
        self.record("stride", stride.positions)
        self.record("stride loss", stride.losses)
        self.record("lr ratio", ratio)
        self.record("stride peak", [peak, stride.losses[peak]])
        self.narrate(f"With η = {BIG_LR:g}, {ratio:g} times the careful rate, the strides "
                     f"overshoot: at "
                     f"step {peak} the loss jumps back up to {plain_number(stride.losses[peak])}.",
                     f"η = {BIG_LR:g} 是原来的 {ratio:g} 倍：步子越过了谷底，第 {peak} 步时损失又"
                     f"跳回 {plain_number(stride.losses[peak])}。")
        last = stride.losses[-LAST:]
        lo, hi = float(min(last)), float(max(last))
        self.record("stride last steps", [LAST, lo, hi, walk.losses[-1]])
        self.narrate(f"They never settle: in the last {LAST} steps the loss jumps between "
                     f"{plain_number(lo)} and {plain_number(hi)}; the careful walk rests at "
                     f"{plain_number(walk.losses[-1])}.",
                     f"大步子始终停不下来：最后 {LAST} 步里，损失在 {plain_number(lo)} 和 "
                     f"{plain_number(hi)} 之间跳动，而小步子稳稳停在 {plain_number(walk.losses[-1])}。")
        self.narrate("They jump across the terrain instead of following it.",
                     "它跨越地形，而不是沿着地形走。")
        self.begin_ambient_camera_rotation(rate=0.08)
        self.wait(3)
        self.stop_ambient_camera_rotation()

    def _readout(self, run, k: mn.ValueTracker, colour: str,
                 below: mn.Mobject | None = None) -> mn.Mobject:
        """The run's own live readout, η, step and loss, in its colour (top right)."""
        def text() -> mn.Mobject:
            i = int(round(k.get_value()))
            m = get_text(f"η = {run.lr:g}    k = {i}    L = {plain_number(run.losses[i])}",
                         size=look.LABEL_SIZE, color=colour)
            if below is None:
                return m.to_corner(mn.UR, buff=0.5)
            return m.next_to(below, mn.DOWN, aligned_edge=mn.LEFT, buff=0.25)

        readout = self.overlay(text())
        return readout.add_updater(lambda m: m.become(text()))

    @staticmethod
    def _on_surface(axes, surface, run, k: float) -> np.ndarray:
        """Where the walker is at fractional step k: on the straight step from floor(k) to
        floor(k) + 1, standing on the surface (its height from mathcore)."""
        i = min(int(np.floor(k)), len(run.losses) - 2)
        x, y = run.positions[i] + (k - i) * (run.positions[i + 1] - run.positions[i])
        return walker_point(axes, (x, y), float(surface.values(x, y)), WALKER)
