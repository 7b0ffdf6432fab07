"""The Taylor models of a function of two variables: the tangent plane, then the second-order
surface that touches f = sin x cos y at a point and bends with it; its error shrinks like r³."""

from __future__ import annotations

import math

import manim as mn
import numpy as np

from mathcore.calculus import (
    SIN_COS_TEX,
    model_errors,
    sin_cos,
    surface_values,
    taylor_model_2d,
)
from scenes.common import (
    FastSurface,
    LectureThreeDScene,
    get_math,
    look,
    plain_number,
    surface_dot,
    tex_number,
)
from scenes.common.landscape import (
    LANDSCAPE_COLOURS,
    get_axis_labels,
    get_landscape_axes,
    walker_point,
)

# Numbers the scene uses.
POINT = (0.6, 0.4)  # p, where the models are built
WINDOW = (-1.0, 2.2, -1.2, 2.0)  # the surface: a square around p
PATCH = 0.7  # the models are drawn over p ± PATCH in x and y
Z_RANGE = (-1.5, 1.5, 0.5)
SIZE = (5.4, 5.4, 3.4)  # axes lengths x, y, z in scene units
RESOLUTION, PATCH_RESOLUTION = 24, 12
DOT = 0.09
DIRECTION = (1.0, 1.0)  # the errors are measured stepping from p this way
DISTANCES = (0.1, 0.05, 0.025)  # each half the one before: small enough for the error
# ratios to show the orders (about 4 and 8)
VIEW = {"phi": 64 * mn.DEGREES, "theta": 120 * mn.DEGREES, "zoom": 0.95,
        "shift": 2.6 * mn.RIGHT + 0.2 * mn.UP}
SEE_THROUGH = 0.55  # the surface's opacity once a model lies under it
TURN, TURN_TIME = 24 * mn.DEGREES, 6.0  # a slow turn of the camera while the errors are read
MODEL_COLOURS = tuple(mn.ManimColor(look.POINT).interpolate(mn.ManimColor(look.BACKGROUND), t)
                      for t in (0.15, 0.35))  # the approximation: yellow, in two shades

BEND_CODES = {"down": -1, "up": 1, "saddle": 0, "degenerate": 2, "flat": 3}
BEND_WORDS = {  # what the signs of H's eigenvalues say, in words (en, zh)
    "down": ("Both eigenvalues of H are negative, so the model bends down in every direction, "
             "as f does at p.", "H 的两个特征值都是负的，所以模型在各个方向都向下弯，和 f 在 p 点一样。"),
    "up": ("Both eigenvalues of H are positive, so the model bends up in every direction, "
           "as f does at p.", "H 的两个特征值都是正的，所以模型在各个方向都向上弯，和 f 在 p 点一样。"),
    "saddle": ("H has one positive and one negative eigenvalue: the model is a saddle, as f "
               "is at p.", "H 的特征值一正一负：模型是马鞍面，和 f 在 p 点一样。"),
    "degenerate": ("One eigenvalue of H is zero: along that direction the model does not bend.",
                   "H 有一个特征值为零：模型在那个方向上不弯曲。"),
    "flat": ("Without H the model is flat.", "没有 H 时模型是平的。"),
}


def _vector(v) -> str:
    return "(" + ", ".join(tex_number(x) for x in v) + ")"


def _matrix(h) -> str:
    rows = r" \\ ".join(" & ".join(tex_number(x, zeros=True) for x in row) for row in h)
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


