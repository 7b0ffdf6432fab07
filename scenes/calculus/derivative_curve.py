"""The geometric meaning of the derivative: the tangent slides along y = x^3/3 - x while its
slope is plotted below, tracing the derivative curve f'(x) = x^2 - 1; reading it off (rising,
falling, flat), and what the source's "derivative = minus gradient" should say."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.calculus import (
    critical_points,
    cubic_hill,
    derivative,
    evaluate,
    nth_derivative,
    tangent_line,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_counter,
    get_line_in_axes,
    get_math,
    get_text,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses.
X_RANGE = (-2.4, 2.4, 1.0)
F_Y, D_Y = (-3.0, 3.0, 1.0), (-2.0, 5.0, 1.0)
X_START, X_END = -2.2, 2.2  # where the tangent starts and stops sliding
SAMPLES = 241
STEP_AT = 1.8  # where the descent step is drawn
STEP_SCALE = 0.3  # the arrow is this times -f'(x) long, in x units
LABEL = look.LABEL_SIZE + 8


f = cubic_hill  # y = x^3 / 3 - x: rises, falls, rises again


def _label(tex: str, color: str = look.TEXT) -> mn.MathTex:
    return get_math(tex, color=color, size=LABEL)


class DerivativeCurve(LectureScene):
    """A tangent slides along a curve; its slope, plotted below, traces f'(x)."""

    TITLE = ("The derivative as a curve", "导数的几何意义")

    def construct(self) -> None:
        self.show_title()

        # Set up the curve on top, the slope plot below
        self.section("The slope at one point", "一点处的斜率")
        top = get_axes(list(X_RANGE), list(F_Y), 7.6, 2.6, x_label=_label("x"),
                       y_label=_label("y"), numbers_on_top=True)
        bottom = get_axes(list(X_RANGE), list(D_Y), 7.6, 2.5, x_label=_label("x"),
                          y_label=_label("f'(x)", look.GRADIENT), numbers_on_top=True)
        top.to_corner(mn.UL, buff=0.4).shift(0.2 * mn.RIGHT)
        # the bottom plot directly under the top one, same x scale, its y axis from 0.15 down
        bottom.shift(top.c2p(0, 0)[0] * mn.RIGHT - bottom.c2p(0, 0)[0] * mn.RIGHT
                     + (0.15 - bottom.c2p(0, D_Y[1])[1]) * mn.UP)
        xs = np.linspace(X_RANGE[0], X_RANGE[1], SAMPLES)
        ys = evaluate(f, xs)
        slopes = np.asarray(derivative(f, xs))
        curve = top.plot_line_graph(xs, ys, add_vertex_dots=False, line_color=look.FUNCTION,
                                    stroke_width=4)
        f_tex = get_math(r"f(x) = \frac{x^3}{3} - x", color=look.FUNCTION)
        x = mn.ValueTracker(X_START)

        def slope_now() -> float:
            return tangent_line(f, x.get_value()).slope

        dot = mn.always_redraw(lambda: mn.Dot(top.c2p(x.get_value(), float(evaluate(
            f, x.get_value()))), radius=0.08, color=look.POINT))
        tangent = mn.always_redraw(lambda: get_line_in_axes(
            top, tangent_line(f, x.get_value()), look.POINT, stroke_width=4))
        x_counter = get_counter("x", X_START, digits=2, color=look.POINT)
        s_counter = get_counter(r"f'(x)", slope_now(), digits=2, color=look.GRADIENT)
        s_name = get_text(tr("slope of the tangent", "切线的斜率"), size=look.LABEL_SIZE + 2,
                          color=look.GRADIENT)
        panel = mn.VGroup(f_tex, x_counter, s_name, s_counter).arrange(
            mn.DOWN, aligned_edge=mn.LEFT, buff=0.3)
        panel.next_to(top, mn.RIGHT, buff=0.6).align_to(top, mn.UP)
        x_counter[1].add_updater(lambda m: m.set_value(x.get_value()))
        s_counter[1].add_updater(lambda m: m.set_value(slope_now()))
        self.play(mn.Create(top), mn.Create(curve), mn.FadeIn(f_tex), run_time=1.2)
        self.play(mn.FadeIn(dot), mn.Create(tangent), mn.FadeIn(x_counter), mn.FadeIn(s_name),
                  mn.FadeIn(s_counter))
        self.record("start", [X_START, slope_now()])
        self.narrate("At every point of this smooth curve there is a tangent line, and its slope "
                     "is the derivative there.",
                     "这条光滑曲线上每一点都有一条切线，切线的斜率就是函数在这一点的导数。")
        self.narrate(f"At x = {X_START:g} the curve climbs steeply: the slope is "
                     f"{plain_number(slope_now())}.",
                     f"在 x = {X_START:g} 处曲线陡峭上升：斜率是 {plain_number(slope_now())}。")

        # Slide the tangent and trace its slope below
        self.section("Sliding the tangent", "让切线滑动")
        trace = mn.always_redraw(lambda: self._trace(bottom, xs, slopes, x.get_value()))
        probe = mn.always_redraw(lambda: mn.Dot(bottom.c2p(x.get_value(), slope_now()),
                                                radius=0.08, color=look.GRADIENT))
        link = mn.always_redraw(lambda: mn.DashedLine(
            top.c2p(x.get_value(), float(evaluate(f, x.get_value()))),
            bottom.c2p(x.get_value(), slope_now()), color=look.MUTED, stroke_width=2,
            dash_length=0.08))
        self.play(mn.Create(bottom), run_time=1.0)
        self.add(link, probe, trace)
        self.narrate("Now let the point slide, and below, plot each slope as a height.",
                     "现在让这个点滑动，同时在下方把每个斜率画成高度。")
        self.play(x.animate.set_value(X_END), run_time=7.0, rate_func=mn.linear)
        self.record("traced_x", xs[(xs >= X_START - 1e-9) & (xs <= X_END + 1e-9)])
        self.record("traced_slope", slopes[(xs >= X_START - 1e-9) & (xs <= X_END + 1e-9)])
        self.record("end", [X_END, slope_now()])
        for c in (x_counter, s_counter):
            c[1].clear_updaters()
        self.remove(trace)
        trace = self._trace(bottom, xs, slopes, X_END)
        self.add(trace)
        d_tex = get_math(r"f'(x) = x^2 - 1", color=look.GRADIENT)
        d_tex.next_to(panel, mn.DOWN, buff=0.45, aligned_edge=mn.LEFT)
        self.play(mn.FadeIn(d_tex))
        self.narrate("The slopes trace a new curve: the derivative f prime. For this cubic it "
                     "is the parabola x squared minus 1.",
                     "这些斜率连成了一条新曲线：导函数 f'(x)。对这个三次函数，"
                     "它是抛物线 x² − 1。")

        # Read the derivative curve: sign and zeros
        self.section("Reading the derivative", "读懂导函数", clear=False)
        crit = critical_points(f, X_RANGE[0], X_RANGE[1])
        self.record("critical_points", crit)
        self.record("critical_values", evaluate(f, crit))
        kinds = []
        marks = mn.VGroup()
        for c in crit:
            bend = nth_derivative(f, float(c), 2)
            kinds.append(-1 if bend < 0 else 1)  # a peak where f' turns from + to -
            y = float(evaluate(f, float(c)))
            marks.add(mn.DashedLine(top.c2p(c, y), bottom.c2p(c, 0), color=look.POINT,
                                    stroke_width=2, dash_length=0.08),
                      get_line_in_axes(top, tangent_line(f, float(c)), look.POINT, 3)
                      .set_length(1.6).move_to(top.c2p(c, y)),
                      mn.Dot(bottom.c2p(c, 0), radius=0.08, color=look.POINT))
        self.record("critical_kind", kinds)
        rise = slopes > 0
        self.record("rising_where_slope_positive",
                    bool(np.all(np.diff(ys)[rise[:-1] & rise[1:]] > 0)))
        self.record("falling_where_slope_negative",
                    bool(np.all(np.diff(ys)[~rise[:-1] & ~rise[1:]] < 0)))
        shade = mn.VGroup()
        for a, b, colour in ((X_RANGE[0], crit[0], look.GRADIENT), (crit[0], crit[1], look.LOSS),
                             (crit[1], X_RANGE[1], look.GRADIENT)):
            lo, hi = bottom.c2p(a, D_Y[0]), bottom.c2p(b, D_Y[1])
            shade.add(mn.Rectangle(width=hi[0] - lo[0], height=hi[1] - lo[1], stroke_width=0,
                                   fill_color=colour, fill_opacity=0.13).move_to((lo + hi) / 2))
        self.add(shade)
        self.bring_to_back(shade)
        signs = mn.VGroup(
            mn.VGroup(_label("f' > 0", look.GRADIENT),
                      get_text(tr("rises", "上升"), size=look.LABEL_SIZE + 2,
                               color=look.GRADIENT)).arrange(mn.RIGHT, buff=0.2),
            mn.VGroup(_label("f' < 0", look.LOSS),
                      get_text(tr("falls", "下降"), size=look.LABEL_SIZE + 2,
                               color=look.LOSS)).arrange(mn.RIGHT, buff=0.2),
            mn.VGroup(_label("f' = 0", look.POINT),
                      get_text(tr("flat", "水平切线"), size=look.LABEL_SIZE + 2,
                               color=look.POINT)).arrange(mn.RIGHT, buff=0.2),
        ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.25)
        signs.next_to(f_tex, mn.DOWN, buff=1.2, aligned_edge=mn.LEFT)
        self.play(mn.FadeOut(dot), mn.FadeOut(tangent), mn.FadeOut(probe), mn.FadeOut(link),
                  mn.FadeOut(panel[1:]), d_tex.animate.next_to(f_tex, mn.DOWN, buff=0.3,
                                                               aligned_edge=mn.LEFT))
        self.play(mn.FadeIn(shade), mn.FadeIn(signs[:2]))
        self.narrate("Where the derivative is above zero, the curve rises; where it is below "
                     "zero, the curve falls.",
                     "导函数大于零的地方，曲线上升；导函数小于零的地方，曲线下降。")
        self.play(mn.Create(marks), mn.FadeIn(signs[2]))
        peak = crit[kinds.index(-1)] if -1 in kinds else None
        valley = crit[kinds.index(1)] if 1 in kinds else None
        if peak is not None and valley is not None:
            self.narrate(f"Where it crosses zero, at x = {plain_number(peak)} and x = "
                         f"{plain_number(valley)}, the tangent is flat: a local maximum and a local "
                         "minimum.",
                         f"导函数穿过零的地方，x = {plain_number(peak)} 和 x = "
                         f"{plain_number(valley)}，切线是水平的：一个局部极大值，一个局部极小值。")

        # The source's "derivative = minus gradient", corrected
        self.section("Derivative and gradient", "导数与梯度")
        slope = float(derivative(f, STEP_AT))
        y_at = float(evaluate(f, STEP_AT))
        start = top.c2p(STEP_AT, y_at)
        step_x = -STEP_SCALE * slope
        arrow = mn.Arrow(start, top.c2p(STEP_AT + step_x, y_at), buff=0, color=look.GRADIENT,
                         stroke_width=6, max_tip_length_to_length_ratio=0.3)
        step_dot = mn.Dot(start, radius=0.08, color=look.POINT)
        step_label = _label(r"-\eta f'(x)", look.GRADIENT).next_to(arrow, mn.UP, buff=0.12)
        self.record("step", [STEP_AT, slope, step_x])
        downhill = bool(evaluate(f, STEP_AT + 0.01 * np.sign(step_x)) < y_at)
        self.record("step_goes_downhill", downhill)
        wrong = mn.VGroup(get_text(tr("The source:", "原文："), size=look.LABEL_SIZE + 2,
                                   color=look.MUTED),
                          get_math(r"f' = -\nabla f", color=look.LOSS)).arrange(mn.RIGHT,
                                                                               buff=0.2)
        cross = mn.Line(wrong[1].get_corner(mn.DL), wrong[1].get_corner(mn.UR), color=look.TEXT,
                        stroke_width=2.5)
        right = mn.VGroup(get_math(r"\nabla f = f'(x)", color=look.GRADIENT),
                          get_math(rf"x \leftarrow x - \eta\, f'(x),\ \eta = {STEP_SCALE:g}",
                                   color=look.GRADIENT)
                          ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3)
        box = mn.VGroup(wrong, cross, right).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3)
        cross.move_to(wrong[1])
        self.play(mn.FadeOut(f_tex), mn.FadeOut(d_tex), mn.FadeOut(signs))
        box.next_to(top, mn.RIGHT, buff=0.6).align_to(top, mn.UP)
        self.play(mn.FadeIn(wrong), mn.FadeIn(step_dot))
        self.play(mn.Create(cross))
        self.narrate("The course writes that the derivative is minus the gradient. That is "
                     "not right.",
                     "课程里写着“导数 = −梯度”。这是不对的。")
        self.play(mn.FadeIn(right), mn.GrowArrow(arrow), mn.FadeIn(step_label))
        self.narrate("For one variable, the gradient is the derivative itself. Gradient descent "
                     "steps along minus the derivative,",
                     "对一元函数，梯度就是导数本身。梯度下降沿着导数的反方向走，")
        self.narrate(f"times a step size η = {STEP_SCALE:g}: at x = {STEP_AT:g}, where the slope "
                     f"is {plain_number(slope)}, "
                     + ("to the left, downhill." if step_x < 0 and downhill else
                        "downhill." if downhill else "which is not downhill here."),
                     f"步长 η = {STEP_SCALE:g}。在 x = {STEP_AT:g} 处斜率是 {plain_number(slope)}，"
                     + ("所以向左走，也就是下坡。" if step_x < 0 and downhill else
                        "也就是下坡。" if downhill else "这里并不是下坡。"))

    @staticmethod
    def _trace(axes: mn.Axes, xs: np.ndarray, slopes: np.ndarray, upto: float) -> mn.VMobject:
        """The derivative curve from X_START up to ``upto`` (its values from mathcore)."""
        keep = (xs >= X_START - 1e-9) & (xs <= upto)
        pts = [axes.c2p(a, b) for a, b in zip(xs[keep], slopes[keep], strict=True)]
        pts.append(axes.c2p(upto, float(derivative(f, upto))))
        mob = mn.VMobject(stroke_color=look.GRADIENT, stroke_width=4)
        if len(pts) < 2:
            pts = pts * 2
        return mob.set_points_as_corners(pts)
