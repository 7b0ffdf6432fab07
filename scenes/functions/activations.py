"""Sigmoid and tanh as composites of exp, where they saturate, tanh(x) = 2 sigma(2x) - 1; ReLU,
softplus and softmax beside them."""

from __future__ import annotations

import math

import manim as mn
import numpy as np

from mathcore.calculus import derivative
from mathcore.functions import (
    CATALOGUE,
    SIGMOID_STAGES,
    TANH_STAGES,
    ElementaryFunction,
    sample_curve,
    saturation_edges,
    softmax,
)
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
X_RANGE, Y_RANGE = (-8.0, 8.0, 2.0), (-1.5, 3.0, 1.0)
EPS = 0.01  # "saturated": within 1% of the asymptote
PROBES = (-6.0, 6.0)  # the points read off in the saturated regions
TANH_POINTS = (-2.0, -1.0, 0.0, 1.0, 2.0)  # where tanh and 2 sigma(2x) - 1 are compared
RELU_X, RELU_Y = (-4.0, 4.0, 1.0), (-1.0, 4.0, 1.0)
SOFTPLUS_SLOPE_AT = 3.0
LOGITS = (2.0, 1.0, 0.1)  # the softmax example
PAIR_X = 2.0  # softmax of (x, 0) is sigma(x)
# The composite chain of sigma: one line per stage of SIGMOID_STAGES.
CHAIN = (r"u = e^{-x}", r"v = 1 + u", r"\sigma = \frac{1}{v}")
AXIS_LABEL_SIZE = look.MATH_SIZE


