"""Power functions y = x^a for rational a: their graphs, domains and ranges, and parity."""

from __future__ import annotations

import manim as mn

from mathcore.functions import CATALOGUE, power, sample_curve
from scenes.common import (
    LectureScene,
    get_axes,
    get_math,
    get_text,
    look,
    tr,
)

# Numbers the scene uses: the exponents shown, in groups of one idea each ("c" is the constant
# function y = c of mathcore's catalogue, c = 2).
GROUPS = (
    (("c",), (("The simplest function is a constant, y = c, here c = 2.",
               "最简单的函数是常函数 y = c，这里 c = 2。"),
              ("Every x is allowed and the only value is 2: a horizontal line, an even "
               "function.",
               "定义域是全体实数，值域只有一个值 2：图像是水平直线，它是偶函数。"))),
    (("1", "2", "3"), (("A power function is y = x to the power α, for a fixed exponent α; "
                        "here α is rational.",
                        "幂函数是 y = x 的 α 次方，α 是一个固定的指数，这里取有理数。"),
                       ("With whole exponents, odd powers are odd functions and even powers "
                        "are even functions.",
                        "整数指数中，奇数次幂是奇函数，偶数次幂是偶函数。"))),
    (("1/2", "1/3"), (("Roots: the square root needs x to be at least 0, so it is neither "
                       "even nor odd.",
                       "开方：平方根要求 x ≥ 0，所以非奇非偶。"),
                      ("We take the real cube root, so negative x are allowed too: it is "
                       "defined for every x.",
                       "立方根取实数根，负数也能开立方，所以对所有实数 x 都有定义。"))),
    (("-1",), (("A negative exponent: 0 is not in the domain. Near 0 the curve shoots off "
                "along the y axis, a vertical asymptote.",
                "负指数：x = 0 不在定义域内；靠近 0 时，曲线沿 y 轴趋向正负无穷，y 轴是垂直渐近线。"),
               ("Far out it approaches the x axis, a horizontal asymptote.",
                "|x| 增大时，曲线趋近 x 轴，x 轴是水平渐近线。"))),
)
COLOURS = (look.FUNCTION, look.SECOND, look.THIRD)
X_RANGE, Y_RANGE = (-3.0, 3.0, 1.0), (-3.0, 3.0, 1.0)
PARITY = {"even": ("even", "偶函数"), "odd": ("odd", "奇函数"),
          "neither": ("neither even nor odd", "非奇非偶")}
# Said under the parity when it is the reason (mathcore's ``parity_reason``).
REASONS = {"domain_not_symmetric": ("the domain is not symmetric about 0", "定义域不关于原点对称")}
PANEL_WIDTH = 6.8  # the property rows beside the axes
SET_SIZE = 34  # domain and range formulas


