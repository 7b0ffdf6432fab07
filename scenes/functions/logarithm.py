"""The logarithm log_a x, and why logs help: products become sums, tiny likelihoods stay
representable, scales spanning many powers of ten fit on one plot, and outliers lose their grip."""

from __future__ import annotations

import math

import manim as mn
import numpy as np

from mathcore.descent import optimize
from mathcore.functions import (
    likelihood_underflow,
    logarithm,
    outlier_effect,
    product_as_sum,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_math,
    get_polyline,
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
    vertical_line,
)

# Numbers the scene uses.
LOG_BASES = ("e", "1/2")
LOG_X, LOG_Y = (-1.0, 8.0, 1.0), (-3.0, 3.0, 1.0)
AXES_SIZE = (6.3, 5.2)
FACTORS, BASE = (8.0, 32.0), 2.0  # log2(8 * 32) = log2 8 + log2 32
POWER = 3  # log2(8^3) = 3 log2 8
PROB, COUNT = 0.5, 200  # a likelihood of 200 factors 1/2
LOSS_STEPS, LOSS_LR = 40, 0.075  # the course's gradient descent on (w - 2.3)^2
LINEAR_TOP = 50.0  # the linear loss axis goes up to here
FLAT = 0.02  # a curve below this fraction of the axis height looks like zero
PINGS, SPIKE = (20.0, 22.0, 25.0, 21.0, 23.0, 24.0, 22.0), 2000.0  # milliseconds
MONOTONE = {True: ("increasing", "增函数"), False: ("decreasing", "减函数")}


