"""Taylor series: the partial sums of sin x and e^x appear term by term and hug the curve; the
error shrinks by orders of magnitude (log scale), under Lagrange's bound."""

from __future__ import annotations

import manim as mn
import numpy as np
import torch

from mathcore.calculus import (
    agreement_interval,
    error_trend,
    evaluate,
    lagrange_bound,
    nth_derivative,
    taylor_coefficients,
    taylor_error_curves,
    taylor_partial_sums,
)
from scenes.common import (
    LectureScene,
    get_counter,
    get_math,
    get_text,
    look,
    plain_number,
    tex_number,
    tr,
)
from scenes.common.curves import (
    get_band,
    get_clipped_curve,
    get_label,
    get_line_legend,
    get_plot,
    to_top_row,
)

# Numbers the scene uses.
SAMPLES = 401
TOL = 0.05  # "agrees with the function": |f - T_n| <= TOL
SIN_ORDERS = (1, 3, 5, 7, 9, 11, 13)
SIN_X, SIN_Y = (-7.0, 7.0, 1.0), (-2.0, 2.0, 1.0)
EXP_X0, EXP_ORDERS = 1.0, (0, 1, 2, 3, 4, 5)
EXP_X, EXP_Y = (-3.0, 3.0, 1.0), (-4.0, 16.0, 4.0)
ERR_ORDERS = (1, 3, 5, 7, 9)
ERR_X, ERR_LOG = (0.0, 4.0, 1.0), (-12, 2, 2)  # |error| is even in x; the log axis spans 10^-12 .. 10^2
ERR_AT = 1.0  # the point whose error is read out
TWEEN = 1.2  # seconds per added term


def _odd_terms_tex(derivs: np.ndarray, n: int) -> str:
    """T_n of sin around 0 as TeX: the term x^k / k! for each k whose derivative
    f^(k)(0) (from mathcore) is not zero, with its sign."""
    out = ""
    for k in range(n + 1):
        d = round(float(derivs[k]))
        if d == 0:
            continue
        sign = "-" if d < 0 else ("+" if out else "")
        term = "x" if k == 1 else rf"\frac{{x^{{{k}}}}}{{{k}!}}"
        out += f" {sign} {term}"
    return rf"T_{{{n}}}(x) = " + out.strip()