class Activations(LectureScene):
    """sigma and tanh built from exp, their saturation; ReLU, softplus and softmax."""

    TITLE = ("Sigmoid, tanh and friends", "S 型函数、tanh 与深度学习中的特殊函数")

    def construct(self) -> None:
        self.show_title()
        self.axes = _axes(X_RANGE, Y_RANGE, 7.6, 5.2)
        self.axes.to_corner(mn.UL, buff=0.4)

        # Sigma as a composite of exp
        self.section("Sigmoid from exp", "由指数函数复合出 σ")
        self.play(mn.Create(self.axes), run_time=0.8)
        self._sigmoid_chain()

        # Saturation
        self.section("Saturation", "饱和区")
        self._saturation()

        # tanh = 2 sigma(2x) - 1
        self.section("tanh from sigmoid", "由 σ 得到 tanh", clear=True)
        self._tanh()

        # ReLU and softplus
        self.section("ReLU and softplus", "两种整流函数", clear=True)
        self._relu_softplus()

        # Softmax
        self.section("Softmax", "归一化指数函数", clear=True)
        self._softmax()
        self.wait(1.0)

    # Sections ------------------------------------------------------------------------------
    def _sigmoid_chain(self) -> None:
        rows = mn.VGroup(*[get_math(t, color=look.MUTED) for t in CHAIN])
        rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.45)
        rows.next_to(self.axes, mn.RIGHT, buff=0.9).align_to(self.axes, mn.UP).shift(0.3 * mn.DOWN)
        self.narrate("The sigmoid is a composite function: three simple steps, starting from "
                     "the exponential.",
                     "S 型函数 σ 是一个复合函数：从指数函数出发，只需三步。")
        graph = None
        at0 = []
        for k, (f, row) in enumerate(zip(SIGMOID_STAGES, rows, strict=True)):
            new = self._curve(self.axes, f, look.FUNCTION)
            row.set_color(look.FUNCTION)
            anims = [mn.FadeIn(row)]
            if k:
                anims.append(rows[k - 1].animate.set_color(look.MUTED))
            if graph is None:
                anims.append(mn.Create(new))
            else:
                anims.append(mn.ReplacementTransform(graph, new))
            self.play(*anims, run_time=1.2)
            graph = new
            at0.append(float(f(0.0)))
            self.narrate(*STAGE_WORDS[k])
        self.record("sigmoid stages at 0", at0)
        result = get_math(r"\sigma(x) = \frac{1}{1 + e^{-x}}", color=look.FUNCTION)
        result.next_to(rows, mn.DOWN, buff=0.6, aligned_edge=mn.LEFT)
        self.play(mn.Write(result))
        self.graph, self.chain = graph, mn.VGroup(rows, result)

    def _saturation(self) -> None:
        sig = CATALOGUE["sigmoid"]
        lo, hi = saturation_edges(sig, EPS)
        self.record("sigmoid saturation edges", [lo, hi])
        asymptotes = self._asymptotes(self.axes, sig)
        bands = self._bands(self.axes, lo, hi)
        self.play(mn.FadeOut(self.chain), mn.Create(asymptotes), mn.FadeIn(bands))
        range_row = self._labelled(tr("range", "值域"), sig.range.tex())
        probes = mn.VGroup()
        values = sig(np.array(PROBES))
        slopes = np.asarray(derivative(sig.fn, np.array([0.0, *PROBES])))
        for x, y in zip(PROBES, values, strict=True):
            probes.add(mn.Dot(self.axes.c2p(x, y), radius=0.07, color=look.POINT))
        readout = mn.VGroup(*[
            get_math(rf"\sigma({x:g}) = {tex_number(y, 4)}", color=look.POINT)
            for x, y in zip(PROBES, values, strict=True)])
        readout.add(get_math(rf"\sigma'(6) = {tex_number(slopes[2], 3)}", color=look.GRADIENT))
        readout.add(get_math(rf"\sigma'(0) = {tex_number(slopes[0], 3)}", color=look.GRADIENT))
        panel = mn.VGroup(range_row, readout.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3))
        panel.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.5)
        panel.next_to(self.axes, mn.RIGHT, buff=0.9).align_to(self.axes, mn.UP)
        self.play(mn.FadeIn(range_row))
        self.record("sigmoid range", _ends(sig.range))
        self.narrate("Its values fill the open interval from 0 to 1: it comes ever closer to "
                     "the dashed lines, yet never reaches them.",
                     "它的值域是 0 到 1 的开区间：曲线无限接近两条虚线，却永远碰不到。")
        self.play(mn.FadeIn(probes), mn.FadeIn(readout[:2]))
        self.record("sigmoid at probes", values)
        gap = max(values[0] - 0.0, 1.0 - values[1])
        self.record("sigmoid probe gap", gap)
        self.narrate(f"In the shaded regions, beyond x = ±{hi:.1f}, it is within "
                     f"{EPS:g} of its asymptote: the sigmoid is saturated there.",
                     f"在阴影区域（|x| > {hi:.1f}）里，它离渐近线不到 {EPS:g}：这就是饱和区。")
        self.play(mn.FadeIn(readout[2:]))
        self.record("sigmoid slopes 0 6 -6", slopes)
        ratio = slopes[0] / slopes[2]
        self.record("sigmoid slope ratio", ratio)
        edge_slope = float(derivative(sig.fn, hi))  # the flattest place is far out; the
        edge_ratio = slopes[0] / edge_slope  # steepest in the shaded region is at its edge
        self.record("sigmoid slope ratio at the band edge", [hi, edge_ratio])
        self.narrate(f"At x = 6 the slope is {plain_number(slopes[2], 3)}; at 0 it is about "
                     f"{ratio:.0f} times larger, and at least {math.floor(edge_ratio):d} times "
                     "larger than in the bands.",
                     f"在 x = 6 处斜率只有 {plain_number(slopes[2], 3)}，"
                     f"约是 x = 0 处的 {ratio:.0f} 分之一；"
                     f"整个阴影区里都不到它的 {math.floor(edge_ratio):d} 分之一。")
        self.narrate("So gradients that pass through a saturated sigmoid nearly vanish.",
                     "所以梯度经过饱和的 σ 时几乎消失。")

    def _tanh(self) -> None:
        axes = _axes(X_RANGE, Y_RANGE, 7.6, 5.2).to_corner(mn.UL, buff=0.4)
        tanh = CATALOGUE["tanh"]
        graph = self._curve(axes, TANH_STAGES[0], look.FUNCTION)
        rows = mn.VGroup(*[get_math(f.tex, color=look.MUTED) for f in TANH_STAGES])
        rows[0] = get_math(r"\sigma(x)", color=look.FUNCTION)
        rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        rows.next_to(axes, mn.RIGHT, buff=0.9).align_to(axes, mn.UP).shift(0.2 * mn.DOWN)
        self.play(mn.FadeIn(axes), mn.Create(graph), mn.FadeIn(rows[0]))
        self.narrate("Three moves turn the sigmoid into tanh: squeeze it by 2 along x, "
                     "stretch it by 2 along y, and shift it down by 1.",
                     "三步把 σ 变成 tanh：横向压缩一半，纵向拉伸两倍，再向下平移 1。")
        for k, f in enumerate(TANH_STAGES[1:], start=1):
            new = self._curve(axes, f, look.FUNCTION)
            self.play(mn.ReplacementTransform(graph, new), mn.FadeIn(rows[k]),
                      rows[k - 1].animate.set_color(look.MUTED), rows[k].animate.set_color(
                          look.FUNCTION), run_time=1.2)
            graph = new
        # tanh itself, dashed over the result, and the values compared at a few points
        closed = get_math(r"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", color=look.SECOND)
        closed.next_to(rows, mn.DOWN, buff=0.5, aligned_edge=mn.LEFT)
        dashed = mn.VGroup(*[mn.DashedVMobject(piece, num_dashes=40) for piece in
                             self._curve(axes, tanh, look.SECOND, width=6)])
        xs = np.array(TANH_POINTS)
        built, direct = TANH_STAGES[-1](xs), tanh(xs)
        dots = mn.VGroup(*[mn.Dot(axes.c2p(x, y), radius=0.07, color=look.POINT)
                           for x, y in zip(xs, direct, strict=True)])
        self.play(mn.Write(closed), mn.Create(dashed), run_time=1.5)
        self.play(mn.FadeIn(dots))
        self.record("tanh at points", direct)
        self.record("2 sigma(2x) - 1 at points", built)
        self.record("tanh points", xs)
        worst = float(np.max(np.abs(direct - built)))
        self.record("tanh identity worst gap", worst)
        self.narrate("The dashed curve is tanh from its formula in exponentials; at the yellow "
                     "points the two values agree.",
                     "虚线是按指数公式直接画出的 tanh；在黄色点处，两者的值完全相同。")
        lo, hi = saturation_edges(tanh, EPS)
        self.record("tanh saturation edges", [lo, hi])
        rng = self._labelled(tr("range", "值域"), tanh.range.tex())
        rng.next_to(closed, mn.DOWN, buff=0.5, aligned_edge=mn.LEFT)
        self.play(mn.FadeIn(rng), mn.FadeIn(self._bands(axes, lo, hi)),
                  mn.Create(self._asymptotes(axes, tanh)))
        self.record("tanh range", _ends(tanh.range))
        self.record("tanh odd", float(tanh.parity == "odd"))
        self.narrate(f"tanh takes every value strictly between −1 and 1 and is odd; squeezed, "
                     f"it saturates sooner, beyond x = ±{hi:.1f}.",
                     f"tanh 的值域是开区间 (−1, 1)，它是奇函数，以 0 为中心；它被压缩过，"
                     f"在 |x| > {hi:.1f} 就饱和了。")

    def _relu_softplus(self) -> None:
        relu, softplus = CATALOGUE["relu"], CATALOGUE["softplus"]
        axes = _axes(RELU_X, RELU_Y, 6.6, 5.2).to_corner(mn.UL, buff=0.4)
        g_relu = self._curve(axes, relu, look.FUNCTION, x_range=RELU_X, window=RELU_Y)
        g_soft = self._curve(axes, softplus, look.SECOND, x_range=RELU_X, window=RELU_Y)
        rows = mn.VGroup()
        for f, colour, name in ((relu, look.FUNCTION, ("ReLU", "线性整流函数")),
                                (softplus, look.SECOND, ("Softplus", "平滑整流函数"))):
            if self.lang == "zh":  # the names on screen in Chinese, the formula beside
                head = mn.VGroup(get_text(name[1], size=look.LABEL_SIZE, color=colour),
                                 get_math(rf"y = {f.tex}", color=colour))
                head.arrange(mn.RIGHT, buff=0.2)
            else:
                head = get_math(rf"\mathrm{{{name[0]}}}(x) = {f.tex}", color=colour)
            rng = self._labelled(tr("range", "值域"), f.range.tex())
            rows.add(mn.VGroup(head, rng).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15))
            self.record(f"{f.name} range", _ends(f.range))
        rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.45)
        rows.next_to(axes, mn.RIGHT, buff=0.8).align_to(axes, mn.UP)
        self.play(mn.FadeIn(axes), mn.Create(g_relu), mn.FadeIn(rows[0]))
        self.narrate("ReLU keeps the positive part of x and sets the rest to 0: it is 0 at "
                     "x = 0, so its range includes 0.",
                     "线性整流函数保留 x 的正数部分，其余置为 0：x = 0 时它等于 0，所以值域包含 0。")
        self.play(mn.Create(g_soft), mn.FadeIn(rows[1]))
        at0 = float(softplus(0.0))
        gap = mn.Line(axes.c2p(0, 0), axes.c2p(0, at0), color=look.POINT, stroke_width=6)
        gap_label = get_math(rf"\ln 2 \approx {tex_number(at0, 3)}", size=look.LABEL_SIZE + 4,
                             color=look.POINT)
        gap_label.next_to(gap, mn.LEFT, buff=0.15).shift(0.35 * mn.UP)
        self.play(mn.Create(gap), mn.FadeIn(gap_label))
        xs = np.linspace(RELU_X[0], RELU_X[1], 161)
        self.record("softplus minus relu", softplus(xs) - relu(xs))
        self.record("softplus minus relu x", xs)
        self.narrate("Softplus is a smooth ReLU: always above it, by ln 2 at most, at x = 0, "
                     "and it never touches 0.",
                     "平滑整流函数是光滑版的线性整流函数：始终在折线上方，最多高出 ln 2"
                     "（在 x = 0 处），且永远取不到 0。")
        slope = float(derivative(softplus.fn, SOFTPLUS_SLOPE_AT))
        self.record("softplus slope", [SOFTPLUS_SLOPE_AT, slope])
        self.narrate(f"Neither saturates on the right: the slope of softplus at "
                     f"{SOFTPLUS_SLOPE_AT:g} is already {slope:.2f}, and it tends to 1.",
                     f"两者在右侧都不饱和：平滑整流函数在 x = {SOFTPLUS_SLOPE_AT:g} 处的斜率已是 "
                     f"{slope:.2f}，并趋向 1。")

    def _softmax(self) -> None:
        z = np.array(LOGITS)
        p = softmax(z)
        self.record("softmax logits", z)
        self.record("softmax probabilities", p)
        if self.lang == "zh":  # the name in Chinese beside the formula
            formula = mn.VGroup(get_text("归一化指数函数", size=look.BODY_SIZE),
                                get_math(r"p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"))
            formula.arrange(mn.RIGHT, buff=0.4)
        else:
            formula = get_math(r"p_i = \mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}")
        formula.to_edge(mn.UP, buff=0.45)
        left = self._bars(z, 1.3, look.MUTED, "z")
        right = self._bars(p, 4.0, look.FUNCTION, "p")
        arrow = mn.Arrow(mn.LEFT, mn.RIGHT, color=look.TEXT, buff=0.0).scale(0.8)
        row = mn.VGroup(left, arrow, right).arrange(mn.RIGHT, buff=0.8)
        row.next_to(formula, mn.DOWN, buff=0.5)
        self.play(mn.Write(formula), mn.FadeIn(left))
        self.narrate("Softmax takes a whole vector of scores and turns it into probabilities.",
                     "归一化指数函数的输入是一整个向量的分数，输出是一组概率。")
        self.play(mn.GrowArrow(arrow), mn.TransformFromCopy(left, right), run_time=1.5)
        total = float(p.sum())
        self.record("softmax sum", total)
        self.narrate(f"Each output is positive and they add up to {total:g}; the largest score "
                     f"gets the largest share, {p[0]:.3f}.",
                     f"每个输出都为正，总和为 {total:g}；最大的分数得到最大的份额 {p[0]:.3f}。")
        pair = softmax(np.array([PAIR_X, 0.0]))[0]
        sig = float(CATALOGUE["sigmoid"](PAIR_X))
        self.record("softmax pair and sigmoid", [PAIR_X, pair, sig])
        link = get_math(rf"z = ({PAIR_X:g}, 0):\quad p_1 = \sigma({PAIR_X:g}) = "
                        rf"{tex_number(pair, 3)}", color=look.FUNCTION)
        link.next_to(row, mn.DOWN, buff=0.45)
        self.play(mn.Write(link))
        self.narrate("With two scores, x and 0, the first output is exactly the sigmoid of x: "
                     "softmax generalises the sigmoid.",
                     "只有两个分数 x 和 0 时，第一个输出正是 σ(x)：归一化指数函数是 σ 的推广。")

    # Pieces --------------------------------------------------------------------------------
    def _curve(self, axes: mn.Axes, f: ElementaryFunction, colour: str, width: float = 4,
               x_range=X_RANGE, window=Y_RANGE) -> mn.VGroup:
        """y = f(x) inside the window, from mathcore's pole-aware samples."""
        return mn.VGroup(*[
            get_polyline(axes, piece[:, 0], piece[:, 1], colour, width)
            for piece in sample_curve(f, x_range[0], x_range[1], 400, y_window=window[:2])])

    def _asymptotes(self, axes: mn.Axes, f: ElementaryFunction) -> mn.VGroup:
        return mn.VGroup(*[mn.DashedLine(axes.c2p(X_RANGE[0], y), axes.c2p(X_RANGE[1], y),
                                         color=look.MUTED, stroke_width=3)
                           for y in f.horizontal_asymptotes])

    def _bands(self, axes: mn.Axes, lo: float, hi: float) -> mn.VGroup:
        """The saturated regions x <= lo and x >= hi, shaded, with a label in each."""
        bands = mn.VGroup()
        for a, b in ((X_RANGE[0], lo), (hi, X_RANGE[1])):
            rect = mn.Rectangle(width=axes.c2p(b, 0)[0] - axes.c2p(a, 0)[0],
                                height=axes.c2p(0, Y_RANGE[1])[1] - axes.c2p(0, Y_RANGE[0])[1],
                                stroke_width=0, fill_color=look.MUTED, fill_opacity=0.14)
            rect.set_z_index(-1)  # behind the curves
            rect.move_to(axes.c2p((a + b) / 2, (Y_RANGE[0] + Y_RANGE[1]) / 2))
            label = get_text(tr("saturated", "饱和"), size=look.LABEL_SIZE, color=look.TEXT)
            label.move_to(axes.c2p((a + b) / 2, 2.4))
            bands.add(rect, label)
        return bands

    def _bars(self, values: np.ndarray, scale: float, colour: str, name: str) -> mn.VGroup:
        """A bar per value, its number on top, the vector's name below."""
        bars = mn.VGroup()
        for v in values:
            bar = mn.Rectangle(width=1.0, height=max(v * scale, 0.02), color=colour,
                               fill_color=colour, fill_opacity=0.7, stroke_width=2)
            num = get_math(tex_number(v, 3), size=look.LABEL_SIZE + 4, color=look.TEXT)
            bars.add(mn.VGroup(bar, num))
        for b in bars:
            b[1].next_to(b[0], mn.UP, buff=0.12)
        bars.arrange(mn.RIGHT, buff=0.35, aligned_edge=mn.DOWN)
        base = mn.Line(bars.get_corner(mn.DL) + 0.15 * mn.LEFT,
                       bars.get_corner(mn.DR) + 0.15 * mn.RIGHT, color=look.MUTED)
        label = get_math(name, color=colour).next_to(base, mn.DOWN, buff=0.2)
        return mn.VGroup(bars, base, label)

    @staticmethod
    def _labelled(word: str, tex: str) -> mn.VGroup:
        return mn.VGroup(get_text(word, size=look.LABEL_SIZE, color=look.MUTED),
                         get_math(tex, color=look.TEXT)).arrange(mn.RIGHT, buff=0.2)


STAGE_WORDS = (
    ("First u = e to the minus x: it falls from very large values towards 0.",
     "第一步 u = e⁻ˣ：从很大的值一路下降，趋近于 0。"),
    ("Then v = 1 + u lifts the curve by 1, so it now approaches 1 on the right.",
     "第二步 v = 1 + u：整条曲线上移 1，右侧趋近于 1。"),
    ("Finally σ = 1 / v: large v gives values near 0, v near 1 gives values near 1.",
     "最后 σ = 1/v：v 很大时值接近 0，v 接近 1 时值接近 1。"),
)


def _axes(x_range, y_range, width: float, height: float) -> mn.Axes:
    """Axes with their x and y at formula size (readable at 480p)."""
    return get_axes(list(x_range), list(y_range), width, height,
                    x_label=get_math("x", size=AXIS_LABEL_SIZE),
                    y_label=get_math("y", size=AXIS_LABEL_SIZE), numbers_on_top=True)


def _ends(s) -> list[list[float]]:
    """An interval set as [lo, hi, closed_lo, closed_hi] rows, for the recorded numbers."""
    return [[iv.lo, iv.hi, float(iv.closed_lo), float(iv.closed_hi)] for iv in s.intervals]

