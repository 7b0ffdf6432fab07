"""Adaptive step sizes: Adam's (and RMSprop's) per-coordinate steps, and a race of five
optimizers on the Rosenbrock valley."""

from __future__ import annotations

import manim as mn

from mathcore.descent import get_surface, optimize
from scenes.common import (
    LectureScene,
    get_contour_plane,
    get_counter,
    get_legend,
    get_math,
    get_polyline,
    look,
    tex_number,
)

# Numbers the scene uses: (optimizer, hyper-parameters, colour, label).
STEPS = 400
RACERS = (
    ("sgd", {"lr": 0.001}, look.MUTED, "SGD  η = 0.001"),
    ("momentum", {"lr": 0.001, "momentum": 0.9}, look.SECOND, "Momentum  η = 0.001"),
    ("nag", {"lr": 0.001, "momentum": 0.9}, look.THIRD, "NAG  η = 0.001"),
    ("rmsprop", {"lr": 0.01}, look.FUNCTION, "RMSprop  η = 0.01"),
    ("adam", {"lr": 0.1}, look.GRADIENT, "Adam  η = 0.1"),
)
LEVELS = (0.5, 2, 8, 30, 100, 300, 800)
ADAM_STEP_SHOWN = 20  # the step whose per-coordinate sizes are read out


class AdamRace(LectureScene):
    """Per-coordinate step sizes from Adam's state; five optimizers race on Rosenbrock."""

    TITLE = ("Adam and adaptive step sizes", "Adam 与自适应步长")
    TOPIC = ("Gradient descent", "梯度下降法")

    def construct(self) -> None:
        runs = {name: optimize("rosenbrock", None, name, steps=STEPS, **hyper)
                for name, hyper, *_ in RACERS}
        adam = runs["adam"]
        self.show_title()

        # The Rosenbrock valley
        self.section("A curved valley", "弯曲的山谷")
        axes, contours = get_contour_plane("rosenbrock", LEVELS, 5.0, grid=161)
        mn.VGroup(axes, contours).to_edge(mn.UP, buff=0.45).to_edge(mn.LEFT, buff=0.5)
        formula = get_math(r"L = " + get_surface("rosenbrock").tex, color=look.FUNCTION,
                           size=look.MATH_SIZE - 6)
        goal = mn.Star(n=5, outer_radius=0.12, color=look.POINT, fill_opacity=1)
        goal.move_to(axes.c2p(*get_surface("rosenbrock").minima[0]))
        legend = get_legend([(label, colour) for _, _, colour, label in RACERS],
                            size=look.LABEL_SIZE - 4)
        counter = get_counter(r"\text{step}", 0, digits=0)
        column = mn.VGroup(formula, legend, counter).arrange(mn.DOWN, aligned_edge=mn.LEFT,
                                                             buff=0.35)
        column.next_to(axes, mn.RIGHT, buff=0.7).align_to(axes, mn.UP)
        self.play(mn.Create(axes), mn.Create(contours), mn.Write(formula), mn.FadeIn(goal),
                  run_time=1.5)
        self.narrate("A long, curved, flat-bottomed valley; the minimum (star) is at (1, 1).",
                     "一条又长又弯、谷底平坦的山谷；最低点（星号）在 (1, 1)。")

        # Adam's per-coordinate step sizes
        self.section("Per-coordinate steps", "逐坐标步长")
        k = ADAM_STEP_SHOWN
        sizes = adam.step_sizes[k]
        readout = mn.VGroup(
            get_math(r"\eta_x^{\text{eff}} = " + tex_number(sizes[0]), color=look.GRADIENT,
                     size=look.MATH_SIZE - 6),
            get_math(r"\eta_y^{\text{eff}} = " + tex_number(sizes[1]), color=look.GRADIENT,
                     size=look.MATH_SIZE - 6),
        ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
        readout.next_to(formula, mn.DOWN, buff=0.35).align_to(formula, mn.LEFT)
        adam_path = get_polyline(axes, adam.positions[: k + 1, 0], adam.positions[: k + 1, 1],
                                 look.GRADIENT, 3)
        self.play(mn.Create(adam_path), run_time=1.5)
        self.play(mn.FadeIn(readout))
        self.record("adam step sizes", sizes)
        self.narrate(f"Adam scales each coordinate by its own gradient history: after {k} "
                     "steps, x and y step at different rates.",
                     f"Adam 用每个坐标梯度平方均值的平方根去除：{k} 步后，x 和 y 的步长不同。")

        # The race
        self.section("The race", "比赛")
        self.play(mn.FadeOut(readout), mn.FadeOut(adam_path), mn.FadeIn(legend),
                  mn.FadeIn(counter))
        step = mn.ValueTracker(0)

        def path_for(run, colour: str):
            def draw() -> mn.VGroup:
                n = int(round(step.get_value()))
                pts = run.positions[: n + 1]
                line = get_polyline(axes, pts[:, 0], pts[:, 1], colour, 3) if n else mn.VMobject()
                return mn.VGroup(line, mn.Dot(axes.c2p(*pts[-1]), radius=0.06, color=colour))
            return draw

        racers = [mn.always_redraw(path_for(runs[name], colour)) for name, _, colour, _ in RACERS]
        counter[1].add_updater(lambda m: m.set_value(int(round(step.get_value()))))
        self.add(*racers)
        self.play(step.animate.set_value(STEPS), run_time=8, rate_func=mn.linear)
        for mob in (*racers, counter[1]):
            mob.clear_updaters()
        for name, *_ in RACERS:
            self.record(name, runs[name].positions)

        # Who got closest
        self.section("Results", "结果")
        finals = {name: float(runs[name].losses[-1]) for name, *_ in RACERS}
        best = min(finals, key=finals.get)
        table = mn.VGroup(*[
            get_math(rf"L_{{{STEPS}}} = {tex_number(finals[name])}", size=look.LABEL_SIZE,
                     color=colour) for name, _, colour, _ in RACERS])
        left = legend.get_right()[0] + 0.3
        for row, value in zip(legend, table, strict=True):
            value.move_to([left + value.width / 2, row.get_y(), 0])
        self.play(mn.FadeIn(table))
        self.record("final losses", [finals[name] for name, *_ in RACERS])
        best_label = dict((name, label.split("  ")[0]) for name, _, _, label in RACERS)[best]
        self.narrate(f"After {STEPS} steps {best_label} is closest; no optimizer wins every "
                     "valley, and the learning rate matters as much as the method.",
                     f"{STEPS} 步后 {best_label} 最接近终点；没有哪种优化器在所有山谷都最好，"
                     "学习率和方法一样重要。")
        self.wait(1.0)
