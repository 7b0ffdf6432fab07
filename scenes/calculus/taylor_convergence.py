"""Where a Taylor series converges: the partial sums of log(1 + x) close in on the curve inside
its radius of convergence R = 1 and swing ever wider beyond it, where adding terms makes the
error worse (the source text's "a series represents the function" holds only inside R)."""

from __future__ import annotations

import manim as mn
import numpy as np
import torch

from mathcore.calculus import (
    error_trend,
    evaluate,
    radius_of_convergence,
    taylor_coefficients,
    taylor_error_curves,
    taylor_partial_sums,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_counter,
    get_math,
    look,
    plain_number,
    tex_number,
)
from scenes.common.curves import (
    PLOT_TOP,
    get_clipped_curve,
    get_label,
    get_line_legend,
    get_plot,
    to_top_row,
)

# Numbers the scene uses.
SAMPLES = 401
LOG_ORDERS = tuple(range(1, 11))
LOG_X, LOG_Y = (-1.0, 2.0, 0.5), (-3.0, 3.0, 1.0)
INSIDE, OUTSIDE = 0.5, 1.8  # where the log(1 + x) errors are compared
ERR_N_LOG = (-5, 2, 1)  # the error-against-n axis spans 10^-5 .. 10^2
TWEEN = 1.0  # seconds per added term


def _log_terms_tex(coeffs: np.ndarray, shown: int = 4) -> str:
    """T_n of log(1 + x) around 0 as TeX: the first ``shown`` terms, each coefficient
    c_k = ±1/k printed as its sign and its denominator 1/|c_k| (from mathcore), then the
    general term."""
    parts = []
    for k in range(1, shown + 1):
        c = float(coeffs[k])
        den = round(1 / abs(c))
        sign = "-" if c < 0 else ("" if k == 1 else "+")
        parts.append(f"{sign} " + (f"x^{{{k}}}" if den == 1 else rf"\frac{{x^{{{k}}}}}{{{den}}}")
                     .replace("x^{1}", "x"))
    return r"T_n(x) = " + " ".join(parts) + r" + \cdots + (-1)^{n+1}\,\frac{x^n}{n}"


