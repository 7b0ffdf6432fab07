"""Taylor series: the partial sums of sin x, e^x and log(1 + x) appear term by term and hug the
curve; the error shrinks by orders of magnitude (log scale); beyond its radius of convergence
the series of log(1 + x) gets worse with every added term."""

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
    get_text,
    look,
    plain_number,
    tex_number,
    tr,
)

# Numbers the scene uses.
SAMPLES = 401
TOL = 0.05  # "agrees with the function": |f - T_n| <= TOL
SIN_ORDERS = (1, 3, 5, 7, 9, 11, 13)
SIN_X, SIN_Y = (-7.0, 7.0, 1.0), (-2.0, 2.0, 1.0)
EXP_X0, EXP_ORDERS = 1.0, (0, 1, 2, 3, 4, 5)
EXP_X, EXP_Y = (-3.0, 3.0, 1.0), (-4.0, 16.0, 4.0)
ERR_ORDERS = (1, 3, 5, 7, 9)
ERR_X, ERR_LOG = (0.0, 4.0, 1.0), (-12, 2, 2)  # the error is even in x: x >= 0 suffices  # the log axis spans 10^-12 .. 10^2
ERR_AT = 1.0  # the point whose error is read out
LOG_ORDERS = tuple(range(1, 11))
LOG_X, LOG_Y = (-1.0, 2.0, 0.5), (-3.0, 3.0, 1.0)
INSIDE, OUTSIDE = 0.5, 1.8  # where the log(1 + x) errors are compared
ERR_N_LOG = (-5, 2, 1)  # the error-against-n axis spans 10^-5 .. 10^2
LABEL = look.LABEL_SIZE + 8  # axis names and legends: a lone "x" is 10 px high at 480p
PLOT_TOP = 2.45  # top of the plots, below the formula row
TWEEN = 1.2  # seconds per added term


def _pieces(axes: mn.Axes, xs: np.ndarray, ys: np.ndarray, color: str, width: float = 4,
            log: bool = False) -> mn.VMobject:
    """y = ys(xs) drawn inside the axes' y window, one sub-path per piece that stays in it."""
    lo, hi = axes.y_range[:2]
    if log:
        lo, hi = 10.0 ** lo, 10.0 ** hi
    ok = np.isfinite(ys) & (ys >= lo) & (ys <= hi)
    mob = mn.VMobject(stroke_color=color, stroke_width=width)
    run: list[np.ndarray] = []
    for x, y, inside in zip(xs, ys, ok, strict=True):
        if inside:
            run.append(axes.c2p(float(x), float(y)))
            continue
        if len(run) >= 2:
            mob.start_new_path(run[0])
            mob.add_points_as_corners(run[1:])
        run = []
    if len(run) >= 2:
        mob.start_new_path(run[0])
        mob.add_points_as_corners(run[1:])
    if not mob.has_points():  # nothing inside: an invisible point, so Transform still works
        mob.set_points_as_corners([axes.c2p(xs[0], axes.y_range[0])] * 2).set_stroke(opacity=0)
    return mob


def _band(axes: mn.Axes, a: float, b: float, color: str = look.POINT) -> mn.Rectangle:
    """A faint vertical band over [a, b]: where the approximation agrees with the function."""
    lo, hi = axes.y_range[:2]
    p0, p1 = axes.c2p(a, lo), axes.c2p(b, hi)
    band = mn.Rectangle(width=max(p1[0] - p0[0], 1e-3), height=p1[1] - p0[1], stroke_width=0,
                        fill_color=color, fill_opacity=0.13)
    return band.move_to((p0 + p1) / 2)


def _label(tex: str, color: str = look.TEXT) -> mn.MathTex:
    """An axis or legend label, large enough that a lone lowercase letter reads at 480p."""
    return get_math(tex, color=color, size=LABEL)


