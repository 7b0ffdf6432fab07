"""Exponential functions a^x (a > 1 and 0 < a < 1) and the bowl e^x + e^-x, which is not a
parabola. Logarithms follow in ``logarithm.py``."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.calculus import taylor_coefficients, taylor_partial_sum
from mathcore.functions import exponential, get_function
from scenes.common import LectureScene, get_math, get_text, look, plain_number, tex_number, tr
from scenes.functions.graphs import (
    SET_SIZE,
    curve,
    fit_axes,
    function_axes,
    horizontal_line,
    labelled_set,
    point_label,
    rows,
    set_ends,
)

# Numbers the scene uses.
GROWING = (2, "e")  # bases a > 1
SHRINKING = "1/2"  # a base 0 < a < 1, the mirror of 2^x
EXP_X, EXP_Y = (-4.0, 4.0, 1.0), (-1.0, 5.0, 1.0)
BOWL_X, BOWL_Y = (-3.0, 3.0, 1.0), (0.0, 24.0, 4.0)  # up to the bowl at x = 3
COMPARE_AT = (1.0, 2.0, 3.0)  # e^x + e^-x against its parabola 2 + x^2 here
AXES_SIZE = (6.3, 5.2)
MONOTONE = {True: ("increasing", "增函数"), False: ("decreasing", "减函数")}


class ExponentialAndLogarithm(LectureScene):
    """a^x for a > 1 and 0 < a < 1, and e^x + e^-x: a bowl, but not a parabola."""

    TITLE = ("Exponential functions", "指数函数")

    def construct(self) -> None:
        self.show_title()
        self._growing()
        self._shrinking()
        self._bowl()

    # a > 1 -------------------------------------------------------------------------------
    def _growing(self) -> None:
        self.section("Base a > 1", "底数 a > 1")
        axes = self._axes(EXP_X, EXP_Y)
        self.play(mn.Create(axes), run_time=1.0)
        fs = [exponential(a) for a in GROWING]
        colours = (look.FUNCTION, look.SECOND)
        graphs = mn.VGroup(*(curve(axes, f, c) for f, c in zip(fs, colours, strict=True)))
        tags = mn.VGroup(*(get_math(f"y = {f.tex}", color=c, size=look.MATH_SIZE)
                           for f, c in zip(fs, colours, strict=True)))
        tags.arrange(mn.RIGHT, buff=0.6)
        f = fs[0]
        y0 = float(f(0.0))  # a^0 = 1 for every base
        for g in fs:
            self.record(f"exp {g.name} at 0", float(g(0.0)))
            self.record(f"exp {g.name} increasing", float(bool(g.increasing)))
            self.record(f"exp {g.name} domain", set_ends(g.domain))
            self.record(f"exp {g.name} range", set_ends(g.range))
        asymptote = horizontal_line(axes, f.horizontal_asymptotes[0])
        self.record("exp asymptote y", f.horizontal_asymptotes[0])
        dot = point_label(axes, 0.0, y0, rf"(0, {tex_number(y0)})", mn.UL)
        panel = rows(tags, labelled_set(("domain", "定义域"), f.domain),
                     labelled_set(("range", "值域"), f.range),
                     get_text(tr(*MONOTONE[True]), size=look.LABEL_SIZE),
                     mn.VGroup(get_text(tr("asymptote", "渐近线"), size=look.LABEL_SIZE,
                                        color=look.MUTED),
                               get_math(rf"y = {tex_number(f.horizontal_asymptotes[0])}",
                                        size=look.MATH_SIZE)).arrange(mn.RIGHT, buff=0.2))
        self._place(panel, axes)
        self.narrate("For a base a greater than one, a to the x grows as x increases, "
                     "and faster and faster.",
                     "底数 a 大于 1 时，a 的 x 次方随 x 增大而增大，而且越长越快。")
        self.play(mn.Create(graphs), mn.FadeIn(panel[0]), run_time=1.6)
        self.narrate(f"Every such curve passes through (0, {plain_number(y0)}), because a to the "
                     f"power zero is {plain_number(y0)}.",
                     f"所有这样的曲线都经过点 (0, {plain_number(y0)})，因为任何底数的零次方都等于 "
                     f"{plain_number(y0)}。")
        self.play(mn.FadeIn(dot), mn.FadeIn(panel[3]), run_time=0.8)
        self.narrate("To the left it sinks towards zero but never reaches it: the range is "
                     "the open interval from zero to infinity.",
                     "向左曲线无限接近 0 却永远取不到 0，所以值域是从 0 到正无穷的开区间。")
        self.play(mn.Create(asymptote), mn.FadeIn(panel[1:3]), mn.FadeIn(panel[4]),
                  run_time=1.2)
        self.wait(0.5)
        self._stage = (axes, graphs, asymptote, dot, panel)

    # 0 < a < 1 ---------------------------------------------------------------------------
    def _shrinking(self) -> None:
        self.section("Base 0 < a < 1", "底数 0 < a < 1")
        axes, graphs, asymptote, dot, panel = self._stage
        f, g = exponential(SHRINKING), exponential(GROWING[0])
        new = curve(axes, f, look.THIRD)
        # the mirror: (1/2)^x at -x equals 2^x at x
        x = 1.0
        mirror_y = float(f(-x))
        self.record("half^-1", mirror_y)
        self.record("two^1", float(g(x)))
        self.record("exp half increasing", float(bool(f.increasing)))
        self.record("exp half decreasing", float(bool(f.decreasing)))
        self.record("exp half domain", set_ends(f.domain))
        self.record("exp half range", set_ends(f.range))
        left = mn.Dot(axes.c2p(-x, mirror_y), radius=0.08, color=look.POINT)
        right = mn.Dot(axes.c2p(x, float(g(x))), radius=0.08, color=look.POINT)
        bridge = mn.DashedLine(left.get_center(), right.get_center(), color=look.POINT,
                               stroke_width=3)
        tag = get_math(f"y = {f.tex} = {g.tex.replace('x', '{-x}')}", color=look.THIRD)
        panel_new = rows(tag, labelled_set(("domain", "定义域"), f.domain),
                         labelled_set(("range", "值域"), f.range),
                         get_text(tr(*MONOTONE[bool(f.increasing)]), size=look.LABEL_SIZE))
        self._place(panel_new, axes)
        self.play(graphs[1].animate.set_stroke(opacity=0.0), mn.FadeOut(dot),
                  graphs[0].animate.set_stroke(opacity=0.45), mn.FadeOut(panel), run_time=0.6)
        self.remove(graphs[1])
        self.narrate("For a base between zero and one, like one half, the curve falls "
                     "instead: the function is decreasing.",
                     "底数在 0 和 1 之间时，比如二分之一，曲线反而下降：它是减函数。")
        self.play(mn.Create(new), mn.FadeIn(panel_new), run_time=1.5)
        self.narrate("One half to the x is two to the minus x, so its graph is the mirror "
                     "image of two to the x in the y axis.",
                     "二分之一的 x 次方等于 2 的负 x 次方，所以它的图像与 2 的 x 次方关于 y 轴对称。")
        self.play(mn.FadeIn(left), mn.FadeIn(right), mn.Create(bridge), run_time=1.0)
        self.wait(0.5)

    # e^x + e^-x --------------------------------------------------------------------------
    def _bowl(self) -> None:
        self.section("The sum of two exponentials", "两个指数函数之和", clear=True)
        axes = self._axes(BOWL_X, BOWL_Y)
        up, down, bowl = (get_function(n) for n in ("exp", "exp_neg", "cosh2"))
        parts = mn.VGroup(curve(axes, up, look.SECOND, width=3),
                          curve(axes, down, look.SECOND, width=3))
        part_tags = mn.VGroup(
            get_math(up.tex, color=look.SECOND, size=look.MATH_SIZE)
            .next_to(axes.c2p(2.2, float(up(2.2))), mn.RIGHT, buff=0.1),
            get_math(down.tex, color=look.SECOND, size=look.MATH_SIZE)
            .next_to(axes.c2p(-2.2, float(down(-2.2))), mn.LEFT, buff=0.1))
        sum_graph = curve(axes, bowl, look.FUNCTION, width=5)
        low = bowl.range_ends[0]  # the lowest value and where it is reached
        self.record("bowl minimum", [low.x, low.y])
        self.record("bowl range", set_ends(bowl.range))
        self.record("bowl even", float(bowl.parity == "even"))
        dot = point_label(axes, low.x, low.y, rf"({tex_number(low.x)}, {tex_number(low.y)})",
                          mn.UR)
        head = get_math(f"y = {bowl.tex}", color=look.FUNCTION)
        panel = rows(head, labelled_set(("range", "值域"), bowl.range),
                     get_text(tr("even", "偶函数"), size=look.LABEL_SIZE))
        self._place(panel, axes)
        self.play(mn.Create(axes), run_time=0.8)
        self.narrate("Add e to the x and e to the minus x: the sum is a bowl, an even function, "
                     f"lowest at x = {plain_number(low.x)} with the value {plain_number(low.y)}.",
                     "把 e 的 x 次方与 e 的负 x 次方相加，得到碗形的偶函数，"
                     f"在 x = {plain_number(low.x)} 处取最小值 {plain_number(low.y)}。")
        self.play(mn.Create(parts), mn.FadeIn(part_tags), run_time=1.2)
        self.play(mn.Create(sum_graph), mn.FadeIn(panel[0]), mn.FadeIn(panel[2]), run_time=1.2)
        self.play(mn.FadeIn(dot), run_time=0.5)
        self.narrate(f"The lowest value {plain_number(low.y)} is reached, so the range starts "
                     f"at {plain_number(low.y)}, included, and goes up to infinity.",
                     f"最小值 {plain_number(low.y)} 能取到，所以值域从 {plain_number(low.y)}"
                     "（含）一直到正无穷。")
        self.play(mn.FadeIn(panel[1]), run_time=0.6)

        # Not a parabola: its Taylor polynomial of order 2 is, but the exponentials win
        self.section("Not a parabola", "不是抛物线")
        c = taylor_coefficients(bowl.fn, 0.0, 2)
        self.record("bowl taylor coefficients", c)
        xs = np.linspace(BOWL_X[0], BOWL_X[1], 241)
        ys = taylor_partial_sum(bowl.fn, 0.0, 2, xs)
        keep = ys <= BOWL_Y[1]
        parabola = axes.plot_line_graph(xs[keep], ys[keep], add_vertex_dots=False,
                                        line_color=look.THIRD, stroke_width=4)
        quad = f"{tex_number(c[0])} + x^2" if np.isclose(c[2], 1.0) else \
            f"{tex_number(c[0])} + {tex_number(c[2])}x^2"
        at = np.array(COMPARE_AT)
        exact, approx = bowl(at), taylor_partial_sum(bowl.fn, 0.0, 2, at)
        self.record("compare x", at)
        self.record("compare bowl", exact)
        self.record("compare parabola", approx)
        self.record("compare gap grows", float(np.all(np.diff(exact - approx) > 0)))
        xv, big, small = at[-1], exact[-1], approx[-1]
        table = rows(*(get_math(rf"x = {tex_number(x)}:\ {tex_number(e)} > {tex_number(p)}",
                                size=SET_SIZE) for x, e, p in zip(at, exact, approx,
                                                                  strict=True)), buff=0.15)
        tag = get_math(f"y = {quad}", color=look.THIRD)
        panel2 = rows(head.copy(), tag, table)
        self._place(panel2, axes)
        marks = mn.VGroup(*(mn.Dot(axes.c2p(float(x), float(p)), radius=0.07, color=look.THIRD)
                            for x, p in zip(at, approx, strict=True) if p <= BOWL_Y[1]),
                          *(mn.Dot(axes.c2p(float(x), float(e)), radius=0.07, color=look.FUNCTION)
                            for x, e in zip(at, exact, strict=True) if e <= BOWL_Y[1]))
        self.play(mn.FadeOut(parts), mn.FadeOut(part_tags), mn.FadeOut(panel),
                  mn.FadeOut(dot), run_time=0.5)
        self.narrate(f"Near zero it looks like the parabola {plain_quad(c)}: it is "
                     "parabola-like, but it is not a parabola.",
                     f"在 0 附近它很像抛物线 {plain_quad(c)}：形状类似二次函数，"
                     "但它并不是抛物线。")
        self.play(mn.Create(parabola), mn.FadeIn(panel2[:2]), run_time=1.2)
        self.narrate(f"At x = {plain_number(xv)} the sum is {plain_number(big)}, the parabola "
                     f"only {plain_number(small)}: the exponentials pull away ever faster.",
                     f"x = {plain_number(xv)} 时两指数之和是 {plain_number(big)}，抛物线只有 "
                     f"{plain_number(small)}：指数增长越来越快地甩开它。")
        self.play(mn.FadeIn(marks), mn.FadeIn(table), run_time=1.0)
        self.wait(0.5)

    # helpers -----------------------------------------------------------------------------
    @staticmethod
    def _axes(x_range, y_range) -> mn.Axes:
        return fit_axes(function_axes(x_range, y_range, *AXES_SIZE))

    @staticmethod
    def _place(panel: mn.Mobject, axes: mn.Axes) -> None:
        panel.next_to(axes, mn.RIGHT, buff=0.6).align_to(axes, mn.UP).shift(0.2 * mn.DOWN)


def plain_quad(c) -> str:
    """2 + x² for narration, from the Taylor coefficients [c0, 0, c2]."""
    lead = "" if np.isclose(c[2], 1.0) else plain_number(c[2])
    return f"{plain_number(c[0])} + {lead}x²"
