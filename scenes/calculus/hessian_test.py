"""The Hessian and the extremum test: a minimum, a maximum and a saddle, told apart by the
signs of the Hessian's eigenvalues."""

from __future__ import annotations

import manim as mn
import torch

from mathcore.calculus.multivariable import classify_critical_point, gradient, newton_method
from mathcore.descent import get_surface, optimize
from scenes.common import (
    LectureThreeDScene,
    get_contour_plane,
    get_legend,
    get_math,
    get_text,
    get_trajectory,
    look,
    plain_number,
    tex_number,
    tr,
)
from scenes.common.landscape import get_landscape, get_landscape_axes, get_walker
from scenes.common.surface3d import projected_box
from scenes.common.widgets import put_numbers_on_top

# Numbers the scene uses.
SURFACES = ("round_bowl", "dome", "saddle")
WINDOW = (-1.5, 1.5, -1.5, 1.5)
Z_RANGE = (-2.25, 2.25, 1.5)
SIZE = (2.3, 2.3, 1.2)  # each surface's axes lengths in scene units
SPACING = 4.4  # between the surfaces' centres, scene units
VIEW = {"phi": 62 * mn.DEGREES, "theta": -90 * mn.DEGREES, "zoom": 1.0,
        "shift": 1.2 * mn.UP}
KIND_NAMES = {"minimum": ("minimum", "极小值"), "maximum": ("maximum", "极大值"),
              "saddle": ("saddle point", "鞍点"), "inconclusive": ("inconclusive", "判别法失效")}
KIND_CODES = {"minimum": 1, "maximum": -1, "saddle": 0, "inconclusive": 2}
TURN, TURN_TIME = 45 * mn.DEGREES, 5.0  # each slow turn of the surfaces while they are read
# Newton against gradient descent on the elongated bowl of the descent lecture
NEWTON_SURFACE, GD_LR, GD_STEPS = "bowl", 0.19, 10
NEWTON_LEVELS = (0.5, 2, 5, 10, 16)
# Two warnings after the three surfaces: a diagonal that misleads, a test that cannot decide.
WARNINGS = ((lambda p: p[0] ** 2 + 3 * p[0] * p[1] + p[1] ** 2, r"x^2 + 3xy + y^2"),
            (lambda p: p[0] ** 4 + p[1] ** 4, r"x^4 + y^4"))


def _matrix(h) -> str:
    rows = r" \\ ".join(" & ".join(tex_number(x) for x in row) for row in h)
    return r"H = \begin{bmatrix}" + rows + r"\end{bmatrix}"


