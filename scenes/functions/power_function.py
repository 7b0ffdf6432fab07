"""Power functions y = x^a for rational a: their graphs, domains, parity and monotonicity."""

from __future__ import annotations

import manim as mn

from mathcore.functions import power, sample_curve
from scenes.common import (
    LectureScene,
    fmt_interval,
    get_axes,
    get_math,
    get_text,
    look,
    tr,
)

# Numbers the scene uses: the exponents shown, in groups of one idea each.
GROUPS = (
    (("1", "2", "3"), ("Whole exponents: odd powers are odd functions, even powers even.",
                       "整数指数：奇数次幂是奇函数，偶数次幂是偶函数。")),
    (("1/2", "1/3"), ("Roots: the square root needs x ≥ 0, the cube root is defined for every x.",
                      "开方：平方根要求 x ≥ 0，而立方根对所有实数 x 都有定义。")),
    (("-1",), ("A negative exponent: a pole at x = 0, and the curve saturates towards 0.",
               "负指数：x = 0 处有间断（渐近线），曲线趋近于 0。")),
)
COLOURS = (look.FUNCTION, look.SECOND, look.THIRD)
X_RANGE, Y_RANGE = (-3.0, 3.0, 1.0), (-3.0, 3.0, 1.0)
PARITY = {"even": ("even", "偶函数"), "odd": ("odd", "奇函数"), "neither": ("neither", "非奇非偶")}


class PowerFunction(LectureScene):
    """Graphs of x, x^2, x^3, x^(1/2), x^(1/3), x^(-1) with each one's properties."""

    TITLE = ("Power functions", "幂函数")
    TOPIC = ("Elementary functions", "基本初等函数")

    def construct(self) -> None:
        self.show_title()
        axes = get_axes(list(X_RANGE), list(Y_RANGE), 5.6, 5.0)
        axes.to_corner(mn.UL, buff=0.35).shift(0.3 * mn.RIGHT)
        self.play(mn.Create(axes), run_time=1.0)
        for i, (exponents, (en, zh)) in enumerate(GROUPS):
            self.section(f"Exponents {', '.join(exponents)}", f"指数 {', '.join(exponents)}")
            self._show_group(axes, exponents, en, zh, first=i == 0)

    def _show_group(self, axes: mn.Axes, exponents, en: str, zh: str, first: bool) -> None:
        graphs, rows = mn.VGroup(), mn.VGroup()
        for alpha, colour in zip(exponents, COLOURS, strict=False):
            f = power(alpha)
            for piece in sample_curve(f, X_RANGE[0], X_RANGE[1], 400, y_window=Y_RANGE[:2]):
                graphs.add(axes.plot_line_graph(piece[:, 0], piece[:, 1], add_vertex_dots=False,
                                                line_color=colour, stroke_width=4))
            rows.add(self._property_row(f, colour))
            self.record(f"domain {alpha}", [b for iv in f.domain for b in iv])
        rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.45)
        rows.to_corner(mn.UR, buff=0.45)
        if not first:
            self.play(*[mn.FadeOut(m) for m in self._previous], run_time=0.5)
        self.narrate(en, zh)
        self.play(mn.Create(graphs), mn.FadeIn(rows), run_time=1.5)
        self._previous = (graphs, rows)
        self.wait(1.0)

    def _property_row(self, f, colour: str) -> mn.VGroup:
        """y = x^a, then its domain and parity, from the mathcore catalogue."""
        head = get_math(f"y = {f.tex}", color=colour)
        domain = " \\cup ".join(fmt_interval(a, b) for a, b in f.domain)
        dom = get_math(r"D = " + domain, size=look.LABEL_SIZE + 2, color=look.TEXT)
        parity = get_text(tr(*PARITY[f.parity]), size=look.LABEL_SIZE, color=look.MUTED)
        info = mn.VGroup(dom, parity).arrange(mn.RIGHT, buff=0.3)
        return mn.VGroup(head, info).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
