"""A tour of the words used to describe a function -- domain, range, monotonicity, symmetry,
saturation, periodicity, parity, continuity, trend -- each on a function where it shows."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.functions import (
    CATALOGUE,
    STEP,
    ElementaryFunction,
    power,
    sample_curve,
    tex_value,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_math,
    get_polyline,
    get_text,
    look,
    tex_number,
    tr,
)

# Numbers the scene uses: the window of each keyword's plot.
WINDOWS = {
    "domain": ((-1.0, 8.0, 1.0), (-3.0, 3.0, 1.0)),
    "range": ((-3.0, 3.0, 1.0), (-1.0, 8.0, 1.0)),
    "symmetry": ((-6.0, 6.0, 2.0), (-0.5, 1.5, 0.5)),
    "saturation": ((-8.0, 8.0, 2.0), (-2.0, 2.0, 1.0)),
    "periodic": ((-8.0, 8.0, 2.0), (-1.5, 1.5, 0.5)),
    "continuity": ((-3.0, 3.0, 1.0), (-0.5, 1.5, 0.5)),
    "trend": ((0.0, 8.0, 1.0), (-1.0, 8.0, 1.0)),
}
SYMMETRY_X = 2.0  # the pair of points -x, x on the sigmoid
SATURATION_X = (2.0, 4.0, 8.0)  # where arctan's distance to pi/2 is read
COS_X = 1.0  # the mirrored pair on cos
DOUBLINGS = (1.0, 2.0, 4.0, 8.0)  # ln x at x, 2x, 4x, 8x
EXP_STEPS = (0.0, 1.0, 2.0)
PLOT_W, PLOT_H = 7.2, 5.0
AXIS_LABEL_SIZE = look.MATH_SIZE
KEYWORD_SIZE = 44


class FunctionProperties(LectureScene):
    """Nine keywords, each shown on a function where it can be seen."""

    TITLE = ("Describing a function: nine keywords", "描述函数的九个关键词")

    def construct(self) -> None:
        self.show_title()
        self.panel: mn.VGroup | None = None

        # Domain: ln x
        self.section("Domain", "定义域")
        self._domain()
        # Range: e^x + e^-x
        self.section("Range", "值域")
        self._range()
        # Monotonicity: the same curve in two pieces
        self.section("Monotonicity", "单调性")
        self._monotonicity()
        # Symmetry: the sigmoid about (0, 1/2)
        self.section("Symmetry", "对称性", clear=True)
        self._symmetry()
        # Saturation: arctan
        self.section("Saturation", "饱和性", clear=True)
        self._saturation()
        # Periodicity: sin
        self.section("Periodicity", "周期性", clear=True)
        self._periodicity()
        # Parity: cos even, sin odd
        self.section("Parity", "奇偶性")
        self._parity()
        # Continuity: the step function and 1/x
        self.section("Continuity", "连续性", clear=True)
        self._continuity()
        # Trend: e^x and ln x
        self.section("Trend", "变化趋势", clear=True)
        self._trend()
        self.wait(1.0)

    # Keywords ------------------------------------------------------------------------------
    def _domain(self) -> None:
        f = CATALOGUE["log"]
        axes = self._axes("domain")
        curve = self._curve(axes, f, "domain")
        lo, hi = f.domain.bounds
        x_end = axes.x_range[1]
        band = mn.Line(axes.c2p(lo, 0), axes.c2p(min(hi, x_end), 0), color=look.POINT,
                       stroke_width=10)
        hole = _open_dot(axes.c2p(lo, 0))
        self.play(mn.Create(axes), run_time=0.8)
        self._show_panel(("Domain", "定义域"), [get_math(r"y = \ln x", color=look.FUNCTION),
                                                self._set_row(("domain", "定义域"), f.domain)])
        self.play(mn.Create(curve), mn.Create(band), mn.FadeIn(hole))
        self.record("domain of ln", _ends(f.domain))
        self.narrate("The domain is every x where a function is defined. ln x needs x to be "
                     "positive; the open circle says 0 is left out.",
                     "定义域是函数有定义的所有 x。对数要求 x > 0；空心圆表示 0 本身不在其中。")
        self.axes, self.stage = axes, mn.VGroup(curve, band, hole)

    def _range(self) -> None:
        f = CATALOGUE["cosh2"]
        self.play(mn.FadeOut(self.stage), mn.FadeOut(self.axes))
        axes = self._axes("range")
        curve = self._curve(axes, f, "range")
        (end,) = f.range_ends
        top = axes.y_range[1]
        band = mn.Line(axes.c2p(0, end.y), axes.c2p(0, top), color=look.POINT, stroke_width=10)
        low = mn.Dot(axes.c2p(end.x, end.y), radius=0.09, color=look.POINT)
        self.play(mn.Create(axes), run_time=0.8)
        self._show_panel(("Range", "值域"), [get_math(r"y = e^{x} + e^{-x}", color=look.FUNCTION),
                                             self._set_row(("range", "值域"), f.range)])
        self.play(mn.Create(curve), mn.Create(band), mn.FadeIn(low))
        self.record("range of cosh2", _ends(f.range))
        self.record("cosh2 lowest point", [end.x, float(f(end.x))])
        self.narrate(f"The range is every value taken. eˣ + e⁻ˣ is never below {end.y:g}, and "
                     f"is {end.y:g} at x = {end.x:g}: a closed end.",
                     f"值域是函数取到的所有值。eˣ + e⁻ˣ 不小于 {end.y:g}，并在 x = {end.x:g} "
                     "处取到，所以这一端是闭的。")
        self.axes, self.curve, self.stage = axes, curve, mn.VGroup(band, low)

    def _monotonicity(self) -> None:
        f = CATALOGUE["cosh2"]
        (dec,), (inc,) = f.decreasing, f.increasing
        x0, x1 = self.axes.x_range[:2]
        pieces = mn.VGroup()
        for iv, colour in ((dec, look.SECOND), (inc, look.THIRD)):
            a, b = max(iv.lo, x0), min(iv.hi, x1)
            pieces.add(self._curve(self.axes, f, "range", colour, (a, b)))
        rows = mn.VGroup(
            get_math(r"y = e^{x} + e^{-x}", color=look.FUNCTION),
            self._interval_row(("decreasing on", "单调递减区间"), dec.tex(), look.SECOND),
            self._interval_row(("increasing on", "单调递增区间"), inc.tex(), look.THIRD))
        self.play(mn.FadeOut(self.stage))
        self._show_panel(("Monotonicity", "单调性"), list(rows))
        self.play(mn.ReplacementTransform(self.curve, pieces))
        xs = np.linspace(-2.5, 2.5, 11)
        self.record("cosh2 monotonic pieces", [[dec.lo, dec.hi, float(dec.closed_hi)],
                                               [inc.lo, inc.hi, float(inc.closed_lo)]])
        self.record("cosh2 samples", [xs, f(xs)])
        self.narrate("Monotonicity: where a curve only falls or only rises. This one falls up to "
                     "0, then rises; 0 is in both pieces.",
                     "单调性：曲线只降或只升的区间。它在 x = 0 之前下降，之后上升；"
                     "0 同时属于两段。")

    def _symmetry(self) -> None:
        f = CATALOGUE["sigmoid"]
        axes = self._axes("symmetry")
        curve = self._curve(axes, f, "symmetry")
        a = SYMMETRY_X
        ya, yb = float(f(-a)), float(f(a))
        centre = mn.Dot(axes.c2p(0, 0.5), radius=0.09, color=look.POINT)
        pair = mn.VGroup(*[mn.Dot(axes.c2p(x, y), radius=0.08, color=look.POINT)
                           for x, y in ((-a, ya), (a, yb))])
        link = mn.DashedLine(axes.c2p(-a, ya), axes.c2p(a, yb), color=look.POINT)
        self.play(mn.Create(axes), mn.Create(curve), run_time=1.0)
        self._show_panel(("Symmetry", "对称性"), [
            get_math(r"\sigma(x) = \frac{1}{1+e^{-x}}", color=look.FUNCTION),
            get_math(r"\sigma(-x) = 1 - \sigma(x)"),
            get_math(rf"\sigma(-{a:g}) + \sigma({a:g}) = {tex_number(ya + yb, 4)}",
                     color=look.POINT)])
        self.play(mn.FadeIn(centre), mn.FadeIn(pair), mn.Create(link))
        self.record("sigmoid symmetric pair", [a, ya, yb])
        self.record("sigmoid parity neither", float(f.parity == "neither"))
        self.narrate("Symmetry: turn the sigmoid half a turn about the point (0, 1/2) and it lands "
                     "on itself, because σ(−x) = 1 − σ(x).",
                     "对称性：把 σ 绕点 (0, 1/2) 旋转半圈，它与自身重合，因为 σ(−x) = 1 − σ(x)。")
        self.narrate("Yet it is neither even nor odd: parity only asks about the y-axis and the "
                     "origin, and this centre is (0, 1/2).",
                     "但它既不是偶函数也不是奇函数：奇偶性只看 y 轴和原点，而这里的中心是 (0, 1/2)。")

    def _saturation(self) -> None:
        f = CATALOGUE["arctan"]
        axes = self._axes("saturation")
        curve = self._curve(axes, f, "saturation")
        x0, x1 = axes.x_range[:2]
        lines = mn.VGroup(*[mn.DashedLine(axes.c2p(x0, y), axes.c2p(x1, y), color=look.MUTED,
                                          stroke_width=3) for y in f.horizontal_asymptotes])
        labels = mn.VGroup(*[get_math(f"y = {tex_value(y)}", size=look.MATH_SIZE,
                                      color=look.MUTED)
                             for y in f.horizontal_asymptotes])
        labels[0].next_to(axes.c2p(x1, f.horizontal_asymptotes[0]), mn.DL, buff=0.12)
        labels[1].next_to(axes.c2p(x0, f.horizontal_asymptotes[1]), mn.UR, buff=0.12)
        xs = np.array(SATURATION_X)
        top = max(f.horizontal_asymptotes)
        gaps = top - f(xs)
        dots = mn.VGroup(*[mn.Dot(axes.c2p(x, y), radius=0.07, color=look.POINT)
                           for x, y in zip(xs, f(xs), strict=True)])
        self.play(mn.Create(axes), mn.Create(curve), run_time=1.0)
        self._show_panel(("Saturation", "饱和性"), [
            get_math(r"y = \arctan x", color=look.FUNCTION),
            self._set_row(("range", "值域"), f.range),
            *[get_math(rf"\frac{{\pi}}{{2}} - \arctan {x:g} = {tex_number(g, 3)}",
                       color=look.POINT) for x, g in zip(xs, gaps, strict=True)]])
        self.play(mn.Create(lines), mn.FadeIn(labels), mn.FadeIn(dots))
        self.record("arctan asymptotes", list(f.horizontal_asymptotes))
        self.record("arctan range", _ends(f.range))
        self.record("arctan gaps", [xs, gaps])
        self.narrate("Saturation: far out, arctan x levels off towards ±π/2; the distance to "
                     "π/2 keeps shrinking but never reaches 0.",
                     "饱和性：|x| 很大时，arctan x 趋于平稳，逼近 ±π/2；"
                     "与 π/2 的距离越来越小，却永远不为 0。")
        self.narrate("The range is the open interval between the dashed lines; in the flat "
                     "part, a change of input hardly moves the output.",
                     "所以值域是两条虚线之间的开区间：在平坦处改变输入，输出几乎不变。")

    def _periodicity(self) -> None:
        f = CATALOGUE["sin"]
        axes = self._axes("periodic")
        curve = self._curve(axes, f, "periodic")
        T = f.period
        piece = self._curve(axes, f, "periodic", look.POINT, (-T, 0.0), width=7)
        moved = self._curve(axes, f, "periodic", look.POINT, (0.0, T), width=7)
        brace = mn.BraceBetweenPoints(axes.c2p(0, -1.05), axes.c2p(T, -1.05), direction=mn.DOWN,
                                      color=look.POINT)
        label = get_math(f"T = {tex_value(T)}", size=look.LABEL_SIZE + 4, color=look.POINT)
        label.next_to(brace, mn.DOWN, buff=0.08)
        self.play(mn.Create(axes), mn.Create(curve), run_time=1.0)
        self._show_panel(("Periodicity", "周期性"), [
            get_math(r"y = \sin x", color=look.FUNCTION),
            get_math(rf"\sin(x + {tex_value(T)}) = \sin x")])
        self.play(mn.Create(piece))
        self.play(mn.ReplacementTransform(piece, moved), mn.GrowFromCenter(brace),
                  mn.FadeIn(label), run_time=1.5)
        xs = np.linspace(-T, 0, 50)
        self.record("sin period", T)
        self.record("sin shift error", float(np.max(np.abs(f(xs + T) - f(xs)))))
        self.narrate("Periodicity: sin x repeats itself. Slide one piece 2π to the right and it "
                     "lies exactly on the curve again.",
                     "周期性：sin x 不断重复自己。把一段向右平移 2π，它又恰好落在曲线上。")
        self.axes, self.stage, self.curve = axes, mn.VGroup(moved, brace, label), curve

    def _parity(self) -> None:
        cos, sin = CATALOGUE["cos"], CATALOGUE["sin"]
        x0, x1 = self.axes.x_range[:2]
        curve = self._curve(self.axes, cos, "periodic")
        right = self._curve(self.axes, cos, "periodic", look.POINT, (0.0, x1), width=7)
        mirrored = self._curve(self.axes, cos, "periodic", look.POINT, (x0, 0.0), width=7)
        a = COS_X
        pair = mn.VGroup(*[mn.Dot(self.axes.c2p(x, float(cos(x))), radius=0.1, color=look.TEXT)
                           for x in (-a, a)])
        self.play(mn.FadeOut(self.stage), mn.ReplacementTransform(self.curve, curve))
        self._show_panel(("Parity", "奇偶性"), [
            mn.VGroup(get_math(r"\cos(-x) = \cos x", color=look.FUNCTION),
                      get_text(tr("even", "偶函数"), size=look.LABEL_SIZE, color=look.TEXT)
                      ).arrange(mn.RIGHT, buff=0.3),
            mn.VGroup(get_math(r"\sin(-x) = -\sin x", color=look.THIRD),
                      get_text(tr("odd", "奇函数"), size=look.LABEL_SIZE, color=look.TEXT)
                      ).arrange(mn.RIGHT, buff=0.3)])
        mirrored.set_color(look.SECOND)
        self.play(mn.Create(right))
        flip = right.copy().set_color(look.SECOND)  # a half turn about the y-axis mirrors it
        self.play(mn.Rotate(flip, angle=mn.PI, axis=mn.UP, about_point=self.axes.c2p(0, 0)),
                  mn.FadeIn(pair), run_time=1.5)
        self.remove(flip)
        self.add(mirrored)
        self.record("parity cos sin", [float(cos.parity == "even"), float(sin.parity == "odd")])
        self.record("cos pair", [a, float(cos(-a)), float(cos(a))])
        self.narrate("Parity: cos is even, its graph is its own mirror image in the y-axis, "
                     "cos(−x) = cos x.",
                     "奇偶性：cos 是偶函数，图像关于 y 轴对称，cos(−x) = cos x。")
        sin_curve = self._curve(self.axes, sin, "periodic", look.THIRD)
        turned = sin_curve.copy()
        self.play(mn.FadeOut(right), mn.FadeOut(mirrored), mn.FadeOut(pair),
                  curve.animate.set_stroke(opacity=0.3), mn.Create(sin_curve), run_time=1.2)
        self.narrate("sin is odd: a half turn about the origin maps its graph onto itself, "
                     "sin(−x) = −sin x.",
                     "sin 是奇函数：把图像绕原点旋转半圈，与自身重合，sin(−x) = −sin x。")
        self.play(mn.Rotate(turned, mn.PI, about_point=self.axes.c2p(0, 0)), run_time=2.0)
        self.narrate("Both properties need a domain symmetric about 0.",
                     "两种性质都要求定义域关于 0 对称。")

    def _continuity(self) -> None:
        f, inv = STEP, power(-1)
        axes = self._axes("continuity")
        (jump,) = f.extra["jumps"]
        x0, x1 = axes.x_range[:2]
        left_y, at = float(f(jump - 1e-9)), float(f(jump))
        left = mn.Line(axes.c2p(x0, left_y), axes.c2p(jump, left_y), color=look.FUNCTION,
                       stroke_width=5)
        right = mn.Line(axes.c2p(jump, at), axes.c2p(x1, at), color=look.FUNCTION,
                        stroke_width=5)
        filled = mn.Dot(axes.c2p(jump, at), radius=0.09, color=look.FUNCTION)
        hole = _open_dot(axes.c2p(jump, left_y), look.FUNCTION)
        self.play(mn.Create(axes), run_time=0.8)
        self._show_panel(("Continuity", "连续性"), [
            get_math(r"H(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}",
                     color=look.FUNCTION),
            self._set_row(("domain", "定义域"), f.domain),
            get_math(rf"H(0) = {at:g},\ \lim_{{x \to 0^-}} H(x) = {left_y:g}", color=look.POINT),
            get_math(r"y = 1/x", color=look.SECOND),
            self._set_row(("domain", "定义域"), inv.domain)])
        self.play(mn.Create(left), mn.Create(right), mn.FadeIn(filled), mn.FadeIn(hole))
        self.record("step jump", [jump, left_y, at, float(f.in_domain(jump)),
                                  float(f.continuous)])
        self.narrate("Continuity: the graph is drawn without lifting the pen.",
                     "连续性：图像一笔画成、不用抬笔。")
        self.narrate("The step function jumps at 0, which is inside its domain: it is not "
                     "continuous there.",
                     "阶跃函数在 0 处跳跃，而 0 在定义域内：它在那里不连续。")
        self.record("1/x continuous on its domain", [float(inv.continuous),
                                                     float(inv.in_domain(0.0))])
        reciprocal = self._curve(axes, inv, "continuity", look.SECOND)
        self.play(mn.VGroup(left, right, filled, hole).animate.set_opacity(0.35),
                  mn.Create(reciprocal), run_time=1.2)
        self.narrate("1/x also breaks at 0, but 0 is not in its domain: 1/x is continuous at "
                     "every point where it is defined.",
                     "1/x 在 0 处也断开，但 0 不在它的定义域内：1/x 在定义域内处处连续。")

    def _trend(self) -> None:
        exp, log = CATALOGUE["exp"], CATALOGUE["log"]
        axes = self._axes("trend")
        g_exp = self._curve(axes, exp, "trend", look.SECOND)
        g_log = self._curve(axes, log, "trend")
        xs, es = np.array(DOUBLINGS), np.array(EXP_STEPS)
        lnv, ev = log(xs), exp(es)
        log_dots = mn.VGroup(*[mn.Dot(axes.c2p(x, y), radius=0.07, color=look.POINT)
                               for x, y in zip(xs, lnv, strict=True)])
        exp_dots = mn.VGroup(*[mn.Dot(axes.c2p(x, y), radius=0.07, color=look.POINT)
                               for x, y in zip(es, ev, strict=True)])
        steps = np.diff(lnv)
        ratios = ev[1:] / ev[:-1]
        self.play(mn.Create(axes), run_time=0.8)
        self._show_panel(("Trend", "变化趋势"), [
            get_math(r"y = e^{x}", color=look.SECOND),
            get_math(r"e^{x+1} = e \cdot e^{x}", color=look.SECOND),
            get_math(rf"e \approx {tex_number(ratios[0], 3)}", color=look.SECOND),
            get_math(r"y = \ln x", color=look.FUNCTION),
            get_math(r"\ln 2x = \ln x + \ln 2", color=look.FUNCTION),
            get_math(rf"\ln 2 \approx {tex_number(steps[0], 3)}", color=look.FUNCTION)])
        self.play(mn.Create(g_exp), mn.Create(g_log), run_time=1.2)
        self.play(mn.FadeIn(exp_dots), mn.FadeIn(log_dots))
        self.record("ln at doublings", [xs, lnv])
        self.record("exp at steps", [es, ev])
        self.narrate("Trend: where the graph heads as x grows. Each step of 1 multiplies eˣ by "
                     f"e, about {ratios[0]:.2f}: it soon leaves the picture.",
                     f"变化趋势：x 增大时图像的走向。x 每增加 1，eˣ 就乘以 e（约 {ratios[0]:.2f}），"
                     "很快冲出画面。")
        self.narrate(f"ln x only adds ln 2, about {steps[0]:.3f}, each time x doubles: it keeps "
                     "growing, slower and slower, without bound.",
                     f"而 x 每翻一倍，ln x 只增加 ln 2（约 {steps[0]:.3f}）：它一直增长，"
                     "越来越慢，但没有上界。")

    # Pieces --------------------------------------------------------------------------------
    def _axes(self, key: str) -> mn.Axes:
        x_range, y_range = WINDOWS[key]
        axes = get_axes(list(x_range), list(y_range), PLOT_W, PLOT_H,
                        x_label=get_math("x", size=AXIS_LABEL_SIZE),
                        y_label=get_math("y", size=AXIS_LABEL_SIZE), numbers_on_top=True)
        return axes.to_corner(mn.UL, buff=0.4)

    def _curve(self, axes: mn.Axes, f: ElementaryFunction, key: str,
               colour: str = look.FUNCTION, span: tuple[float, float] | None = None,
               width: float = 4) -> mn.VGroup:
        """y = f(x) over ``span`` (default: the window), inside the window's y range."""
        (x0, x1, _), (y0, y1, _) = WINDOWS[key]
        a, b = span or (x0, x1)
        return mn.VGroup(*[get_polyline(axes, p[:, 0], p[:, 1], colour, width)
                           for p in sample_curve(f, a, b, 400, y_window=(y0, y1))])

    def _show_panel(self, keyword: tuple[str, str], rows: list[mn.Mobject]) -> None:
        """The keyword in large type and the rows that state it, right of the plot."""
        head = get_text(tr(*keyword), size=KEYWORD_SIZE, color=look.TEXT, weight=mn.BOLD)
        panel = mn.VGroup(head, *rows).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        panel.to_corner(mn.UR, buff=0.45)
        left = -mn.config.frame_width / 2 + 0.4 + PLOT_W + 0.9
        if panel.get_left()[0] < left:
            panel.shift((left - panel.get_left()[0]) * mn.RIGHT)
        anims = [mn.FadeIn(panel)]
        if self.panel is not None and self.panel in self.mobjects:
            anims.append(mn.FadeOut(self.panel))
        self.play(*anims, run_time=0.6)
        self.panel = panel

    @staticmethod
    def _set_row(word: tuple[str, str], s) -> mn.VGroup:
        return mn.VGroup(get_text(tr(*word), size=look.LABEL_SIZE, color=look.MUTED),
                         get_math(s.tex(), color=look.TEXT)).arrange(mn.RIGHT, buff=0.2)

    @staticmethod
    def _interval_row(word: tuple[str, str], tex: str, colour: str) -> mn.VGroup:
        return mn.VGroup(get_text(tr(*word), size=look.LABEL_SIZE, color=colour),
                         get_math(tex, color=colour)).arrange(mn.RIGHT, buff=0.2)


def _open_dot(point, colour: str = look.POINT) -> mn.Circle:
    """An end that is not included: a hollow circle."""
    return mn.Circle(radius=0.09, color=colour, stroke_width=4).set_fill(look.BACKGROUND,
                                                                       opacity=1).move_to(point)


def _ends(s) -> list[list[float]]:
    """An interval set as [lo, hi, closed_lo, closed_hi] rows, for the recorded numbers."""
    return [[iv.lo, iv.hi, float(iv.closed_lo), float(iv.closed_hi)] for iv in s.intervals]