class HessianExtremumTest(LectureThreeDScene):
    """Where the gradient vanishes, the Hessian's eigenvalues decide: min, max or saddle."""

    TITLE = ("The Hessian and the extremum test", "黑塞矩阵与极值判别")

    def construct(self) -> None:
        found = [classify_critical_point(get_surface(name).fn, (0.0, 0.0)) for name in SURFACES]
        self.show_title()

        # Three critical points
        self.section("Three critical points", "三个驻点")
        self.set_view(**VIEW)
        lands, walkers, pivots = [], [], []
        for i, name in enumerate(SURFACES):
            axes = get_landscape_axes(WINDOW, Z_RANGE, *SIZE).shift((i - 1) * SPACING * mn.RIGHT)
            lands.append(get_landscape(axes, name, WINDOW, resolution=16))
            pivots.append(axes.c2p(0, 0, 0))
            walkers.append(get_walker(axes, (0.0, 0.0), 0.0, look.POINT, radius=0.09))
        # One row of formulas above the surfaces, one row of matrices below them.
        boxes = [projected_box(self.renderer.camera, land) for land in lands]
        top, bottom = max(b[3] for b in boxes), min(b[1] for b in boxes)
        centres = [(b[0] + b[2]) / 2 for b in boxes]
        formulas = []
        for x, name in zip(centres, SURFACES, strict=True):
            formula = self.overlay(get_math(r"f = " + get_surface(name).tex,
                                            color=look.FUNCTION, size=look.MATH_SIZE - 6))
            formula.next_to([x, top, 0], mn.UP, buff=0.3)
            formulas.append(formula)
        self.play(*[mn.Create(land) for land in lands], run_time=2)
        self.play(*[mn.FadeIn(f) for f in formulas], *[mn.FadeIn(w) for w in walkers])
        for name in SURFACES:
            self.record("gradient", gradient(get_surface(name).fn, (0.0, 0.0)))
        self.narrate("At the centre of each surface the gradient is zero: a critical point, "
                     "where the surface is flat.",
                     "每个曲面的中心梯度都为零：这样的点叫驻点，曲面在那里是平的。")

        # The Hessian: second derivatives
        self.section("The Hessian", "黑塞矩阵")
        matrices = []
        for x, c in zip(centres, found, strict=True):
            m = self.overlay(get_math(_matrix(c.hessian), size=look.MATH_SIZE - 8))
            m.next_to([x, bottom, 0], mn.DOWN, buff=0.3)
            matrices.append(m)
        self.play(*[mn.FadeIn(m) for m in matrices])
        for c in found:
            self.record("hessian", c.hessian)
        self.narrate("The Hessian holds the second derivatives: how the slope changes in each "
                     "direction.",
                     "黑塞矩阵由二阶偏导数组成：描述曲面在各个方向上的弯曲程度。")
        self._turn(lands, pivots)

        # The test: signs of the eigenvalues
        self.section("The verdict", "判别结果")
        verdicts = []
        for matrix, c in zip(matrices, found, strict=True):
            lam = r",\; ".join(tex_number(x) for x in c.eigenvalues)
            eig = get_math(r"\lambda_{1,2} = " + lam, size=look.MATH_SIZE - 8)
            kind = get_text(tr(*KIND_NAMES[c.kind]), size=look.LABEL_SIZE, color=look.POINT)
            v = self.overlay(mn.VGroup(eig, kind).arrange(mn.DOWN, buff=0.12))
            v.next_to(matrix, mn.DOWN, buff=0.2)
            verdicts.append(v)
            self.record("eigenvalues", c.eigenvalues)
            self.record("kind", KIND_CODES[c.kind])
        self.play(*[mn.FadeIn(v) for v in verdicts])
        self.narrate("Where the gradient is zero, the eigenvalues decide. All positive: a "
                     "local minimum.",
                     "在梯度为零的点，由特征值判定：全正是局部极小值。")
        self._turn(lands, pivots)
        self.narrate("All negative: a local maximum. Mixed signs: a saddle.",
                     "全负是局部极大值；有正有负则是鞍点。")

        # Two warnings: eigenvalues, not the diagonal; a zero eigenvalue decides nothing
        self.section("Two warnings", "两点提醒", clear=True)
        cases = [classify_critical_point(fn, (0.0, 0.0)) for fn, _ in WARNINGS]
        table = mn.VGroup()
        for (_, tex), c in zip(WARNINGS, cases, strict=True):
            lam = r",\; ".join(tex_number(x) for x in c.eigenvalues)
            table.add(mn.VGroup(
                get_math(r"f = " + tex, color=look.FUNCTION, size=look.MATH_SIZE - 4),
                get_math(_matrix(c.hessian), size=look.MATH_SIZE - 4),
                get_math(r"\lambda_{1,2} = " + lam, size=look.MATH_SIZE - 4),
                get_text(tr(*KIND_NAMES[c.kind]), size=look.LABEL_SIZE, color=look.POINT),
            ).arrange(mn.RIGHT, buff=0.5))
            self.record("warning eigenvalues", c.eigenvalues)
            self.record("warning kind", KIND_CODES[c.kind])
        table.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.6).move_to(0.6 * mn.UP)
        self.overlay(table)
        saddle, flat = cases
        d, (lo, hi) = saddle.hessian[0][0], saddle.eigenvalues
        self.play(mn.FadeIn(table[0]))
        self.narrate(f"The eigenvalues decide, not the diagonal: here the diagonal is {d:g} and "
                     f"{d:g}, but the eigenvalues are {hi:g} and {lo:g}: a saddle.",
                     f"起决定作用的是特征值，而不是对角线：这里对角线是 {d:g} 和 {d:g}，"
                     f"特征值却是 {hi:g} 和 {lo:g}：这是鞍点。")
        self.play(mn.FadeIn(table[1]))
        self.narrate("A zero eigenvalue leaves the test without a verdict: here H = 0, yet the "
                     "origin is a minimum of x⁴ + y⁴.",
                     "有零特征值时，判别法无法下结论：这里 H = 0，而原点其实是 x⁴ + y⁴ 的极小值点。")
        self._newton()
        self.wait(1.0)

    def _newton(self) -> None:
        """One Newton step, p <- p - H^-1 grad f, against gradient steps on the same bowl."""
        self.section("One Newton step", "牛顿法的一步", clear=True)
        surface = get_surface(NEWTON_SURFACE)
        gd = optimize(NEWTON_SURFACE, None, "sgd", GD_LR, GD_STEPS)
        newton = newton_method(surface.fn, gd.positions[0], 1)
        newton_loss = float(surface.fn(torch.tensor(newton[-1])))
        self.record("newton", newton)
        self.record("newton loss", newton_loss)
        self.record("gd", gd.positions)
        self.record("gd loss", gd.losses[-1])
        axes, contours = get_contour_plane(NEWTON_SURFACE, NEWTON_LEVELS, 6.9)
        put_numbers_on_top(axes)  # the gradient steps zig-zag across the x tick numbers
        plane = mn.VGroup(axes, contours).to_edge(mn.UP, buff=0.6).to_edge(mn.LEFT, buff=0.4)
        rules = mn.VGroup(
            get_math(r"f = " + surface.tex, color=look.FUNCTION, size=look.MATH_SIZE - 4),
            get_math(r"p \leftarrow p - H^{-1} \nabla f", color=look.POINT,
                     size=look.MATH_SIZE - 4),
            get_math(rf"p \leftarrow p - \eta \nabla f,\ \eta = {GD_LR:g}", color=look.THIRD,
                     size=look.MATH_SIZE - 4),
        ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        legend = get_legend([(tr("Newton: 1 step", "牛顿法：1 步"), look.POINT),
                             (tr(f"gradient descent: {GD_STEPS} steps",
                                 f"梯度下降：{GD_STEPS} 步"), look.THIRD)],
                            size=look.LABEL_SIZE)
        panel = mn.VGroup(rules, legend).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.5)
        panel.next_to(plane, mn.RIGHT, buff=0.5).align_to(plane, mn.UP)
        self.overlay(plane)
        self.overlay(panel)
        gd_path = get_trajectory(axes, gd.positions, look.THIRD)
        jump = mn.Arrow(axes.c2p(*newton[0]), axes.c2p(*newton[-1]), buff=0.0, color=look.POINT,
                        stroke_width=5)
        self.overlay(gd_path)
        self.overlay(jump)
        self.remove(gd_path, jump)
        self.play(mn.Create(axes), mn.Create(contours), mn.FadeIn(rules), run_time=1.2)
        self.narrate("The Hessian also tells how to step: Newton's method jumps to the flat "
                     "point of the quadratic model it gives.",
                     "黑塞矩阵还告诉我们怎么走：牛顿法直接跳到它给出的二次模型的驻点。")
        self.narrate("With all eigenvalues positive, as here, that point is the model's "
                     "minimum; near a saddle it would be the saddle.",
                     "像这里特征值全正时，这个点就是模型的最低点；在鞍点附近，它跳到的却是鞍点。")
        self.play(mn.Create(gd_path[0]), mn.FadeIn(gd_path[1], lag_ratio=0.2),
                  mn.FadeIn(legend[1]), run_time=2.5)
        self.play(mn.GrowArrow(jump), mn.FadeIn(legend[0]), run_time=1.0)
        self.narrate(f"This bowl is itself quadratic, so one Newton step lands on the minimum; "
                     f"after {GD_STEPS} gradient steps f is still {plain_number(gd.losses[-1])}.",
                     f"这个碗本身就是二次函数，所以牛顿法一步就落在最低点；"
                     f"梯度下降走了 {GD_STEPS} 步，f 仍是 {plain_number(gd.losses[-1])}。")
        self.narrate("The price: each Newton step solves a linear system with the Hessian, "
                     "costly with millions of parameters.",
                     "代价是：牛顿法每一步都要用黑塞矩阵解一个线性方程组，参数有上百万个时非常昂贵。")

    def _turn(self, lands, pivots) -> None:
        """A slow turn by TURN of every surface about its own vertical axis, as a
        camera circling each one would show it (the labels above and below stay put)."""
        self.play(*[mn.Rotate(land, angle=TURN, axis=mn.OUT, about_point=pivot)
                    for land, pivot in zip(lands, pivots, strict=True)],
                  run_time=TURN_TIME, rate_func=mn.smooth)
