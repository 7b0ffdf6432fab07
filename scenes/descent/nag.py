"""Nesterov accelerated gradient: look ahead along the velocity, take the gradient there."""

from __future__ import annotations

import manim as mn

from mathcore.descent import get_surface, optimize
from scenes.common import (
    LectureScene,
    get_contour_plane,
    get_legend,
    get_loss_readout,
    get_math,
    get_text,
    get_trajectory,
    look,
    plain_number,
    tr,
)

C = look.METHOD_COLOURS  # one colour per optimizer in every scene
# The update rule on screen, in torch's convention (torch.optim.SGD(nesterov=True)); a test
# runs exactly these three lines against torch.
NAG_RULE = (
    r"\tilde w = w - \eta \mu v",
    r"v \leftarrow \mu v + \nabla L(\tilde w)",
    r"w \leftarrow w - \eta v",
)

# Numbers the scene uses.
STEPS, LR, MU = 30, 0.05, 0.8
LEVELS = (0.25, 1, 2.5, 5, 8, 12)
SHOWN_STEPS = (1, 2, 3)  # steps taken apart into look-ahead and gradient step
ZOOM = (-4.0, -1.5, -0.8, 1.8)  # the part of the plane where those steps happen


class NesterovMomentum(LectureScene):
    """NAG's look-ahead point and the gradient there (from mathcore), then NAG vs Momentum."""

    TITLE = ("Nesterov accelerated gradient", "NAG：Nesterov 加速梯度")

    def construct(self) -> None:
        nag = optimize("bowl", None, "nag", LR, STEPS, momentum=MU)
        mom = optimize("bowl", None, "momentum", LR, STEPS, momentum=MU)
        self.show_title()

        # The surface and the rule
        self.section("Look before you step", "先看一步再走")
        axes, contours = get_contour_plane("bowl", LEVELS, 6.8)
        mn.VGroup(axes, contours).to_edge(mn.UP, buff=0.6).to_edge(mn.LEFT, buff=0.4)
        formula = get_math(r"L = " + get_surface("bowl").tex, color=look.FUNCTION)
        rule = mn.VGroup(*[get_math(tex, color=c) for tex, c in
                           zip(NAG_RULE, (look.POINT, look.GRADIENT, look.TEXT), strict=True)])
        rule.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
        legend = get_legend([(tr("momentum step −ημv", "动量一步 −ημv"), look.POINT),
                             (tr("gradient step −η∇L(w̃)", "前瞻点的梯度一步 −η∇L(w̃)"),
                              look.GRADIENT)], size=look.LABEL_SIZE - 2)
        column = mn.VGroup(formula, rule, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                          buff=0.4)
        column.next_to(axes, mn.RIGHT, buff=0.6).align_to(axes, mn.UP)
        self.play(mn.Create(axes), mn.Create(contours), mn.Write(formula), run_time=1.5)
        self.play(mn.Write(rule))
        self.narrate("Written as torch writes it: v is the momentum buffer, and the step is "
                     "minus η times v, as in the Momentum scene.",
                     "这里采用 torch 的写法：v 是动量缓冲区，每一步走 −ηv，与动量法一致。")
        self.narrate("NAG first moves by −ημv to a look-ahead point w̃, then takes the gradient "
                     "there.", "NAG 先沿 −ημv 走到前瞻点 w̃，再在那里计算梯度。")

        # A few steps taken apart, on a close-up of the start
        self.section("Three steps", "分解三步")
        full = mn.VGroup(axes, contours)
        # no numbers on the close-up: its axis crosses the steps; a frame and a note place it
        zoom_axes, zoom_contours = get_contour_plane("bowl", LEVELS, 5.0, window=ZOOM, step=0.5,
                                                     numbers=False)
        box = mn.SurroundingRectangle(zoom_axes, buff=0, color=look.MUTED, stroke_width=1.5)
        x0, x1 = (f"{v:g}".replace("-", "−") for v in ZOOM[:2])
        where = get_text(tr(f"close-up: x from {x0} to {x1}", f"局部放大：x 从 {x0} 到 {x1}"),
                         size=look.LABEL_SIZE - 2, color=look.MUTED)
        close_up = mn.VGroup(zoom_axes, zoom_contours, box)
        close_up.to_edge(mn.UP, buff=0.5).to_edge(mn.LEFT, buff=0.8)
        where.next_to(box, mn.DOWN, buff=0.15).align_to(box, mn.LEFT)
        close_up.add(where)
        self.play(mn.FadeOut(full), mn.FadeIn(close_up), mn.FadeIn(legend))
        walker = mn.Dot(zoom_axes.c2p(*nag.positions[0]), radius=0.08, color=look.TEXT)
        self.play(mn.FadeIn(walker))
        steps = mn.VGroup()
        for k in SHOWN_STEPS:
            here, ahead, nxt = nag.positions[k], nag.lookahead[k], nag.positions[k + 1]
            move = mn.Arrow(zoom_axes.c2p(*here), zoom_axes.c2p(*ahead), buff=0,
                            color=look.POINT, stroke_width=5, max_tip_length_to_length_ratio=0.2)
            look_dot = mn.Circle(radius=0.09, color=look.POINT).move_to(zoom_axes.c2p(*ahead))
            grad = mn.Arrow(zoom_axes.c2p(*ahead), zoom_axes.c2p(*nxt), buff=0,
                            color=look.GRADIENT, stroke_width=5,
                            max_tip_length_to_length_ratio=0.2)
            self.play(walker.animate.move_to(zoom_axes.c2p(*here)), run_time=0.4)
            self.play(mn.GrowArrow(move), mn.FadeIn(look_dot), run_time=0.7)
            self.play(mn.GrowArrow(grad), run_time=0.7)
            steps.add(move, look_dot, grad)
            self.record("walker", here)
            self.record("lookahead", ahead)
            self.record("gradient at lookahead", nag.gradients[k])
            if k == SHOWN_STEPS[0]:
                self.narrate("Yellow: where momentum alone would carry it. Green: the correction "
                             "from the gradient there.",
                             "黄色：仅靠动量会到达的位置。绿色：那里的梯度带来的修正。")
        self.play(walker.animate.move_to(zoom_axes.c2p(*nag.positions[SHOWN_STEPS[-1] + 1])))

        # NAG against plain momentum
        self.section("NAG against Momentum", "NAG 与动量法对比")
        self.play(mn.FadeOut(close_up), mn.FadeOut(steps), mn.FadeOut(walker),
                  mn.FadeOut(legend), mn.FadeOut(rule), mn.FadeIn(full), run_time=0.8)
        compare = get_legend([(tr("Momentum", "动量法"), C["momentum"]), ("NAG", C["nag"])])
        compare.next_to(formula, mn.DOWN, buff=0.4).align_to(formula, mn.LEFT)
        m_path = get_trajectory(axes, mom.positions, C["momentum"])
        n_path = get_trajectory(axes, nag.positions, C["nag"])
        self.play(mn.FadeIn(compare))
        self.play(mn.Create(m_path[0]), mn.FadeIn(m_path[1]), mn.Create(n_path[0]),
                  mn.FadeIn(n_path[1]), run_time=3)
        result = get_loss_readout([(tr("Momentum", "动量法"), mom.losses[-1], C["momentum"]),
                                   ("NAG", nag.losses[-1], C["nag"])], STEPS)
        result.next_to(compare, mn.DOWN, buff=0.4).align_to(compare, mn.LEFT)
        note = get_text(tr(f"same η = {LR}, μ = {MU}", f"相同的 η = {LR}，μ = {MU}"),
                        size=look.LABEL_SIZE, color=look.MUTED)
        note.next_to(result, mn.DOWN, buff=0.3).align_to(result, mn.LEFT)
        self.play(mn.FadeIn(result), mn.FadeIn(note))
        self.record("nag", nag.positions)
        self.record("momentum", mom.positions)
        self.record("final losses", [mom.losses[-1], nag.losses[-1]])
        self.narrate("Looking ahead brakes before the far wall, so NAG swings less across the "
                     "valley.",
                     "提前看一步，在撞上对面山壁前就减速，所以 NAG 在垂直于谷底的 y 方向上摆动更小。")
        lower = float(mom.losses[-1] / nag.losses[-1])
        self.record("nag lower by", lower)
        self.narrate(f"After {len(nag.losses) - 1} steps NAG's loss is "
                     f"{plain_number(nag.losses[-1])} against {plain_number(mom.losses[-1])}: "
                     f"about {lower:.0f} times lower.",
                     f"{len(nag.losses) - 1} 步后，NAG 的损失是 {plain_number(nag.losses[-1])}，"
                     f"动量法是 {plain_number(mom.losses[-1])}，约是 NAG 的 {lower:.0f} 倍。")
        self.wait(1.0)
