"""arcsin, arccos, arctan and arccot: each the mirror image, in y = x, of one one-to-one piece of
its trigonometric function, so its domain and range are that piece's range and domain."""

from __future__ import annotations

import math

import manim as mn

from mathcore.functions import InversePair, get_inverse_pair
from scenes.common import LectureScene, get_math, get_text, look, tr
from scenes.functions.graphs import (
    curve,
    fit_axes,
    function_axes,
    horizontal_line,
    labelled_set,
    plain_pi,
    rows,
    set_ends,
)

# Numbers the scene uses: the pairs in lecture order, and the point mirrored on each.
# The point (a, f(a)) of each pair mirrored to (f(a), a): a chosen so the two lie apart.
PAIRS = (("sin_arcsin", 1.3), ("cos_arccos", 2.5),
         ("tan_arctan", 1.2), ("cot_arccot", 0.4))
WINDOW = (-3.5, 3.5, 1.0)  # the same on both axes, so the mirror in y = x looks like one
AXES_SIZE = 5.4
MONOTONE = {True: ("increasing", "增函数"), False: ("decreasing", "减函数")}


class InverseTrigonometricFunctions(LectureScene):
    """Each inverse trigonometric function from its function's principal piece."""

    TITLE = ("Inverse trigonometric functions", "反三角函数")

    def construct(self) -> None:
        self.show_title()
        self.on_stage: list[mn.Mobject] = []
        texts = {
            "sin_arcsin": (
                ("Sine is not one-to-one, so to invert it we keep one piece, from {lo} to {hi}, "
                 "where it rises through each value once.",
                 "正弦不是一一对应的，要求反函数，只保留从 {lo} 到 {hi} 的一段，"
                 "在这一段上它递增，每个值只取一次。"),
                ("Its mirror image in the line y = x is arcsine: domain from {glo} to {ghi}, "
                 "range from {lo} to {hi}.",
                 "把这一段关于直线 y = x 翻折，就得到反正弦：定义域从 {glo} 到 {ghi}，"
                 "值域从 {lo} 到 {hi}。")),
            "cos_arccos": (
                ("For cosine we keep the piece from {lo} to {hi}, where it falls through each "
                 "value once.",
                 "对余弦，保留从 {lo} 到 {hi} 的一段，在这一段上它递减，每个值只取一次。"),
                ("Arccosine is its mirror: domain from {glo} to {ghi}, range from {lo} to {hi}, "
                 "and decreasing too.",
                 "反余弦就是它的镜像：定义域从 {glo} 到 {ghi}，值域从 {lo} 到 {hi}，同样递减。")),
            "tan_arctan": (
                ("Tangent on the open interval from {lo} to {hi} takes every real value "
                 "exactly once.",
                 "正切在从 {lo} 到 {hi} 的开区间上，恰好取遍每个实数一次。"),
                ("So arctangent is defined for every x, strictly between {lo} and {hi}: "
                 "the lines y = {lo} and y = {hi} are its asymptotes.",
                 "所以反正切对所有实数 x 都有定义，值严格介于 {lo} 与 {hi} 之间："
                 "直线 y = {lo} 和 y = {hi} 是它的两条水平渐近线。")),
            "cot_arccot": (
                ("Cotangent on the open interval from {lo} to {hi} falls through every real "
                 "value once.",
                 "余切在从 {lo} 到 {hi} 的开区间上递减，取遍每个实数一次。"),
                ("Its mirror is arccotangent, with range from {lo} to {hi}, both ends left out. "
                 "Some books differ; we take this range.",
                 "它的镜像就是反余切，值域是从 {lo} 到 {hi} 的开区间。"
                 "有些书取别的值域，本课程取这一个。")),
        }
        for i, (name, a) in enumerate(PAIRS):
            pair = get_inverse_pair(name)
            self.section(pair.g.name, pair.g.zh)
            if i == 0:  # the axes and the mirror line, after the title card
                self._stage()
            self._pair(pair, a, texts[name])

    def _stage(self) -> None:
        self.axes = fit_axes(function_axes(WINDOW, WINDOW, AXES_SIZE, AXES_SIZE))
        diagonal = mn.DashedLine(self.axes.c2p(WINDOW[0], WINDOW[0]),
                                 self.axes.c2p(WINDOW[1], WINDOW[1]), color=look.MUTED,
                                 stroke_width=3, dash_length=0.08)
        diag_tag = get_math("y = x", color=look.MUTED, size=look.MATH_SIZE)
        # below the diagonal at the upper right, clear of every curve and asymptote shown
        # (the cot ghost enters that corner only right of x = π, above y = 2.67)
        diag_tag.move_to(self.axes.c2p(WINDOW[1] - 0.5, WINDOW[1] - 1.55))
        self.play(mn.Create(self.axes), mn.Create(diagonal), mn.FadeIn(diag_tag), run_time=1.2)

    def _pair(self, pair: InversePair, a: float, text) -> None:
        axes, f, g = self.axes, pair.f, pair.g
        self._clear_stage()
        lo, hi = pair.f_domain.lo, pair.f_domain.hi
        words = {"lo": plain_pi(lo), "hi": plain_pi(hi),
                 "glo": _plain(pair.g_domain.lo), "ghi": _plain(pair.g_domain.hi)}
        # f faint everywhere, its one-to-one piece bright
        ghost = curve(axes, f, look.MUTED, width=2)
        piece = curve(axes, f, look.SECOND, a=lo, b=hi)
        for end, closed in ((lo, pair.f_domain.closed_lo), (hi, pair.f_domain.closed_hi)):
            if closed:
                piece.add(mn.Dot(axes.c2p(end, float(f(end))), radius=0.07, color=look.SECOND))
        mirror = curve(axes, g, look.FUNCTION, width=5)
        # one point and its mirror image
        b = float(f(a))
        back = float(g(b))
        p = mn.Dot(axes.c2p(a, b), radius=0.08, color=look.POINT)
        q = mn.Dot(axes.c2p(b, back), radius=0.08, color=look.POINT)
        link = mn.DashedLine(p.get_center(), q.get_center(), color=look.POINT, stroke_width=3,
                             dash_length=0.08)
        asymptotes = mn.VGroup(*(horizontal_line(axes, y) for y in g.horizontal_asymptotes))
        self.record(f"{g.name} piece", [lo, hi, float(pair.f_domain.closed_lo),
                                        float(pair.f_domain.closed_hi)])
        self.record(f"{g.name} domain", set_ends(g.domain))
        self.record(f"{g.name} range", set_ends(g.range))
        self.record(f"{g.name} mirrored point", [a, b, b, back])
        self.record(f"{g.name} asymptotes", list(g.horizontal_asymptotes))
        self.record(f"{g.name} increasing", float(bool(g.increasing)))
        # the panel: the piece of f, then g's domain and range from IntervalSet.tex()
        f_row = mn.VGroup(get_math(f"y = {f.tex}", color=look.SECOND),
                          get_math(r"x \in " + pair.f_domain.tex(), color=look.SECOND)
                          ).arrange(mn.RIGHT, buff=0.3)
        g_row = mn.VGroup(get_math(f"y = {g.tex}", color=look.FUNCTION),
                          get_text(tr(*MONOTONE[bool(g.increasing)]), size=look.LABEL_SIZE)
                          ).arrange(mn.RIGHT, buff=0.35)
        panel = rows(f_row, g_row, labelled_set(("domain", "定义域"), g.domain),
                     labelled_set(("range", "值域"), g.range), buff=0.25)
        panel.next_to(axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP).shift(0.3 * mn.DOWN)
        self.narrate(*(s.format(**words) for s in text[0]))
        self.play(mn.Create(ghost), run_time=0.8)
        self.play(mn.Create(piece), mn.FadeIn(f_row), mn.FadeIn(p), run_time=1.2)
        self.narrate(*(s.format(**words) for s in text[1]))
        # a half turn about the line y = x (equal scales) is the reflection in it
        flip = piece.copy()
        self.play(mn.Rotate(flip, angle=mn.PI, axis=mn.UR, about_point=axes.c2p(0, 0)),
                  mn.Create(link), run_time=1.4)
        self.play(mn.FadeOut(flip), mn.FadeIn(mirror), mn.FadeIn(q), mn.FadeIn(panel[1:]),
                  mn.Create(asymptotes), run_time=0.8)
        self.wait(0.5)
        self.on_stage = [ghost, piece, mirror, p, q, link, asymptotes, panel]

    def _clear_stage(self) -> None:
        if self.on_stage:
            self.play(*(mn.FadeOut(m) for m in self.on_stage), run_time=0.5)
        self.on_stage = []


def _plain(v: float) -> str:
    """An interval end for narration: minus infinity, -1, π/2."""
    if math.isinf(v):
        return tr("minus infinity", "负无穷") if v < 0 else tr("infinity", "正无穷")
    return plain_pi(v) if v != round(v) else f"{v:g}"