class PowerFunction(LectureScene):
    """Graphs of x, x^2, x^3, x^(1/2), x^(1/3), x^(-1) with each one's properties."""

    TITLE = ("Power functions", "幂函数")

    def construct(self) -> None:
        self.show_title()
        # curves pass under the tick numbers (x^-1 crosses -2 and -3), dimmed, not cut
        axes = get_axes(list(X_RANGE), list(Y_RANGE), 5.6, 5.0, numbers_on_top=True)
        axes.to_corner(mn.UL, buff=0.35).shift(0.3 * mn.RIGHT)
        self.play(mn.Create(axes), run_time=1.0)
        for i, (exponents, lines) in enumerate(GROUPS):
            if exponents == ("c",):
                self.section("Constant function", "常函数")
            else:
                self.section(f"Exponents {', '.join(exponents)}",
                             f"指数 {', '.join(exponents)}")
            self._show_group(axes, exponents, lines, first=i == 0)

    def _show_group(self, axes: mn.Axes, exponents, lines, first: bool) -> None:
        graphs, rows = mn.VGroup(), mn.VGroup()
        for alpha, colour in zip(exponents, COLOURS, strict=False):
            f = CATALOGUE["constant"] if alpha == "c" else power(alpha)
            for piece in sample_curve(f, X_RANGE[0], X_RANGE[1], 400, y_window=Y_RANGE[:2]):
                graphs.add(axes.plot_line_graph(piece[:, 0], piece[:, 1], add_vertex_dots=False,
                                                line_color=colour, stroke_width=4))
            for end, closed in f.domain.finite_ends():  # an included end: a filled dot
                if closed and X_RANGE[0] <= end <= X_RANGE[1]:
                    graphs.add(mn.Dot(axes.c2p(end, float(f(end))), radius=0.07, color=colour))
            for x in f.poles:  # dashed over the axis they lie on
                graphs.add(_dashed(axes.c2p(x, Y_RANGE[0]), axes.c2p(x, Y_RANGE[1])))
            for y in f.horizontal_asymptotes:
                graphs.add(_dashed(axes.c2p(X_RANGE[0], y), axes.c2p(X_RANGE[1], y)))
            self.record(f"asymptotes {alpha}", [*f.poles, *f.horizontal_asymptotes])
            rows.add(self._property_row(f, colour))
            self.record(f"domain {alpha}", _ends(f.domain))
            self.record(f"range {alpha}", _ends(f.range))
            self.record(f"symmetric domain {alpha}", float(f.symmetric_domain))
        rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        rows.to_corner(mn.UR, buff=0.45)
        if not first:
            self.play(*[mn.FadeOut(m) for m in self._previous], run_time=0.5)
        self.narrate(*lines[0])
        self.play(mn.Create(graphs), mn.FadeIn(rows), run_time=1.5)
        self._previous = (graphs, rows)
        for line in lines[1:]:
            self.narrate(*line)
        self.wait(1.0)

    def _property_row(self, f, colour: str) -> mn.VGroup:
        """y = x^a and its parity; its domain and range; why, when the domain decides parity."""
        tex = f"c = {f.extra['c']:g}" if f.name == "constant" else f.tex
        head = get_math(f"y = {tex}", color=colour)
        parity = get_text(tr(*PARITY[f.parity]), size=look.LABEL_SIZE, color=look.TEXT)
        lines = [mn.VGroup(head, parity).arrange(mn.RIGHT, buff=0.4)]
        sets = mn.VGroup(*(self._labelled(label, s) for label, s in (
            (tr("domain", "定义域"), f.domain), (tr("range", "值域"), f.range))))
        sets.arrange(mn.RIGHT, buff=0.5)
        if sets.width > PANEL_WIDTH:  # one above the other, formulas in one column
            sets.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
            column = max(word.get_right()[0] for word, _ in sets) + 0.15
            for _, formula in sets:
                formula.shift((column - formula.get_left()[0]) * mn.RIGHT)
        lines.append(sets)
        if f.parity_reason in REASONS:
            lines.append(get_text(tr(*REASONS[f.parity_reason]), size=look.LABEL_SIZE,
                                  color=look.MUTED))
        return mn.VGroup(*lines).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.14)

    @staticmethod
    def _labelled(label: str, s) -> mn.VGroup:
        """A word (English or Chinese) beside a set in interval notation from ``tex()``."""
        word = get_text(label, size=look.LABEL_SIZE, color=look.MUTED)
        formula = get_math(s.tex(), size=SET_SIZE, color=look.TEXT)
        return mn.VGroup(word, formula).arrange(mn.RIGHT, buff=0.15)


def _ends(s) -> list[list[float]]:
    """An interval set as [lo, hi, closed_lo, closed_hi] rows, for the recorded numbers."""
    return [[iv.lo, iv.hi, float(iv.closed_lo), float(iv.closed_hi)] for iv in s.intervals]


def _dashed(a, b) -> mn.DashedLine:
    """An asymptote: dashed, above the axes it may lie on."""
    return mn.DashedLine(a, b, color=look.THIRD, stroke_width=3, dash_length=0.12,
                         dashed_ratio=0.55).set_z_index(2)
