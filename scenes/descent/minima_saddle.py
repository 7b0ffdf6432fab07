"""Local minima and saddle points: the start decides the valley; plain GD lingers at a saddle
where momentum escapes."""

from __future__ import annotations

import manim as mn

from mathcore.descent import first_exit, get_surface, optimize
from scenes.common import (
    LectureThreeDScene,
    get_legend,
    get_math,
    get_text,
    look,
    plain_number,
    tr,
)
from scenes.common.landscape import (
    WALKER_LIFT,
    get_axis_labels,
    get_landscape,
    get_landscape_axes,
    get_path_3d,
    get_walker,
    pin_to,
)

# Numbers the scene uses.
WELLS_WINDOW = (-1.6, 1.6, -1.1, 1.1)
WELLS_STARTS = ((0.2, 1.0), (-0.2, 1.0))  # a step apart, either side of the ridge
WELLS_LR, WELLS_STEPS = 0.05, 60
WELLS_Z, WELLS_SIZE = (-0.5, 4.5, 1), (5.6, 3.9, 2.4)
SADDLE_WINDOW = (-2.0, 2.0, -2.0, 2.0)
BOX = SADDLE_WINDOW[1]  # the plotted region is |x|, |y| <= BOX
SADDLE_START = (1.5, 1e-3)  # just off the ridge y = 0
SADDLE_LR, SADDLE_STEPS, MU = 0.1, 80, 0.9
SADDLE_Z, SADDLE_SIZE = (-4, 4, 2), (4.4, 4.4, 3.0)
WALKER = 0.12
VIEW_SHIFT = 2.4 * mn.RIGHT + 0.1 * mn.UP


def _boxed(mob: mn.Mobject) -> mn.Mobject:
    return mob.add_background_rectangle(color=look.BACKGROUND, opacity=0.75, buff=0.08)


