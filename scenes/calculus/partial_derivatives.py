"""Partial derivatives as slopes of slices of a surface, the gradient they make up, and the
total differential dz = f_x dx + f_y dy against the real change Δz."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.calculus.partials import HILL_TEX, differential_steps, hill, partials
from mathcore.calculus.taylor_surface import surface_values
from scenes.common import (
    FastSurface,
    LectureThreeDScene,
    get_math,
    look,
    surface_dot,
    tex_number,
    tr,
)
from scenes.common.landscape import (
    LANDSCAPE_COLOURS,
    get_axis_labels,
    get_landscape_axes,
    get_path_3d,
    walker_point,
)

# Numbers the scene uses.
POINT = (-0.6, 0.8)  # p, where the partial derivatives are taken
WINDOW = (-2.0, 2.0, -2.0, 2.0)
Z_RANGE = (0.0, 1.0, 0.5)
SIZE = (5.0, 5.0, 2.8)  # axes lengths x, y, z in scene units
RESOLUTION = 24
SAMPLES = 81
TANGENT_HALF = 0.6  # each tangent segment reaches this far either side of p (in x or y)
TANGENT_LIGHT = 0.5  # a tangent is its slice's colour, this much lighter
GRADIENT_LENGTH = 0.9  # the gradient arrow's length in the (x, y) plane, axes units
STEP = (0.4, 0.1)  # (dx, dy) of the total differential, then halved twice
SCALES = (1.0, 0.5, 0.25)
PLANE_HALF = 0.55  # the tangent plane patch: p ± this in x and y
DOT = 0.08
VIEW = {"phi": 62 * mn.DEGREES, "theta": 120 * mn.DEGREES, "zoom": 1.0,
        "shift": 2.7 * mn.RIGHT + 0.3 * mn.UP}
TURN, TURN_TIME = 20 * mn.DEGREES, 6.0  # a slow turn while the gradient is read
PLANE_COLOURS = tuple(mn.ManimColor(look.POINT).interpolate(mn.ManimColor(look.BACKGROUND), t)
                      for t in (0.15, 0.35))


def _vector(v) -> str:
    return "(" + ", ".join(tex_number(x) for x in v) + ")"


class PartialDerivatives(LectureThreeDScene):
    """Slices along x and y through p, their slopes f_x and f_y, ∇f, and dz versus Δz."""

    TITLE = ("Partial derivatives and the total differential", "偏导数与全微分")

    def construct(self) -> None:
        pd = partials(hill, POINT)
        x0, y0 = POINT
        self.show_title()

        # A surface and a point on it
        self.section("A surface", "曲面")
        self.set_view(**VIEW)
        axes = get_landscape_axes(WINDOW, Z_RANGE, *SIZE)
        wx0, wx1, wy0, wy1 = WINDOW

        def on_axes(values):
            def point(u: np.ndarray, v: np.ndarray) -> np.ndarray:
                return np.asarray(axes.c2p(u, v, values(u, v))).T
            return point

        surface = FastSurface(on_axes(lambda u, v: surface_values(hill, u, v)),
                              u_range=(wx0, wx1), v_range=(wy0, wy1), resolution=RESOLUTION,
                              vectorized=True, checkerboard_colors=LANDSCAPE_COLOURS,
                              stroke_color=look.BACKGROUND, stroke_width=0.5)
        dot = surface_dot(walker_point(axes, POINT, pd.value, DOT), radius=DOT, color=look.POINT)
        formula = self.overlay(get_math(r"f(x, y) = " + HILL_TEX, color=look.FUNCTION))
        where = self.overlay(get_math(rf"p = {_vector(POINT)},\ f(p) = {tex_number(pd.value)}",
                                      color=look.POINT, size=look.MATH_SIZE - 6))
        panel = [formula, where]
        self._stack(panel)
        names = get_axis_labels(self, axes, ("x", "y", "z"), size=look.LABEL_SIZE + 10)
        self.play(mn.Create(axes), mn.Create(surface), *[mn.FadeIn(n) for n in names],
                  run_time=2.0)
        self.play(mn.FadeIn(formula), mn.FadeIn(where), mn.FadeIn(dot))
        self.record("point", POINT)
        self.record("value", pd.value)
        self.narrate("A function of two variables is a surface: its height z = f(x, y) above "
                     "each point of the ground.",
                     "二元函数就是一个曲面：在地面上每一点 (x, y) 的上方，高度是 z = f(x, y)。")

        # Slice along x: hold y fixed
        self.section("Slice along x", "沿 x 方向切片")
        xs = np.linspace(wx0, wx1, SAMPLES)
        slice_x = get_path_3d(axes, np.stack([xs, np.full_like(xs, y0)], axis=1),
                              pd.slice_x(xs), look.SECOND, width=5)
        tan_x = self._tangent(axes, pd.value, (1.0, 0.0), pd.fx, look.SECOND)
        fx = self.overlay(get_math(rf"f_x = \partial f/\partial x = {tex_number(pd.fx)}",
                                   color=look.SECOND, size=look.MATH_SIZE - 6))
        panel.append(fx)
        self._stack(panel)
        self.play(surface.animate.set_fill(opacity=0.7), mn.Create(slice_x), run_time=1.5)
        self.play(mn.Create(tan_x), mn.FadeIn(fx))
        self.record("partial_x", pd.fx)
        self.narrate(f"Hold y at {tex_number(y0)} and move only x: the surface becomes a curve. "
                     "Its slope at p is the partial derivative with respect to x.",
                     f"把 y 固定在 {tex_number(y0)}，只让 x 变化：曲面被切成一条曲线。"
                     "它在 p 点的斜率就是对 x 的偏导数。")
        self.narrate(f"Here it is {tex_number(pd.fx)}: going in the x direction, the surface "
                     f"{tr(*self._trend(pd.fx))}.",
                     f"这里是 {tex_number(pd.fx)}：沿 x 方向走，曲面{tr(*self._trend(pd.fx))}。")

        # Slice along y: hold x fixed
        self.section("Slice along y", "沿 y 方向切片")
        ys = np.linspace(wy0, wy1, SAMPLES)
        slice_y = get_path_3d(axes, np.stack([np.full_like(ys, x0), ys], axis=1),
                              pd.slice_y(ys), look.THIRD, width=5)
        tan_y = self._tangent(axes, pd.value, (0.0, 1.0), pd.fy, look.THIRD)
        fy = self.overlay(get_math(rf"f_y = \partial f/\partial y = {tex_number(pd.fy)}",
                                   color=look.THIRD, size=look.MATH_SIZE - 6))
        panel.append(fy)
        self._stack(panel)
        self.play(mn.Create(slice_y), run_time=1.5)
        self.play(mn.Create(tan_y), mn.FadeIn(fy))
        self.record("partial_y", pd.fy)
        self.narrate(f"Now hold x at {tex_number(x0)} and move y. This slice has slope "
                     f"{tex_number(pd.fy)} at p: along y the surface "
                     f"{tr(*self._trend(pd.fy))}.",
                     f"再把 x 固定在 {tex_number(x0)}，只让 y 变化。这条切片曲线在 p 点的斜率是 "
                     f"{tex_number(pd.fy)}：沿 y 方向曲面{tr(*self._trend(pd.fy))}。")

        # The gradient: both partials in one vector
        self.section("The gradient", "梯度")
        g = pd.gradient
        direction = g / np.linalg.norm(g)
        # the arrow climbs the surface along the gradient's direction, from p
        ts = np.linspace(0.0, GRADIENT_LENGTH, SAMPLES // 4)
        route = np.array(POINT) + ts[:, None] * direction
        heights = surface_values(hill, route[:, 0], route[:, 1])
        lifted = [walker_point(axes, xy, z, DOT) for xy, z in zip(route, heights, strict=True)]
        cut = int(len(ts) * 0.75)
        arrow = mn.VGroup(
            mn.VMobject(stroke_color=look.GRADIENT_BRIGHT, stroke_width=7)
            .set_points_as_corners(lifted[:cut + 1]),
            mn.Arrow(lifted[cut], lifted[-1], buff=0, color=look.GRADIENT_BRIGHT,
                     stroke_width=7, max_tip_length_to_length_ratio=0.6))
        grad = self.overlay(get_math(rf"\nabla f(p) = (f_x, f_y) = {_vector(g)}",
                                     color=look.GRADIENT_BRIGHT, size=look.MATH_SIZE - 6))
        panel.append(grad)
        self._stack(panel)
        self.play(mn.Create(arrow[0]), mn.FadeIn(grad), run_time=0.8)
        self.play(mn.GrowArrow(arrow[1]), run_time=0.4)
        self.record("gradient", g)
        to_top = float(-np.asarray(POINT) @ g / (np.linalg.norm(POINT) * np.linalg.norm(g)))
        self.record("gradient_cosine_to_top", to_top)
        self.narrate("Side by side, the two partials form the gradient, a direction in the "
                     "x, y plane; the arrow climbs that way.",
                     "把两个偏导数并排放在一起，就得到梯度：x、y 平面上的一个方向；"
                     "箭头沿着这个方向爬上曲面。")
        self.move_camera(theta=VIEW["theta"] + TURN, run_time=TURN_TIME)
        self.narrate("It points the way the surface rises fastest: here straight towards the "
                     "top of the hill.", "它指向曲面上升最快的方向：这里正对着山顶。")

        # The total differential: each partial times its own step
        self.section("The total differential", "全微分")
        steps = differential_steps(hill, POINT, STEP, SCALES)
        s0 = steps[0]
        q = np.array(POINT) + np.array([s0.dx, s0.dy])
        plane = FastSurface(on_axes(lambda u, v: pd.value + pd.fx * (u - x0) + pd.fy * (v - y0)),
                            u_range=(x0 - PLANE_HALF, x0 + PLANE_HALF),
                            v_range=(y0 - PLANE_HALF, y0 + PLANE_HALF), resolution=6,
                            vectorized=True, checkerboard_colors=PLANE_COLOURS, fill_opacity=0.6,
                            stroke_color=look.BACKGROUND, stroke_width=0.5)
        q_dot = surface_dot(walker_point(axes, q, pd.value + s0.delta_z, DOT), radius=DOT,
                            color=look.SECOND)
        rule = self.overlay(get_math(r"dz = f_x\,dx + f_y\,dy", color=look.GRADIENT_BRIGHT,
                                     size=look.MATH_SIZE - 4))
        table = self._table(steps)
        self.play(*[mn.FadeOut(m) for m in (fx, fy, arrow, tan_x, tan_y)])
        panel = [formula, where, grad, rule, table]
        self._stack(panel)
        self.play(mn.FadeIn(plane), mn.FadeIn(q_dot), mn.FadeIn(rule))
        self.record("step", STEP)
        self.narrate("Now step by dx and dy together: each partial derivative is multiplied by "
                     "its own variable's change.",
                     "现在 x 和 y 一起变化 dx 和 dy：每个偏导数乘以它自己那个变量的变化量。")
        self.play(mn.FadeIn(table))
        for s in steps:
            self.record("differential", [s.dx, s.dy, s.dz, s.delta_z, s.error])
        errors = np.array([s.error for s in steps])
        self.record("error_over_step", errors / (np.hypot(*STEP) * np.array(SCALES)))
        self.narrate("dz is the rise of the tangent plane; Δz, the surface's real rise, agrees "
                     "better and better as the step shrinks.",
                     "dz 是切平面上升的高度；曲面真正的变化 Δz 随着步长变小，与它越来越吻合。")
        factor = round(float(np.mean(errors[:-1] / errors[1:])))
        self.record("gap factor per halving", factor)
        self.narrate(f"Each time the step halves, the gap Δz − dz shrinks about {factor} times: "
                     "it is small of second order.",
                     f"步长每减半一次，差距 Δz − dz 约缩小 {factor} 倍：它是二阶小量。")
        plain = pd.fx + pd.fy
        self.record("sum_of_partials", plain)
        self.narrate("The course calls the total derivative the sum of the partials.",
                     "课程说全导数是偏导数之和。")
        (unit,) = differential_steps(hill, POINT, (1.0, 1.0), (1.0,))
        self.record("unit step dz and change", [unit.dz, unit.delta_z])
        self.narrate(f"Their plain sum, {tex_number(plain)}, is just dz for the step dx = dy = 1: "
                     "the rise of the tangent plane.",
                     f"直接相加得到的 {tex_number(plain)}，只是 dx = dy = 1 时切平面上升的高度 dz。")
        self.narrate(f"For that step the surface itself changes by {tex_number(unit.delta_z)}: "
                     "the sum of the partials is not the change.",
                     f"对这一步，曲面本身的变化是 {tex_number(unit.delta_z)}：偏导数之和并不是变化量。")
        self.narrate("The right statement is the total differential, each partial weighted by "
                     "its own variable's change.",
                     "正确的说法是全微分：每个偏导数乘以各自变量的变化量。")
        chain = self.overlay(get_math(r"\frac{dz}{dt} = f_x\,\frac{dx}{dt} + f_y\,\frac{dy}{dt}",
                                      color=look.GRADIENT_BRIGHT, size=look.MATH_SIZE - 4))
        chain.move_to(table, aligned_edge=mn.UL)
        self.play(mn.FadeOut(table), mn.FadeIn(chain))
        self.narrate("And if x and y both change with time t, the total derivative dz/dt",
                     "若 x、y 都随时间 t 变化，全导数 dz/dt")
        self.narrate("adds up each partial derivative times its own variable's rate of change.",
                     "就是每个偏导数乘以它那个变量的变化率，再相加。")
        self.wait(1.0)

    @staticmethod
    def _trend(slope: float) -> tuple[str, str]:
        return ("rises", "上升") if slope > 0 else ("falls", "下降")

    def _tangent(self, axes, value: float, unit: tuple[float, float], slope: float, colour: str):
        """The tangent of a slice at p: p ± TANGENT_HALF along ``unit``, rising by ``slope``, in
        a lighter shade of its slice's ``colour``."""
        p = np.array(POINT)
        ends = np.array([p - TANGENT_HALF * np.array(unit), p + TANGENT_HALF * np.array(unit)])
        heights = np.array([value - TANGENT_HALF * slope, value + TANGENT_HALF * slope])
        light = mn.ManimColor(colour).interpolate(mn.WHITE, TANGENT_LIGHT)
        return get_path_3d(axes, ends, heights, light, width=7, lift=0.06)

    def _stack(self, panel: list[mn.Mobject]) -> None:
        """The text panel: formulas one under another in the top-left corner."""
        mn.VGroup(*panel).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3).to_corner(
            mn.UL, buff=0.5)

    def _table(self, steps) -> mn.Mobject:
        """(dx, dy), dz and Δz row by row."""
        size = look.MATH_SIZE - 8
        cells = [get_math(r"(dx, dy)", size=size),
                 get_math("dz", size=size, color=look.GRADIENT_BRIGHT),
                 get_math(r"\Delta z", size=size, color=look.FUNCTION),
                 get_math(r"\Delta z - dz", size=size, color=look.LOSS)]
        for s in steps:
            cells += [get_math(_vector((s.dx, s.dy)), size=size),
                      get_math(tex_number(s.dz), size=size, color=look.GRADIENT_BRIGHT),
                      get_math(tex_number(s.delta_z), size=size, color=look.FUNCTION),
                      get_math(tex_number(s.delta_z - s.dz), size=size, color=look.LOSS)]
        grid = mn.VGroup(*cells).arrange_in_grid(rows=len(steps) + 1, cols=4, buff=(0.4, 0.2),
                                                 col_alignments="lrrr")
        return self.overlay(grid)