class Logarithms(LectureScene):
    """log_a x for a = e and a = 1/2, then four reasons deep learning works with logs."""

    TITLE = ("Logarithms and why they help", "对数函数及其作用")

    def construct(self) -> None:
        self.show_title()
        self._graph()
        self._products()
        self._underflow()
        self._scale()
        self._outlier()

    # log_a x -----------------------------------------------------------------------------
    def _graph(self) -> None:
        self.section("Logarithm", "对数函数")
        axes = fit_axes(function_axes(LOG_X, LOG_Y, *AXES_SIZE))
        fs = [logarithm(a) for a in LOG_BASES]
        colours = (look.FUNCTION, look.THIRD)
        graphs = mn.VGroup(*(curve(axes, f, c) for f, c in zip(fs, colours, strict=True)))
        f = fs[0]
        pole = vertical_line(axes, f.poles[0], look.TEXT)
        x1 = float(f.extra["base"] ** 0)  # a^0 = 1, so log_a 1 = 0 for every base
        y1 = float(f(x1))
        for g in fs:
            self.record(f"log {g.name} at 1", float(g(x1)))
            self.record(f"log {g.name} increasing", float(bool(g.increasing)))
            self.record(f"log {g.name} domain", set_ends(g.domain))
            self.record(f"log {g.name} range", set_ends(g.range))
        self.record("log asymptote x", f.poles[0])
        dot = mn.Dot(axes.c2p(x1, y1), radius=0.08, color=look.POINT)
        through = mn.VGroup(get_text(tr("through", "经过点"), size=look.LABEL_SIZE,
                                     color=look.MUTED),
                            get_math(rf"({tex_number(x1)}, {tex_number(y1)})", color=look.POINT)
                            ).arrange(mn.RIGHT, buff=0.2)
        tags = mn.VGroup(*(get_math(f"y = {g.tex}", color=c)
                           for g, c in zip(fs, colours, strict=True))).arrange(mn.RIGHT, buff=0.6)
        mono = mn.VGroup(*(get_text(tr(*MONOTONE[bool(g.increasing)]), size=look.LABEL_SIZE,
                                    color=c) for g, c in zip(fs, colours, strict=True)))
        for word, tag in zip(mono, tags, strict=True):
            word.next_to(tag, mn.DOWN, buff=0.15)
        meaning = get_math(r"\log_a x = y \iff a^y = x")
        panel = rows(meaning, mn.VGroup(tags, mono), labelled_set(("domain", "定义域"), f.domain),
                     labelled_set(("range", "值域"), f.range), through)
        panel.next_to(axes, mn.RIGHT, buff=0.6).align_to(axes, mn.UP).shift(0.2 * mn.DOWN)
        self.play(mn.Create(axes), run_time=0.8)
        self.narrate("The logarithm undoes the exponential: log base a of x is the power y "
                     "that a must be raised to, to give x.",
                     "对数是指数的逆运算：以 a 为底 x 的对数，就是使 a 的 y 次方等于 x 的那个指数 y。")
        self.play(mn.FadeIn(meaning), mn.FadeIn(tags), mn.Create(graphs), run_time=1.6)
        self.narrate("Only positive numbers have a logarithm, so the domain is the open interval "
                     "from 0 to infinity.",
                     "只有正数才有对数，所以定义域是从 0 到正无穷的开区间。")
        self.narrate("The y axis is a vertical asymptote.", "y 轴是它的垂直渐近线。")
        self.play(mn.Create(pole), mn.FadeIn(panel[2:4]), run_time=1.0)
        self.narrate(f"Every logarithm passes through ({plain_number(x1)}, {plain_number(y1)}); "
                     "with a base below one, like one half, it decreases.",
                     f"所有对数曲线都经过点 ({plain_number(x1)}, {plain_number(y1)})；"
                     "底数小于 1 时，比如二分之一，它是减函数。")
        self.play(mn.FadeIn(dot), mn.FadeIn(through), mn.FadeIn(mono), run_time=0.8)
        self.wait(0.5)

    # products become sums ----------------------------------------------------------------
    def _products(self) -> None:
        self.section("Products become sums", "乘积变求和", clear=True)
        r = product_as_sum(FACTORS, BASE)
        p = product_as_sum((FACTORS[0],) * POWER, BASE)
        self.record("factors", r.factors)
        self.record("log factors", r.logs)
        self.record("log of product", r.log_of_product)
        self.record("sum of logs", r.sum_of_logs)
        self.record("power", [POWER, p.product, p.log_of_product, POWER * p.logs[0]])
        b, (a1, a2) = tex_number(BASE), (tex_number(v) for v in r.factors)
        l1, l2 = (tex_number(v) for v in r.logs)
        total = tex_number(r.sum_of_logs)
        line1 = get_math(rf"\log_{b}({a1} \cdot {a2}) = \log_{b} {a1} + \log_{b} {a2}",
                         color=look.FUNCTION)
        line2 = get_math(rf"\log_{b} {tex_number(r.product)} = {l1} + {l2} = {total}")
        line3 = get_math(rf"\log_{b}({a1}^{POWER}) = {POWER} \log_{b} {a1} = "
                         rf"{POWER} \cdot {tex_number(p.logs[0])} = {tex_number(p.log_of_product)}",
                         color=look.FUNCTION)
        line4 = get_math(rf"\log_{b} {tex_number(p.product)} = {tex_number(p.log_of_product)}")
        head1 = get_text(tr("Products become sums", "乘积变求和"), size=look.BODY_SIZE,
                         color=look.MUTED)
        head2 = get_text(tr("Powers become products", "乘方变成乘法"), size=look.BODY_SIZE,
                         color=look.MUTED)
        rows(head1, line1, line2, head2, line3, line4, buff=0.3).move_to([0, 0.6, 0])
        self.narrate(f"Logarithms turn products into sums. In base {plain_number(BASE)}, the "
                     f"log of the product of {plain_number(r.factors[0])} and "
                     f"{plain_number(r.factors[1])} is {plain_number(r.logs[0])} plus "
                     f"{plain_number(r.logs[1])}, which is {plain_number(r.sum_of_logs)}.",
                     f"对数把乘积变成求和：以 {plain_number(BASE)} 为底，"
                     f"{plain_number(r.factors[0])} 与 {plain_number(r.factors[1])} 之积的对数等于 "
                     f"{plain_number(r.logs[0])} 加 {plain_number(r.logs[1])}，"
                     f"也就是 {plain_number(r.sum_of_logs)}。")
        self.play(mn.FadeIn(head1), mn.Write(line1), run_time=1.2)
        self.play(mn.FadeIn(line2), run_time=0.8)
        self.narrate(f"And powers into products: in the same base, the log of "
                     f"{plain_number(r.factors[0])} cubed is "
                     f"{POWER} times {plain_number(p.logs[0])}, which is "
                     f"{plain_number(p.log_of_product)}.",
                     f"乘方变成乘法：仍以 {plain_number(BASE)} 为底，{plain_number(r.factors[0])} "
                     f"的立方的对数，是 {POWER} 乘 "
                     f"{plain_number(p.logs[0])}，等于 {plain_number(p.log_of_product)}。")
        self.play(mn.FadeIn(head2), mn.Write(line3), run_time=1.2)
        self.play(mn.FadeIn(line4), run_time=0.6)

    # a likelihood underflows, its log does not -------------------------------------------
    def _underflow(self) -> None:
        self.section("Tiny products", "极小的乘积", clear=True)
        u = likelihood_underflow(PROB, COUNT)
        self.record("likelihood p n", [u.p, u.n])
        self.record("float32 product", u.product)
        self.record("float32 log sum", u.log_sum)
        self.record("exact log10", u.exact_log10)
        self.record("float32 smallest", u.smallest)
        exponent = math.floor(u.exact_log10)
        mantissa = 10 ** (u.exact_log10 - exponent)
        true_tex = rf"{tex_number(mantissa)} \times 10^{{{exponent}}}"
        p, n = tex_number(u.p), u.n
        line1 = get_math(rf"p_1 p_2 \cdots p_{{{n}}} = {p}^{{{n}}} \approx {true_tex}")
        got = mn.VGroup(get_text(tr("in float32 it comes out as", "用单精度浮点数计算，结果是"),
                                 size=look.BODY_SIZE, color=look.MUTED),
                        get_math(rf"{tex_number(u.product)}", color=look.LOSS)
                        ).arrange(mn.RIGHT, buff=0.25)
        floor = mn.VGroup(get_text(tr("below its smallest positive number",
                                      "小于它能表示的最小正数"),
                                   size=look.BODY_SIZE, color=look.MUTED),
                          get_math(tex_number(u.smallest, 2))).arrange(mn.RIGHT, buff=0.25)
        line2 = get_math(rf"\ln p_1 + \cdots + \ln p_{{{n}}} = {n} \ln {p} = "
                         rf"{tex_number(u.log_sum, 4)}", color=look.FUNCTION)
        rows(line1, got, floor, line2, buff=0.4).move_to([0, 0.6, 0])
        self.narrate(f"A model's likelihood multiplies many probabilities. {n} factors of "
                     f"{plain_number(u.p)} in float32 round to exactly zero.",
                     f"模型的似然是许多概率的乘积。{n} 个 {plain_number(u.p)} 相乘，"
                     "用单精度浮点数算出来恰好是 0。")
        self.play(mn.Write(line1), run_time=1.0)
        self.play(mn.FadeIn(got), mn.FadeIn(floor), run_time=0.8)
        self.narrate(f"The sum of their logarithms is {plain_number(u.log_sum, 4)}, an ordinary "
                     "number: that is why we train on log-likelihoods.",
                     f"而它们的对数之和是 {plain_number(u.log_sum, 4)}，一个普通的数："
                     "这就是训练时使用对数似然的原因。")
        self.play(mn.Write(line2), run_time=1.0)
        self.wait(0.3)

    # compression of scale: the loss on a linear and on a log axis ------------------------
    def _scale(self) -> None:
        self.section("Compressing scale", "压缩尺度", clear=True)
        run = optimize("course_quadratic", lr=LOSS_LR, steps=LOSS_STEPS)
        k, loss = np.arange(run.steps + 1), run.losses
        ratio = loss[1:] / loss[:-1]
        flat_from = int(np.argmax(loss < FLAT * LINEAR_TOP))
        powers = math.log10(loss[0] / loss[-1])
        self.record("losses", loss)
        self.record("loss ratio", ratio)
        self.record("flat from step", flat_from)
        self.record("powers of ten", powers)
        lo_exp, hi_exp = math.floor(math.log10(loss.min())), math.ceil(math.log10(loss.max()))
        lin = get_axes([0, LOSS_STEPS, 10], [0, LINEAR_TOP, 10], 5.0, 3.7,
                       x_label=get_math("k", size=40), y_label=get_math("L", size=40))
        log = get_axes([0, LOSS_STEPS, 10], [lo_exp, hi_exp, 1], 5.0, 3.7,
                       x_label=get_math("k", size=40), y_label=get_math("L", size=40),
                       y_log=True)
        pair = mn.VGroup(lin, log).arrange(mn.RIGHT, buff=1.3).to_edge(mn.UP, buff=0.9)
        heads = mn.VGroup(
            get_text(tr("linear axis", "线性坐标"), size=look.LABEL_SIZE, color=look.MUTED)
            .next_to(lin, mn.UP, buff=0.2),
            get_text(tr("log axis", "对数坐标"), size=look.LABEL_SIZE, color=look.MUTED)
            .next_to(log, mn.UP, buff=0.2))
        lin_curve = get_polyline(lin, k, loss, look.LOSS)
        log_curve = get_polyline(log, k, loss, look.LOSS)
        flat = mn.DashedLine(lin.c2p(flat_from, 0), lin.c2p(flat_from, LINEAR_TOP),
                             color=look.MUTED, stroke_width=3)
        flat_tag = get_math(rf"k = {flat_from}", size=look.LABEL_SIZE + 4, color=look.MUTED)
        flat_tag.next_to(flat.get_top(), mn.RIGHT, buff=0.12).shift(0.2 * mn.DOWN)
        factor = get_math(rf"L_{{k+1}} = {tex_number(ratio[0], 4)}\, L_k", color=look.LOSS,
                          size=look.MATH_SIZE)
        # above the line, in the empty upper right of the log plot
        factor.next_to(log.c2p(LOSS_STEPS * 0.3, loss[0] / 3), mn.RIGHT, buff=0.0)
        self.play(mn.Create(pair), mn.FadeIn(heads), run_time=1.0)
        self.narrate(f"Logs compress scale. The course's gradient descent loss, on a linear "
                     f"axis, looks like zero from step {flat_from} on.",
                     f"对数能压缩尺度。这是课程中梯度下降的损失：在线性坐标上，从第 {flat_from} "
                     "步起它看起来就是 0。")
        self.play(mn.Create(lin_curve), mn.Create(flat), mn.FadeIn(flat_tag), run_time=1.5)
        self.narrate(f"Each step multiplies the loss by {plain_number(ratio[0], 4)}, so on a log "
                     f"axis it is a straight line, down more than {math.floor(powers)} powers of "
                     "ten.",
                     f"在对数坐标上，每一步损失都乘以 {plain_number(ratio[0], 4)}，"
                     f"画出一条直线，下降超过 {math.floor(powers)} 个数量级。")
        self.play(mn.Create(log_curve), mn.FadeIn(factor), run_time=1.5)
        self.wait(0.3)

    # robustness: one outlier and the mean of the logs ------------------------------------
    def _outlier(self) -> None:
        self.section("Robust to outliers", "对异常值稳健", clear=True)
        r = outlier_effect(PINGS, SPIKE)
        self.record("pings", [*r.values, r.outlier])
        self.record("means", [r.mean_without, r.mean_with, r.geo_without, r.geo_with])
        self.record("mean factor", r.mean_factor)
        self.record("geo factor", r.geo_factor)
        data = np.array([*r.values, r.outlier])
        lin = mn.NumberLine(x_range=[0, 2000, 500], length=11.0, include_numbers=True,
                            font_size=look.TICK_SIZE, color=look.MUTED,
                            decimal_number_config={"num_decimal_places": 0,
                                                   "group_with_commas": self.lang != "zh"})
        lo, hi = 1, math.ceil(math.log10(data.max()))
        log = mn.NumberLine(x_range=[lo, hi, 1], length=11.0, include_numbers=True,
                            font_size=look.TICK_SIZE, color=look.MUTED,
                            scaling=mn.LogBase(custom_labels=True))
        heads = [get_text(tr("milliseconds, linear scale", "延迟（毫秒），线性刻度"),
                          size=look.LABEL_SIZE, color=look.MUTED),
                 get_text(tr("milliseconds, log scale", "延迟（毫秒），对数刻度"),
                          size=look.LABEL_SIZE, color=look.MUTED)]
        lines = mn.VGroup(mn.VGroup(heads[0], lin).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                           buff=0.55),
                          mn.VGroup(heads[1], log).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                           buff=0.55))
        lines.arrange(mn.DOWN, buff=0.9).move_to([0, 1.2, 0])
        dots = mn.VGroup(*(mn.Dot(line.n2p(v), radius=0.08, color=look.POINT)
                           for line in (lin, log) for v in data))
        mean_mark = self._marker(lin, r.mean_with, look.SECOND)
        geo_mark = self._marker(log, r.geo_with, look.THIRD)
        mean_row = mn.VGroup(
            get_text(tr("plain mean", "算术平均"), size=look.LABEL_SIZE, color=look.SECOND),
            get_math(rf"{tex_number(r.mean_without)} \to {tex_number(r.mean_with)}\ "
                     rf"(\times {tex_number(r.mean_factor)})", color=look.SECOND, size=36)
        ).arrange(mn.RIGHT, buff=0.2)
        geo_row = mn.VGroup(
            get_text(tr("geometric mean", "几何平均"), size=look.LABEL_SIZE,
                     color=look.THIRD),
            get_math(rf"{tex_number(r.geo_without)} \to {tex_number(r.geo_with)}\ "
                     rf"(\times {tex_number(r.geo_factor)})", color=look.THIRD, size=36)
        ).arrange(mn.RIGHT, buff=0.2)
        mean_row.next_to(lin, mn.UP, buff=0.5).align_to(lin, mn.RIGHT)
        geo_row.next_to(log, mn.UP, buff=0.5).align_to(log, mn.RIGHT)
        self.play(mn.FadeIn(lines), mn.FadeIn(dots), run_time=1.0)
        self.narrate(f"Logs also make statistics robust. {len(r.values)} pings near "
                     f"{plain_number(r.geo_without)} ms and one of "
                     f"{plain_number(r.outlier)} ms: "
                     f"the mean becomes {plain_number(r.mean_factor)} times larger.",
                     f"对数还让统计更稳健。{len(r.values)} 次延迟约 {plain_number(r.geo_without)} "
                     f"毫秒，一次 {plain_number(r.outlier)} 毫秒：平均值增大到 "
                     f"{plain_number(r.mean_factor)} 倍。")
        self.play(mn.FadeIn(mean_mark), mn.FadeIn(mean_row), run_time=0.8)
        self.narrate("Average the logs instead and turn the result back into milliseconds: "
                     "the geometric mean.",
                     "改为对对数求平均，再换算回毫秒：这就是几何平均。")
        self.play(mn.FadeIn(geo_mark), mn.FadeIn(geo_row), run_time=0.8)
        self.narrate(f"It grows only {plain_number(r.geo_factor)} times, not "
                     f"{plain_number(r.mean_factor)}: the outlier still pulls, but far less.",
                     f"它只增大到 {plain_number(r.geo_factor)} 倍，而不是 "
                     f"{plain_number(r.mean_factor)} 倍：异常值仍有影响，但小得多。")
        self.wait(0.5)

    @staticmethod
    def _marker(line: mn.NumberLine, value: float, colour: str) -> mn.Triangle:
        """A small triangle above the number line pointing down at ``value``."""
        tri = mn.Triangle(color=colour, fill_opacity=1.0, stroke_width=0).scale(0.14)
        return tri.rotate(mn.PI).move_to(line.n2p(value) + 0.3 * mn.UP)
