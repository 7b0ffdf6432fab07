"""The derivative as the limit of secant slopes: secants of y = x^2 through x0 = 1 turn into
the tangent as h shrinks."""

from __future__ import annotations

import manim as mn

from mathcore.calculus import secant_line, tangent_line
from mathcore.functions import power, sample_curve
from scenes.common import (
    LectureScene,
    get_axes,
    get_counter,
    get_line_in_axes,
    get_math,
    look,
    plain_number,
    round_sig,
)

# Numbers the scene uses.
X0 = 1.0
H_VALUES = (2.0, 1.0, 0.5, 0.25, 0.1, 0.01)
H_LEFT = (-0.5, -0.1, -0.01)  # h below 0: Q left of P
X_RANGE, Y_RANGE = (-1.0, 3.5, 1.0), (-1.0, 9.0, 2.0)


class SecantToTangent(LectureScene):
    """Secants through P = (1, 1) and Q = (1 + h, (1 + h)^2) approach the tangent, slope 2."""

    TITLE = ("From secant to tangent", "从割线到切线")

    def construct(self) -> None:
        f = power(2)
        self.show_title()

        # Set up the curve and the point P
        self.section("A secant", "割线")
        axes = get_axes(list(X_RANGE), list(Y_RANGE), 6.0, 4.5)
        axes.to_corner(mn.UL, buff=0.45).shift(0.25 * mn.RIGHT)
        (piece,) = sample_curve(f, X_RANGE[0], X_RANGE[1], 200, y_window=Y_RANGE[:2])
        curve = axes.plot_line_graph(piece[:, 0], piece[:, 1], add_vertex_dots=False,
                                     line_color=look.FUNCTION, stroke_width=4)
        formula = get_math(r"f(x) = x^2", color=look.FUNCTION)
        p_dot = mn.Dot(axes.c2p(X0, float(f(X0))), radius=0.09, color=look.POINT)
        p_label = get_math("P", size=look.LABEL_SIZE + 4, color=look.POINT)
        p_label.next_to(p_dot, mn.RIGHT + 0.4 * mn.DOWN, buff=0.12)
        self.play(mn.Create(axes), run_time=1.0)
        self.play(mn.Create(curve), mn.FadeIn(p_dot), mn.FadeIn(p_label))

        h = mn.ValueTracker(H_VALUES[0])
        q_dot = mn.always_redraw(lambda: mn.Dot(
            axes.c2p(X0 + h.get_value(), float(f(X0 + h.get_value()))), radius=0.09,
            color=look.SECOND))
        secant = mn.always_redraw(lambda: get_line_in_axes(
            axes, secant_line(f.fn, X0, h.get_value()), look.SECOND))
        h_counter = get_counter("h", H_VALUES[0], digits=2, color=look.SECOND)
        slope_counter = get_counter(r"\frac{\Delta y}{\Delta x}", secant_line(f.fn, X0, H_VALUES[0]).slope,
                                    digits=2, color=look.SECOND)
        quotient = get_math(r"\frac{f(x_0+h)-f(x_0)}{h}", color=look.SECOND)
        panel = mn.VGroup(formula, quotient, h_counter, slope_counter)
        panel.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35).to_corner(mn.UR, buff=0.6)
        panel.shift(0.6 * mn.LEFT)
        h_counter[1].add_updater(lambda m: m.set_value(h.get_value()))
        slope_counter[1].add_updater(
            lambda m: m.set_value(secant_line(f.fn, X0, h.get_value()).slope))
        q_label = mn.always_redraw(lambda: get_math("Q", size=look.LABEL_SIZE + 4,
                                                    color=look.SECOND).next_to(q_dot, mn.LEFT,
                                                                               buff=0.12))
        self.play(mn.Create(secant), mn.FadeIn(q_dot), mn.FadeIn(q_label), mn.FadeIn(panel))
        self.record("h", H_VALUES[0])
        self.record("slope", secant_line(f.fn, X0, H_VALUES[0]).slope)
        p_xy = (X0, float(f(X0)))
        self.record("P", p_xy)
        self.narrate(f"On f(x) = x², take the point P = ({p_xy[0]:g}, {p_xy[1]:g}), at "
                     f"x₀ = {X0:g}.",
                     f"在 f(x) = x² 上取点 P = ({p_xy[0]:g}, {p_xy[1]:g})，也就是 x₀ = {X0:g}。")
        self.narrate("A secant joins P to a second point Q of the curve, whose x-coordinate is "
                     "x₀ + h.",
                     "割线连接 P 和曲线上横坐标为 x₀ + h 的另一点 Q。")

        # Shrink h: the secant turns towards the tangent
        self.section("Shrinking h", "让 h 变小")
        self.narrate("Its slope is the difference quotient. Now let h shrink towards 0.",
                     "割线的斜率就是差商。现在让 h 趋向 0。")
        right = self._slide(h, f, H_VALUES[1:], "")
        tangent = tangent_line(f.fn, X0)  # the limit, by autograd
        limit_text = f"{round_sig(tangent.slope):g}"
        first = secant_line(f.fn, X0, H_VALUES[0]).slope
        self.narrate(f"The slope falls from {plain_number(first)} to {plain_number(right[-1])}: "
                     f"for x² it is exactly 2 x₀ + h, so it closes in on {limit_text}.",
                     f"斜率从 {plain_number(first)} 降到 {plain_number(right[-1])}：对 x² 来说它正好"
                     f"是 2 x₀ + h，所以越来越接近 {limit_text}。")
        self.narrate("The limit must be the same from both sides: let h be negative, with Q "
                     "left of P.",
                     "极限必须两侧相同：让 h 取负值，Q 在 P 的左边。")
        left = self._slide(h, f, H_LEFT, " left")
        self.narrate(f"From the left the slopes rise to {plain_number(left[-1])}: the same "
                     f"limit, {limit_text}.",
                     f"从左侧，斜率升到 {plain_number(left[-1])}：极限相同，都是 {limit_text}。")
        h_counter[1].clear_updaters()
        slope_counter[1].clear_updaters()

        # The limit is the tangent
        self.section("The tangent", "切线")
        self.record("tangent_slope", tangent.slope)
        t_line = get_line_in_axes(axes, tangent, look.POINT, stroke_width=5)
        limit = get_math(r"f'(1) = \lim_{h\to 0}\frac{f(1+h)-f(1)}{h} = "
                         + f"{round_sig(tangent.slope):g}", color=look.POINT)
        limit.scale_to_fit_width(min(limit.width, 6.2))
        limit.next_to(panel, mn.DOWN, buff=0.45).to_edge(mn.RIGHT, buff=0.5)
        self.play(mn.FadeOut(q_dot), mn.FadeOut(q_label), mn.ReplacementTransform(secant, t_line))
        self.play(mn.Write(limit))
        self.narrate(f"In the limit the secants become the tangent at P, with slope "
                     f"f'(1) = {round_sig(tangent.slope):g}.",
                     f"取极限时，割线趋于 P 点的切线，斜率 f'(1) = {round_sig(tangent.slope):g}。")
        self.wait(1.0)

    def _slide(self, h: mn.ValueTracker, f, values, key: str) -> list[float]:
        """Move Q through the h ``values``, recording each h and secant slope under "h" + key
        and "slope" + key; the slopes, in order."""
        slopes = []
        for value in values:
            self.play(h.animate.set_value(value), run_time=1.2)
            slopes.append(secant_line(f.fn, X0, value).slope)
            self.record("h" + key, value)
            self.record("slope" + key, slopes[-1])
            self.wait(0.3)
        return slopes
