"""The differential and the integral: dy = f'(x) dx against the real change Δy as we zoom in,
then left, right and midpoint Riemann sums refining to the area under the curve."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.calculus import derivative, differential, evaluate, riemann_rectangles, riemann_sum
from mathcore.calculus.integrals import definite_integral
from scenes.common import (
    LectureScene,
    get_axes,
    get_math,
    get_polyline,
    get_text,
    look,
    tex_number,
    tr,
)

# Numbers the scene uses.
X0 = 1.0  # where the differential is taken
DXS = (0.5, 0.1, 0.02)  # each step zooms in by the ratio of two of these
A, B = 0.0, 2.0  # the integral of x^2 over [A, B]
FIRST_N = 4
NS = (4, 8, 16, 32)  # the midpoint sums refining
RULES = ("left", "right", "midpoint")
RULE_NAMES = {"left": ("left", "左端点"), "right": ("right", "右端点"),
              "midpoint": ("midpoint", "中点")}
RULE_COLOURS = {"left": look.SECOND, "right": look.THIRD, "midpoint": look.GRADIENT}
PLOT = (6.0, 4.6)
SAMPLES = 201


def square(x):
    return x**2


def cube_third(x):
    """F(x) = x³/3, whose derivative is x²."""
    return x**3 / 3


def _window(dx: float) -> tuple[list[float], list[float]]:
    """The zoomed window around (X0, f(X0)): 4 dx wide, the same picture at every dx."""
    y0 = float(evaluate(square, X0))
    return [X0 - 2 * dx, X0 + 2 * dx, dx], [y0 - 2 * dx, y0 + 6 * dx, 2 * dx]


class DifferentialIntegral(LectureScene):
    """dy is the tangent's rise, Δy the curve's; integrals are limits of rectangle sums."""

    TITLE = ("The differential and the integral", "微分与积分")

    def construct(self) -> None:
        slope = float(derivative(square, X0))
        self.show_title()

        # dy against Δy
        self.section("dy and Δy", "dy 与 Δy")
        table = self._table_header()
        table.to_corner(mn.UR, buff=0.5)
        self._header = table
        picture = self._differential_picture(DXS[0])
        first = differential(square, X0, DXS[0])
        self.play(mn.Create(picture[0]), mn.Create(picture[1]), run_time=1.2)
        self.play(mn.FadeIn(picture[2:]), mn.FadeIn(table))
        row = self._row(first, table)
        self.play(mn.FadeIn(row))
        self.record("slope", slope)
        self.record("differential", [first.dx, first.dy, first.delta_y, first.error])
        self.narrate("Step from x = 1 by dx. The tangent rises by dy = f'(x) dx; the curve "
                     "itself rises by Δy.",
                     "从 x = 1 走一小步 dx。切线升高 dy = f'(x) dx，曲线本身升高 Δy。")
        self.narrate(f"With dx = {tex_number(first.dx)}, dy = {tex_number(first.dy)} but Δy = "
                     f"{tex_number(first.delta_y)}: the gap is {tex_number(first.error)}.",
                     f"dx = {tex_number(first.dx)} 时，dy = {tex_number(first.dy)}，而 Δy = "
                     f"{tex_number(first.delta_y)}：差了 {tex_number(first.error)}。")

        # Zoom in: the curve looks like its tangent
        self.section("Zoom in", "放大")
        rows = [row]
        for dx in DXS[1:]:
            new = self._differential_picture(dx)
            zoom = DXS[0] / dx if dx == DXS[1] else DXS[1] / dx
            point = picture[2].get_center()
            self.play(picture.animate.scale(zoom, about_point=point).set_opacity(0),
                      mn.FadeIn(new, scale=1 / zoom), run_time=1.5)
            self.remove(picture)
            picture = new
            d = differential(square, X0, dx)
            row = self._row(d, rows[-1])
            rows.append(row)
            self.play(mn.FadeIn(row))
            self.record("differential", [d.dx, d.dy, d.delta_y, d.error])
        errors = [differential(square, X0, dx).error for dx in DXS]
        shrink = [e / dx for e, dx in zip(errors, DXS, strict=True)]
        self.record("error_over_dx", shrink)
        self.narrate("Zoom in so that dx always looks the same: the curve straightens into its "
                     "tangent, and the gap vanishes.",
                     "放大到 dx 看起来一样长：曲线越来越直，贴近切线，差距消失了。")
        self.narrate("The gap shrinks faster than dx itself. That is what dy = f'(x) dx means: the "
                     "best linear estimate of Δy.",
                     "差距比 dx 本身缩小得更快。这就是 dy = f'(x) dx 的含义：Δy 的最佳线性近似。")

        # Riemann sums: left, right, midpoint
        self.section("Rectangles under a curve", "曲线下的矩形", clear=True)
        axes = get_axes([A, B, 0.5], [0, 4, 1], *PLOT).to_corner(mn.UL, buff=0.5)
        xs = np.linspace(A, B, SAMPLES)
        curve = get_polyline(axes, xs, evaluate(square, xs), look.FUNCTION)
        exact = definite_integral(square, A, B)
        area = axes.get_area(axes.plot(lambda x: x**2, x_range=[A, B]), x_range=[A, B],
                             color=look.FUNCTION, opacity=0.3)
        integral = get_math(r"\int_0^2 x^2\,dx = " + tex_number(exact, 4), color=look.FUNCTION)
        integral.to_corner(mn.UR, buff=0.5).shift(0.3 * mn.LEFT)
        self.play(mn.Create(axes), mn.Create(curve), run_time=1.2)
        self.play(mn.FadeIn(area), mn.Write(integral))
        self.record("exact", exact)
        self.narrate(f"The integral of x² from 0 to 2 is the area under the curve: "
                     f"{tex_number(exact, 4)}.",
                     f"x² 从 0 到 2 的积分，就是曲线下方的面积：{tex_number(exact, 4)}。")
        sums = mn.VGroup()
        rects = None
        for rule in RULES:
            new_rects = self._rectangles(axes, FIRST_N, rule)
            value = riemann_sum(square, A, B, FIRST_N, rule)
            line = self._sum_line(rule, FIRST_N, value)
            sums.add(line)
            sums.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.25)
            sums.next_to(integral, mn.DOWN, buff=0.45).to_edge(mn.RIGHT, buff=0.5)
            if rects is None:
                self.play(mn.FadeOut(area), mn.Create(new_rects), mn.FadeIn(line))
            else:
                self.play(mn.Transform(rects, new_rects), mn.FadeIn(line))
                self.remove(rects)
            rects = new_rects
            self.add(rects)
            self.record(f"{rule}_sum_{FIRST_N}", value)
        values = {r: riemann_sum(square, A, B, FIRST_N, r) for r in RULES}
        self.narrate(f"{FIRST_N} rectangles: the left corners give {tex_number(values['left'], 4)}, "
                     f"too little; the right corners {tex_number(values['right'], 4)}, too much.",
                     f"{FIRST_N} 个矩形：取左端点得 {tex_number(values['left'], 4)}，偏小；取右端点得 "
                     f"{tex_number(values['right'], 4)}，偏大。")
        self.narrate(f"Midpoints give {tex_number(values['midpoint'], 4)}, already close to "
                     f"{tex_number(exact, 4)}.",
                     f"取中点得 {tex_number(values['midpoint'], 4)}，已经很接近 "
                     f"{tex_number(exact, 4)}。")

        # Refining: more, thinner rectangles
        self.section("Refining", "加细", clear=False)
        self.play(mn.FadeOut(sums))
        grid = self._error_table(exact)
        grid.next_to(integral, mn.DOWN, buff=0.45).to_edge(mn.RIGHT, buff=0.5)
        self.play(mn.FadeIn(grid[:3]))
        self.play(mn.FadeIn(grid[3:6]))
        errors = {r: [] for r in ("left", "midpoint")}
        for i, n in enumerate(NS):
            for r in errors:
                errors[r].append(abs(riemann_sum(square, A, B, n, r) - exact))
            if i:
                new_rects = self._rectangles(axes, n, "midpoint")
                self.play(mn.FadeOut(rects), mn.FadeIn(new_rects),
                          mn.FadeIn(grid[3 * (i + 1):3 * (i + 2)]), run_time=1.0)
                rects = new_rects
        ratios = {r: [e[k] / e[k + 1] for k in range(len(NS) - 1)] for r, e in errors.items()}
        self.record("ns", NS)
        for r, e in errors.items():
            self.record(f"{r}_errors", e)
            self.record(f"{r}_error_ratios", ratios[r])
        left_factor, mid_factor = round(ratios["left"][-1]), round(ratios["midpoint"][-1])
        self.record("halving_factors", [left_factor, mid_factor])
        self.narrate(f"Each time the rectangles halve in width, the left sum's error shrinks about "
                     f"{left_factor} times, the midpoint's {mid_factor} times.",
                     f"矩形宽度每减半一次，左端点和的误差约缩小 {left_factor} 倍，"
                     f"中点和的误差缩小 {mid_factor} 倍。")
        self.narrate("In the limit of thinner and thinner rectangles every rule gives the same "
                     "number: the integral.",
                     "矩形越来越细，取极限时每种取法都得到同一个数：积分。")

        # The link: the strips are differentials, and they add up to the total change
        self.section("Adding up differentials", "把微分加起来", clear=False)
        probe = np.linspace(A, B, 9)
        self.record("antiderivative check", [probe, derivative(cube_third, probe)])
        rise = float(evaluate(cube_third, B) - evaluate(cube_third, A))
        self.record("F rise", rise)
        link = mn.VGroup(
            get_math(r"F(x) = \frac{x^3}{3}", color=look.GRADIENT),
            get_math(r"F'(x) = x^2", color=look.GRADIENT),
            get_math(rf"F({B:g}) - F({A:g}) = {tex_number(rise, 4)}", color=look.GRADIENT),
        ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3)
        link.next_to(integral, mn.DOWN, buff=0.45).align_to(integral, mn.LEFT)
        self.play(mn.FadeOut(grid))
        self.play(mn.FadeIn(link[:2]))
        self.narrate("Here the two ideas meet: x² is the derivative of F(x) = x³/3,",
                     "两个概念在这里相遇：x² 是 F(x) = x³/3 的导数，")
        self.narrate("so each thin strip, x² dx, is a differential dF.",
                     "所以每个细条 x² dx 正是一个微分 dF。")
        self.play(mn.FadeIn(link[2]))
        self.narrate(f"Each strip's exact area is the rise of F across it, so the rises add up "
                     f"to F({B:g}) − F({A:g}) = {tex_number(rise, 4)}, the whole area.",
                     f"每一细条的精确面积正是 F 在它上面的增量，这些增量加起来就是 "
                     f"F({B:g}) − F({A:g}) = {tex_number(rise, 4)}，也就是整块面积。")
        self.narrate("That is the fundamental theorem of calculus: to integrate f, find an F "
                     "whose derivative is f.",
                     "这就是微积分基本定理（牛顿–莱布尼茨公式）：要求 f 的积分，只需找到导数是 f 的 F。")
        self.wait(1.0)

    # The differential picture -------------------------------------------------------------
    def _differential_picture(self, dx: float) -> mn.VGroup:
        """Axes zoomed to dx, the curve, P, the tangent, and the dx, dy, Δy segments."""
        xr, yr = _window(dx)
        axes = get_axes(xr, yr, *PLOT, x_label="", y_label="").to_corner(mn.UL, buff=0.5)
        axes.shift(0.3 * mn.RIGHT)
        xs = np.linspace(xr[0], xr[1], SAMPLES)
        ys = evaluate(square, xs)
        keep = (ys >= yr[0]) & (ys <= yr[1])  # curve and tangent end at the window's edges
        curve = get_polyline(axes, xs[keep], ys[keep], look.FUNCTION)
        d = differential(square, X0, dx)
        y0 = float(evaluate(square, X0))
        p = axes.c2p(X0, y0)
        corner = axes.c2p(X0 + dx, y0)
        slope = d.dy / dx
        t0 = max(xr[0], X0 + (yr[0] - y0) / slope)
        t1 = min(xr[1], X0 + (yr[1] - y0) / slope)
        tangent = mn.Line(axes.c2p(t0, y0 + slope * (t0 - X0)), axes.c2p(t1, y0 + slope * (t1 - X0)),
                          color=look.POINT, stroke_width=3)
        dot = mn.Dot(p, radius=0.07, color=look.POINT)
        run = mn.Line(p, corner, color=look.TEXT, stroke_width=4)
        dy = mn.Line(corner, axes.c2p(X0 + dx, y0 + d.dy), color=look.GRADIENT, stroke_width=8)
        gap = mn.Line(axes.c2p(X0 + dx, y0 + d.dy), axes.c2p(X0 + dx, y0 + d.delta_y),
                      color=look.LOSS, stroke_width=8)
        labels = mn.VGroup(
            get_math("dx", size=look.LABEL_SIZE + 4).next_to(run, mn.DOWN, buff=0.12),
            get_math("dy", size=look.LABEL_SIZE + 4, color=look.GRADIENT).next_to(
                dy, mn.RIGHT, buff=0.15),
            get_math(r"\Delta y - dy", size=look.LABEL_SIZE + 4, color=look.LOSS).next_to(
                gap, mn.RIGHT, buff=0.3).add_background_rectangle(
                color=look.BACKGROUND, opacity=0.8, buff=0.05),
        )
        return mn.VGroup(axes, curve, dot, tangent, run, dy, gap, labels)

    def _table_header(self) -> mn.VGroup:
        size = look.MATH_SIZE - 6
        cells = [get_math("dx", size=size), get_math("dy", size=size, color=look.GRADIENT),
                 get_math(r"\Delta y", size=size, color=look.FUNCTION),
                 get_math(r"\Delta y - dy", size=size, color=look.LOSS)]
        return mn.VGroup(*cells).arrange(mn.RIGHT, buff=0.7)

    def _row(self, d, above: mn.VGroup) -> mn.VGroup:
        """One row of the table under ``above``, each number under its column's header."""
        size = look.MATH_SIZE - 6
        header = self._header
        values = (d.dx, d.dy, d.delta_y, d.error)
        colours = (look.TEXT, look.GRADIENT, look.FUNCTION, look.LOSS)
        row = mn.VGroup()
        for v, c in zip(values, colours, strict=True):
            row.add(get_math(tex_number(v, 4, "plain"), size=size, color=c))
        row.next_to(above, mn.DOWN, buff=0.3)
        for cell, m in zip(header, row, strict=True):
            m.set_x(cell.get_center()[0])
        return row

    # Riemann sums ---------------------------------------------------------------------------
    def _rectangles(self, axes: mn.Axes, n: int, rule: str) -> mn.VGroup:
        left, heights, width = riemann_rectangles(square, A, B, n, rule)
        colour = RULE_COLOURS[rule]
        return mn.VGroup(*[
            mn.Polygon(axes.c2p(x, 0), axes.c2p(x + width, 0), axes.c2p(x + width, h),
                       axes.c2p(x, h), color=colour, stroke_width=2, fill_color=colour,
                       fill_opacity=0.35)
            for x, h in zip(left, heights, strict=True)])

    def _sum_line(self, rule: str, n: int, value: float) -> mn.VGroup:
        name = get_text(tr(*RULE_NAMES[rule]), size=look.LABEL_SIZE, color=RULE_COLOURS[rule])
        formula = get_math(rf"n = {n}:\ {tex_number(value, 4)}", size=look.MATH_SIZE - 6,
                           color=RULE_COLOURS[rule])
        return mn.VGroup(name, formula).arrange(mn.RIGHT, buff=0.25)

    def _error_table(self, exact: float) -> mn.VGroup:
        """n, |left − I|, |midpoint − I| row by row."""
        size = look.MATH_SIZE - 8
        cells = [get_math("n", size=size),
                 get_text(tr("left error", "左端点误差"), size=look.LABEL_SIZE,
                          color=RULE_COLOURS["left"]),
                 get_text(tr("midpoint error", "中点误差"), size=look.LABEL_SIZE,
                          color=RULE_COLOURS["midpoint"])]
        for n in NS:
            cells += [get_math(str(n), size=size),
                      get_math(tex_number(abs(riemann_sum(square, A, B, n, "left") - exact), 3,
                                          "plain", zeros=True),
                               size=size, color=RULE_COLOURS["left"]),
                      get_math(tex_number(abs(riemann_sum(square, A, B, n, "midpoint") - exact), 3,
                                          "plain", zeros=True),
                               size=size, color=RULE_COLOURS["midpoint"])]
        return mn.VGroup(*cells).arrange_in_grid(rows=len(NS) + 1, cols=3, buff=(0.5, 0.25),
                                                 col_alignments="lrr")
