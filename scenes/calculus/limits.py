"""The limit, made precise: the epsilon-delta picture for sin(x)/x at 0 (a band of half-width
epsilon around L, a delta window that keeps the curve inside it, a smaller delta for every
smaller epsilon), then a sequence settling into its band from some index N on."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.calculus import (
    alternating_sequence,
    delta_works,
    epsilon_delta,
    evaluate,
    sequence_threshold,
    sin_over_x,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_counter,
    get_math,
    get_text,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses.
X0, LIMIT = 0.0, 1.0  # lim_{x -> 0} sin(x)/x = 1
EPSILONS = (0.2, 0.1, 0.03)  # each smaller band asks for its own delta
DELTA_MAX = 2.0  # the search for delta starts here and halves
X_RANGE, Y_RANGE = (-4.0, 4.0, 1.0), (-0.5, 1.5, 0.5)
N_TERMS = 25  # terms of the sequence shown
SEQ_EPSILONS = (0.3, 0.12)
SEQ_Y = (0.0, 2.0, 0.5)
LABEL = look.LABEL_SIZE + 8


def _label(tex: str, color: str = look.TEXT) -> mn.MathTex:
    return get_math(tex, color=color, size=LABEL)


class Limits(LectureScene):
    """The epsilon-delta definition on sin(x)/x at 0, and a sequence tending to 1."""

    TITLE = ("What a limit is", "极限的定义")

    def construct(self) -> None:
        self.show_title()
        self.function_with_a_hole()
        self.epsilon_and_delta()
        self.sequence()

    # sin(x)/x: no value at 0, a limit at 0 ----------------------------------------------------
    def function_with_a_hole(self) -> None:
        self.section("A function with a hole", "一个有缺口的函数")
        axes = get_axes(list(X_RANGE), list(Y_RANGE), 7.6, 5.4, x_label=_label("x"),
                        y_label=_label("y"), numbers_on_top=True)
        axes.to_corner(mn.UL, buff=0.5)
        xs = np.linspace(X_RANGE[0], X_RANGE[1], 400)  # an even count: 0 is not a sample
        ys = evaluate(sin_over_x, xs)
        curve = mn.VGroup(*[
            axes.plot_line_graph(xs[part], ys[part], add_vertex_dots=False,
                                 line_color=look.FUNCTION, stroke_width=4)
            for part in (xs < 0, xs > 0)])
        hole = mn.Circle(radius=0.09, color=look.FUNCTION, stroke_width=4).set_fill(
            look.BACKGROUND, opacity=1).move_to(axes.c2p(X0, LIMIT))
        formula = get_math(r"f(x) = \frac{\sin x}{x}", color=look.FUNCTION)
        undefined = mn.VGroup(get_math(r"x = 0:\ \frac{0}{0}", color=look.FUNCTION),
                              get_text(tr("f(0) is undefined", "f(0) 无定义"), color=look.FUNCTION)
                              ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.2)
        panel = mn.VGroup(formula, undefined).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        panel.next_to(axes, mn.RIGHT, buff=0.6).align_to(axes, mn.UP)
        self.play(mn.Create(axes), run_time=1.0)
        self.play(mn.Create(curve), mn.FadeIn(formula), run_time=1.5)
        self.play(mn.FadeIn(hole), mn.FadeIn(undefined))
        self.record("hole", [X0, LIMIT])
        self.narrate("Take f of x equal to sine x over x. At x = 0 it has no value at all, "
                     "since zero over zero is undefined.",
                     "看函数 f(x) 等于 sin x 除以 x。在 x = 0 处它根本没有值，"
                     "因为零除以零没有意义。")
        self.narrate("Yet near 0 the curve clearly heads for the height 1. A limit makes "
                     "this idea precise.",
                     "可是在 0 附近，曲线显然趋向高度 1。极限就是把这个直觉说清楚。")
        self.axes, self.curve, self.hole, self.panel = axes, curve, hole, panel
        self.xs, self.ys = xs, ys

    # The band and the window ----------------------------------------------------------------
    def _band(self, eps: float) -> mn.VGroup:
        axes = self.axes
        lo, hi = axes.c2p(X_RANGE[0], LIMIT - eps), axes.c2p(X_RANGE[1], LIMIT + eps)
        fill = mn.Rectangle(width=hi[0] - lo[0], height=hi[1] - lo[1], stroke_width=0,
                            fill_color=look.POINT, fill_opacity=0.2).move_to((lo + hi) / 2)
        edges = mn.VGroup(*[mn.DashedLine(axes.c2p(X_RANGE[0], y), axes.c2p(X_RANGE[1], y),
                                          color=look.POINT, stroke_width=2, dash_length=0.1)
                            for y in (LIMIT - eps, LIMIT + eps)])
        return mn.VGroup(fill, edges)

    def _band_label(self, eps: float) -> mn.MathTex:
        """1 ± epsilon, just above the band's left end (the curve is low there)."""
        label = _label(r"1 \pm \varepsilon", look.POINT)
        return label.next_to(self.axes.c2p(X_RANGE[0], LIMIT + eps), mn.UR, buff=0.1)

    def _window(self, delta: float) -> mn.Rectangle:
        axes = self.axes
        lo, hi = axes.c2p(X0 - delta, Y_RANGE[0]), axes.c2p(X0 + delta, Y_RANGE[1])
        return mn.Rectangle(width=hi[0] - lo[0], height=hi[1] - lo[1], stroke_color=look.SECOND,
                            stroke_width=2, fill_color=look.SECOND, fill_opacity=0.15
                            ).move_to((lo + hi) / 2)

    def _piece(self, eps: float, delta: float) -> mn.VGroup:
        """The curve over the window 0 < |x| < delta: yellow inside the band, vermillion
        where it leaves the band."""
        xs = np.linspace(X0 - delta, X0 + delta, 400)
        ys = evaluate(sin_over_x, xs)
        inside = np.abs(ys - LIMIT) < eps
        out = mn.VGroup()
        for side in (xs < X0, xs > X0):
            for ok, colour in ((True, look.POINT), (False, look.LOSS)):
                sel = side & (inside == ok)
                # contiguous runs of the selection, each drawn as one line
                idx = np.flatnonzero(sel)
                for run in np.split(idx, np.flatnonzero(np.diff(idx) > 1) + 1):
                    if len(run) >= 2:
                        out.add(mn.VMobject(stroke_color=colour, stroke_width=8)
                                .set_points_as_corners([self.axes.c2p(x, y) for x, y
                                                        in zip(xs[run], ys[run], strict=True)]))
        return out

    def epsilon_and_delta(self) -> None:
        self.section("A band of half-width epsilon", "半宽为 ε 的误差带")
        eps0 = EPSILONS[0]
        band = self._band(eps0)
        band_label = self._band_label(eps0)
        definition = get_math(r"\lim_{x \to 0} f(x) = 1", color=look.POINT)
        definition.move_to(self.panel[1], aligned_edge=mn.LEFT)
        eps_counter = get_counter(r"\varepsilon", eps0, digits=2, color=look.POINT)
        delta_counter = get_counter(r"\delta", 1.0, digits=2, color=look.SECOND)
        counters = mn.VGroup(eps_counter, delta_counter).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                                 buff=0.35)
        counters.next_to(definition, mn.DOWN, buff=0.5, aligned_edge=mn.LEFT)
        self.add(band)
        self.bring_to_back(band)
        self.play(mn.FadeIn(band), mn.FadeIn(band_label), mn.FadeOut(self.panel[1]),
                  mn.FadeIn(definition), mn.FadeIn(eps_counter))
        self.narrate(f"Choose a tolerance epsilon, here {eps0:g}, and draw the band from "
                     "1 minus epsilon to 1 plus epsilon.",
                     f"先选一个误差容限 ε，这里是 {eps0:g}，画出从 1 − ε 到 1 + ε 的误差带。")

        # A delta window that works
        self.section("A window that works", "一个满足要求的 δ")
        delta0 = epsilon_delta(sin_over_x, X0, LIMIT, eps0, delta_max=DELTA_MAX)
        ok0 = delta_works(sin_over_x, X0, LIMIT, eps0, delta0)
        self.record("epsilon", eps0)
        self.record("delta", delta0)
        self.record("delta_works", ok0)
        delta_counter[1].set_value(delta0)
        window = self._window(delta0)
        piece = self._piece(eps0, delta0)
        self.add(window)
        self.bring_to_back(window)
        self.bring_to_back(band)
        self.play(mn.FadeIn(window), mn.FadeIn(delta_counter), mn.Create(piece))
        self.add(self.hole)
        self.narrate(f"Then look for a window around 0. With delta = {plain_number(delta0)}, "
                     "every x in it except 0 itself",
                     f"再在 0 周围找一个 δ 邻域。取 δ = {plain_number(delta0)}，"
                     "邻域里除了 0 本身以外的每个 x，")
        self.narrate("gives a value inside the band: the yellow piece of the curve never "
                     "leaves it.",
                     "函数值都落在误差带里：黄色的那段曲线始终没有离开误差带。")
        rule = mn.VGroup(get_math(r"0 < |x| < \delta"),
                         get_math(r"\Rightarrow\; |f(x) - 1| < \varepsilon")
                         ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
        rule.scale_to_fit_width(min(rule.width, mn.config.frame_width / 2 - look.MARGIN
                                    - counters.get_left()[0] - 0.2))
        rule.next_to(counters, mn.DOWN, buff=0.5, aligned_edge=mn.LEFT)
        self.play(mn.Write(rule))
        self.narrate("That is the definition: for every epsilon greater than 0 there is such "
                     "a delta. The value at 0 never matters.",
                     "这就是极限的定义：对每一个大于 0 的 ε，都存在这样的 δ。"
                     "函数在 0 处的值无关紧要。")

        # Smaller epsilon: the old window fails, a smaller one works
        self.section("Smaller epsilon, smaller delta", "ε 越小，δ 越小")
        old_delta = delta0
        for eps in EPSILONS[1:]:
            fails = not delta_works(sin_over_x, X0, LIMIT, eps, old_delta)
            self.record("old_delta_fails", [eps, old_delta, fails])
            self.play(mn.Transform(band, self._band(eps)),
                      mn.Transform(band_label, self._band_label(eps)),
                      mn.Transform(piece, self._piece(eps, old_delta)),
                      mn.ChangeDecimalToValue(eps_counter[1], eps), run_time=1.5)
            self.add(self.hole)
            if eps == EPSILONS[1]:
                self.narrate(f"Now a stricter band, epsilon = {eps:g}. The old window is too "
                             "wide: near its edges the curve leaves the band."
                             if fails else f"Now a stricter band, epsilon = {eps:g}.",
                             f"换一条更窄的误差带，ε = {eps:g}。原来的邻域太宽了："
                             "在邻域边缘曲线跑出了误差带。" if fails else
                             f"换一条更窄的误差带，ε = {eps:g}。")
            delta = epsilon_delta(sin_over_x, X0, LIMIT, eps, delta_max=DELTA_MAX)
            self.record("epsilon", eps)
            self.record("delta", delta)
            self.record("delta_works", delta_works(sin_over_x, X0, LIMIT, eps, delta))
            self.play(mn.Transform(window, self._window(delta)),
                      mn.Transform(piece, self._piece(eps, delta)),
                      mn.ChangeDecimalToValue(delta_counter[1], delta), run_time=1.5)
            self.add(self.hole)
            if eps == EPSILONS[1]:
                self.narrate(f"A narrower window, delta = {plain_number(delta)}, works "
                             "again.",
                             f"把邻域缩小到 δ = {plain_number(delta)}，又满足要求了。")
            old_delta = delta
        deltas = self.recorded["delta"]
        shrinking = bool(np.all(np.diff(np.ravel(deltas)) < 0))
        self.record("deltas_shrink", shrinking)
        eps_last, delta_last = EPSILONS[-1], float(np.ravel(deltas)[-1])
        self.narrate(f"For epsilon = {eps_last:g}, delta = {plain_number(delta_last)} is "
                     "enough. Each smaller epsilon gets its own"
                     + (", smaller" if shrinking else "") + " delta.",
                     f"ε = {eps_last:g} 时，δ = {plain_number(delta_last)} 就够了。"
                     "每个更小的 ε 都有它自己的" + ("、更小的" if shrinking else "") + " δ。")

    # A sequence settling into its band ------------------------------------------------------
    def sequence(self) -> None:
        self.section("A sequence and its limit", "数列的极限", clear=True)
        n = np.arange(1, N_TERMS + 1)
        terms = alternating_sequence(n)
        self.record("sequence_n", n)
        self.record("sequence_terms", terms)
        axes = get_axes([0, N_TERMS + 1, 5], list(SEQ_Y), 8.6, 5.0, x_label=_label("n"),
                        y_label=_label("a_n"))
        axes.to_corner(mn.UL, buff=0.5)
        formula = get_math(r"a_n = 1 + \frac{(-1)^{n+1}}{n}", color=look.FUNCTION)
        limit = get_math(r"\lim_{n \to \infty} a_n = 1", color=look.POINT)
        panel = mn.VGroup(formula, limit).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        panel.next_to(axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP)
        dots = mn.VGroup(*[mn.Dot(axes.c2p(k, a), radius=0.07, color=look.FUNCTION)
                           for k, a in zip(n, terms, strict=True)])
        line = mn.DashedLine(axes.c2p(0, LIMIT), axes.c2p(N_TERMS + 1, LIMIT),
                             color=look.POINT, stroke_width=2, dash_length=0.1)
        self.play(mn.Create(axes), mn.FadeIn(formula), run_time=1.0)
        self.play(mn.LaggedStart(*[mn.FadeIn(d, scale=0.5) for d in dots], lag_ratio=0.15),
                  run_time=3.0)
        self.play(mn.Create(line), mn.FadeIn(limit))
        self.narrate(f"The terms 2, {plain_number(terms[1])}, {plain_number(terms[2])}, "
                     f"{plain_number(terms[3])} jump from side to side of 1, ever closer.",
                     f"各项 2、{plain_number(terms[1])}、{plain_number(terms[2])}、"
                     f"{plain_number(terms[3])} 在 1 的两侧来回跳动，越来越近。")
        self.narrate("For a sequence, the window is a tail: from some index N on, every "
                     "term lies in the band.",
                     "对数列来说，邻域换成了“尾巴”：从某一项 N 起，后面每一项都落在误差带里。")

        # epsilon-N: the band and the index from which every term stays in it
        self.section("From N on, inside the band", "从第 N 项起都在带内")
        eps_counter = get_counter(r"\varepsilon", SEQ_EPSILONS[0], digits=2, color=look.POINT)
        n_counter = get_counter("N", 1, digits=0, color=look.SECOND)
        counters = mn.VGroup(eps_counter, n_counter).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                             buff=0.35)
        counters.next_to(panel, mn.DOWN, buff=0.5, aligned_edge=mn.LEFT)
        band = marker = None
        for eps in SEQ_EPSILONS:
            big_n = sequence_threshold(terms, LIMIT, eps)
            self.record("sequence_epsilon", eps)
            self.record("sequence_N", big_n)
            lo, hi = axes.c2p(0, LIMIT - eps), axes.c2p(N_TERMS + 1, LIMIT + eps)
            new_band = mn.Rectangle(width=hi[0] - lo[0], height=hi[1] - lo[1], stroke_width=0,
                                    fill_color=look.POINT, fill_opacity=0.2
                                    ).move_to((lo + hi) / 2)
            new_marker = mn.DashedLine(axes.c2p(big_n, SEQ_Y[0]), axes.c2p(big_n, SEQ_Y[1]),
                                       color=look.SECOND, stroke_width=3, dash_length=0.1)
            colours = [look.POINT if k >= big_n else look.FUNCTION for k in n]
            recolour = [d.animate.set_color(c) for d, c in zip(dots, colours, strict=True)]
            if band is None:
                band, marker = new_band, new_marker
                self.add(band)
                self.bring_to_back(band)
                n_counter[1].set_value(big_n)
                self.play(mn.FadeIn(band), mn.FadeIn(counters), mn.Create(marker), *recolour)
                self.narrate(f"With epsilon = {eps:g}, every term from N = {big_n} on is inside "
                             "the band; they turn yellow.",
                             f"取 ε = {eps:g}，从第 N = {big_n} 项起每一项都在误差带里，变成黄色。")
            else:
                self.play(mn.Transform(band, new_band), mn.Transform(marker, new_marker),
                          mn.ChangeDecimalToValue(eps_counter[1], eps),
                          mn.ChangeDecimalToValue(n_counter[1], big_n), *recolour, run_time=1.5)
                self.narrate(f"A smaller epsilon, {eps:g}, needs a later start: N = {big_n}. "
                             "Some N exists for every epsilon; that is the limit 1.",
                             f"更小的 ε = {eps:g} 需要更晚的起点：N = {big_n}。"
                             "对每个 ε 都有这样的 N，这就是极限为 1 的含义。")
        self.wait(0.5)