class TaylorConvergence(LectureScene):
    """The series of log(1 + x) around 0: radius of convergence 1; beyond it more terms are
    worse."""

    TITLE = ("Where a Taylor series converges", "泰勒级数的收敛范围")

    def construct(self) -> None:
        self.show_title()

        # The series of log(1 + x) and its radius of convergence
        self.section("Where the series gives up", "级数失效的地方")
        xs = np.linspace(LOG_X[0], LOG_X[1], SAMPLES)[1:]  # log(1 + x) is undefined at -1
        axes = get_plot(LOG_X, LOG_Y, 6.0, 4.4)
        curve = get_clipped_curve(axes, xs, evaluate(torch.log1p, xs), look.FUNCTION, 5)
        n_max = max(LOG_ORDERS)
        coeffs = taylor_coefficients(torch.log1p, 0.0, n_max)
        radius = radius_of_convergence(coeffs)
        self.record("log_coefficients", coeffs)
        self.record("log_radius", radius)
        # the dashed line x = R, broken where it would cross the x axis' numbers
        gap = axes.c2p(radius, 0) + 0.55 * mn.DOWN
        rline = mn.VGroup(*[mn.DashedLine(a, b, color=look.TEXT, stroke_width=3,
                                          dash_length=0.1)
                            for a, b in ((axes.c2p(radius, LOG_Y[0]), gap),
                                         (axes.c2p(radius, 0), axes.c2p(radius, LOG_Y[1])))])
        r_label = get_label(rf"R = {tex_number(radius)}")
        r_label.next_to(rline, mn.UP, buff=0.1).shift(0.5 * mn.RIGHT)
        inside = mn.Rectangle(width=axes.c2p(radius, 0)[0] - axes.c2p(-radius, 0)[0],
                              height=axes.y_length, stroke_width=0, fill_color=look.GRADIENT,
                              fill_opacity=0.12)
        inside.move_to(axes.c2p(0, 0)).align_to(rline, mn.RIGHT).set_y(
            axes.c2p(0, (LOG_Y[0] + LOG_Y[1]) / 2)[1])
        sums = taylor_partial_sums(torch.log1p, 0.0, LOG_ORDERS, xs)
        formula = to_top_row(get_math(_log_terms_tex(coeffs), color=look.POINT))
        legend = get_line_legend([(r"\ln(1 + x)", look.FUNCTION, False),
                                  (r"T_n(x)", look.POINT, False)])
        counter = get_counter("n", LOG_ORDERS[0], digits=0, color=look.POINT)
        panel = mn.VGroup(counter, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.45)
        panel.next_to(axes, mn.RIGHT, buff=1.0).align_to(axes, mn.UP).shift(0.3 * mn.DOWN)
        poly = get_clipped_curve(axes, xs, sums[0], look.POINT, 4)
        self.play(mn.Create(axes), mn.Create(curve), mn.FadeIn(legend[0]), run_time=1.2)
        self.play(mn.FadeIn(formula), mn.Create(poly), mn.FadeIn(legend[1]), mn.FadeIn(counter))
        self.narrate("For sin x and e to the x, enough terms copy the function at any x. Not so "
                     "for ln(1 + x).",
                     "对 sin x 和 eˣ，项取得足够多，在任何 x 处都能复现函数。ln(1 + x) 却不然。")
        self.narrate("Its series around 0 has the coefficients plus or minus one over k.",
                     "它在 0 处展开的系数是正负交替的 1/k。")
        for i, n in enumerate(LOG_ORDERS[1:], start=1):
            self.play(mn.Transform(poly, get_clipped_curve(axes, xs, sums[i], look.POINT, 4)),
                      mn.ChangeDecimalToValue(counter[1], n),
                      run_time=TWEEN * 0.8)
        self.add(inside)
        self.bring_to_back(inside)
        self.play(mn.FadeIn(inside), mn.Create(rline), mn.FadeIn(r_label))
        self.narrate(f"Its radius of convergence is R = {plain_number(radius)}. Inside, the "
                     "partial sums close in on the curve;",
                     f"它的收敛半径 R = {plain_number(radius)}。在区间内，部分和越来越贴近曲线；")
        self.narrate(f"beyond x = {plain_number(radius)}, they swing wider and wider with every "
                     "added term.",
                     f"超过 x = {plain_number(radius)} 之后，每加一项摆动就更大。")
        singular = -1.0  # log(1 + x) blows up at x = -1
        reach = abs(0.0 - singular)
        self.record("distance_to_singularity", reach)
        if abs(reach - radius) < 1e-6:
            self.narrate(f"Why {plain_number(radius)}? At x = {plain_number(singular)}, that far "
                         "from the centre, ln(1 + x) goes to minus infinity;",
                         f"为什么是 {plain_number(radius)}？在离中心这么远的 x = "
                         f"{plain_number(singular)} 处，ln(1 + x) 趋于负无穷；")
            self.narrate("the series cannot reach past that distance, on either side.",
                         "级数在两侧都无法越过这个距离。")

        # The errors at one point inside and one outside, against the number of terms
        self.section("More terms, worse", "项越多反而越差")
        err_in = taylor_error_curves(torch.log1p, 0.0, LOG_ORDERS, INSIDE)
        err_out = taylor_error_curves(torch.log1p, 0.0, LOG_ORDERS, OUTSIDE)
        trend_in, trend_out = error_trend(err_in), error_trend(err_out)
        self.record("log_error_orders", LOG_ORDERS)
        self.record("log_error_inside", err_in)
        self.record("log_error_outside", err_out)
        self.record("log_error_trend_inside", trend_in)
        self.record("log_error_trend_outside", trend_out)
        self.record("log_compare_points", [INSIDE, OUTSIDE])
        self.play(mn.FadeOut(panel))
        marks = mn.VGroup()
        for x, colour in ((INSIDE, look.THIRD), (OUTSIDE, look.LOSS)):
            y_curve = float(evaluate(torch.log1p, x))
            y_poly = float(sums[-1][np.argmin(np.abs(xs - x))])
            y_poly = float(np.clip(y_poly, *LOG_Y[:2]))
            marks.add(mn.Line(axes.c2p(x, y_curve), axes.c2p(x, y_poly), color=colour,
                              stroke_width=6),
                      mn.Dot(axes.c2p(x, y_curve), radius=0.07, color=colour))
        n_axes = get_axes([0, LOG_ORDERS[-1] + 1, 2], list(ERR_N_LOG), 4.4, 3.9,
                          x_label=get_label("n"), y_label=get_label(r"|\ln(1+x) - T_n|"), y_log=True)
        n_axes.next_to([0, PLOT_TOP, 0], mn.DOWN, buff=0).to_edge(mn.RIGHT, buff=0.5)

        def series(errs: np.ndarray, colour: str, x: float) -> mn.VGroup:
            pts = [n_axes.c2p(n, float(e)) for n, e in zip(LOG_ORDERS, errs, strict=True)]
            line = mn.VMobject(stroke_color=colour, stroke_width=3).set_points_as_corners(pts)
            dots = mn.VGroup(*[mn.Dot(p, radius=0.07, color=colour) for p in pts])
            label = get_label(f"x = {x:g}", colour)
            # on the open side of the line: above a rising one, below a falling one
            label.next_to(pts[len(pts) // 2], mn.UL if errs[-1] > errs[0] else mn.DL, buff=0.15)
            return mn.VGroup(line, dots, label)

        s_in, s_out = series(err_in, look.THIRD, INSIDE), series(err_out, look.LOSS, OUTSIDE)
        self.play(mn.Create(n_axes), mn.Create(marks), run_time=1.0)
        self.play(mn.Create(s_in), mn.Create(s_out), run_time=2.0)
        words = {1: ("grows", "增大"), -1: ("shrinks", "减小"), 0: ("goes up and down", "时升时降")}
        self.narrate(f"At x = {INSIDE:g}, the error {words[trend_in][0]} with every term, to "
                     f"{plain_number(err_in[-1])} with {len(LOG_ORDERS)} terms.",
                     f"在 x = {INSIDE:g} 处，误差每加一项都{words[trend_in][1]}，"
                     f"{len(LOG_ORDERS)} 项时为 {plain_number(err_in[-1])}。")
        self.narrate(f"At x = {OUTSIDE:g}, it {words[trend_out][0]} with every term, to "
                     f"{plain_number(err_out[-1])}.",
                     f"在 x = {OUTSIDE:g} 处，误差每加一项都{words[trend_out][1]}，达到 "
                     f"{plain_number(err_out[-1])}。")
        worse = trend_out == 1 and OUTSIDE > radius
        self.record("worse_beyond_radius", worse)
        if worse:
            self.narrate(f"Beyond x = {plain_number(radius)}, adding terms makes it worse: "
                         "there the series does not give ln(1 + x).",
                         f"超过 x = {plain_number(radius)} 后，项越多反而越差：级数在那里"
                         "不等于 ln(1 + x)。")
        lo, hi = "−" + plain_number(radius), plain_number(radius)
        self.narrate(f"Here the series equals ln(1 + x) for {lo} < x ≤ {hi} and nowhere else: "
                     "beyond its radius, a Taylor series cannot be trusted.",
                     f"这里级数只在 {lo} < x ≤ {hi} 上等于 ln(1 + x)：超出收敛半径，"
                     "泰勒级数就不能再用了。",
                     say_en=f"Here the series equals the natural log of 1 plus x for x above "
                            f"minus {hi}, up to and including {hi}, and nowhere else: beyond "
                            "its radius, a Taylor series cannot be trusted.",
                     say_zh=f"这里级数只在 x 大于负 {hi}、并且不超过 {hi} 时等于 1 加 x 的自然对数："
                            "超出收敛半径，泰勒级数就不能再用了。")
