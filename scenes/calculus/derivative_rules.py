"""Basic derivative formulas: a table of eight rules (power, exp, log, sin, cos, sum, product,
quotient), each checked on a graph: the rule's value at a point equals the slope of the
tangent there, which autograd computes without knowing the rule."""

from __future__ import annotations

import manim as mn
import numpy as np
import torch

from mathcore.calculus import (
    COMBINATION_RULES,
    DERIVATIVE_RULES,
    evaluate,
    tangent_line,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_line_in_axes,
    get_math,
    get_text,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses: each rule with its example, the rule applied to it, where it is
# checked, and how a teacher says it.
RULES = (
    ("power", r"x^3", r"3x^2", 1.0,
     ("The power rule: the derivative of x cubed is 3 x squared,",
      "幂函数求导公式：x³ 的导数是 3x²，")),
    ("exp", r"e^x", r"e^x", 1.0,
     ("e to the x is its own derivative,", "e 的 x 次方的导数就是它自己，")),
    ("log", r"\ln x", r"\frac{1}{x}", 2.0,
     ("The natural log has derivative 1 over x,", "自然对数的导数是 1/x，")),
    ("sin", r"\sin x", r"\cos x", 1.0,
     ("The derivative of sine is cosine,", "正弦的导数是余弦，")),
    ("cos", r"\cos x", r"-\sin x", 1.0,
     ("The derivative of cosine is minus sine,", "余弦的导数是负的正弦，")),
    ("sum", r"u + v", r"\cos x + 2x", 1.0,
     ("A sum is differentiated term by term,", "和的导数等于导数的和，")),
    ("product", r"u\,v", r"\cos x\,(x^2+1) + 2x\sin x", 1.0,
     ("A product: u prime v plus u v prime,", "乘积的导数是 u'v + uv'，",
      "乘积的导数是 u 撇乘 v，加 u 乘 v 撇，")),
    ("quotient", r"\frac{u}{v}", r"\frac{\cos x\,(x^2+1) - 2x\sin x}{(x^2+1)^2}", 1.0,
     ("A quotient: u prime v minus u v prime, over v squared,", "商的导数是 (u'v − uv') / v²，",
      "商的导数是 u 撇乘 v 减 u 乘 v 撇，再除以 v 的平方，")),
)
U_V = r"u = \sin x,\quad v = x^2 + 1"
X_RANGE, Y_RANGE = (-3.0, 3.0, 1.0), (-2.0, 4.0, 1.0)
SAMPLES = 301
LABEL = look.LABEL_SIZE + 8
ROW = look.MATH_SIZE - 6
READOUT_WIDTH = 6.6
AGREE = 1e-9  # "the tangent agrees": |autograd slope - rule| below this


def _rule(name: str):
    return next(r for r in DERIVATIVE_RULES + COMBINATION_RULES if r.name == name)


def _pieces(axes: mn.Axes, xs: np.ndarray, ys: np.ndarray, color: str) -> mn.VMobject:
    """y = ys(xs) inside the axes' window, one sub-path per piece that stays inside."""
    lo, hi = axes.y_range[:2]
    ok = np.isfinite(ys) & (ys >= lo) & (ys <= hi)
    mob = mn.VMobject(stroke_color=color, stroke_width=4)
    idx = np.flatnonzero(ok)
    for run in np.split(idx, np.flatnonzero(np.diff(idx) > 1) + 1):
        if len(run) >= 2:
            mob.start_new_path(axes.c2p(xs[run[0]], ys[run[0]]))
            mob.add_points_as_corners([axes.c2p(x, y) for x, y in zip(xs[run[1:]], ys[run[1:]],
                                                                       strict=True)])
    return mob


class DerivativeRules(LectureScene):
    """Eight derivative rules, each checked against the slope of a tangent from autograd."""

    TITLE = ("Basic derivative rules", "基本导数公式")

    def construct(self) -> None:
        self.show_title()

        # The table
        self.section("The table of rules", "导数公式表")
        rows = mn.VGroup(*[get_math(_rule(name).tex, size=ROW) for name, *_ in RULES])
        uv = get_math(U_V, size=ROW, color=look.MUTED)
        table = mn.VGroup(*rows[:5], uv, *rows[5:]).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                           buff=0.24)
        table.to_corner(mn.UL, buff=0.5)
        self.play(mn.LaggedStart(*[mn.FadeIn(r, shift=0.2 * mn.RIGHT) for r in table],
                                 lag_ratio=0.15), run_time=2.5)
        self.narrate("Here are the basic derivative rules: five functions, then how to "
                     "differentiate a sum, a product and a quotient.",
                     "这是基本导数公式：五个基本函数，再加上和、积、商的求导法则。")
        self.narrate("Every rule can be checked on a graph: at a point, its value must equal "
                     "the slope of the tangent.",
                     "每条公式都可以在图上检验：在某一点，公式给出的值必须等于切线的斜率。")

        # Check each rule on a graph
        self.section("Power, exp and log", "幂函数、指数与对数")
        axes = get_axes(list(X_RANGE), list(Y_RANGE), 6.0, 3.2, x_label=get_math(
            "x", size=LABEL), y_label=get_math("y", size=LABEL))
        axes.to_corner(mn.UR, buff=0.45)
        xs = np.linspace(X_RANGE[0], X_RANGE[1], SAMPLES)
        self.play(mn.Create(axes), run_time=1.0)
        frame = curve = dot = tangent = readout = None
        for i, (name, example, applied, x0, words) in enumerate(RULES):
            if name == "sin":
                self.section("Sine and cosine", "正弦与余弦")
            elif name == "sum":
                self.section("Sum, product, quotient", "和、积、商")
            rule = _rule(name)
            lo, hi = rule.domain
            inside = (xs > max(lo, X_RANGE[0]) - 1e-9) & (xs < min(hi, X_RANGE[1]) + 1e-9)
            if name == "log":  # the natural log is defined for x > 0 only
                inside = xs > 0.02
            ys = np.full_like(xs, np.nan)
            ys[inside] = evaluate(rule.f, xs[inside])
            line = tangent_line(rule.f, x0)  # slope by autograd
            value = float(rule.df(torch.tensor(x0, dtype=torch.float64)))  # the rule
            y0 = float(evaluate(rule.f, x0))
            agree = abs(line.slope - value) < AGREE
            self.record("rule", i)
            self.record("x0", x0)
            self.record("autograd_slope", line.slope)
            self.record("rule_value", value)
            self.record("agree", agree)
            new_frame = mn.SurroundingRectangle(table[i if i < 5 else i + 1], color=look.POINT,
                                                buff=0.1, stroke_width=3)
            new_curve = _pieces(axes, xs, ys, look.FUNCTION)
            new_dot = mn.Dot(axes.c2p(x0, y0), radius=0.08, color=look.POINT)
            new_tangent = get_line_in_axes(axes, line, look.POINT, stroke_width=4)
            new_readout = self._readout(example, applied, x0, line.slope, value, agree)
            new_readout.next_to(axes, mn.DOWN, buff=0.3).align_to(axes, mn.LEFT)
            if frame is None:
                frame, curve, dot, tangent, readout = (new_frame, new_curve, new_dot,
                                                       new_tangent, new_readout)
                self.play(mn.Create(frame), mn.Create(curve), run_time=1.0)
                self.play(mn.FadeIn(dot), mn.Create(tangent), mn.FadeIn(readout))
            else:
                self.play(mn.Transform(frame, new_frame), mn.FadeOut(curve), mn.FadeOut(dot),
                          mn.FadeOut(tangent), mn.FadeOut(readout), run_time=0.6)
                curve, dot, tangent, readout = new_curve, new_dot, new_tangent, new_readout
                self.play(mn.Create(curve), run_time=0.8)
                self.play(mn.FadeIn(dot), mn.Create(tangent), mn.FadeIn(readout))
            check = (f" and the tangent's slope is {plain_number(line.slope, 4)}." if agree
                     else f" but the tangent's slope is {plain_number(line.slope, 4)}.")
            check_zh = (f"切线的斜率也是 {plain_number(line.slope, 4)}。" if agree
                        else f"可是切线的斜率是 {plain_number(line.slope, 4)}。")
            self.narrate(words[0], words[1], say_zh=words[2] if len(words) > 2 else None)
            self.narrate(f"so at x = {x0:g} the rule gives {plain_number(value, 4)},{check}",
                         f"所以在 x = {x0:g} 处公式给出 {plain_number(value, 4)}，{check_zh}")
        agree_all = bool(np.all(np.ravel(self.recorded["agree"])))
        self.record("all_agree", agree_all)
        n = len(RULES)
        self.narrate("The slopes come from autograd, which knows only the derivatives of the "
                     "basic operations and chains them;",
                     "这些斜率由自动求导算出：它只知道基本运算的导数，再用链式法则把它们串起来；")
        self.narrate(f"all {n} rules agree with it." if agree_all
                     else f"not all {n} rules agree with it.",
                     f"{n} 条公式与它全部吻合。" if agree_all else f"{n} 条公式并非全部与它吻合。")

    def _readout(self, example: str, applied: str, x0: float, slope: float, value: float,
                 agree: bool) -> mn.VGroup:
        """f and the rule applied to it; the rule's value at x0; the tangent's slope."""
        f_row = mn.VGroup(get_math(rf"f = {example},", color=look.FUNCTION, size=ROW),
                          get_math(rf"f' = {applied}", color=look.GRADIENT_BRIGHT, size=ROW)
                          ).arrange(mn.RIGHT, buff=0.35)
        if f_row.width > READOUT_WIDTH:
            f_row.scale_to_fit_width(READOUT_WIDTH)
        rule_row = get_math(rf"f'({x0:g}) = {plain_number(value, 4)}", color=look.GRADIENT_BRIGHT,
                            size=ROW)
        slope_row = mn.VGroup(
            get_text(tr("tangent slope (autograd)", "切线斜率（自动求导）"),
                     size=look.LABEL_SIZE, color=look.POINT),
            get_math(rf"= {plain_number(slope, 4)}", color=look.POINT, size=ROW),
        ).arrange(mn.RIGHT, buff=0.2)
        return mn.VGroup(f_row, rule_row, slope_row).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                             buff=0.22)