class TaylorSurface(LectureThreeDScene):
    """The tangent plane and the quadratic Taylor model of sin x cos y at p = (0.6, 0.4)."""

    TITLE = ("The Taylor surface", "二元函数的泰勒展开")

    def construct(self) -> None:
        models = {n: taylor_model_2d(sin_cos, POINT, n) for n in (1, 2)}
        m2 = models[2]
        self.show_title()

        # A surface and a point on it
        self.section("A surface and a point", "曲面与一点")
        self.set_view(**VIEW)
        axes = get_landscape_axes(WINDOW, Z_RANGE, *SIZE)
        x0, x1, y0, y1 = WINDOW

        def on_axes(values):
            def point(u: np.ndarray, v: np.ndarray) -> np.ndarray:
                return np.asarray(axes.c2p(u, v, values(u, v))).T
            return point

        surface = FastSurface(on_axes(lambda u, v: surface_values(sin_cos, u, v)),
                              u_range=(x0, x1), v_range=(y0, y1), resolution=RESOLUTION,
                              vectorized=True, checkerboard_colors=LANDSCAPE_COLOURS,
                              stroke_color=look.BACKGROUND, stroke_width=0.5)
        dot = surface_dot(walker_point(axes, POINT, m2.value, DOT), radius=DOT, color=look.POINT)
        formula = self.overlay(get_math(r"f(x, y) = " + SIN_COS_TEX, color=look.FUNCTION))
        where = self.overlay(get_math(rf"p = {_vector(POINT)},\ f(p) = {tex_number(m2.value)}",
                                      color=look.POINT, size=look.MATH_SIZE - 6))
        self.record("point", POINT)
        self.record("value", m2.value)
        panel = [formula, where]
        self._stack(panel)
        names = get_axis_labels(self, axes, ("x", "y", "z"), size=look.LABEL_SIZE + 10)
        self.play(mn.Create(axes), mn.Create(surface), *[mn.FadeIn(n) for n in names],
                  run_time=2.0)
        self.play(mn.FadeIn(formula), mn.FadeIn(where), mn.FadeIn(dot))
        self.narrate("Taylor's idea works in two variables too: here is f = sin x cos y, "
                     "and a point p on it.",
                     "泰勒展开同样适用于二元函数：这是曲面 f = sin x cos y 和上面的一点 p。")

        # The first-order model: the tangent plane
        self.section("The tangent plane", "切平面")
        px, py = POINT

        def patch(model) -> FastSurface:
            return FastSurface(on_axes(model), u_range=(px - PATCH, px + PATCH),
                               v_range=(py - PATCH, py + PATCH), resolution=PATCH_RESOLUTION,
                               vectorized=True, checkerboard_colors=MODEL_COLOURS,
                               fill_opacity=0.6, stroke_color=look.BACKGROUND, stroke_width=0.5)

        plane = patch(models[1])
        t1 = self.overlay(get_math(r"T_1 = f(p) + \nabla f(p)\cdot d", color=look.POINT,
                                   size=look.MATH_SIZE - 4))
        grad = self.overlay(get_math(rf"\nabla f(p) = {_vector(m2.gradient)}",
                                     color=look.GRADIENT_BRIGHT, size=look.MATH_SIZE - 6))
        panel += [t1, grad]
        self._stack(panel)
        self.play(mn.FadeIn(t1), mn.FadeIn(grad), surface.animate.set_fill(opacity=SEE_THROUGH))
        self.play(mn.Create(plane), run_time=1.5)
        self.record("gradient", m2.gradient)
        self.narrate("The first-order model uses the value and the gradient at p, where d is "
                     "the step away from p: it is the tangent plane.",
                     "一阶模型用到 p 点的函数值和梯度，d 是离开 p 的位移：它就是切平面。")

        # The second-order model: the Hessian bends the plane
        self.section("The second-order model", "二阶模型")
        quad = patch(m2)
        t2 = self.overlay(get_math(r"T_2 = T_1 + \tfrac12\, d^{\mathsf T} H\, d", color=look.POINT,
                                   size=look.MATH_SIZE - 4))
        hess = self.overlay(get_math(r"H = " + _matrix(m2.hessian), size=look.MATH_SIZE - 8))
        lam = m2.curvatures()
        eig = self.overlay(get_math(r"\lambda_{1,2} = " + ", ".join(tex_number(x) for x in lam),
                                    size=look.MATH_SIZE - 6))
        panel += [t2, hess]
        self._stack(panel)
        self.play(mn.FadeIn(t2), mn.FadeIn(hess))
        self.play(mn.Transform(plane, quad), run_time=2.0)
        self.record("hessian", m2.hessian)
        self.narrate("The second-order model adds the Hessian term: the plane bends into a "
                     "surface that hugs f near p.",
                     "二阶模型再加上黑塞矩阵项：切平面弯成一个在 p 附近紧贴 f 的曲面。")
        panel.append(eig)
        self._stack(panel)
        self.play(mn.FadeIn(eig))
        bend = m2.bend()
        self.record("hessian_eigenvalues", lam)
        self.record("bend", BEND_CODES[bend])
        self.narrate(*BEND_WORDS[bend])

        # How close: the error against the distance from p
        self.section("How close?", "有多接近？")
        r = np.array(DISTANCES)
        e1 = model_errors(sin_cos, models[1], DIRECTION, r)
        e2 = model_errors(sin_cos, m2, DIRECTION, r)
        ratio1, ratio2 = e1[:-1] / e1[1:], e2[:-1] / e2[1:]
        self.record("distances", r)
        self.record("error_order_1", e1)
        self.record("error_order_2", e2)
        self.record("halving_ratio_order_1", ratio1)
        self.record("halving_ratio_order_2", ratio2)
        factor1, factor2 = round(float(ratio1[-1])), round(float(ratio2[-1]))
        self.record("halving_factors", [factor1, factor2])
        table = self._error_table(r, e1, e2, factor1, factor2)
        self.play(*[mn.FadeOut(m) for m in (t1, grad, t2, hess, eig)])
        table.next_to(where, mn.DOWN, buff=0.5, aligned_edge=mn.LEFT)
        self.play(mn.FadeIn(table))
        self.narrate(f"Step a distance r from p. Each time r halves, the plane's error "
                     f"shrinks about {factor1} times, like r squared;",
                     f"从 p 出发走一段距离 r。r 每减半一次，切平面的误差约缩小 {factor1} 倍，"
                     "按 r 的平方减小；")
        self.move_camera(theta=VIEW["theta"] + TURN, run_time=TURN_TIME)
        self.narrate(f"and the second-order model's about {factor2} times: its error falls like "
                     "r cubed.",
                     f"二阶模型的误差约缩小 {factor2} 倍：它按 r 的三次方减小。")
        self.narrate(f"At r = {plain_number(r[-1])} that is {plain_number(e2[-1])} against "
                     f"{plain_number(e1[-1])}: near p the quadratic model is nearly exact.",
                     f"在 r = {plain_number(r[-1])} 处，误差是 {plain_number(e2[-1])}，而切平面的误差是 "
                     f"{plain_number(e1[-1])}：在 p 附近二阶模型几乎就是 f。")

    def _stack(self, panel: list[mn.Mobject]) -> None:
        """The text panel: formulas one under another in the top-left corner."""
        mn.VGroup(*panel).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35).to_corner(
            mn.UL, buff=0.5)

    def _error_table(self, r, e1, e2, factor1: int, factor2: int) -> mn.Mobject:
        """r, |f − T_1|, |f − T_2| row by row, then what halving r does to each column."""
        size = look.MATH_SIZE - 4  # a lone "r" still 10 px high at 480p
        cells = [get_math("r", size=size), get_math(r"|f - T_1|", color=look.LOSS, size=size),
                 get_math(r"|f - T_2|", color=look.LOSS, size=size)]
        for ri, a, b in zip(r, e1, e2, strict=True):
            cells += [get_math(tex_number(ri), size=size),
                      get_math(tex_number(a, notation="sci", zeros=True), color=look.LOSS,
                               size=size),
                      get_math(tex_number(b, notation="sci", zeros=True), color=look.LOSS,
                               size=size)]
        cells += [get_math(r"r \div 2", size=size),
                  get_math(rf"\approx \div {factor1}", color=look.LOSS, size=size),
                  get_math(rf"\approx \div {factor2}", color=look.LOSS, size=size)]
        grid = mn.VGroup(*cells).arrange_in_grid(rows=len(r) + 2, cols=3, buff=(0.45, 0.25),
                                                 col_alignments="lrr")
        # which way the steps go: the unit vector along DIRECTION
        norm2 = sum(float(c) ** 2 for c in DIRECTION)
        length = f"{math.sqrt(norm2):g}" if math.sqrt(norm2).is_integer() else rf"\sqrt{{{norm2:g}}}"
        along = get_math(rf"p + r\,u,\quad u = {_vector(DIRECTION)} / {length}", size=size - 4)
        return self.overlay(mn.VGroup(along, grid).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                           buff=0.3))