def _legend(entries: list[tuple[str | mn.Mobject, str, bool]]) -> mn.VGroup:
    """Legend rows of a line swatch (dashed when asked) and a formula (or a ready text)."""
    rows = mn.VGroup()
    for tex, color, dashed in entries:
        line = mn.Line(mn.ORIGIN, 0.5 * mn.RIGHT, color=color, stroke_width=6)
        swatch = mn.DashedLine(mn.ORIGIN, 0.5 * mn.RIGHT, color=color, stroke_width=6,
                               dash_length=0.1) if dashed else line
        name = tex if isinstance(tex, mn.Mobject) else _label(tex, color)
        rows.add(mn.VGroup(swatch, name)
                 .arrange(mn.RIGHT, buff=0.2))
    return rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.2)


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


class TaylorSeries(LectureScene):
    """Taylor polynomials of sin x, e^x and log(1 + x): hugging, shrinking errors, and where
    the series of log(1 + x) stops converging."""

    TITLE = ("Taylor series", "泰勒级数")

    def construct(self) -> None:
        self.show_title()
        self.idea_and_sine()
        self.exp_around_one()
        self.sine_errors()
        self.log_series()

    # The idea, then sin x term by term ------------------------------------------------------
    def _top(self, mob: mn.Mobject) -> mn.Mobject:
        """Put a formula in the row above the plots, scaled to fit the frame."""
        mob.scale_to_fit_width(min(mob.width, mn.config.frame_width - 2 * look.MARGIN - 0.4))
        return mob.move_to([0, (mn.config.frame_height / 2 - look.MARGIN + PLOT_TOP) / 2 + 0.1,
                            0])

    def _plot(self, x_range, y_range, width: float, height: float, x_label: str = "x",
              y_label: str = "y", **kw) -> mn.Axes:
        axes = get_axes(list(x_range), list(y_range), width, height, x_label=_label(x_label),
                        y_label=_label(y_label), **kw)
        return axes.next_to([0, PLOT_TOP, 0], mn.DOWN, buff=0).to_edge(mn.LEFT, buff=0.55)

    def _agreement(self, f, x0: float, n: int, xs: np.ndarray, key: str) -> tuple[float, float]:
        a, b = agreement_interval(f, x0, n, TOL, xs)
        self.record(key, [n, a, b])
        return a, b

    def idea_and_sine(self) -> None:
        self.section("Copying a function", "用多项式模仿函数")
        xs = np.linspace(SIN_X[0], SIN_X[1], SAMPLES)
        axes = self._plot(SIN_X, SIN_Y, 9.6, 4.4)
        curve = _pieces(axes, xs, evaluate(torch.sin, xs), look.FUNCTION, 5)
        general = self._top(get_math(
            r"T_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(x_0)}{k!}\,(x - x_0)^k"))
        dot = mn.Dot(axes.c2p(0, float(evaluate(torch.sin, 0.0))), radius=0.09, color=look.POINT)
        x0_label = _label("x_0 = 0", look.POINT)
        x0_label.next_to(dot, mn.UL, buff=0.15)
        legend = _legend([(r"\sin x", look.FUNCTION, False), (r"T_n(x)", look.POINT, False)])
        legend.next_to(axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP).shift(0.3 * mn.DOWN)
        self.play(mn.Create(axes), run_time=1.0)
        self.play(mn.Create(curve), mn.FadeIn(dot), mn.FadeIn(x0_label), mn.FadeIn(legend[0]))
        self.play(mn.Write(general))
        self.narrate("A Taylor polynomial copies a function near one point x0, using only the "
                     "function's derivatives at that point.",
                     "泰勒多项式只用函数在一点 x0 处的各阶导数，就能在这点附近模仿这个函数。")
        self.narrate("Term k is the k-th derivative over k factorial: then the polynomial has "
                     "the function's derivatives at x0.",
                     "第 k 项是 k 阶导数除以 k 的阶乘，所以多项式在 x0 处的各阶导数与函数相同。")

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
        poly = _pieces(axes, xs, sums[0], look.POINT, 4)
        band = _band(axes, *self._agreement(torch.sin, 0.0, n0, xs, "sin_agreement"))
        formula = self._top(get_math(_odd_terms_tex(derivs, n0), color=look.POINT))
        self.play(mn.FadeOut(general), mn.FadeIn(formula), mn.FadeIn(legend[1]),
                  mn.FadeIn(band), mn.Create(poly))
        self.bring_to_back(band)
        if even_zero:
            self.narrate("Around 0 every even derivative of sin x is zero, so only odd powers "
                         "appear, with alternating signs.",
                         "在 0 处 sin x 的偶数阶导数都为零，所以只出现奇数次幂，符号正负交替。")
        for i, n in enumerate(SIN_ORDERS[1:], start=1):
            new_band = _band(axes, *self._agreement(torch.sin, 0.0, n, xs, "sin_agreement"))
            self.play(mn.Transform(poly, _pieces(axes, xs, sums[i], look.POINT, 4)),
                      mn.Transform(band, new_band),
                      mn.Transform(formula, self._top(get_math(_odd_terms_tex(derivs, n),
                                                               color=look.POINT))),
                      run_time=TWEEN)
        widths = np.diff(np.array(self.recorded["sin_agreement"])[:, 1:], axis=1).ravel()
        widening = error_trend(widths) == 1  # strictly wider with every term
        self.record("sin_agreement_widens", widening)
        a, b = self.recorded["sin_agreement"][-1][1:]
        self.narrate("Each step matches two more derivatives, and the yellow band, where they "
                     f"agree to within {TOL}, {'widens' if widening else 'changes'}.",
                     f"每多两项就多对上两阶导数，两者相差不到 {TOL} 的黄色区域"
                     f"{'随之变宽' if widening else '随之变化'}。")
        self.narrate(f"Up to degree {n_max} they agree from x = {plain_number(a)} to "
                     f"{plain_number(b)}; further out the polynomial still runs away.",
                     f"加到 {n_max} 次项时，两者在 x = {plain_number(a)} 到 {plain_number(b)} "
                     "之间吻合；再往外多项式仍会跑开。")

    # e^x around x0 = 1 ---------------------------------------------------------------------
    def exp_around_one(self) -> None:
        self.section("e^x around x0 = 1", "e^x 在 x0 = 1 处展开", clear=True)
        xs = np.linspace(EXP_X[0], EXP_X[1], SAMPLES)
        axes = self._plot(EXP_X, EXP_Y, 8.4, 4.4)
        curve = _pieces(axes, xs, evaluate(torch.exp, xs), look.FUNCTION, 5)
        n_max = max(EXP_ORDERS)
        coeffs = taylor_coefficients(torch.exp, EXP_X0, n_max)
        derivs = np.array([nth_derivative(torch.exp, EXP_X0, k) for k in range(n_max + 1)])
        self.record("exp_coefficients", coeffs)
        self.record("exp_derivatives", derivs)
        all_e = bool(np.allclose(derivs, derivs[0], rtol=1e-12))
        self.record("exp_derivatives_equal", all_e)
        y0 = float(evaluate(torch.exp, EXP_X0))
        dot = mn.Dot(axes.c2p(EXP_X0, y0), radius=0.09, color=look.POINT)
        x0_label = _label(f"x_0 = {EXP_X0:g}", look.POINT)
        x0_label.next_to(dot, mn.DR, buff=0.15)
        formula = self._top(get_math(
            r"T_n(x) = \sum_{k=0}^{n} \frac{e}{k!}\,(x - 1)^k" if all_e else
            r"T_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(1)}{k!}\,(x - 1)^k"))
        deriv_text = get_math(rf"f^{{(k)}}(1) = e \approx {tex_number(derivs[0], 4)}"
                              if all_e else r"f^{(k)}(1)", color=look.FUNCTION)
        counter = get_counter("n", EXP_ORDERS[0], digits=0, color=look.POINT)
        legend = _legend([(r"e^x", look.FUNCTION, False), (r"T_n(x)", look.POINT, False)])
        panel = mn.VGroup(deriv_text, counter, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                                buff=0.45)
        panel.next_to(axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP).shift(0.3 * mn.DOWN)
        self.play(mn.Create(axes), mn.Create(curve), mn.FadeIn(dot), mn.FadeIn(x0_label),
                  mn.FadeIn(legend[0]))
        self.play(mn.Write(formula), mn.FadeIn(deriv_text))
        self.narrate(f"Any point will do. Around x0 = {EXP_X0:g}, every derivative of e^x "
                     f"equals e, about {plain_number(derivs[0], 4)}.",
                     f"展开点可以任选。在 x0 = {EXP_X0:g} 处，e^x 的各阶导数都等于 e ≈ "
                     f"{plain_number(derivs[0], 4)}。")
        self.narrate("So the coefficient of term k is simply e divided by k factorial.",
                     "所以第 k 项的系数就是 e 除以 k 的阶乘。")
        sums = taylor_partial_sums(torch.exp, EXP_X0, EXP_ORDERS, xs)
        poly = _pieces(axes, xs, sums[0], look.POINT, 4)
        band = _band(axes, *self._agreement(torch.exp, EXP_X0, EXP_ORDERS[0], xs,
                                            "exp_agreement"))
        self.add(band)
        self.bring_to_back(band)
        self.play(mn.Create(poly), mn.FadeIn(counter), mn.FadeIn(legend[1]), mn.FadeIn(band))
        for i, n in enumerate(EXP_ORDERS[1:], start=1):
            new_band = _band(axes, *self._agreement(torch.exp, EXP_X0, n, xs, "exp_agreement"))
            self.play(mn.Transform(poly, _pieces(axes, xs, sums[i], look.POINT, 4)),
                      mn.Transform(band, new_band),
                      mn.ChangeDecimalToValue(counter[1], n),
                      run_time=TWEEN)
        self.narrate("A constant, the tangent line, a parabola, a cubic: each term lets the "
                     "polynomial follow e^x further.",
                     "先是常数，然后是切线、抛物线、三次曲线：每加一项，多项式就在离 x0 更远处"
                     "贴住 e^x。")

    # The error on a logarithmic scale -------------------------------------------------------
    def sine_errors(self) -> None:
        self.section("How fast the error shrinks", "误差缩小得多快", clear=True)
        xs = np.linspace(ERR_X[0], ERR_X[1], SAMPLES)
        axes = self._plot(ERR_X, ERR_LOG, 6.4, 3.9, y_log=True,
                          y_label=r"|\sin x - T_n(x)|")
        errors = taylor_error_curves(torch.sin, 0.0, ERR_ORDERS, xs)
        at = taylor_error_curves(torch.sin, 0.0, ERR_ORDERS, ERR_AT)
        bounds = np.array([lagrange_bound(1.0, 0.0, n, ERR_AT) for n in ERR_ORDERS])
        self.record("sin_error_orders", ERR_ORDERS)
        self.record("sin_error_at_1", at)
        self.record("sin_bound_at_1", bounds)
        below = bool(np.all(at <= bounds))
        self.record("sin_error_below_bound", below)
        title = self._top(get_math(r"|\sin x - T_n(x)| \le \frac{|x|^{n+1}}{(n+1)!}"
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
            return _pieces(axes, xs, errors[i], look.LOSS, 4, log=True)

        def bound_curve(i: int) -> mn.VMobject:
            return mn.DashedVMobject(_pieces(axes, xs, lagrange_bound(1.0, 0.0, ERR_ORDERS[i], xs),
                                             look.SECOND, 3, log=True), num_dashes=60)

        def err_dot(i: int) -> mn.Dot:
            return mn.Dot(axes.c2p(ERR_AT, float(at[i])), radius=0.08, color=look.LOSS)

        legend = _legend([(get_text(tr("error", "误差"), size=look.LABEL_SIZE, color=look.LOSS),
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

    # log(1 + x): the radius of convergence --------------------------------------------------
    def log_series(self) -> None:
        self.section("Where the series gives up", "级数失效的地方", clear=True)
        xs = np.linspace(LOG_X[0], LOG_X[1], SAMPLES)[1:]  # log(1 + x) is undefined at -1
        axes = self._plot(LOG_X, LOG_Y, 6.0, 4.4)
        curve = _pieces(axes, xs, evaluate(torch.log1p, xs), look.FUNCTION, 5)
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
        r_label = _label(rf"R = {tex_number(radius)}")
        r_label.next_to(rline, mn.UP, buff=0.1).shift(0.5 * mn.RIGHT)
        inside = mn.Rectangle(width=axes.c2p(radius, 0)[0] - axes.c2p(-radius, 0)[0],
                              height=axes.y_length, stroke_width=0, fill_color=look.GRADIENT,
                              fill_opacity=0.12)
        inside.move_to(axes.c2p(0, 0)).align_to(rline, mn.RIGHT).set_y(
            axes.c2p(0, (LOG_Y[0] + LOG_Y[1]) / 2)[1])
        sums = taylor_partial_sums(torch.log1p, 0.0, LOG_ORDERS, xs)
        formula = self._top(get_math(_log_terms_tex(coeffs), color=look.POINT))
        legend = _legend([(r"\log(1 + x)", look.FUNCTION, False),
                          (r"T_n(x)", look.POINT, False)])
        counter = get_counter("n", LOG_ORDERS[0], digits=0, color=look.POINT)
        panel = mn.VGroup(counter, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.45)
        panel.next_to(axes, mn.RIGHT, buff=1.0).align_to(axes, mn.UP).shift(0.3 * mn.DOWN)
        poly = _pieces(axes, xs, sums[0], look.POINT, 4)
        self.play(mn.Create(axes), mn.Create(curve), mn.FadeIn(legend[0]), run_time=1.2)
        self.play(mn.FadeIn(formula), mn.Create(poly), mn.FadeIn(legend[1]), mn.FadeIn(counter))
        self.narrate("The series of log of one plus x around 0 has the coefficients plus or "
                     "minus one over k.",
                     "log(1 + x) 在 0 处展开，系数是正负交替的 1/k。")
        for i, n in enumerate(LOG_ORDERS[1:], start=1):
            self.play(mn.Transform(poly, _pieces(axes, xs, sums[i], look.POINT, 4)),
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
                          x_label=_label("n"), y_label=_label(r"|\log(1+x) - T_n|"), y_log=True)
        n_axes.next_to([0, PLOT_TOP, 0], mn.DOWN, buff=0).to_edge(mn.RIGHT, buff=0.5)

        def series(errs: np.ndarray, colour: str, x: float) -> mn.VGroup:
            pts = [n_axes.c2p(n, float(e)) for n, e in zip(LOG_ORDERS, errs, strict=True)]
            line = mn.VMobject(stroke_color=colour, stroke_width=3).set_points_as_corners(pts)
            dots = mn.VGroup(*[mn.Dot(p, radius=0.07, color=colour) for p in pts])
            label = _label(f"x = {x:g}", colour)
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
                         "there the series does not give log of one plus x.",
                         f"超过 x = {plain_number(radius)} 后，项越多反而越差：级数在那里"
                         "不等于 log(1 + x)。")
        self.narrate("So a Taylor series equals its function only inside its radius of "
                     "convergence, not everywhere.",
                     "所以泰勒级数只在收敛半径之内等于原函数，并不是处处都等于。")
