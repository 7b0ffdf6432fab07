"""Momentum: on an elongated bowl plain SGD zig-zags across the valley, Momentum damps it."""

from __future__ import annotations

import manim as mn

from mathcore.descent import get_surface, optimize
from scenes.common import (
    LectureScene,
    get_contour_plane,
    get_legend,
    get_loss_readout,
    get_math,
    get_trajectory,
    look,
    tr,
)

# Numbers the scene uses.
STEPS = 30
SGD_LR, MOM_LR, MU = 0.19, 0.06, 0.7
LEVELS = (0.25, 1, 2.5, 5, 8, 12)
ARROW_SCALE = 2.0  # velocity arrows drawn 2x longer than the step they stand for


class MomentumVsSGD(LectureScene):
    """SGD and SGD with momentum on 0.5 x^2 + 5 y^2; velocity from torch's momentum buffer."""

    TITLE = ("Momentum", "动量法")
    TOPIC = ("Gradient descent", "梯度下降法")

    def construct(self) -> None:
        sgd = optimize("bowl", None, "sgd", SGD_LR, STEPS)
        mom = optimize("bowl", None, "momentum", MOM_LR, STEPS, momentum=MU)
        self.show_title()

        # The elongated bowl
        self.section("An elongated bowl", "狭长的碗")
        axes, contours = get_contour_plane("bowl", LEVELS, 6.8)
        mn.VGroup(axes, contours).to_edge(mn.UP, buff=0.6).to_edge(mn.LEFT, buff=0.4)
        formula = get_math(r"L = " + get_surface("bowl").tex, color=look.FUNCTION)
        legend = get_legend([(f"SGD  η = {SGD_LR}", look.SECOND),
                             (tr(f"Momentum  η = {MOM_LR}, μ = {MU}",
                                 f"动量  η = {MOM_LR}, μ = {MU}"), look.GRADIENT)],
                            size=look.LABEL_SIZE - 2)
        mn.VGroup(formula, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4).next_to(
            axes, mn.RIGHT, buff=0.6).align_to(axes, mn.UP)
        self.play(mn.Create(axes), mn.Create(contours), mn.Write(formula), run_time=1.5)
        self.narrate("The valley is ten times steeper across (y) than along it (x).",
                     "这个山谷横向 (y) 比纵向 (x) 陡十倍。")

        # Plain SGD zig-zags
        self.section("Plain SGD", "普通梯度下降")
        path = get_trajectory(axes, sgd.positions, look.SECOND)
        self.play(mn.FadeIn(legend[0]))
        self.play(mn.Create(path[0]), mn.FadeIn(path[1], lag_ratio=0.2), run_time=3)
        self.record("sgd", sgd.positions)
        self.narrate("The gradient points mostly across the valley, so SGD bounces side to side.",
                     "梯度主要指向山谷两侧，所以 SGD 左右来回弹跳。")

        # Momentum: a running sum of gradients
        self.section("Momentum", "动量")
        rule = mn.VGroup(get_math(r"v \leftarrow \mu v + \nabla L", color=look.GRADIENT),
                         get_math(r"w \leftarrow w - \eta v", color=look.GRADIENT))
        rule.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
        rule.next_to(legend, mn.DOWN, buff=0.4).align_to(legend, mn.LEFT)
        self.play(mn.FadeIn(legend[1]), mn.Write(rule))
        self.narrate("Momentum keeps a velocity: across-valley pushes cancel, along-valley ones add up.",
                     "动量保留一个速度：横向的推力相互抵消，沿山谷的推力不断累加。")
        m_path = get_trajectory(axes, mom.positions, look.GRADIENT)
        arrows = mn.VGroup()
        for k in range(0, STEPS, 3):
            start = axes.c2p(*mom.positions[k + 1])
            step = -MOM_LR * mom.velocities[k] * ARROW_SCALE  # the displacement the buffer gives
            end = axes.c2p(*(mom.positions[k + 1] + step))
            arrows.add(mn.Arrow(start, end, buff=0, color=look.POINT, stroke_width=3,
                                max_tip_length_to_length_ratio=0.3))
        self.play(mn.Create(m_path[0]), mn.FadeIn(m_path[1], lag_ratio=0.2), run_time=3)
        self.play(mn.LaggedStart(*[mn.GrowArrow(a) for a in arrows], lag_ratio=0.15))
        self.record("momentum", mom.positions)
        self.record("velocity", mom.velocities)

        # Compare where they are after the same number of steps
        self.section("After 30 steps", "30 步之后")
        result = get_loss_readout([("SGD", sgd.losses[-1], look.SECOND),
                                   ("mom", mom.losses[-1], look.GRADIENT)], STEPS)
        result.next_to(rule, mn.DOWN, buff=0.4).align_to(rule, mn.LEFT)
        self.play(mn.FadeIn(result))
        self.record("final losses", [sgd.losses[-1], mom.losses[-1]])
        self.narrate("Yellow arrows: the velocity from torch's momentum buffer, drawn 2x longer.",
                     "黄色箭头：来自 torch 动量缓冲区的速度，放大 2 倍绘制。")
        self.wait(1.0)
