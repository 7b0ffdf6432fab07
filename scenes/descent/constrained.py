"""Constrained optimisation: Lagrange multipliers, L2 regularisation moving the optimum, and
the dual function as a concave lower bound whose maximum meets the primal minimum."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.descent import (
    DUAL_EXAMPLE,
    LAGRANGE_EXAMPLE,
    dual_function,
    lagrange_point,
    regularisation_curves,
    regularisation_path,
)
from scenes.common import (
    LectureScene,
    get_axes,
    get_contour_plane,
    get_legend,
    get_math,
    get_polyline,
    look,
    tex_number,
)
from scenes.common.widgets import put_numbers_on_top

# Numbers the scene uses.
LAGRANGE_START = (1.0, 0.5)
LEVELS = (0.25, 0.75, 2.75, 4, 6)  # plus the level through the optimum, from mathcore
ALPHAS = (0.0, 0.5, 1.0, 3.0)
ALPHA_COLOURS = (look.FUNCTION, look.SECOND, look.THIRD, look.GRADIENT)
LAMBDAS = np.linspace(0, 4, 81)


def _l2_loss(w):
    return ((w - 3) ** 2).sum()


class ConstrainedOptimisation(LectureScene):
    """Lagrange: level set tangent to the constraint; L2 path; weak and strong duality."""

    TITLE = ("Constraints, regularisation and duality", "约束、正则化与对偶")

    def construct(self) -> None:
        self.show_title()
        self._lagrange()
        self._regularisation()
        self._duality()

    def _lagrange(self) -> None:
        # Level sets of f and the constraint circle
        self.section("Lagrange multipliers", "拉格朗日乘子法")
        ex = LAGRANGE_EXAMPLE
        sol = lagrange_point(ex.objective, ex.constraint, LAGRANGE_START)
        levels = sorted((*LEVELS, sol.value))
        axes, contours = get_contour_plane("lagrange_objective", levels, 5.4)
        put_numbers_on_top(axes)  # the unit circle passes through the ±1 tick numbers
        contours[levels.index(sol.value)].set_stroke(look.FUNCTION, width=3, opacity=1)
        mn.VGroup(axes, contours).to_corner(mn.UL, buff=0.4)
        circle = mn.Circle(radius=axes.x_axis.unit_size, color=look.POINT, stroke_width=4)
        circle.move_to(axes.c2p(0, 0))
        text = mn.VGroup(get_math(ex.tex_objective, color=look.FUNCTION, size=look.MATH_SIZE - 6),
                         get_math(ex.tex_constraint, color=look.POINT, size=look.MATH_SIZE - 6))
        text.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.25)
        text.next_to(axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP)
        self.play(mn.Create(axes), mn.Create(contours), mn.Write(text[0]), run_time=1.5)
        self.play(mn.Create(circle), mn.Write(text[1]))
        self.narrate("Minimise f on the unit circle: slide along the circle to the lowest level "
                     "set it still touches.",
                     "在单位圆上最小化 f：沿着圆滑动，找到它还能碰到的最低等高线。")

        # At the optimum the two gradients are parallel
        p = axes.c2p(*sol.point)
        scale = 0.35
        grad_f = mn.Arrow(p, axes.c2p(*(sol.point + scale * sol.grad_f)), buff=0,
                          color=look.FUNCTION, stroke_width=5)
        grad_g = mn.Arrow(p, axes.c2p(*(sol.point + scale * sol.grad_g)), buff=0,
                          color=look.POINT, stroke_width=5)
        dot = mn.Dot(p, radius=0.08, color=look.TEXT)
        lam = -sol.multiplier  # L = f + λh, the sign convention of the sections after this
        rule = get_math(rf"\nabla f + \lambda \nabla h = 0,\quad \lambda = {tex_number(lam)}",
                        size=look.MATH_SIZE - 6, color=look.TEXT)
        where = get_math(rf"(x, y) = ({sol.point[0]:.3f},\ {sol.point[1]:.3f})",
                         size=look.MATH_SIZE - 6, color=look.TEXT)
        mn.VGroup(rule, where).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.25).next_to(
            text, mn.DOWN, buff=0.45).align_to(text, mn.LEFT)
        self.play(mn.FadeIn(dot), mn.GrowArrow(grad_f), mn.GrowArrow(grad_g))
        self.play(mn.Write(rule), mn.Write(where))
        self.record("lagrange point", sol.point)
        self.record("multiplier", lam)
        self.record("gradients", [sol.grad_f, sol.grad_g])
        self.narrate("There the level set is tangent to the circle: ∇f + λ∇h = 0, so the "
                     "Lagrangian f + λh is stationary.",
                     "在那里等高线与圆相切：∇f 与 ∇h 平行，即 ∇f + λ∇h = 0，"
                     "此处是拉格朗日函数 f + λh 的驻点。")
        inward = float(np.dot(sol.grad_f, sol.grad_g)) < 0
        self.record("gradients point apart", float(inward))
        self.narrate(f"λ is {'negative' if lam < 0 else 'positive'}: ∇f points "
                     f"{'into' if inward else 'out of'} the circle, ∇h out of it. For an "
                     "equality constraint the sign is free.",
                     f"λ 是{'负' if lam < 0 else '正'}的：∇f 指向圆"
                     f"{'内' if inward else '外'}，∇h 指向圆外。等式约束的乘子可正可负。")

    def _regularisation(self) -> None:
        # loss + alpha w^2 for several alpha
        self.section("L2 regularisation", "L2 正则化", clear=True)
        w = np.linspace(0, 5, 101)  # from w = 0: no curve over the J numbers
        curves = regularisation_curves(_l2_loss, ALPHAS, w)
        minima = regularisation_path(_l2_loss, ALPHAS, [0.0])[:, 0]
        axes = get_axes([0, 5, 1], [0, 16, 4], 6.2, 4.4, x_label="w", y_label="J")
        axes.to_corner(mn.UL, buff=0.45)
        formula = get_math(r"J(w) = (w-3)^2 + \alpha w^2", color=look.TEXT)
        legend = get_legend([(f"α = {a:g}:  w* = {m:.2f}", c) for a, m, c in
                             zip(ALPHAS, minima, ALPHA_COLOURS, strict=True)])
        mn.VGroup(formula, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4).next_to(
            axes, mn.RIGHT, buff=0.5).align_to(axes, mn.UP)
        self.play(mn.Create(axes), mn.Write(formula))
        self.narrate("L2 regularisation minimises the loss plus α times w², a penalty on large "
                     "weights.", "L2 正则化最小化“损失 + α·w²”，用正则化系数 α 惩罚过大的权重。")
        for a, values, m, colour, row in zip(ALPHAS, curves, minima, ALPHA_COLOURS, legend,
                                             strict=True):
            keep = values <= 16
            curve = get_polyline(axes, w[keep], values[keep], colour, 3)
            marker = mn.Dot(axes.c2p(m, 0), radius=0.08, color=colour)
            self.play(mn.Create(curve), mn.FadeIn(marker), mn.FadeIn(row), run_time=0.9)
            self.record(f"w* alpha={a:g}", m)
        self.narrate("The larger α, the closer the optimum moves to 0: w* = 3 / (1 + α).",
                     "α 越大，最优点越靠近 0：w* = 3 / (1 + α)。")
        link = get_math(r"\min_w (w-3)^2" + _such_that(self.lang) + r"w^2 \le c", color=look.POINT,
                        size=look.MATH_SIZE - 6)
        link.next_to(legend, mn.DOWN, buff=0.45).align_to(legend, mn.LEFT)
        self.play(mn.Write(link))
        self.narrate("Up to a constant, J is the Lagrangian of a constrained problem: keep "
                     "w² ≤ c; α is its multiplier.",
                     "除去一个常数，J 正是一个约束问题的拉格朗日函数：让权重满足 w² ≤ c，α 就是它的乘子。")
        self.narrate("That is why the course treats regularisation as a constrained problem: "
                     "a smaller c, a larger α.",
                     "这就是课程把正则化看作带约束优化的原因：c 越小，对应的 α 越大。")

    def _duality(self) -> None:
        # The dual function bounds the primal optimum from below
        self.section("The dual function", "对偶函数", clear=True)
        ex = DUAL_EXAMPLE
        dual = dual_function(ex.objective, ex.constraint, LAMBDAS, (-3.0, 3.0))
        axes = get_axes([0, 4, 1], [0, 1.5, 0.5], 5.6, 3.6, x_label=r"\lambda",
                        y_label=r"g(\lambda)")
        axes.to_corner(mn.UL, buff=0.45)
        size = look.MATH_SIZE - 6
        problem = mn.VGroup(
            get_math(ex.tex_objective + _such_that(self.lang) + ex.tex_constraint,
                     color=look.TEXT, size=size),
            get_math(r"g(\lambda) = \min_x\, x^2 + \lambda(1 - x)", color=look.GRADIENT,
                     size=size),
            get_math(r"= " + ex.tex_dual, color=look.GRADIENT, size=size),
            get_math(r"\lambda \ge 0,\ x \ge 1 \Rightarrow \lambda(1 - x) \le 0 \Rightarrow "
                     r"g(\lambda) \le p^*", color=look.TEXT, size=size),
            get_math(rf"p^* = {dual.primal_optimum:.3g}", color=look.LOSS, size=size),
            get_math(rf"\max_\lambda g = {dual.dual_optimum:.3g},\ \lambda = "
                     rf"{dual.best_lambda:g}", color=look.GRADIENT, size=size))
        problem.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.22)
        problem[2].shift(0.6 * mn.RIGHT)
        problem.next_to(axes, mn.RIGHT, buff=0.4).align_to(axes, mn.UP)
        primal = mn.DashedLine(axes.c2p(0, dual.primal_optimum), axes.c2p(4, dual.primal_optimum),
                               color=look.LOSS, stroke_width=3)
        curve = get_polyline(axes, dual.lambdas, dual.values, look.GRADIENT, 4)
        self.play(mn.Create(axes), mn.Write(problem[0]))
        self.play(mn.Create(primal), mn.Write(problem[4]))
        self.narrate("Minimise x² with x at least 1: the best feasible value is p* = 1, at "
                     "x = 1.", "在 x 不小于 1 的条件下最小化 x²：最优值 p* = 1，在 x = 1 处取得。")
        self.play(mn.Write(problem[1]))
        self.narrate("The dual function g(λ) is the lowest value of the Lagrangian over all x, "
                     "with λ ≥ 0 fixed.",
                     "对偶函数 g(λ) 是固定 λ ≥ 0 时，拉格朗日函数对所有 x 取的最小值。")
        self.play(mn.Write(problem[2]), mn.Create(curve), run_time=1.5)
        self.narrate("The minimum is at x = λ/2, which gives g(λ) = λ − λ²/4: a concave "
                     "parabola.", "最小值在 x = λ/2 处取得，于是 g(λ) = λ − λ²/4，是一条凹的抛物线。")
        self.play(mn.Write(problem[3]))
        self.narrate("For any feasible x, λ(1 − x) ≤ 0, so g(λ) ≤ x²; hence g never rises "
                     "above p* (weak duality).",
                     "对任意可行的 x，λ(1 − x) ≤ 0，所以 g(λ) ≤ x²；因此 g 永远不超过 p*（弱对偶）。")
        top = mn.Dot(axes.c2p(dual.best_lambda, dual.dual_optimum), radius=0.08,
                     color=look.POINT)
        self.play(mn.FadeIn(top), mn.Write(problem[5]))
        self.record("dual values", dual.values)
        self.record("primal optimum", dual.primal_optimum)
        self.record("dual optimum", [dual.best_lambda, dual.dual_optimum])
        meets = abs(dual.dual_optimum - dual.primal_optimum) < 1e-6
        self.narrate(f"Its maximum, at λ = {dual.best_lambda:g}, "
                     + ("meets p* exactly: strong duality." if meets else "stays below p*."),
                     f"它的最大值在 λ = {dual.best_lambda:g} 处，"
                     + ("恰好等于 p*：强对偶成立。" if meets else "仍低于 p*。"))
        self.narrate("That is guaranteed here: the problem is convex and x = 2 is strictly "
                     "feasible (Slater's condition).",
                     "这一点在这里是有保证的：问题是凸的，且 x = 2 严格可行（Slater 条件）。")
        self.wait(1.0)


def _such_that(lang: str) -> str:
    """"subject to" between an objective and its constraint: s.t. in English, a comma in
    Chinese frames (no English abbreviation there)."""
    return r"\quad \text{s.t.}\ " if lang == "en" else r",\quad "
