"""Convex functions and convex sets: the chord test, the segment test, the convex envelope."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore._torch import evaluate
from mathcore.functions import (
    SHAPES,
    check_convexity,
    chord_gap,
    convex_envelope,
    envelope_bridges,
    power,
    segment_inside,
    segment_outside,
    set_outline_loops,
    tilted_double_well,
)
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
BOWL_X, BOWL_Y = (-2.5, 2.5, 1.0), (-1.0, 5.0, 1.0)
CHORD_ENDS = (-1.5, 2.0)  # the chord of x^2 from x to y
CHORD_TS = np.linspace(1.0, 0.0, 11)  # the points of the chord shown (t = 1 is x)
TILT = 0.3  # f(x) = x^4 - 2x^2 + 0.3 x
WELL_X, WELL_Y = (-2.0, 2.0, 1.0), (-2.0, 2.0, 1.0)
WELL_CHORD = (-1.0, 1.0)
SETS = (  # name, two member points, convex?
    ("disk", (-0.6, 0.5), (0.5, -0.6)),
    ("crescent", (0.3, 0.85), (0.3, -0.85)),
)
SET_BOUNDS = (-1.15, 1.15, -1.15, 1.15)
SET_SCALE = 2.1  # frame units per unit of the set
PLOT_W, PLOT_H = 7.2, 5.0
AXIS_LABEL_SIZE = look.MATH_SIZE


class Convexity(LectureScene):
    """What 凸 means here, the chord test on a convex and a non-convex function, convex and
    non-convex sets, and the convex envelope of a non-convex curve."""

    TITLE = ("Convex functions and convex sets", "凸函数与凸集")

    def construct(self) -> None:
        self.show_title()

        # The definition and the word
        self.section("What convex means", "凸的定义")
        self._definition()

        # The chord test on x^2
        self.section("The chord test", "弦的检验", clear=True)
        self._chord_test()

        # A non-convex function
        self.section("A non-convex function", "非凸函数", clear=True)
        self._non_convex()

        # Convex sets
        self.section("Convex sets", "凸集", clear=True)
        self._sets()

        # The convex envelope
        self.section("The convex envelope", "凸包络", clear=True)
        self._envelope()
        self.wait(1.0)

    # Sections ------------------------------------------------------------------------------
    def _definition(self) -> None:
        formula = get_math(r"f\big(t x_1 + (1-t) x_2\big) \le t f(x_1) + (1-t) f(x_2)",
                           size=look.MATH_SIZE + 8)
        where = get_math(r"x_1, x_2 \in I,\quad t \in [0, 1]", color=look.MUTED)
        words = get_text(tr("the chord lies on or above the graph: a bowl, like x²",
                            "弦在图像上或图像上方：像 x² 那样的碗形"),
                         size=look.BODY_SIZE, color=look.FUNCTION)
        group = mn.VGroup(formula, where, words).arrange(mn.DOWN, buff=0.45)
        group.move_to(0.6 * mn.UP)
        self.play(mn.Write(formula), run_time=1.5)
        self.play(mn.FadeIn(where), mn.FadeIn(words))
        self.narrate("f is convex on an interval when, for any two points x₁ and x₂ and any "
                     "weight t from 0 to 1,",
                     "若对区间内任意两点 x₁、x₂ 和 0 到 1 之间的任意权重 t，")
        self.narrate("f at the mix t x₁ + (1 − t) x₂ is at most the same mix of f(x₁) and "
                     "f(x₂).",
                     "f 在 t x₁ + (1 − t) x₂ 处的值都不超过 f(x₁) 与 f(x₂) 按同样权重的平均，"
                     "就称 f 为凸函数。")
        self.narrate("Geometrically: the chord between any two points of the graph lies on or "
                     "above the graph.",
                     "从几何上看：图像上任意两点之间的弦，都在图像上或图像上方。")
        self.narrate("That is what convex means in this course.", "本课程的“凸”就是这个意思。")
        self.narrate("Careful: some Chinese calculus textbooks call this bowl shape concave; in "
                     "optimisation it is always called convex.",
                     "注意：国内一些高等数学教材把这种碗形叫作“凹”（或“下凸”）；"
                     "在优化中，“凸”始终指上面这个不等式。")
        self.narrate("The course says loosely that the values lie above the function; "
                     "precisely, the chord lies on or above the graph.",
                     "课程原文笼统地说“值都在函数上方”；准确地说，是连接两点的弦在函数图像上或上方。")

    def _chord_test(self) -> None:
        f = power(2)
        axes = self._axes(BOWL_X, BOWL_Y)
        xs = np.linspace(BOWL_X[0], BOWL_X[1], 300)
        ys = f(xs)
        keep = ys <= BOWL_Y[1]
        graph = get_polyline(axes, xs[keep], ys[keep], look.FUNCTION)
        x, y = CHORD_ENDS
        fx, fy = float(f(x)), float(f(y))
        ends = mn.VGroup(*[mn.Dot(axes.c2p(a, b), radius=0.08, color=look.POINT)
                           for a, b in ((x, fx), (y, fy))])
        chord = mn.Line(axes.c2p(x, fx), axes.c2p(y, fy), color=look.POINT, stroke_width=4)
        self.play(mn.Create(axes), mn.Create(graph), run_time=1.2)
        self.play(mn.FadeIn(ends), mn.Create(chord))
        t = mn.ValueTracker(CHORD_TS[0])
        square = f.fn  # the torch function of x^2, for chord_gap

        def points(tt: float) -> tuple[np.ndarray, np.ndarray]:
            m = tt * x + (1 - tt) * y
            return (axes.c2p(m, tt * fx + (1 - tt) * fy), axes.c2p(m, float(f(m))))

        gap_line = mn.always_redraw(lambda: mn.Line(*points(t.get_value()), color=look.GRADIENT,
                                                    stroke_width=6))
        on_chord = mn.always_redraw(lambda: mn.Dot(points(t.get_value())[0], radius=0.07,
                                                   color=look.POINT))
        on_graph = mn.always_redraw(lambda: mn.Dot(points(t.get_value())[1], radius=0.07,
                                                   color=look.FUNCTION))
        t_counter = self._counter("t", CHORD_TS[0], 2, look.TEXT)
        gap_counter = self._counter(r"\Delta", float(chord_gap(square, x, y, CHORD_TS[0])), 3,
                                    look.GRADIENT)
        t_counter[1].add_updater(lambda m: m.set_value(t.get_value()))
        gap_counter[1].add_updater(
            lambda m: m.set_value(float(chord_gap(square, x, y, t.get_value()))))
        gap_def = mn.VGroup(get_math(r"\Delta =", color=look.GRADIENT),
                            get_text(tr("chord − graph", "弦 − 图像"), size=look.BODY_SIZE,
                                     color=look.GRADIENT)).arrange(mn.RIGHT, buff=0.2)
        head = get_math(r"f(x) = x^2", color=look.FUNCTION)
        panel = mn.VGroup(head, gap_def, t_counter, gap_counter)
        panel.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        self._place_panel(panel)
        self.play(mn.FadeIn(panel), mn.FadeIn(gap_line), mn.FadeIn(on_chord),
                  mn.FadeIn(on_graph))
        self.narrate("Slide a point along the chord as t goes from 1 to 0: the green gap "
                     "between chord and graph is never negative.",
                     "让 t 从 1 变到 0，点沿着弦移动：弦与图像之间的绿色距离始终不小于 0。")
        self.play(t.animate.set_value(CHORD_TS[-1]), run_time=4.0, rate_func=mn.linear)
        gaps = chord_gap(square, x, y, CHORD_TS)
        k = int(np.argmax(gaps))
        self.play(t.animate.set_value(CHORD_TS[k]), run_time=2.0)
        for m in (t_counter[1], gap_counter[1]):
            m.clear_updaters()
        report = check_convexity(square, BOWL_X[0], BOWL_X[1])
        self.record("bowl chord", [x, y])
        self.record("bowl chord ts", CHORD_TS)
        self.record("bowl chord gaps", gaps)
        self.record("bowl convex", float(report.convex))
        self.narrate(f"The gap is 0 at the two ends and largest, {gaps[k]:.3f}, at t = "
                     f"{CHORD_TS[k]:g}.",
                     f"两端处距离为 0，在 t = {CHORD_TS[k]:g} 处最大，为 {gaps[k]:.3f}。")
        identity = get_math(r"\Delta = t(1-t)(x_1 - x_2)^2 \ge 0", color=look.GRADIENT_BRIGHT,
                            size=look.MATH_SIZE - 2)
        identity.next_to(panel, mn.DOWN, buff=0.5, aligned_edge=mn.LEFT)
        right = mn.config.frame_width / 2 - 0.45  # inside the frame margin
        if identity.get_right()[0] > right:
            identity.shift((right - identity.get_right()[0]) * mn.RIGHT)
        self.play(mn.Write(identity))
        self.narrate("For x² the gap is t(1 − t)(x₁ − x₂)²: never negative, for any chord.",
                     "对 x²，这段距离等于 t 与 1 − t 的乘积再乘两端距离的平方，对任何弦都不是负数。",
                     say_en="For x squared the gap is t times 1 minus t, times the squared "
                            "distance of the two ends: never negative, for any chord.",
                     say_zh="对 x 的平方，这段距离等于 t 与 1 减 t 的乘积，再乘两端距离的平方，"
                            "对任何弦都不是负数。")
        self.narrate("One chord proves nothing by itself; this formula covers them all, so x² "
                     "is convex.",
                     "只看一条弦还证明不了什么；这个公式对所有弦都成立，所以 x² 是凸函数。")

    def _non_convex(self) -> None:
        f = tilted_double_well(TILT)
        axes = self._axes(WELL_X, WELL_Y)
        xs = np.linspace(WELL_X[0], WELL_X[1], 400)
        ys = evaluate(f, xs)
        keep = (ys >= WELL_Y[0]) & (ys <= WELL_Y[1])
        graph = get_polyline(axes, xs[keep], ys[keep], look.FUNCTION)
        x, y = WELL_CHORD
        fx, fy = evaluate(f, np.array([x, y]))
        chord = mn.Line(axes.c2p(x, fx), axes.c2p(y, fy), color=look.POINT, stroke_width=4)
        ends = mn.VGroup(*[mn.Dot(axes.c2p(a, b), radius=0.08, color=look.POINT)
                           for a, b in ((x, fx), (y, fy))])
        mid_t = 0.5
        m = mid_t * x + (1 - mid_t) * y
        gap = float(chord_gap(f, x, y, mid_t))
        drop = mn.Line(axes.c2p(m, mid_t * fx + (1 - mid_t) * fy), axes.c2p(m, float(
            evaluate(f, m))), color=look.LOSS, stroke_width=6)
        head = get_math(rf"f(x) = x^4 - 2x^2 + {TILT:g}x", color=look.FUNCTION)
        readout = get_math(rf"t = {mid_t:g}:\ \Delta = {tex_number(gap, 3)} < 0", color=look.LOSS)
        verdict = get_text(tr("not convex", "不是凸函数"), size=look.BODY_SIZE, color=look.LOSS)
        panel = mn.VGroup(head, readout, verdict).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                          buff=0.4)
        self._place_panel(panel)
        self.play(mn.Create(axes), mn.Create(graph), mn.FadeIn(head), run_time=1.2)
        self.narrate("A loss with two valleys. Take the chord from x = −1 to x = 1.",
                     "这是一个有两个山谷的损失函数。取 x = −1 到 x = 1 之间的弦。")
        self.play(mn.FadeIn(ends), mn.Create(chord))
        self.play(mn.Create(drop), mn.FadeIn(readout), mn.FadeIn(verdict))
        ts = np.linspace(0, 1, 21)
        report = check_convexity(f, WELL_X[0], WELL_X[1])
        self.record("well chord", [x, y])
        self.record("well chord gaps", [ts, chord_gap(f, x, y, ts)])
        self.record("well midpoint gap", [mid_t, gap])
        self.record("well convex", float(report.convex))
        self.narrate("Between its ends this chord runs below the graph: the inequality fails, "
                     "so f is not convex.",
                     "这条弦在两端之间都位于图像下方：不等式不成立，所以 f 不是凸函数。")
        self.narrate("Gradient descent on it may stop in the higher valley; on a convex "
                     "function every local minimum is the global one.",
                     "在它上面做梯度下降，可能停在较高的山谷里；而凸函数的局部最小值就是全局最小值。")

    def _sets(self) -> None:
        panels = mn.VGroup()
        results = []
        for k, (name, p, q) in enumerate(SETS):
            shape = SHAPES[name]
            centre = np.array([-3.4 if k == 0 else 3.4, 0.55, 0.0])

            def at(pt, centre=centre) -> np.ndarray:
                return centre + SET_SCALE * np.array([pt[0], pt[1], 0.0])

            fill = mn.VGroup()
            for loop in set_outline_loops(shape, SET_BOUNDS):
                piece = mn.VMobject(stroke_color=look.FUNCTION, stroke_width=3,
                                    fill_color=look.FUNCTION, fill_opacity=0.25)
                piece.set_points_as_corners([at(pt) for pt in [*loop, loop[0]]])
                fill.add(piece)
            dots = mn.VGroup(*[mn.Dot(at(pt), radius=0.08, color=look.POINT) for pt in (p, q)])
            outside = segment_outside(shape, p, q)
            inside = segment_inside(shape, p, q)
            results.append((name, inside, outside))
            bad = mn.VGroup()
            for t0, t1 in outside:
                a = (1 - t0) * np.array(p) + t0 * np.array(q)
                b = (1 - t1) * np.array(p) + t1 * np.array(q)
                bad.add(mn.DashedLine(at(a), at(b), color=look.LOSS, stroke_width=7))
            # the solid segment where it runs inside the set, dashed where it leaves
            cuts = [0.0, *[t for span in outside for t in span], 1.0]
            segment = mn.VGroup(*[
                mn.Line(at((1 - t0) * np.array(p) + t0 * np.array(q)),
                        at((1 - t1) * np.array(p) + t1 * np.array(q)),
                        color=look.POINT, stroke_width=5)
                for t0, t1 in zip(cuts[::2], cuts[1::2], strict=True) if t1 > t0])
            label = get_text(tr(*_SET_WORDS[inside]), size=look.BODY_SIZE,
                             color=look.GRADIENT if inside else look.LOSS)
            label.next_to(fill, mn.DOWN, buff=0.3)
            panels.add(mn.VGroup(fill, dots, segment, bad, label))
        low = min(pnl[4].get_y() for pnl in panels)  # both verdicts on one line
        for pnl in panels:
            pnl[4].set_y(low)
        for pnl in panels:
            self.play(mn.DrawBorderThenFill(pnl[0]), run_time=1.0)
            self.play(mn.FadeIn(pnl[1]), mn.Create(pnl[2]))
            self.play(mn.Create(pnl[3]), mn.FadeIn(pnl[4]))
            if pnl is panels[0]:
                self.narrate("A set is convex when the segment between any two of its points "
                             "stays inside it.",
                             "若集合内任意两点之间的线段都留在集合内，这个集合就是凸集。")
                self.narrate("For the disk this holds for every pair of points.",
                             "圆盘对任意两点都成立，所以是凸集。")
        for name, inside, outside in results:
            self.record(f"{name} segment inside", float(inside))
            self.record(f"{name} segment outside parts", outside)
        self.narrate("In the crescent the segment between these two points leaves the set "
                     "(dashed): the crescent is not convex.",
                     "月牙形中，这两点之间的线段有一段跑出了集合（虚线）：月牙形不是凸集。")

    def _envelope(self) -> None:
        f = tilted_double_well(TILT)
        axes = self._axes(WELL_X, WELL_Y)
        xs = np.linspace(WELL_X[0], WELL_X[1], 401)
        ys = evaluate(f, xs)
        env = convex_envelope(xs, ys)
        keep = (ys >= WELL_Y[0]) & (ys <= WELL_Y[1])
        graph = get_polyline(axes, xs[keep], ys[keep], look.FUNCTION)
        wrap_from = get_polyline(axes, xs[keep], ys[keep], look.SECOND, 6)
        wrap = get_polyline(axes, xs[keep], env[keep], look.SECOND, 6)
        (a, b), = envelope_bridges(xs, ys)
        ya, yb = evaluate(f, np.array([a, b]))
        touch = mn.VGroup(*[mn.Dot(axes.c2p(u, v), radius=0.08, color=look.POINT)
                            for u, v in ((a, ya), (b, yb))])
        slope = (yb - ya) / (b - a)
        head = get_math(rf"f(x) = x^4 - 2x^2 + {TILT:g}x", color=look.FUNCTION)
        bridge = get_math(rf"y = {tex_number(slope, 3)}x {tex_number(ya - slope * a, 3)}",
                          color=look.SECOND)
        bridge_word = get_text(tr("bridge", "桥（直线段）"), size=look.LABEL_SIZE,
                               color=look.SECOND)
        on = get_math(rf"x \in [{a:g}, {b:g}]", color=look.SECOND)
        panel = mn.VGroup(head, mn.VGroup(bridge_word, bridge).arrange(mn.RIGHT, buff=0.2), on)
        panel.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        self._place_panel(panel)
        self.play(mn.Create(axes), mn.Create(graph), mn.FadeIn(head), run_time=1.2)
        self.play(mn.ReplacementTransform(wrap_from, wrap), run_time=2.0)
        self.play(mn.FadeIn(touch), mn.FadeIn(panel[1:]))
        self.record("envelope x", xs)
        self.record("envelope", env)
        self.record("envelope f", ys)
        self.record("envelope bridge", [a, b, slope, ya - slope * a])
        self.narrate("The convex envelope is the largest convex function below f: it hugs the "
                     "graph and bridges the hump.",
                     "凸包络是不超过 f 的最大凸函数：它贴着图像走，用一条直线跨过中间的鼓包。")
        self.narrate(f"The bridge touches the graph at x = {a:g} and x = {b:g}: it is the very "
                     "chord that failed the test before.",
                     f"这座桥在 x = {a:g} 和 x = {b:g} 处与图像相切：正是刚才没通过检验的那条弦。")
        self.narrate("Loosely, the envelope wraps the graph; precisely, it wraps it from below, "
                     "and it is always convex.",
                     "笼统地说，凸包络把图像“包起来”；准确地说，它是从下方把图像包住，"
                     "而且无论原函数是什么，它的凸包络都是凸函数。")

    # Pieces --------------------------------------------------------------------------------
    def _axes(self, x_range, y_range) -> mn.Axes:
        axes = get_axes(list(x_range), list(y_range), PLOT_W, PLOT_H,
                        x_label=get_math("x", size=AXIS_LABEL_SIZE),
                        y_label=get_math("y", size=AXIS_LABEL_SIZE), numbers_on_top=True)
        return axes.to_corner(mn.UL, buff=0.4)

    @staticmethod
    def _place_panel(panel: mn.Mobject) -> None:
        panel.to_corner(mn.UR, buff=0.5)
        left = -mn.config.frame_width / 2 + 0.4 + PLOT_W + 0.8
        if panel.get_left()[0] < left:
            panel.shift((left - panel.get_left()[0]) * mn.RIGHT)

    @staticmethod
    def _counter(label: str, value: float, digits: int, colour: str) -> mn.VGroup:
        return mn.VGroup(get_math(label + " =", color=colour),
                         mn.DecimalNumber(value, num_decimal_places=digits,
                                          font_size=look.MATH_SIZE, color=colour)
                         ).arrange(mn.RIGHT, buff=0.15)


_SET_WORDS = {True: ("convex", "凸集"), False: ("not convex", "非凸集")}
