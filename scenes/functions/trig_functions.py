"""The six trigonometric functions: period, parity, range, and asymptotes drawn dashed where
the curve is undefined (it is never drawn across one)."""

from __future__ import annotations

import math

import manim as mn

from mathcore.functions import ElementaryFunction, get_function, tex_value
from scenes.common import LectureScene, get_math, get_text, look, plain_number, tr
from scenes.functions.graphs import (
    curve,
    fit_axes,
    function_axes,
    labelled_set,
    plain_pi,
    rows,
    set_ends,
    vertical_line,
)

# Numbers the scene uses.
X_RANGE = (-2 * math.pi, 2 * math.pi, math.pi / 2)
Y_RANGE = (-3.0, 3.0, 1.0)
AXES_SIZE = (7.4, 5.2)
PANEL_BUFF = 0.45  # between the axes and the property rows
PARITY = {"even": ("even", "偶函数"), "odd": ("odd", "奇函数"),
          "neither": ("neither even nor odd", "非奇非偶")}
PARITY_SIGN = {"even": 1.0, "odd": -1.0, "neither": 0.0}  # f(-x) = sign * f(x)


class TrigonometricFunctions(LectureScene):
    """sin, cos, tan, cot, sec, csc with their periods, parity, ranges and asymptotes."""

    TITLE = ("Trigonometric functions", "三角函数")

    def construct(self) -> None:
        self.show_title()
        self.axes = fit_axes(function_axes(X_RANGE, Y_RANGE, *AXES_SIZE, pi_ticks=True))
        self.play(mn.Create(self.axes), run_time=1.0)
        self.on_stage: list[mn.Mobject] = []
        self._sin_cos()
        self._tan()
        self._cot()
        self._sec_csc()

    # sin and cos -------------------------------------------------------------------------
    def _sin_cos(self) -> None:
        self.section("sin and cos", "正弦与余弦")
        sin, cos = get_function("sin"), get_function("cos")
        graphs = [self._graph(sin, look.FUNCTION), self._graph(cos, look.SECOND)]
        panel = self._panel(rows(self._block(sin, look.FUNCTION), self._block(cos, look.SECOND),
                                 buff=0.45))
        lo, hi = sin.range.bounds
        self.narrate(f"Sine and cosine repeat every {plain_pi(sin.period)}, their period, and "
                     f"take every value from {plain_number(lo)} to {plain_number(hi)}.",
                     f"正弦和余弦每隔 {plain_pi(sin.period)} 重复一次，这就是周期；"
                     f"它们取遍从 {plain_number(lo)} 到 {plain_number(hi)} 的所有值。")
        self.play(*(mn.Create(g) for g in graphs), mn.FadeIn(panel), run_time=2.0)
        self.narrate("Sine is odd: its graph is symmetric about the origin. Cosine is even: "
                     "symmetric about the y axis.",
                     "正弦是奇函数，图像关于原点对称；余弦是偶函数，图像关于 y 轴对称。")
        self.wait(0.5)
        self.on_stage = [*graphs, panel]

    # tan ---------------------------------------------------------------------------------
    def _tan(self) -> None:
        self.section("tan", "正切")
        tan = get_function("tan")
        self._clear_stage()
        graph = self._graph(tan, look.FUNCTION)
        poles = self._asymptotes(tan)
        panel = self._panel(self._block(tan, look.FUNCTION, domain=True))
        first = tan.poles[0]
        self.narrate(f"Tangent is sine over cosine, so it is undefined where cosine is zero: at "
                     f"{plain_pi(first)} plus every multiple of {plain_pi(tan.period)}.",
                     f"正切等于正弦除以余弦，在余弦为零处没有定义：也就是 {plain_pi(first)} 加上 "
                     f"{plain_pi(tan.period)} 的整数倍处。")
        self.play(mn.Create(poles), mn.FadeIn(panel), run_time=1.2)
        self.narrate("These are its vertical asymptotes, dashed: the curve runs along them "
                     f"but never crosses one. Its period is {plain_pi(tan.period)}.",
                     "这些位置是垂直渐近线（虚线）：曲线沿着它们无限延伸，却从不穿过。"
                     f"正切的周期只有 {plain_pi(tan.period)}。")
        self.play(mn.Create(graph), run_time=2.0)
        self.wait(0.5)
        self.on_stage = [graph, poles, panel]

    # cot ---------------------------------------------------------------------------------
    def _cot(self) -> None:
        self.section("cot", "余切")
        cot = get_function("cot")
        self._clear_stage()
        graph = self._graph(cot, look.SECOND)
        poles = self._asymptotes(cot)
        panel = self._panel(self._block(cot, look.SECOND, domain=True))
        self.narrate("Cotangent is cosine over sine: its asymptotes sit where sine is zero, at "
                     f"every multiple of {plain_pi(cot.period)}.",
                     f"余切等于余弦除以正弦：渐近线在正弦为零处，也就是 {plain_pi(cot.period)} "
                     "的整数倍处。")
        self.play(mn.Create(poles), mn.FadeIn(panel), run_time=1.2)
        self.narrate("Between two asymptotes it falls from plus to minus infinity: "
                     "decreasing on each piece, and odd like tangent.",
                     "在相邻两条渐近线之间，它从正无穷一直降到负无穷：在每一段上递减，"
                     "并且和正切一样是奇函数。")
        self.play(mn.Create(graph), run_time=2.0)
        self.wait(0.5)
        self.on_stage = [graph, poles, panel]

    # sec and csc -------------------------------------------------------------------------
    def _sec_csc(self) -> None:
        self.section("sec and csc", "正割与余割")
        sec, csc = get_function("sec"), get_function("csc")
        cos, sin = get_function("cos"), get_function("sin")
        self._clear_stage()
        ghost_cos = curve(self.axes, cos, look.MUTED, width=2)
        graph = self._graph(sec, look.FUNCTION)
        poles = self._asymptotes(sec)
        gap = (sec.range.intervals[0].hi, sec.range.intervals[1].lo)  # values never taken
        self.record("sec gap", list(gap))
        panel = self._panel(self._block(sec, look.FUNCTION))
        self.narrate("Secant is one over cosine. The absolute value of cos x is at most 1, so "
                     "that of sec x is at least 1.",
                     "正割是余弦的倒数。|cos x| 不超过 1，所以 |sec x| 不小于 1。")
        self.play(mn.Create(ghost_cos), mn.Create(poles), mn.FadeIn(panel), run_time=1.2)
        self.narrate("Secant never takes a value strictly between "
                     f"{plain_number(gap[0])} and {plain_number(gap[1])}; its absolute value "
                     "grows without bound where cos x nears 0.",
                     f"正割取不到严格介于 {plain_number(gap[0])} 与 {plain_number(gap[1])} "
                     "之间的值；cos x 越接近 0，|sec x| 越大。")
        self.play(mn.Create(graph), run_time=1.6)
        self.wait(0.3)
        ghost_sin = curve(self.axes, sin, look.MUTED, width=2)
        graph2 = self._graph(csc, look.SECOND)
        poles2 = self._asymptotes(csc)
        panel2 = self._panel(rows(self._block(sec, look.FUNCTION), self._block(csc, look.SECOND),
                                  buff=0.45))
        self.play(mn.FadeOut(ghost_cos), mn.FadeOut(poles), mn.FadeOut(panel),
                  graph.animate.set_stroke(opacity=0.3), run_time=0.6)
        self.narrate(f"Cosecant is one over sine, with asymptotes at multiples of "
                     f"{plain_pi(csc.poles[1] - csc.poles[0])}. Secant is even, cosecant odd; "
                     f"both repeat every {plain_pi(csc.period)}.",
                     f"余割是正弦的倒数，渐近线在 {plain_pi(csc.poles[1] - csc.poles[0])} "
                     "的整数倍处。正割是偶函数，余割是奇函数，"
                     f"周期都是 {plain_pi(csc.period)}。")
        self.play(mn.Create(ghost_sin), mn.Create(poles2), mn.FadeIn(panel2), run_time=1.2)
        self.play(mn.Create(graph2), run_time=1.6)
        self.wait(0.5)

    # helpers -----------------------------------------------------------------------------
    def _graph(self, f: ElementaryFunction, colour: str) -> mn.VGroup:
        """The curve, cut at every pole, and its properties recorded."""
        g = curve(self.axes, f, colour)
        poles = f.poles_in(*X_RANGE[:2])
        self.record(f"{f.name} period", f.period)
        self.record(f"{f.name} parity", PARITY_SIGN[f.parity])
        self.record(f"{f.name} range", set_ends(f.range))
        self.record(f"{f.name} poles", poles)
        self.record(f"{f.name} pieces", [[p[0, 0], p[-1, 0]] for p in g.pieces])
        return g

    def _asymptotes(self, f: ElementaryFunction) -> mn.VGroup:
        """Dashed vertical lines at f's poles in the window."""
        xs = f.poles_in(*X_RANGE[:2])
        self.record(f"{f.name} asymptotes", xs)
        return mn.VGroup(*(vertical_line(self.axes, float(x)) for x in xs))

    def _block(self, f: ElementaryFunction, colour: str, domain: bool = False) -> mn.VGroup:
        """y = f(x) and its parity; its period; its domain (when not every x) and range."""
        head = mn.VGroup(get_math(f"y = {f.tex}", color=colour),
                         get_text(tr(*PARITY[f.parity]), size=look.LABEL_SIZE))
        head.arrange(mn.RIGHT, buff=0.35)
        period = mn.VGroup(get_text(tr("period", "周期"), size=look.LABEL_SIZE, color=look.MUTED),
                           get_math(tex_value(f.period))).arrange(mn.RIGHT, buff=0.2)
        lines = [head, period]
        if domain:
            lines.append(self._fit(labelled_set(("domain", "定义域"), f.domain)))
        lines.append(self._fit(labelled_set(("range", "值域"), f.range)))
        if domain:
            self.record(f"{f.name} domain holes", [f.domain.holes.offset, f.domain.holes.period])
        return rows(*lines, buff=0.16)

    def _fit(self, row: mn.VGroup) -> mn.VGroup:
        """A word and its set side by side, or the set under the word when too wide."""
        room = mn.config.frame_width / 2 - look.MARGIN - self.axes.get_right()[0] - PANEL_BUFF
        if row.width > room:
            row.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.1)
        return row

    def _panel(self, panel: mn.VGroup) -> mn.VGroup:
        panel.next_to(self.axes, mn.RIGHT, buff=PANEL_BUFF).align_to(self.axes, mn.UP)
        return panel

    def _clear_stage(self) -> None:
        if self.on_stage:
            self.play(*(mn.FadeOut(m) for m in self.on_stage), run_time=0.5)
        self.on_stage = []