class TaylorSeries(LectureScene):
    """Taylor polynomials of sin x and e^x: term by term they hug the curve further out, and
    their error shrinks by orders of magnitude."""

    TITLE = ("Taylor series", "泰勒级数")

    def construct(self) -> None:
        self.show_title()
        self.idea_and_sine()
        self.exp_around_one()
        self.sine_errors()

    # The idea, then sin x term by term ------------------------------------------------------
    def _agreement(self, f, x0: float, n: int, xs: np.ndarray, key: str) -> tuple[float, float]:
        a, b = agreement_interval(f, x0, n, TOL, xs)
        self.record(key, [n, a, b])
        return a, b

    def idea_and_sine(self) -> None:
        self.section("Copying a function", "用多项式逼近函数")
        xs = np.linspace(SIN_X[0], SIN_X[1], SAMPLES)
        axes = get_plot(SIN_X, SIN_Y, 9.6, 4.4)
        curve = get_clipped_curve(axes, xs, evaluate(torch.sin, xs), look.FUNCTION, 5)
        general = to_top_row(get_math(
            r"T_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(x_0)}{k!}\,(x - x_0)^k"))
        dot = mn.Dot(axes.c2p(0, float(evaluate(torch.sin, 0.0))), radius=0.09, color=look.POINT)
        x0_label = get_label("x_0 = 0", look.POINT)
        x0_label.next_to(dot, mn.UL, buff=0.15)
        legend = get_line_legend([(r"\sin x", look.FUNCTION, False), (r"T_n(x)", look.POINT, False)])
        legend.next_to(axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP).shift(0.3 * mn.DOWN)
        self.play(mn.Create(axes), run_time=1.0)
        self.play(mn.Create(curve), mn.FadeIn(dot), mn.FadeIn(x0_label), mn.FadeIn(legend[0]))
        self.play(mn.Write(general))
        self.narrate("A Taylor polynomial copies a function near one point x₀, using only the "
                     "function's derivatives at that point.",
                     "泰勒多项式只用函数在一点 x₀ 处的各阶导数，就能在这点附近逼近这个函数。")
        self.narrate("Term k is the k-th derivative at x₀, divided by k factorial, times "
                     "(x − x₀) to the k.",
                     "第 k 项是 x₀ 处的 k 阶导数除以 k 的阶乘，再乘以 (x − x₀) 的 k 次方。")
        self.narrate("Then the polynomial has the same derivatives at x₀ as the function.",
                     "这样，多项式在 x₀ 处的各阶导数就与函数相同。")

        # Add the terms of sin x one by one
        self.section("sin x, term by term", "sin x：逐项相加")
        n_max = max(SIN_ORDERS)
        coeffs = taylor_coefficients(torch.sin, 0.0, n_max)
        derivs = np.array([nth_derivative(torch.sin, 0.0, k) for k in range(n_max + 1)])
        self.record("sin_coefficients", coeffs)
        self.record("sin_derivatives", derivs)
        even_zero = bool(np.all(coeffs[::2] == 0))
        self.record("sin_even_terms_vanish", even_zero)
        sums = taylor_partial_sums(torch.sin, 0.0, SIN_ORDERS, xs)
        n0 = SIN_ORDERS[0]
        poly = get_clipped_curve(axes, xs, sums[0], look.POINT, 4)
        band = get_band(axes, *self._agreement(torch.sin, 0.0, n0, xs, "sin_agreement"))
        formula = to_top_row(get_math(_odd_terms_tex(derivs, n0), color=look.POINT))
        self.play(mn.FadeOut(general), mn.FadeIn(formula), mn.FadeIn(legend[1]),
                  mn.FadeIn(band), mn.Create(poly))
        self.bring_to_back(band)
        if even_zero:
            self.narrate("Around 0 every even derivative of sin x is zero, so only odd powers "
                         "appear, with alternating signs.",
                         "在 0 处 sin x 的偶数阶导数都为零，所以只出现奇数次幂，符号正负交替。")
        for i, n in enumerate(SIN_ORDERS[1:], start=1):
            new_band = get_band(axes, *self._agreement(torch.sin, 0.0, n, xs, "sin_agreement"))
            self.play(mn.Transform(poly, get_clipped_curve(axes, xs, sums[i], look.POINT, 4)),
                      mn.Transform(band, new_band),
                      mn.Transform(formula, to_top_row(get_math(_odd_terms_tex(derivs, n),
                                                               color=look.POINT))),
                      run_time=TWEEN)
        widths = np.diff(np.array(self.recorded["sin_agreement"])[:, 1:], axis=1).ravel()
        widening = error_trend(widths) == 1  # strictly wider with every term
        self.record("sin_agreement_widens", widening)
        a, b = self.recorded["sin_agreement"][-1][1:]
        self.narrate("Each step matches two more derivatives, and the yellow band, where they "
                     f"agree to within {TOL}, {'widens' if widening else 'changes'}.",
                     f"每加一个非零项（次数加 2），就多对上两阶导数，两者相差不到 {TOL} 的黄色区域"
                     f"{'随之变宽' if widening else '随之变化'}。")
        self.narrate(f"Up to degree {n_max} they agree from x = {plain_number(a)} to "
                     f"{plain_number(b)}; further out the polynomial still runs away.",
                     f"加到 {n_max} 次项时，两者在 x = {plain_number(a)} 到 {plain_number(b)} "
                     "之间吻合；再往外多项式仍会跑开。")

    # e^x around x0 = 1 ---------------------------------------------------------------------
    def exp_around_one(self) -> None:
        self.section(f"The exponential around x = {EXP_X0:g}", f"指数函数在 x = {EXP_X0:g} 处展开",
                     clear=True)
        xs = np.linspace(EXP_X[0], EXP_X[1], SAMPLES)
        axes = get_plot(EXP_X, EXP_Y, 8.4, 4.4)
        curve = get_clipped_curve(axes, xs, evaluate(torch.exp, xs), look.FUNCTION, 5)
        n_max = max(EXP_ORDERS)
        coeffs = taylor_coefficients(torch.exp, EXP_X0, n_max)
        derivs = np.array([nth_derivative(torch.exp, EXP_X0, k) for k in range(n_max + 1)])
        self.record("exp_coefficients", coeffs)
        self.record("exp_derivatives", derivs)
        all_e = bool(np.allclose(derivs, derivs[0], rtol=1e-12))
        self.record("exp_derivatives_equal", all_e)
        y0 = float(evaluate(torch.exp, EXP_X0))
        dot = mn.Dot(axes.c2p(EXP_X0, y0), radius=0.09, color=look.POINT)
        x0_label = get_label(f"x_0 = {EXP_X0:g}", look.POINT)
        x0_label.next_to(dot, mn.UL, buff=0.15)
        formula = to_top_row(get_math(
            r"T_n(x) = \sum_{k=0}^{n} \frac{e}{k!}\,(x - 1)^k" if all_e else
            r"T_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(1)}{k!}\,(x - 1)^k"))
        deriv_text = get_math(rf"f^{{(k)}}(1) = e \approx {tex_number(derivs[0], 4)}"
                              if all_e else r"f^{(k)}(1)", color=look.FUNCTION)
        counter = get_counter("n", EXP_ORDERS[0], digits=0, color=look.POINT)
        legend = get_line_legend([(r"e^x", look.FUNCTION, False), (r"T_n(x)", look.POINT, False)])
        panel = mn.VGroup(deriv_text, counter, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                                buff=0.45)
        panel.next_to(axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP).shift(0.3 * mn.DOWN)
        self.play(mn.Create(axes), mn.Create(curve), mn.FadeIn(dot), mn.FadeIn(x0_label),
                  mn.FadeIn(legend[0]))
        self.play(mn.Write(formula), mn.FadeIn(deriv_text))
        self.narrate(f"Any point will do. Around x₀ = {EXP_X0:g}, every derivative of eˣ "
                     f"equals e, about {plain_number(derivs[0], 4)}.",
                     f"展开点可以任选。在 x₀ = {EXP_X0:g} 处，eˣ 的各阶导数都等于 e ≈ "
                     f"{plain_number(derivs[0], 4)}。")
        self.narrate("So the coefficient of term k is simply e divided by k factorial.",
                     "所以第 k 项的系数就是 e 除以 k 的阶乘。")
        sums = taylor_partial_sums(torch.exp, EXP_X0, EXP_ORDERS, xs)
        poly = get_clipped_curve(axes, xs, sums[0], look.POINT, 4)
        band = get_band(axes, *self._agreement(torch.exp, EXP_X0, EXP_ORDERS[0], xs,
                                            "exp_agreement"))
        self.add(band)
        self.bring_to_back(band)
        self.play(mn.Create(poly), mn.FadeIn(counter), mn.FadeIn(legend[1]), mn.FadeIn(band))
        for i, n in enumerate(EXP_ORDERS[1:], start=1):
            new_band = get_band(axes, *self._agreement(torch.exp, EXP_X0, n, xs, "exp_agreement"))
            self.play(mn.Transform(poly, get_clipped_curve(axes, xs, sums[i], look.POINT, 4)),
                      mn.Transform(band, new_band),
                      mn.ChangeDecimalToValue(counter[1], n),
                      run_time=TWEEN)
        self.narrate("A constant, the tangent line, a parabola, a cubic: each term lets the "
                     "polynomial follow eˣ further.",
                     "先是常数，然后是切线、抛物线、三次曲线：每加一项，多项式就在离 x₀ 更远处"
                     "贴住 eˣ。")

    # The error on a logarithmic scale -------------------------------------------------------
    def sine_errors(self) -> None:
        self.section("How fast the error shrinks", "误差缩小得多快", clear=True)
        xs = np.linspace(ERR_X[0], ERR_X[1], SAMPLES)
        axes = get_plot(ERR_X, ERR_LOG, 6.4, 3.9, y_log=True,
                          y_label=r"|\sin x - T_n(x)|")
        errors = taylor_error_curves(torch.sin, 0.0, ERR_ORDERS, xs)
        at = taylor_error_curves(torch.sin, 0.0, ERR_ORDERS, ERR_AT)
        bounds = np.array([lagrange_bound(1.0, 0.0, n, ERR_AT) for n in ERR_ORDERS])
        self.record("sin_error_orders", ERR_ORDERS)
        self.record("sin_error_at_1", at)
        self.record("sin_bound_at_1", bounds)
        below = bool(np.all(at <= bounds))
        self.record("sin_error_below_bound", below)
        title = to_top_row(get_math(r"|\sin x - T_n(x)| \le \frac{|x|^{n+1}}{(n+1)!}"
                                   if below else r"|\sin x - T_n(x)|"))
        marker = mn.DashedLine(axes.c2p(ERR_AT, 10.0 ** ERR_LOG[0]),
                               axes.c2p(ERR_AT, 10.0 ** ERR_LOG[1]), color=look.MUTED,
                               stroke_width=2, dash_length=0.08)

        counter = get_counter("n", ERR_ORDERS[0], digits=0, color=look.POINT)
        counter.next_to(axes, mn.RIGHT, buff=0.6).align_to(axes, mn.UP).shift(0.2 * mn.DOWN)

        def readout(i: int) -> mn.VGroup:
            n = ERR_ORDERS[i]
            rows = mn.VGroup(
                get_math(rf"|\sin 1 - T_{{{n}}}(1)| = {tex_number(at[i])}", color=look.LOSS,
                         size=look.MATH_SIZE - 6),
                get_math(rf"\frac{{1}}{{{n + 1}!}} = {tex_number(bounds[i])}",
                         color=look.SECOND, size=look.MATH_SIZE - 6),
            ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
            return rows.next_to(counter, mn.DOWN, buff=0.35, aligned_edge=mn.LEFT)

        def err_curve(i: int) -> mn.VMobject:
            return get_clipped_curve(axes, xs, errors[i], look.LOSS, 4, log=True)

        def bound_curve(i: int) -> mn.VMobject:
            return mn.DashedVMobject(get_clipped_curve(axes, xs, lagrange_bound(1.0, 0.0, ERR_ORDERS[i], xs),
                                             look.SECOND, 3, log=True), num_dashes=60)

        def err_dot(i: int) -> mn.Dot:
            return mn.Dot(axes.c2p(ERR_AT, float(at[i])), radius=0.08, color=look.LOSS)

        legend = get_line_legend([(get_text(tr("error", "误差"), size=look.LABEL_SIZE, color=look.LOSS),
                           look.LOSS,
                           False),
                          (r"\frac{|x|^{n+1}}{(n+1)!}", look.SECOND, True)])
        panel = readout(0)
        legend.next_to(panel, mn.DOWN, buff=0.6, aligned_edge=mn.LEFT)
        curve, bound, dot = err_curve(0), bound_curve(0), err_dot(0)
        self.play(mn.Create(axes), mn.FadeIn(title), mn.Create(marker), run_time=1.0)
        self.play(mn.Create(curve), mn.Create(bound), mn.FadeIn(dot), mn.FadeIn(counter),
                  mn.FadeIn(panel), mn.FadeIn(legend))
        self.narrate("Now the error of the sine's polynomials, on a log scale: each tick down "
                     "is a hundred times smaller.",
                     "再看 sin x 的多项式的误差，纵轴取对数刻度：每往下一格，误差缩小一百倍。")
        ghosts = mn.VGroup()
        for i in range(1, len(ERR_ORDERS)):
            ghost = curve.copy().set_stroke(opacity=0.3, width=2)
            ghosts.add(ghost)
            self.add(ghost)
            self.play(mn.Transform(curve, err_curve(i)), mn.Transform(bound, bound_curve(i)),
                      mn.Transform(dot, err_dot(i)), mn.Transform(panel, readout(i)),
                      mn.ChangeDecimalToValue(counter[1], ERR_ORDERS[i]),
                      run_time=TWEEN * 1.3)
        ratios = at[:-1] / at[1:]
        self.record("sin_error_ratio_per_step", ratios)
        factor = int(np.floor(ratios.min()))
        self.narrate(f"At x = {ERR_AT:g}, each step makes the error at least {factor} times "
                     f"smaller: {plain_number(at[0])} falls to {plain_number(at[-1])}.",
                     f"在 x = {ERR_AT:g} 处，每加两项误差至少缩小 {factor} 倍：从 "
                     f"{plain_number(at[0])} 降到 {plain_number(at[-1])}。")
        self.narrate("And it always stays under the dashed curve, Lagrange's bound on the "
                     "remainder." if below else
                     "It does not stay under Lagrange's bound.",
                     "误差始终在拉格朗日余项上界（虚线）之下。" if below else
                     "误差没有始终在拉格朗日余项上界之下。")
