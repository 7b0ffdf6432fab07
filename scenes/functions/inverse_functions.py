"""Inverse functions: e^x and ln x mirrored in y = x, a point (a, b) going to (b, a), domain and
range trading places, and why only a one-to-one function has an inverse."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.functions import get_inverse_pair, reflect
from scenes.common import (
    LectureScene,
    current_lang,
    get_counter,
    get_math,
    get_text,
    look,
    plain_number,
    tex_number,
    tr,
)
from scenes.functions.graphs import (
    curve,
    fit_axes,
    function_axes,
    labelled_set,
    rows,
    set_ends,
)

# Numbers the scene uses.
WINDOW = (-3.0, 5.0, 1.0)  # the same on both axes, so the mirror in y = x looks like one
AXES_SIZE = 5.4
SWEEP = (-2.0, 1.0)  # the point (a, e^a) moves from a = -2 to a = 1
TWINS = 2.0  # x = 2 and x = -2 give the same x^2
PANEL_BUFF = 0.5


class InverseFunctions(LectureScene):
    """exp and ln as mirror images; (a, b) -> (b, a); domain <-> range; one-to-one first."""

    TITLE = ("Inverse functions", "反函数")

    def construct(self) -> None:
        self.show_title()
        self.axes = fit_axes(function_axes(WINDOW, WINDOW, AXES_SIZE, AXES_SIZE))
        lo, hi = WINDOW[:2]
        self.diagonal = mn.DashedLine(self.axes.c2p(lo, lo), self.axes.c2p(hi, hi),
                                      color=look.MUTED, stroke_width=3, dash_length=0.08)
        self.pair = get_inverse_pair("exp_log")
        self._mirror()
        self._point()
        self._swap()
        self._one_to_one()

    # the two graphs ----------------------------------------------------------------------
    def _mirror(self) -> None:
        self.section("Mirror in y = x", "关于 y = x 对称")
        axes, f, g = self.axes, self.pair.f, self.pair.g
        self.exp_graph = curve(axes, f, look.SECOND)
        self.log_graph = curve(axes, g, look.FUNCTION, width=5)
        diag_tag = get_math("y = x", color=look.MUTED)
        diag_tag.next_to(axes.c2p(WINDOW[1] - 0.3, WINDOW[1] - 0.3), mn.LEFT, buff=0.3)
        self.tags = mn.VGroup(get_math(f"y = {f.tex}", color=look.SECOND),
                              get_math(f"y = {g.tex}", color=look.FUNCTION))
        self.tags.arrange(mn.RIGHT, buff=0.6)
        self.tags.next_to(axes, mn.RIGHT, buff=PANEL_BUFF).align_to(axes, mn.UP)
        x = np.linspace(-2.0, 1.5, 8)
        on_log = g(reflect(np.column_stack([x, f(x)]))[:, 0])  # ln of each mirrored x
        self.record("mirrored exp points land on ln", float(np.allclose(on_log, x)))
        self.play(mn.Create(axes), run_time=1.0)
        self.narrate("The exponential and the logarithm undo each other: ln of e to the x is "
                     "x again. So their graphs are mirror images.",
                     "指数函数与对数函数互为反函数：e 的 x 次方再取自然对数，又回到 x。"
                     "所以它们的图像互为镜像。")
        self.play(mn.Create(self.exp_graph), mn.FadeIn(self.tags[0]), run_time=1.2)
        self.play(mn.Create(self.diagonal), mn.FadeIn(diag_tag), run_time=0.8)
        self.narrate("The mirror is the line y = x: fold the picture along it and e to the x "
                     "lands exactly on ln x.",
                     "镜子就是直线 y = x：沿着它把图像对折，e 的 x 次方恰好落在 ln x 上。")
        flip = self.exp_graph.copy()  # a half turn about y = x is the reflection in it
        self.play(mn.Rotate(flip, angle=mn.PI, axis=mn.UR, about_point=axes.c2p(0, 0)),
                  run_time=1.6)
        self.play(mn.FadeOut(flip), mn.FadeIn(self.log_graph), mn.FadeIn(self.tags[1]),
                  run_time=0.6)
        self.wait(0.3)

    # (a, b) -> (b, a) --------------------------------------------------------------------
    def _point(self) -> None:
        self.section("(a, b) to (b, a)", "(a, b) 变为 (b, a)")
        axes, f = self.axes, self.pair.f
        a = mn.ValueTracker(SWEEP[0])

        def b() -> float:
            return float(f(a.get_value()))

        p = mn.always_redraw(lambda: mn.Dot(axes.c2p(a.get_value(), b()), radius=0.09,
                                            color=look.POINT))
        q = mn.always_redraw(lambda: mn.Dot(axes.c2p(b(), a.get_value()), radius=0.09,
                                            color=look.POINT))
        link = mn.always_redraw(lambda: mn.DashedLine(p.get_center(), q.get_center(),
                                                      color=look.POINT, stroke_width=3,
                                                      dash_length=0.08))
        a_counter = get_counter("a", SWEEP[0], digits=2, color=look.POINT)
        b_counter = get_counter("b", b(), digits=2, color=look.POINT)
        a_counter[1].add_updater(lambda m: m.set_value(a.get_value()))
        b_counter[1].add_updater(lambda m: m.set_value(b()))
        counters = mn.VGroup(a_counter, b_counter).arrange(mn.RIGHT, buff=0.6)

        def on_row(point: str, fn, colour: str) -> mn.VGroup:
            """(a, b) on y = e^x / (a, b) 在 y = e^x 上"""
            parts = [get_math(point, color=look.POINT),
                     get_text(tr("on", "在"), size=look.LABEL_SIZE, color=look.MUTED),
                     get_math(f"y = {fn.tex}", color=colour)]
            if current_lang() == "zh":
                parts.append(get_text("上", size=look.LABEL_SIZE, color=look.MUTED))
            return mn.VGroup(*parts).arrange(mn.RIGHT, buff=0.2)

        readout = rows(on_row("(a, b)", self.pair.f, look.SECOND),
                       on_row("(b, a)", self.pair.g, look.FUNCTION), counters, buff=0.3)
        readout.next_to(self.tags, mn.DOWN, buff=0.5).align_to(self.tags, mn.LEFT)
        for stop in SWEEP:
            bv = float(f(stop))
            self.record("point a b", [stop, bv, bv, float(self.pair.g(bv))])
            mid = (np.array([stop, bv]) + np.array([bv, stop])) / 2
            self.record("midpoint on y = x", float(np.isclose(mid[0], mid[1])))
            self.record("link direction", [bv - stop, stop - bv])  # along (1, -1): square to y = x
        end = SWEEP[1]
        e_val = float(f(end))
        self.add(link, p, q)
        self.play(mn.FadeIn(readout), run_time=0.6)
        self.narrate("Take a point (a, b) on e to the x, so b = e to the a. Then ln b = a, so "
                     "the point (b, a) lies on ln x.",
                     "在 e 的 x 次方上取一点 (a, b)，即 b 等于 e 的 a 次方。那么 ln b = a，"
                     "所以点 (b, a) 在 ln x 上。")
        self.play(a.animate.set_value(end), run_time=3.0, rate_func=mn.smooth)
        self.narrate(f"At a = {plain_number(end)}, b = e, about {plain_number(e_val)}. The dashed "
                     "segment is cut in half by y = x, at a right angle, as in a mirror.",
                     f"a = {plain_number(end)} 时，b = e ≈ {plain_number(e_val)}。"
                     "虚线段被 y = x 垂直平分，正如镜面反射。")
        self.wait(0.5)
        for m in (a_counter[1], b_counter[1]):
            m.clear_updaters()
        self.stage = [p, q, link, readout]
        self.record("shown a b", [float(a_counter[1].get_value()),
                                  float(b_counter[1].get_value())])

    # domain and range swap ---------------------------------------------------------------
    def _swap(self) -> None:
        self.section("Domain and range swap", "定义域与值域互换")
        f, g = self.pair.f, self.pair.g
        self.play(*(mn.FadeOut(m) for m in self.stage), run_time=0.5)
        self.record("exp range is ln domain", float(f.range == g.domain))
        self.record("exp domain is ln range", float(f.domain == g.range))
        self.record("exp domain", set_ends(f.domain))
        self.record("exp range", set_ends(f.range))
        self.record("ln domain", set_ends(g.domain))
        self.record("ln range", set_ends(g.range))
        blocks = []
        for fn, colour in ((f, look.SECOND), (g, look.FUNCTION)):
            blocks.append(rows(get_math(f"y = {fn.tex}", color=colour),
                               labelled_set(("domain", "定义域"), fn.domain),
                               labelled_set(("range", "值域"), fn.range), buff=0.15))
        table = rows(*blocks, buff=0.45)
        table.next_to(self.axes, mn.RIGHT, buff=PANEL_BUFF).align_to(self.axes, mn.UP)
        boxes_a = mn.VGroup(mn.SurroundingRectangle(blocks[0][2][1], color=look.POINT, buff=0.08),
                            mn.SurroundingRectangle(blocks[1][1][1], color=look.POINT, buff=0.08))
        boxes_b = mn.VGroup(mn.SurroundingRectangle(blocks[0][1][1], color=look.THIRD, buff=0.08),
                            mn.SurroundingRectangle(blocks[1][2][1], color=look.THIRD, buff=0.08))
        self.play(mn.FadeOut(self.tags), mn.FadeIn(table), run_time=0.8)
        self.narrate("Mirroring swaps x and y, so the range of e to the x, zero to infinity, "
                     "becomes the domain of ln x.",
                     "对折交换了 x 和 y：e 的 x 次方的值域，从 0 到正无穷，成为 ln x 的定义域。")
        self.play(mn.Create(boxes_a), run_time=0.8)
        self.narrate("And its domain, every real number, becomes the range of ln x: domain "
                     "and range trade places.",
                     "而它的定义域，全体实数，成为 ln x 的值域：定义域与值域互换。")
        self.play(mn.Create(boxes_b), run_time=0.8)
        self.wait(0.3)
        self.stage = [table, boxes_a, boxes_b, self.exp_graph, self.log_graph]

    # one-to-one first --------------------------------------------------------------------
    def _one_to_one(self) -> None:
        self.section("One-to-one first", "先要一一对应")
        axes = self.axes
        sq = get_inverse_pair("square_sqrt")
        f, g = sq.f, sq.g
        self.play(*(mn.FadeOut(m) for m in self.stage), run_time=0.5)
        whole = curve(axes, f, look.SECOND)
        sideways = whole.copy().set_stroke(color=look.LOSS, opacity=0.8)
        y = float(f(TWINS))
        twins = np.array([[TWINS, y], [-TWINS, float(f(-TWINS))]])
        self.record("twins", twins)
        images = reflect(twins)
        self.record("sideways hits", images)
        vline = mn.DashedLine(axes.c2p(y, WINDOW[0]), axes.c2p(y, WINDOW[1]), color=look.LOSS,
                              stroke_width=3)
        hits = mn.VGroup(*(mn.Dot(axes.c2p(*pt), radius=0.09, color=look.POINT)
                           for pt in images))
        piece = curve(axes, f, look.SECOND, a=sq.f_domain.lo)
        piece.add(mn.Dot(axes.c2p(sq.f_domain.lo, float(f(sq.f_domain.lo))), radius=0.07,
                         color=look.SECOND))
        root = curve(axes, g, look.FUNCTION, width=5)
        self.record("sqrt domain", set_ends(g.domain))
        self.record("sqrt range", set_ends(g.range))
        self.record("square piece", [sq.f_domain.lo, sq.f_domain.hi, float(sq.f_domain.closed_lo)])
        same = get_math(rf"({tex_number(-TWINS)})^2 = {tex_number(TWINS)}^2 = {tex_number(y)}",
                        color=look.SECOND)
        no = get_text(tr("mirror image: not a function", "镜像不是函数"), size=look.LABEL_SIZE,
                      color=look.LOSS)
        keep = mn.VGroup(get_math(f"y = {f.tex}", color=look.SECOND),
                         get_math(r"x \in " + sq.f_domain.tex(), color=look.SECOND)
                         ).arrange(mn.RIGHT, buff=0.3)
        root_rows = rows(get_math(f"y = {g.tex}", color=look.FUNCTION),
                         labelled_set(("domain", "定义域"), g.domain),
                         labelled_set(("range", "值域"), g.range), buff=0.15)
        panel = rows(same, no, keep, root_rows, buff=0.35)
        panel.next_to(axes, mn.RIGHT, buff=PANEL_BUFF).align_to(axes, mn.UP)
        self.play(mn.Create(whole), mn.FadeIn(same), run_time=1.0)
        self.narrate(f"Only a one-to-one function has an inverse. x squared is not: "
                     f"{plain_number(-TWINS)} and {plain_number(TWINS)} both give "
                     f"{plain_number(y)}.",
                     f"只有一一对应的函数才有反函数。x² 不是：{plain_number(-TWINS)} 和 "
                     f"{plain_number(TWINS)} 都得到 {plain_number(y)}。")
        self.play(mn.Rotate(sideways, angle=mn.PI, axis=mn.UR, about_point=axes.c2p(0, 0)),
                  run_time=1.4)
        self.play(mn.Create(vline), mn.FadeIn(hits), mn.FadeIn(no), run_time=0.8)
        self.narrate(f"Its mirror meets the line x = {plain_number(y)} twice, so it is no "
                     "function.",
                     f"它的镜像与直线 x = {plain_number(y)} 交于两点，所以不是函数。")
        self.narrate("Keep only the part where x is at least 0, and the mirror is the square root.",
                     "只保留 x ≥ 0 的部分，镜像就是平方根函数。")
        self.play(mn.FadeOut(sideways), mn.FadeOut(vline), mn.FadeOut(hits), mn.FadeOut(whole),
                  mn.FadeOut(same), mn.FadeOut(no), mn.FadeIn(piece), mn.FadeIn(keep),
                  run_time=0.8)
        flip = piece.copy()
        self.play(mn.Rotate(flip, angle=mn.PI, axis=mn.UR, about_point=axes.c2p(0, 0)),
                  run_time=1.2)
        self.play(mn.FadeOut(flip), mn.FadeIn(root), mn.FadeIn(root_rows), run_time=0.6)
        self.wait(0.5)
