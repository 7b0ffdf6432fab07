"""What the first, second and third derivatives say about a curve, and the course's autograd
example d/dx x³ at 3 = 27 as code and as a tangent."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.calculus import nth_derivative, tangent_line
from mathcore.calculus.derivative_signs import sign_intervals
from scenes.common import (
    LectureScene,
    code_block,
    get_axes,
    get_line_in_axes,
    get_math,
    get_polyline,
    get_text,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses (the code file is executed by the tests).
CODE = "scenes/calculus/code/autograd_higher.py"
X_RANGE = (-2.0, 2.0, 1.0)
F_Y = (-3.0, 3.0, 1.0)  # f = x^3 - 3x
D1_Y = (-4.0, 10.0, 2.0)  # f' = 3x^2 - 3
D2_Y = (-12.0, 12.0, 6.0)  # f'' = 6x
CUBE_Y = (-8.0, 8.0, 4.0)  # y = x^3 on [-2, 2]
PLOT = (5.6, 3.6)  # each plot's width and height
LOW_PLOT = (5.6, 2.4)
CODE_WIDTH = 8.4  # the autograd listing at most this wide, beside its 3.7-wide plot  # lower plots, to leave room for the note on the source
SAMPLES = 201
X_AUTOGRAD = 3.0  # the course's example
CUBE_RIGHT = ((0.0, 4.0, 1.0), (-30.0, 60.0, 30.0))  # y = x^3 and its tangent at 3
SLOPE_RUN = 1.0  # the slope triangle on y'' = 6x: one unit across
COMMENTS_ZH = {  # the listing's comments as the Chinese render shows them
    "keep the graph": "保留计算图",
    "returned, not added": "直接返回，不累加",
    "a new graph": "重新建图",
}
SIGN_WORDS = {  # (order, sign): what the sign says, (en, zh)
    (1, 1): ("f increases", "f 递增"), (1, -1): ("f decreases", "f 递减"),
    (2, 1): ("convex, bends up", "凸，向上弯"), (2, -1): ("concave, bends down", "凹，向下弯"),
}
SIGN_COLOURS = {1: look.GRADIENT, -1: look.LOSS}


def cubic_minus_3x(x):
    return x**3 - 3 * x


def cube(x):
    return x**3


class HigherDerivatives(LectureScene):
    """f' says rising or falling, f'' bending up or down, f''' how fast the bend changes."""

    TITLE = ("Second and higher derivatives", "二阶与高阶导数")

    def construct(self) -> None:
        xs = np.linspace(X_RANGE[0], X_RANGE[1], SAMPLES)
        self.show_title()

        # f and f': rising or falling
        self.section("Rising or falling", "增与减")
        left = get_axes(list(X_RANGE), list(F_Y), *PLOT).to_corner(mn.UL, buff=0.5)
        right = get_axes(list(X_RANGE), list(D1_Y), *PLOT).to_corner(mn.UR, buff=0.5)
        right.shift(0.2 * mn.LEFT)
        curve = get_polyline(left, xs, nth_derivative(cubic_minus_3x, xs, 0), look.FUNCTION)
        d1 = get_polyline(right, xs, nth_derivative(cubic_minus_3x, xs, 1), look.SECOND)
        f_name = get_math(r"f(x) = x^3 - 3x", color=look.FUNCTION, size=look.MATH_SIZE - 4)
        d1_name = get_math(r"f'(x) = 3x^2 - 3", color=look.SECOND, size=look.MATH_SIZE - 4)
        f_name.next_to(left, mn.DOWN, buff=0.2)
        d1_name.next_to(right, mn.DOWN, buff=0.2)
        self.play(mn.Create(left), mn.Create(right), run_time=1.0)
        self.play(mn.Create(curve), mn.FadeIn(f_name), run_time=1.2)
        self.play(mn.Create(d1), mn.FadeIn(d1_name), run_time=1.2)
        first = sign_intervals(cubic_minus_3x, X_RANGE[0], X_RANGE[1], 1)
        bands = self._bands((left, right), first)
        legend = self._legend(1, first).next_to(mn.VGroup(f_name, d1_name), mn.DOWN, buff=0.2)
        self.play(mn.FadeIn(bands), mn.FadeIn(legend))
        self.record("first_derivative_zeros", [i.end for i in first[:-1]])
        self.record("first_derivative_signs", [i.sign for i in first])
        self.narrate("The first derivative is the slope: where it is positive the curve rises, "
                     "where it is negative the curve falls.",
                     "一阶导数就是斜率：它为正的地方曲线上升，为负的地方曲线下降。")
        lo, hi = (plain_number(i.end) for i in first[:2])
        self.narrate(f"f' = 3x² − 3 is zero at x = {lo} and x = {hi}: there the curve turns "
                     "around.", f"f' = 3x² − 3 在 x = {lo} 和 x = {hi} 处为零：曲线在这里由升转降、由降转升。")

        # f'': bending up or down
        self.section("Bending up or down", "凸与凹")
        right2 = get_axes(list(X_RANGE), list(D2_Y), *PLOT).move_to(right)
        d2 = get_polyline(right2, xs, nth_derivative(cubic_minus_3x, xs, 2), look.THIRD)
        d2_name = get_math(r"f''(x) = 6x", color=look.THIRD, size=look.MATH_SIZE - 4)
        d2_name.move_to(d1_name)
        second = sign_intervals(cubic_minus_3x, X_RANGE[0], X_RANGE[1], 2)
        bands2 = self._bands((left, right2), second)
        legend2 = self._legend(2, second).move_to(legend, aligned_edge=mn.UL)
        self.play(mn.FadeOut(bands), mn.FadeOut(legend), mn.FadeOut(d1),
                  mn.ReplacementTransform(right, right2), mn.ReplacementTransform(d1_name, d2_name))
        self.play(mn.Create(d2), mn.FadeIn(bands2), mn.FadeIn(legend2))
        inflection = second[0].end
        dot = mn.Dot(left.c2p(inflection, cubic_minus_3x(inflection)), radius=0.08,
                     color=look.POINT)
        dot_label = get_text(tr("inflection\npoint", "拐点"), size=look.LABEL_SIZE,
                             color=look.POINT, line_spacing=0.8)
        dot_label.next_to(dot, mn.RIGHT, buff=0.15).shift(0.45 * mn.UP)
        self.play(mn.FadeIn(dot), mn.FadeIn(dot_label))
        self.record("second_derivative_zero", inflection)
        self.record("second_derivative_signs", [i.sign for i in second])
        self.narrate("The second derivative is the slope of the slope. Where it is positive, "
                     "the curve bends up: convex.",
                     "二阶导数是斜率的斜率。它为正的地方斜率在增大，曲线向上弯：凸。")
        self.narrate(f"Where it is negative the curve bends down: concave. At x = "
                     f"{plain_number(inflection)} the bend switches: an inflection point.",
                     f"它为负的地方曲线向下弯：凹。在 x = {plain_number(inflection)} 处弯曲方向改变，"
                     "这一点叫拐点。")
        self.narrate("Many books call a bend up concave up; whatever the name, the condition is "
                     "the same: f″ > 0.",
                     "这是优化里的说法；国内一些高等数学教材把向上弯叫作“凹”。条件是同一个：f″ > 0。")

        # f''' on y = x^3
        self.section("The third derivative", "三阶导数", clear=True)
        left = get_axes(list(X_RANGE), list(CUBE_Y), *LOW_PLOT).to_corner(mn.UL, buff=0.5)
        right = get_axes(list(X_RANGE), list(D2_Y), *LOW_PLOT).to_corner(mn.UR, buff=0.5)
        right.shift(0.2 * mn.LEFT)
        y = get_polyline(left, xs, nth_derivative(cube, xs, 0), look.FUNCTION)
        y2 = get_polyline(right, xs, nth_derivative(cube, xs, 2), look.THIRD)
        y_name = get_math(r"y = x^3", color=look.FUNCTION, size=look.MATH_SIZE - 4)
        y2_name = get_math(r"y'' = 6x", color=look.THIRD, size=look.MATH_SIZE - 4)
        y_name.next_to(left, mn.DOWN, buff=0.2)
        y2_name.next_to(right, mn.DOWN, buff=0.2)
        self.play(mn.Create(left), mn.Create(right), mn.Create(y), mn.FadeIn(y_name), run_time=1.2)
        self.play(mn.Create(y2), mn.FadeIn(y2_name))
        third = [nth_derivative(cube, x, 3) for x in X_RANGE[:2]]
        a = 0.5
        rise = nth_derivative(cube, a + SLOPE_RUN, 2) - nth_derivative(cube, a, 2)
        corner = right.c2p(a + SLOPE_RUN, nth_derivative(cube, a, 2))
        run_line = mn.Line(right.c2p(a, nth_derivative(cube, a, 2)), corner, color=look.POINT)
        rise_line = mn.Line(corner, right.c2p(a + SLOPE_RUN, nth_derivative(cube, a + SLOPE_RUN, 2)),
                            color=look.POINT)
        run_label = get_math(plain_number(SLOPE_RUN), size=look.LABEL_SIZE + 4, color=look.POINT)
        run_label.next_to(run_line, mn.DOWN, buff=0.12)
        rise_label = get_math(plain_number(rise), size=look.LABEL_SIZE + 4, color=look.POINT)
        rise_label.next_to(rise_line, mn.RIGHT, buff=0.12)
        y3 = get_math(rf"y''' = {plain_number(third[0])}", color=look.POINT,
                      size=look.MATH_SIZE - 4).next_to(y2_name, mn.DOWN, buff=0.2)
        self.play(mn.Create(run_line), mn.Create(rise_line), mn.FadeIn(run_label),
                  mn.FadeIn(rise_label), mn.FadeIn(y3))
        self.record("third_derivative", third)
        self.record("slope_triangle", [SLOPE_RUN, rise])
        self.narrate(f"For y = x³ the bend is y'' = 6x, and its slope, the third derivative, is "
                     f"{plain_number(third[0])} everywhere.",
                     f"对 y = x³，弯曲程度是 y'' = 6x，它的斜率也就是三阶导数，处处等于 "
                     f"{plain_number(third[0])}。")
        self.narrate("So the third derivative says how fast the bending changes: here steadily, "
                     "from bending down to bending up.",
                     "所以三阶导数描述弯曲程度变化的快慢：这里是匀速地从向下弯变成向上弯。")
        note = mn.VGroup(
            get_text(tr("The course: the third derivative decides skewness.",
                        "课程说：三阶导决定“偏度”。"), size=look.LABEL_SIZE, color=look.LOSS),
            get_text(tr("Skewness belongs to a probability distribution;",
                        "偏度是概率分布的性质（三阶标准矩）；"), size=look.LABEL_SIZE),
            get_text(tr("y''' is how fast the bending y'' changes.",
                        "y''' 是弯曲程度 y'' 变化的快慢。"), size=look.LABEL_SIZE),
        ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.12)
        note.next_to(mn.VGroup(y_name, y3), mn.DOWN, buff=0.2).to_edge(mn.LEFT, buff=0.6)
        self.play(mn.FadeIn(note))
        self.narrate("The course calls this skewness. That is not right: skewness measures how "
                     "lopsided a probability distribution is.",
                     "课程把它叫作“偏度”，这并不对：偏度衡量的是概率分布的不对称程度。")

        # The course's autograd example: 27
        self.section("Autograd: 27", "自动求导：27", clear=True)
        code = code_block(CODE, size=20, comments_zh=COMMENTS_ZH, max_width=CODE_WIDTH)
        code.to_corner(mn.UL, buff=0.4)
        self.play(mn.FadeIn(code), run_time=0.8)
        slopes = [nth_derivative(cube, X_AUTOGRAD, n) for n in (1, 2, 3)]
        self.record("autograd_derivatives", slopes)
        self.narrate("Here is the course's code: the derivative of y = x³ at x = 3.",
                     "这是课程的代码：求 y = x³ 在 x = 3 处的导数。")
        self.narrate("backward() writes dy/dx into x.grad, and torch.autograd.grad returns it: "
                     f"{slopes[0]:g} both times.",
                     "backward() 把 dy/dx 写进 x.grad，torch.autograd.grad 则直接返回它："
                     f"两次都是 {slopes[0]:g}。")
        self.narrate("retain_graph=True keeps the graph after backward(), so that the second "
                     "call can run through it again.",
                     "retain_graph=True 让 backward() 之后保留计算图，第二次调用才能再走一遍。")
        (cx, cy) = CUBE_RIGHT
        axes = get_axes(list(cx), list(cy), 3.7, 4.2, y_numbers=True)
        axes.to_corner(mn.UR, buff=0.5)
        cxs = np.linspace(cx[0], cx[1], SAMPLES)
        inside = nth_derivative(cube, cxs, 0) <= cy[1]
        curve = get_polyline(axes, cxs[inside], nth_derivative(cube, cxs[inside], 0),
                             look.FUNCTION)
        tangent = tangent_line(cube, X_AUTOGRAD)
        t_line = get_line_in_axes(axes, tangent, look.POINT)
        point = mn.Dot(axes.c2p(X_AUTOGRAD, float(cube(X_AUTOGRAD))), radius=0.08,
                       color=look.POINT)
        slope = get_math(rf"y'(3) = 3 \cdot 3^2 = {tangent.slope:g}", color=look.POINT,
                         size=look.MATH_SIZE - 4)
        slope.next_to(axes, mn.DOWN, buff=0.25)
        self.play(mn.Create(axes), mn.Create(curve))
        self.play(mn.Create(t_line), mn.FadeIn(point), mn.Write(slope))
        self.record("tangent_slope", tangent.slope)
        self.record("tangent_intercept", tangent.intercept)
        self.narrate(f"On the graph, {tangent.slope:g} is the slope of the tangent to y = x³ at "
                     "x = 3.", f"在图上，{tangent.slope:g} 就是 y = x³ 在 x = 3 处切线的斜率。")
        higher = get_math(rf"y''(3) = {slopes[1]:g},\ y'''(3) = {slopes[2]:g}",
                          color=look.THIRD, size=look.MATH_SIZE - 4)
        higher.next_to(slope, mn.DOWN, buff=0.2)
        self.play(mn.FadeIn(higher))
        self.narrate("With create_graph=True the derivative gets a graph of its own, and autograd "
                     f"goes on: {slopes[1]:g}, then {slopes[2]:g}.",
                     "加上 create_graph=True，导数本身也有计算图，自动求导就能继续求下去："
                     f"先是 {slopes[1]:g}，然后是 {slopes[2]:g}。")
        self.wait(1.0)

    def _bands(self, axes_pair, intervals) -> mn.VGroup:
        """A tinted band over each sign interval, in both plots, with ↗ / ↘ in the left."""
        out = mn.VGroup()
        for axes in axes_pair:
            y0, y1 = axes.y_range[:2]
            for i in intervals:
                band = mn.Polygon(axes.c2p(i.start, y0), axes.c2p(i.end, y0),
                                  axes.c2p(i.end, y1), axes.c2p(i.start, y1), stroke_width=0,
                                  fill_color=SIGN_COLOURS[i.sign], fill_opacity=0.16)
                out.add(band)
        return out

    def _legend(self, order: int, intervals) -> mn.VGroup:
        """What each band's sign means: a swatch, the sign in TeX, the words beside it."""
        prime = "'" * order
        rows = mn.VGroup()
        for sign in sorted({i.sign for i in intervals}, reverse=True):
            swatch = mn.Square(0.3, stroke_width=0, fill_color=SIGN_COLOURS[sign],
                               fill_opacity=0.6)
            rel = ">" if sign > 0 else "<"
            words = get_text(("：" if self.lang == "zh" else ": ") + tr(*SIGN_WORDS[order, sign]),
                             size=look.LABEL_SIZE)
            rows.add(mn.VGroup(swatch, get_math(rf"f{prime} {rel} 0", size=look.MATH_SIZE - 8),
                               words).arrange(mn.RIGHT, buff=0.15))
        return rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.12)
