"""Momentum: on an elongated bowl plain SGD zig-zags across the valley, Momentum damps it."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.descent import get_surface, optimize
from scenes.common import (
    LectureScene,
    get_contour_plane,
    get_legend,
    get_loss_readout,
    get_math,
    get_trajectory,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses.
C = look.METHOD_COLOURS  # one colour per optimizer in every scene
STEPS = 30
SGD_LR, MOM_LR, MU = 0.19, 0.06, 0.7
LEVELS = (0.25, 1, 2.5, 5, 8, 12)
ARROW_SCALE = 2.0  # velocity arrows drawn 2x longer than the step they stand for


class MomentumVsSGD(LectureScene):
    """SGD and SGD with momentum on 0.5 x^2 + 5 y^2; velocity from torch's momentum buffer."""

    TITLE = ("Momentum", "动量法")

    def construct(self) -> None:
        sgd = optimize("bowl", None, "sgd", SGD_LR, STEPS)
        mom = optimize("bowl", None, "momentum", MOM_LR, STEPS, momentum=MU)
        curv = np.diag(get_surface("bowl").hessian((0.0, 0.0)))  # along x, across (y)
        sgd_name = tr("GD", "普通梯度下降")  # full-gradient descent (torch's class is SGD)
        self.show_title()

        # The elongated bowl
        self.section("An elongated bowl", "狭长的碗")
        axes, contours = get_contour_plane("bowl", LEVELS, 6.8)
        mn.VGroup(axes, contours).to_edge(mn.UP, buff=0.6).to_edge(mn.LEFT, buff=0.4)
        formula = get_math(r"L = " + get_surface("bowl").tex, color=look.FUNCTION)
        legend = get_legend([(f"{sgd_name}  η = {SGD_LR}", C["sgd"]),
                             (tr(f"Momentum  η = {MOM_LR}, μ = {MU}",
                                 f"动量法  η = {MOM_LR}, μ = {MU}"), C["momentum"]),
                             (tr(f"step −ηv (drawn ×{ARROW_SCALE:g})",
                                 f"一步 −ηv（放大 {ARROW_SCALE:g} 倍）"), look.TEXT)],
                            size=look.LABEL_SIZE - 2)
        mn.VGroup(formula, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4).next_to(
            axes, mn.RIGHT, buff=0.6).align_to(axes, mn.UP)
        self.play(mn.Create(axes), mn.Create(contours), mn.Write(formula), run_time=1.5)
        self.record("curvatures", curv)
        self.narrate(f"Across the valley, in y, the curvature is {curv[1] / curv[0]:g} times "
                     "larger than along it, in x.",
                     f"垂直于谷底的 y 方向，曲率是沿谷底 x 方向的 {curv[1] / curv[0]:g} 倍。")

        # Plain SGD zig-zags
        self.section("Plain GD", "普通梯度下降")
        path = get_trajectory(axes, sgd.positions, C["sgd"])
        self.play(mn.FadeIn(legend[0]))
        self.play(mn.Create(path[0]), mn.FadeIn(path[1], lag_ratio=0.2), run_time=3)
        self.record("sgd", sgd.positions)
        self.narrate("The gradient points mostly across the valley, so plain descent "
                     "oscillates up and down in y.",
                     "梯度主要指向垂直于谷底的 y 方向，所以普通梯度下降在 y 方向上下来回振荡。")

        # Momentum: a running sum of gradients
        self.section("Momentum", "动量")
        rule = mn.VGroup(get_math(r"v \leftarrow \mu v + \nabla L", color=C["momentum"]),
                         get_math(r"w \leftarrow w - \eta v", color=C["momentum"]))
        rule.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
        rule.next_to(legend, mn.DOWN, buff=0.4).align_to(legend, mn.LEFT)
        self.play(mn.FadeIn(legend[1]), mn.Write(rule))
        self.narrate("Momentum keeps a velocity v: pushes across the valley cancel, pushes "
                     "along it add up.",
                     "动量法保留一个速度 v：垂直于谷底的推力相互抵消，沿谷底的推力不断累加。")
        m_path = get_trajectory(axes, mom.positions, C["momentum"])
        arrows = mn.VGroup()
        for k in range(0, STEPS, 3):
            start = axes.c2p(*mom.positions[k + 1])
            step = -MOM_LR * mom.velocities[k] * ARROW_SCALE  # the displacement the buffer gives
            end = axes.c2p(*(mom.positions[k + 1] + step))
            arrows.add(mn.Arrow(start, end, buff=0, color=look.TEXT, stroke_width=3,
                                max_tip_length_to_length_ratio=0.3))
        self.play(mn.Create(m_path[0]), mn.FadeIn(m_path[1], lag_ratio=0.2), run_time=3)
        self.play(mn.FadeIn(legend[2]),
                  mn.LaggedStart(*[mn.GrowArrow(a) for a in arrows], lag_ratio=0.15))
        self.narrate(f"The white arrows are the velocity from torch's momentum buffer, as the "
                     f"step −ηv, drawn {ARROW_SCALE:g} times longer.",
                     f"白色箭头是 torch 动量缓冲区里的速度，画成一步 −ηv，并放大 "
                     f"{ARROW_SCALE:g} 倍。")
        self.record("momentum", mom.positions)
        self.record("velocity", mom.velocities)

        # Compare where they are after the same number of steps
        self.section(f"After {STEPS} steps", f"{STEPS} 步之后")
        result = get_loss_readout([(sgd_name, sgd.losses[-1], C["sgd"]),
                                   (tr("Momentum", "动量法"), mom.losses[-1], C["momentum"])],
                                  STEPS)
        result.next_to(rule, mn.DOWN, buff=0.4).align_to(rule, mn.LEFT)
        self.play(mn.FadeIn(result))
        effective = MOM_LR / (1 - MU)  # momentum's long-run step per unit gradient
        times = sgd.losses[-1] / mom.losses[-1]
        self.record("final losses", [sgd.losses[-1], mom.losses[-1]])
        self.record("effective rate", effective)
        self.narrate(f"After {STEPS} steps momentum's loss is {plain_number(mom.losses[-1])}, "
                     f"about {times:.0f} times lower than {plain_number(sgd.losses[-1])}.",
                     f"{STEPS} 步之后，动量法的损失是 {plain_number(mom.losses[-1])}，比普通梯度"
                     f"下降的 {plain_number(sgd.losses[-1])} 低约 {times:.0f} 倍。")
        self.narrate(f"A fair race: in the long run momentum moves η/(1 − μ) = {effective:.2g} "
                     f"per unit gradient, plain descent {SGD_LR}.",
                     f"这是公平的比较：长期来看，动量法每单位梯度走 η/(1 − μ) = {effective:.2g}，"
                     f"普通梯度下降走 {SGD_LR}。")
        self.wait(1.0)