class LocalMinimaAndSaddles(LectureThreeDScene):
    """Two starts, two valleys; then the saddle x^2 - y^2 with GD against momentum."""

    TITLE = ("Local minima and saddle points", "局部极小值与鞍点")

    def construct(self) -> None:
        wells = get_surface("two_minima")
        runs = [optimize("two_minima", s, "sgd", WELLS_LR, WELLS_STEPS) for s in WELLS_STARTS]
        gd = optimize("saddle", SADDLE_START, "sgd", SADDLE_LR, SADDLE_STEPS)
        mom = optimize("saddle", SADDLE_START, "momentum", SADDLE_LR, SADDLE_STEPS, momentum=MU)
        exits = [first_exit(r.positions, SADDLE_WINDOW) for r in (gd, mom)]
        exact = optimize("saddle", (SADDLE_START[0], 0.0), "sgd", SADDLE_LR, SADDLE_STEPS)
        self.show_title()

        # Two valleys
        self.section("Two valleys", "两个山谷")
        self.set_view(phi=55 * mn.DEGREES, theta=-100 * mn.DEGREES, zoom=0.95, shift=VIEW_SHIFT)
        axes = get_landscape_axes(WELLS_WINDOW, WELLS_Z, *WELLS_SIZE)
        land = get_landscape(axes, wells, WELLS_WINDOW, resolution=32)
        mn.VGroup(axes, land).shift(0.8 * mn.IN)
        formula = self.overlay(get_math(r"L = " + wells.tex, color=look.FUNCTION,
                                        size=look.MATH_SIZE - 6))
        formula.to_corner(mn.UL, buff=0.5)
        names = get_axis_labels(self, axes)
        self.play(mn.Create(axes), mn.Create(land), mn.FadeIn(formula), run_time=2.5)
        self.play(*[mn.FadeIn(n) for n in names])
        colours = (look.SECOND, look.TEXT)  # two plain GD runs: GD's colour, then white
        walkers = [get_walker(axes, r.positions[0], r.losses[0], c, WALKER)
                   for r, c in zip(runs, colours, strict=True)]
        legend = self.overlay(get_legend(
            [(tr("start", "起点") + f" ({plain_number(x)}, {plain_number(y)})", c)
             for (x, y), c in zip(WELLS_STARTS, colours, strict=True)], size=look.LABEL_SIZE))
        legend.next_to(formula, mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        self.play(*[mn.FadeIn(w) for w in walkers], mn.FadeIn(legend))
        self.narrate("Two starting points only 0.4 apart in x, on either side of a ridge.",
                     "两个起点在 x 方向上只相距 0.4，分处山脊两侧。")
        paths = [get_path_3d(axes, r.positions, r.losses, c) for r, c in
                 zip(runs, colours, strict=True)]
        moves = [mn.MoveAlongPath(w, p.copy().shift(WALKER_LIFT * WALKER * mn.OUT))
                 for w, p in zip(walkers, paths, strict=True)]
        self.play(*[mn.Create(p) for p in paths], *moves, run_time=4, rate_func=mn.smooth)
        for i, r in enumerate(runs):
            self.record(f"wells run {i}", r.positions)
            self.record(f"wells loss {i}", r.losses)
        self.narrate("Gradient descent rolls each one into the valley on its own side.",
                     "梯度下降把它们各自带进自己一侧的山谷。")

        # Local versus global
        self.section("Local or global?", "局部还是全局？")
        ends = [r.losses[-1] for r in runs]
        names = [tr("local minimum", "局部极小值"), tr("global minimum", "全局最小值")]
        order = sorted(range(2), key=lambda i: -ends[i])  # higher valley: local
        labels = []
        for rank, i in enumerate(order):
            label = self.overlay(_boxed(get_text(f"{names[rank]}  L = {plain_number(ends[i])}",
                                                 size=look.LABEL_SIZE, color=colours[i])))
            pin_to(label, self.renderer.camera, walkers[i], mn.DOWN, buff=0.3)
            labels.append(label)
        self.play(*[mn.FadeIn(lab) for lab in labels])
        self.record("valley losses", ends)
        self.narrate("Descent stops at the bottom of its own valley, which need not be the "
                     "lowest one.", "下降停在自己山谷的谷底，而那未必是最低的谷底。")

        # A saddle point
        self.section("A saddle point", "鞍点", clear=True)
        self.set_view(phi=58 * mn.DEGREES, theta=55 * mn.DEGREES, zoom=0.95, shift=VIEW_SHIFT)
        saddle = get_surface("saddle")
        axes = get_landscape_axes(SADDLE_WINDOW, SADDLE_Z, *SADDLE_SIZE)
        land = get_landscape(axes, saddle, SADDLE_WINDOW, resolution=28)
        formula = self.overlay(get_math(r"L = " + saddle.tex, color=look.FUNCTION))
        formula.to_corner(mn.UL, buff=0.5)
        names = get_axis_labels(self, axes)
        self.play(mn.Create(axes), mn.Create(land), mn.FadeIn(formula), run_time=2)
        self.play(*[mn.FadeIn(n) for n in names])
        start = self.overlay(get_math(
            r"(x_0, y_0) = (" + plain_number(SADDLE_START[0]) + r",\ 10^{-3})",
            size=look.MATH_SIZE - 6))
        start.next_to(formula, mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        self.play(mn.FadeIn(start))
        self.narrate("Along x the surface curves up, along y it curves down; at the centre the "
                     "gradient is zero.", "沿 x 方向曲面向上弯，沿 y 方向向下弯；中心处梯度为零。")
        hess = get_surface("saddle").hessian((0.0, 0.0))
        matrix = self.overlay(get_math(
            r"H = \begin{pmatrix} " + f"{hess[0, 0]:g} & {hess[0, 1]:g} \\\\ "
            f"{hess[1, 0]:g} & {hess[1, 1]:g}" + r" \end{pmatrix}", size=look.MATH_SIZE - 8))
        matrix.next_to(formula, mn.RIGHT, buff=0.6)
        self.play(mn.FadeIn(matrix))
        self.record("saddle hessian", hess)
        self.narrate(f"Its Hessian is diag({hess[0, 0]:g}, {hess[1, 1]:g}): one positive and one "
                     "negative eigenvalue make a saddle point.",
                     f"它的黑塞矩阵是 diag({hess[0, 0]:g}, {hess[1, 1]:g})：一个特征值为正、"
                     "一个为负，这就是鞍点。")

        # GD lingers, momentum escapes
        self.section("Lingering and escaping", "徘徊与逃离")
        methods = [(gd, exits[0], look.SECOND, tr("GD", "梯度下降") + f"  η = {SADDLE_LR}"),
                   (mom, exits[1], look.METHOD_COLOURS["momentum"],
                    tr(f"Momentum  μ = {MU}", f"动量法  μ = {MU}"))]
        legend = self.overlay(get_legend([(name, c) for _, _, c, name in methods],
                                         size=look.LABEL_SIZE))
        legend.next_to(start, mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        self.play(mn.FadeIn(legend))
        counts = mn.VGroup()
        for run, k_exit, colour, _ in methods:
            shown = slice(0, k_exit)  # the steps inside the window
            walker = get_walker(axes, run.positions[0], run.losses[0], colour, WALKER)
            path = get_path_3d(axes, run.positions[shown], run.losses[shown], colour)
            count = self.overlay(get_text(
                tr(f"leaves |x|, |y| ≤ {BOX:g} after {k_exit} steps",
                   f"{k_exit} 步后离开 |x|、|y| ≤ {BOX:g} 的范围"),
                size=look.LABEL_SIZE, color=colour))
            counts.add(count)
            self.play(mn.FadeIn(walker))
            self.play(mn.Create(path), mn.MoveAlongPath(
                walker, path.copy().shift(WALKER_LIFT * WALKER * mn.OUT)), run_time=3.5,
                rate_func=mn.linear)
            self.record(f"saddle {run.optimizer}", run.positions[shown])
            self.record(f"saddle exit {run.optimizer}", k_exit)
        counts.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.25).next_to(
            legend, mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        self.play(mn.FadeIn(counts))
        self.narrate(f"Plain GD crawls near the flat centre, then slides off along y, leaving "
                     f"|x|, |y| ≤ {BOX:g} after {exits[0]} steps.",
                     f"普通梯度下降在平坦的中心附近徘徊，然后沿 y 方向滑走："
                     f"{exits[0]} 步后才离开图中 |x|、|y| ≤ {BOX:g} 的范围。")
        self.narrate(f"Momentum builds up speed and leaves after only {exits[1]} steps.",
                     f"动量法不断加速，只用 {exits[1]} 步就离开了。")
        self.record("saddle exact start end", exact.positions[-1])
        self.narrate(f"Started with y exactly 0, the gradient has no y part: GD slides into the "
                     f"saddle and stays, at x = {plain_number(exact.positions[-1, 0])}.",
                     f"如果 y 恰好从 0 开始，梯度就没有 y 分量：梯度下降滑进鞍点并停在那里，"
                     f"x = {plain_number(exact.positions[-1, 0])}。")
