"""The learning rate: the course's (w - 2.3)^2 with a too-small, a good and a too-large rate."""

from __future__ import annotations

import manim as mn

from mathcore.descent import get_surface, lr_sweep, quadratic_rates
from scenes.common import (
    LectureScene,
    get_axes,
    get_math,
    get_polyline,
    get_text,
    look,
    plain_number,
    tex_number,
    tr,
)

# Numbers the scene uses.
START, STEPS = 9.0, 12
RATES = (  # (learning rate, colour, English verdict, Chinese verdict)
    (0.02, look.SECOND, "too small: crawls", "太小：爬得很慢"),
    (0.3, look.GRADIENT, "good: fast and steady", "合适：又快又稳"),
    (0.95, look.LOSS, "large: flips sides, slow", "偏大：来回跳，收敛慢"),
)


class LearningRate(LectureScene):
    """Three runs of SGD on (w - 2.3)^2 from w = 9, side by side, 12 steps each."""

    TITLE = ("The learning rate", "学习率")

    def construct(self) -> None:
        runs = lr_sweep("course_quadratic", [lr for lr, *_ in RATES], START, "sgd", STEPS)
        xs, ys = get_surface("course_quadratic").curve(150, -5.0, 10.0)
        self.show_title()

        # Three copies of the loss curve
        self.section("Three learning rates", "三种学习率")
        panels = mn.VGroup()
        for lr, colour, en, zh in RATES:
            axes = get_axes([-5, 10, 5], [0, 60, 20], 3.4, 2.9, x_label="w", y_label="L",
                            y_numbers=False)
            curve = get_polyline(axes, xs, ys, look.FUNCTION, 3)
            head = get_math(rf"\eta = {lr}", color=colour)
            verdict = get_text(tr(en, zh), size=look.LABEL_SIZE, color=colour)
            panels.add(mn.VGroup(head, axes, curve, verdict))
        for head, axes, _, _ in panels:
            mn.VGroup(head, axes).arrange(mn.DOWN, buff=0.25)
        panels.arrange(mn.RIGHT, buff=0.8)
        panels.scale_to_fit_width(min(panels.width, 12.4)).to_edge(mn.UP, buff=0.45)
        for _, axes, curve, verdict in panels:  # redraw each curve where its axes now are
            curve.become(get_polyline(axes, xs, ys, look.FUNCTION, 3))
            verdict.next_to(axes, mn.DOWN, buff=0.55)
        self.play(*[mn.FadeIn(mn.VGroup(h, a, c)) for h, a, c, _ in panels], run_time=1.2)
        self.narrate("The same loss and the same start, w = 9; only the learning rate η differs.",
                     "同样的损失，同样从 w = 9 出发，只有学习率 η 不同。")

        # Run the three descents together
        self.section("Twelve steps", "十二步")
        dots = [mn.Dot(p[1].c2p(START, runs[lr].losses[0]), radius=0.07, color=colour)
                for p, (lr, colour, *_) in zip(panels, RATES, strict=True)]
        self.play(*[mn.FadeIn(d) for d in dots])
        for k in range(1, STEPS + 1):
            anims = []
            for p, d, (lr, colour, *_) in zip(panels, dots, RATES, strict=True):
                w, loss = runs[lr].positions[:, 0], runs[lr].losses
                seg = mn.Line(p[1].c2p(w[k - 1], loss[k - 1]), p[1].c2p(w[k], loss[k]),
                              color=colour, stroke_width=2.5)
                anims += [mn.Create(seg), d.animate.move_to(p[1].c2p(w[k], loss[k]))]
                self.record(f"w lr={lr}", w[k - 1])
            self.play(*anims, run_time=0.5 if k > 2 else 0.9)
        for lr, *_ in RATES:
            self.record(f"w lr={lr}", runs[lr].positions[STEPS, 0])
        self.narrate("A tiny rate barely moves; a large one jumps across the valley at every step.",
                     "学习率太小，几乎不动；学习率太大，每一步都跳到山谷的另一侧。")

        # The verdicts, and the rates the second derivative allows
        self.section("Verdicts", "结论")
        rates = quadratic_rates(get_surface("course_quadratic").hessian(START))
        finals = []
        for p, (lr, colour, *_) in zip(panels, RATES, strict=True):
            label = get_math(rf"L_{{{STEPS}}} = {tex_number(runs[lr].losses[-1])}",
                             size=look.LABEL_SIZE + 4, color=colour)
            mn.VGroup(label, p[3]).arrange(mn.DOWN, buff=0.2).next_to(p[1], mn.DOWN, buff=0.3)
            finals.append(label)
            self.record(f"final loss lr={lr}", runs[lr].losses[-1])
        self.play(*[mn.FadeIn(p[3]) for p in panels], *[mn.FadeIn(f) for f in finals])
        self.record("second derivative", rates.lam_max)
        self.record("limit and best", [rates.limit, rates.best])
        self.narrate(f"The second derivative is L″ = {rates.lam_max:g}: each step multiplies "
                     f"w − 2.3 by 1 − {rates.lam_max:g}η.",
                     f"二阶导数 L″ = {rates.lam_max:g}：每走一步，w − 2.3 都乘以 "
                     f"1 − {rates.lam_max:g}η。")
        factors = [1 - rates.lam_max * lr for lr, *_ in RATES]
        self.record("step factors", factors)
        said = [plain_number(f) for f in factors]
        self.narrate(f"For these rates that factor is {said[0]}, {said[1]} and {said[2]}: "
                     "the first barely shrinks, the last flips sign each step.",
                     f"对这三个学习率，这个因子分别是 {said[0]}、{said[1]} 和 {said[2]}："
                     "第一个几乎不缩小，最后一个每一步都变号。")
        self.narrate(f"So any η above {rates.limit:g} makes the steps grow, and η = "
                     f"{rates.best:g} would land on the minimum in a single step.",
                     f"所以 η 一旦大于 {rates.limit:g}，步子就越来越大；而 η = {rates.best:g} "
                     "一步就能落到最低点。")
        self.wait(1.0)
