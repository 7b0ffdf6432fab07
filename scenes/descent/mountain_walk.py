"""Walking down the mountain: gradient descent on a 3-D loss landscape, one step at a time."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.descent import get_surface, optimize
from scenes.common import LectureThreeDScene, get_math, get_text, look, plain_number, tr
from scenes.common.landscape import (
    get_landscape,
    get_landscape_axes,
    get_path_3d,
    get_walker,
    pin_to,
    walker_point,
)

# Numbers the scene uses.
SURFACE = "mountain"
LR, STEPS = 0.3, 40  # careful steps that follow the terrain
BIG_LR, BIG_STEPS = 1.2, 10  # long strides
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
    TOPIC = ("Gradient descent", "梯度下降法")

    def construct(self) -> None:
        surface = get_surface(SURFACE)
        walk = optimize(SURFACE, None, "sgd", LR, STEPS)
        stride = optimize(SURFACE, None, "sgd", BIG_LR, BIG_STEPS)
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
        self.play(mn.Create(axes), mn.Create(land), run_time=2.5)
        self.play(mn.FadeIn(formula))
        self.narrate("Training walks downhill on the loss L over the parameters w1, w2.",
                     "训练就是在参数 w1、w2 上的损失 L 地形中一路下山。")

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
        arrow = mn.Arrow(walker.get_center(), tip, buff=0, color=look.GRADIENT,
                         stroke_width=6, max_tip_length_to_length_ratio=0.25)
        direction = self.overlay(get_math(
            r"-\nabla L = (" + plain_number(-grad0[0]) + ", " + plain_number(-grad0[1]) + ")",
            color=look.GRADIENT, size=look.MATH_SIZE - 6))
        direction.next_to(formula, mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        self.play(mn.GrowArrow(arrow), mn.FadeIn(direction))
        self.record("start", start)
        self.record("gradient", grad0)
        self.narrate("The steepest way down is the negative gradient, −∇L, at the walker's feet.",
                     "最陡的下坡方向是脚下的负梯度 −∇L。")

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
        counter = self.overlay(get_text(f"k = 1    L = {plain_number(walk.losses[1])}",
                                        size=look.LABEL_SIZE))
        counter.to_corner(mn.UR, buff=0.5)
        self.play(mn.FadeIn(counter))
        k_tracker = mn.ValueTracker(1)

        def update_counter(m: mn.Mobject) -> None:
            k = int(round(k_tracker.get_value()))
            m.become(get_text(f"k = {k}    L = {plain_number(walk.losses[k])}",
                              size=look.LABEL_SIZE).to_corner(mn.UR, buff=0.5))

        counter.add_updater(update_counter)
        walker.add_updater(lambda m: m.move_to(self._on_surface(axes, surface, walk,
                                                                k_tracker.get_value())))
        self.play(k_tracker.animate.set_value(STEPS), mn.Create(path), run_time=6,
                  rate_func=mn.linear)
        walker.clear_updaters()
        counter.clear_updaters()
        self.record("walk", walk.positions)
        self.record("walk loss", walk.losses)
        self.narrate("Each step reads the slope again: the walker goes round the hill into "
                     "the valley.", "每一步都重新读取坡度：行者绕过小山，走进谷底。")

        # Longer strides
        self.section("Longer strides", "更大的步长")
        big_walker = get_walker(axes, stride.positions[0], stride.losses[0], look.SECOND,
                                radius=WALKER)
        big_path = get_path_3d(axes, stride.positions, stride.losses, look.SECOND)
        big_label = self.overlay(get_math(r"\eta = " + f"{BIG_LR}", color=look.SECOND,
                                          size=look.MATH_SIZE - 6))
        big_label.next_to(counter, mn.DOWN, aligned_edge=mn.RIGHT, buff=0.3)
        self.play(mn.FadeIn(big_walker), mn.FadeIn(big_label))
        k2 = mn.ValueTracker(0)
        big_walker.add_updater(lambda m: m.move_to(self._on_surface(axes, surface, stride,
                                                                    k2.get_value())))
        self.play(k2.animate.set_value(BIG_STEPS), mn.Create(big_path), run_time=4,
                  rate_func=mn.linear)
        big_walker.clear_updaters()
        self.record("stride", stride.positions)
        self.record("stride loss", stride.losses)
        self.narrate(f"With η = {BIG_LR}, four times larger, the strides jump across the terrain "
                     "instead of following it.",
                     f"η = {BIG_LR}（大四倍）时，步子跨越地形，而不是沿着地形走。")
        self.begin_ambient_camera_rotation(rate=0.08)
        self.wait(3)
        self.stop_ambient_camera_rotation()

    @staticmethod
    def _on_surface(axes, surface, run, k: float) -> np.ndarray:
        """Where the walker is at fractional step k: on the straight step from floor(k) to
        floor(k) + 1, standing on the surface (its height from mathcore)."""
        i = min(int(np.floor(k)), len(run.losses) - 2)
        x, y = run.positions[i] + (k - i) * (run.positions[i + 1] - run.positions[i])
        return walker_point(axes, (x, y), float(surface.values(x, y)), WALKER)
