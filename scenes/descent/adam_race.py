"""Adaptive step sizes: Adam's update, its family (Adagrad, RMSprop, Adam), Adam's
per-coordinate steps, and a race of six optimizers on the Rosenbrock valley."""

from __future__ import annotations

import re

import manim as mn

from mathcore.descent import get_surface, optimize
from scenes.common import (
    LectureScene,
    get_contour_plane,
    get_counter,
    get_legend,
    get_math,
    get_polyline,
    get_text,
    look,
    plain_number,
    tex_number,
    tr,
)

# Numbers the scene uses: (optimizer, hyper-parameters, colour, English, Chinese label).
STEPS = 400
C = look.METHOD_COLOURS
RACERS = (
    ("sgd", {"lr": 0.001}, C["sgd"], "GD", "梯度下降"),
    ("momentum", {"lr": 0.001, "momentum": 0.9}, C["momentum"], "Momentum", "动量法"),
    ("nag", {"lr": 0.001, "momentum": 0.9}, C["nag"], "NAG", "NAG"),
    ("adagrad", {"lr": 0.5}, C["adagrad"], "Adagrad", "Adagrad"),
    ("rmsprop", {"lr": 0.01}, C["rmsprop"], "RMSprop", "RMSprop"),
    ("adam", {"lr": 0.1}, C["adam"], "Adam", "Adam"),
)
LEVELS = (0.5, 2, 8, 30, 100, 300, 800)
ADAM_STEP_SHOWN = 20  # the step whose per-coordinate sizes are read out
ZOOM = (-1.6, -1.2, 1.85, 2.25)  # where Adam's first steps happen
ZOOM_LEVELS = (4, 6, 8, 10, 12.5, 15, 20, 30)
ADAM_RULE = (
    r"m \leftarrow \beta_1 m + (1 - \beta_1)\,\nabla L",
    r"s \leftarrow \beta_2 s + (1 - \beta_2)\,(\nabla L)^2",
    r"\hat m = \frac{m}{1 - \beta_1^t},\quad \hat s = \frac{s}{1 - \beta_2^t}",
    r"w \leftarrow w - \eta\,\frac{\hat m}{\sqrt{\hat s} + \epsilon}",
)
FAMILY = (  # (name, the squared-gradient memory), each row adds to the one before
    ("Adagrad", r"s \leftarrow s + (\nabla L)^2"),
    ("RMSprop", r"s \leftarrow \rho s + (1 - \rho)(\nabla L)^2"),
    ("Adam", r"+\ m,\ \ 1/(1 - \beta^t)"),
)


def spaced(zh: str) -> str:
    """A space between Chinese characters and a Latin name next to them (动量法和 NAG)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u4e00-\u9fff])", " ", zh)


class AdamRace(LectureScene):
    """Adam's update and family; per-coordinate step sizes from Adam's state; six optimizers
    race on Rosenbrock."""

    TITLE = ("Adam and adaptive learning rates", "Adam 与自适应学习率")

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
        formula.next_to(axes, mn.RIGHT, buff=0.7).align_to(axes, mn.UP)
        goal = mn.Star(n=5, outer_radius=0.12, color=look.POINT, fill_opacity=1)
        goal.move_to(axes.c2p(*get_surface("rosenbrock").minima[0]))
        self.play(mn.Create(axes), mn.Create(contours), mn.Write(formula), mn.FadeIn(goal),
                  run_time=1.5)
        self.narrate("A long, curved valley with a flat floor; the minimum, the star, is at "
                     "(1, 1).", "一条又长又弯、谷底平坦的山谷；最低点（星号）在 (1, 1)。")

        # Adam's update: two moving averages, bias correction, a step per coordinate
        self.section("Adam's update", "Adam 的更新规则")
        rule = mn.VGroup(*[get_math(t, size=look.MATH_SIZE - 6, color=look.GRADIENT)
                           for t in ADAM_RULE]).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3)
        rule.next_to(formula, mn.DOWN, buff=0.5).align_to(formula, mn.LEFT)
        self.play(mn.Write(rule[:2]), run_time=1.5)
        self.narrate("Adam keeps two exponential moving averages: m of the gradient, and v of "
                     "its square.", "Adam 维护两个指数移动平均：梯度的 m，以及梯度平方的 v。")
        self.play(mn.Write(rule[2:]), run_time=1.5)
        self.narrate("Both start at zero, so dividing by 1 − βᵗ corrects the early bias.",
                     "两者都从零开始，所以除以 1 − βᵗ 来修正前几步的偏差。",
                     say_en="Both start at zero, so dividing by one minus beta to the power t "
                            "corrects the early bias.",
                     say_zh="两者都从零开始，所以除以一减贝塔的 t 次方，来修正前几步的偏差。")
        self.narrate("Each coordinate then steps by η times m̂ over the root of ŝ: large "
                     "gradients get small rates.",
                     "于是每个坐标的一步是 η 乘以 m̂ 除以 ŝ 的平方根：梯度大的坐标，学习率就小。")

        # Adam's family
        self.section("Adagrad, RMSprop, Adam", "Adagrad、RMSprop 与 Adam")
        rows = mn.VGroup(*[mn.VGroup(get_text(name, size=look.LABEL_SIZE + 2, color=colour),
                                     get_math(tex, size=look.MATH_SIZE - 8, color=colour))
                           for (name, tex), colour in zip(
                               FAMILY, (look.POINT, look.FUNCTION, look.GRADIENT), strict=True)])
        for row in rows:
            row[1].next_to(row[0], mn.RIGHT, buff=0.3)
        rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        rows.next_to(formula, mn.DOWN, buff=0.5).align_to(formula, mn.LEFT)
        for r in rows:
            r[1].align_to(rows[1][1], mn.LEFT)
        self.play(mn.FadeOut(rule), mn.FadeIn(rows[0]))
        self.narrate("Adagrad divides by the root of a sum s of all squared gradients so far.",
                     "Adagrad 除以到目前为止所有梯度平方之和 s 的平方根。")
        self.narrate("That sum only grows, so Adagrad's steps only shrink.",
                     "这个和只增不减，所以 Adagrad 的步子只会越来越小。")
        self.play(mn.FadeIn(rows[1]))
        self.narrate("RMSprop keeps a moving average instead, so old gradients are forgotten.",
                     "RMSprop 改用移动平均，旧的梯度会被逐渐遗忘。")
        self.play(mn.FadeIn(rows[2]))
        self.narrate("Adam adds momentum, the average m, and the bias correction.",
                     "Adam 在此基础上加入动量（平均值 m）和偏差修正。")

        # Adam's per-coordinate step sizes, on a close-up of its first steps
        self.section("Per-coordinate rates", "逐坐标的学习率")
        k = ADAM_STEP_SHOWN
        zoom_axes, zoom_contours = get_contour_plane("rosenbrock", ZOOM_LEVELS, 4.2,
                                                     window=ZOOM, step=0.1, grid=121)
        close_up = mn.VGroup(zoom_axes, zoom_contours)
        close_up.next_to(axes, mn.RIGHT, buff=0.9).align_to(axes, mn.UP).shift(0.2 * mn.DOWN)
        frame = mn.Rectangle(width=axes.x_axis.unit_size * (ZOOM[1] - ZOOM[0]),
                             height=axes.y_axis.unit_size * (ZOOM[3] - ZOOM[2]),
                             color=look.TEXT, stroke_width=2)
        frame.move_to(axes.c2p((ZOOM[0] + ZOOM[1]) / 2, (ZOOM[2] + ZOOM[3]) / 2))
        adam_path = get_polyline(zoom_axes, adam.positions[: k + 1, 0],
                                 adam.positions[: k + 1, 1], look.GRADIENT, 3)
        dots = mn.VGroup(*[mn.Dot(zoom_axes.c2p(*p), radius=0.04, color=look.GRADIENT)
                           for p in adam.positions[: k + 1]])
        self.play(mn.FadeOut(rows), mn.FadeOut(formula), mn.Create(frame),
                  mn.FadeIn(close_up))
        self.play(mn.Create(adam_path), mn.FadeIn(dots, lag_ratio=0.1), run_time=2)
        sizes = adam.step_sizes[k - 1]  # row 0 is step 1
        readout = mn.VGroup(
            get_math(r"\tilde\eta_x = " + tex_number(sizes[0]), color=look.GRADIENT_BRIGHT,
                     size=look.MATH_SIZE - 6),
            get_math(r"\tilde\eta_y = " + tex_number(sizes[1]), color=look.GRADIENT_BRIGHT,
                     size=look.MATH_SIZE - 6),
        ).arrange(mn.RIGHT, buff=0.6)
        rate = mn.VGroup(*[get_math(t, color=look.GRADIENT_BRIGHT, size=look.MATH_SIZE - 6) for t in (
            r"\tilde\eta = \eta \,/\, \big((1 - \beta_1^t)(\sqrt{\hat s} + \epsilon)\big)",
            r"\Delta w = -\tilde\eta\, m")]).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
        readout.next_to(close_up, mn.DOWN, buff=0.3).align_to(close_up, mn.LEFT)
        rate.next_to(axes, mn.DOWN, buff=0.3).align_to(axes, mn.LEFT)
        self.play(mn.FadeIn(rate), mn.FadeIn(readout))
        ratio = float(max(sizes) / min(sizes))
        smaller = "x" if sizes[0] < sizes[1] else "y"
        self.record("adam step sizes", sizes)
        self.record("adam rate ratio", ratio)
        self.narrate(f"Adam's first {k} steps, enlarged. Its effective rate η̃ is η divided by "
                     "both (1 − β₁ᵗ) and (√ŝ + ε); each step is −η̃ m.",
                     f"放大看 Adam 的前 {k} 步。有效学习率 η̃ 等于 η 除以 (1 − β₁ᵗ) 与 "
                     "(√ŝ + ε) 的乘积，每一步是 −η̃ m。",
                     say_en=f"Adam's first {k} steps, enlarged. Its effective rate, eta tilde, "
                            "is eta divided by both one minus beta one to the power t, and the "
                            "root of s hat plus epsilon; each step is minus eta tilde times m.",
                     say_zh="放大看 Adam 最初的这些步。有效学习率伊塔波浪，等于伊塔除以一减贝塔一的 "
                            "t 次方，再除以根号 s 帽加艾普西龙；每一步是负的伊塔波浪乘以 m。")
        other = "y" if smaller == "x" else "x"
        self.narrate(f"The gradients in {smaller} were larger, so the rate in {other} is "
                     f"{ratio:.1f} times the rate in {smaller}.",
                     f"{smaller} 方向的梯度更大，所以 {other} 方向的有效学习率是 "
                     f"{smaller} 方向的 {ratio:.1f} 倍。")

        # The race
        self.section("The race", "比赛")
        legend = get_legend([(tr(en, zh) + f"  η = {hyper['lr']:g}", colour)
                             for _, hyper, colour, en, zh in RACERS], size=look.LABEL_SIZE)
        counter = get_counter("k", 0, digits=0)
        head = get_text(tr("step", "步数"), size=look.LABEL_SIZE, color=look.MUTED)
        column = mn.VGroup(legend, mn.VGroup(head, counter).arrange(mn.RIGHT, buff=0.3))
        column.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.4)
        column.next_to(axes, mn.RIGHT, buff=0.7).align_to(axes, mn.UP)
        self.play(mn.FadeOut(readout), mn.FadeOut(rate), mn.FadeOut(adam_path), mn.FadeOut(dots),
                  mn.FadeOut(close_up), mn.FadeOut(frame), mn.FadeIn(column))
        step = mn.ValueTracker(0)

        def path_for(run, colour: str):
            def draw() -> mn.VGroup:
                n = int(round(step.get_value()))
                pts = run.positions[: n + 1]
                line = get_polyline(axes, pts[:, 0], pts[:, 1], colour, 3) if n else mn.VMobject()
                return mn.VGroup(line, mn.Dot(axes.c2p(*pts[-1]), radius=0.06, color=colour))
            return draw

        racers = [mn.always_redraw(path_for(runs[name], colour))
                  for name, _, colour, *_ in RACERS]
        counter[1].add_updater(lambda m: m.set_value(int(round(step.get_value()))))
        self.add(*racers)
        self.play(step.animate.set_value(STEPS), run_time=8, rate_func=mn.linear)
        for mob in (*racers, counter[1]):
            mob.clear_updaters()
        for name, *_ in RACERS:
            self.record(name, runs[name].positions)
        self.record("adagrad step sizes", runs["adagrad"].step_sizes[[0, -1]])

        # Who got closest
        self.section("Results", "结果")
        finals = {name: float(runs[name].losses[-1]) for name, *_ in RACERS}
        best = min(finals, key=finals.get)
        table = mn.VGroup(*[
            get_math(rf"L_{{{STEPS}}} = {tex_number(finals[name])}", size=look.LABEL_SIZE + 4,
                     color=colour) for name, _, colour, *_ in RACERS])
        left = legend.get_right()[0] + 0.3
        for row, value in zip(legend, table, strict=True):
            value.move_to([left + value.width / 2, row.get_y(), 0])
        self.play(mn.FadeIn(table))
        self.record("final losses", [finals[name] for name, *_ in RACERS])
        names = {name: tr(en, zh) for name, _, _, en, zh in RACERS}
        names_en = {name: en for name, _, _, en, _ in RACERS}
        names_zh = {name: zh for name, *_, zh in RACERS}
        self.narrate(f"After {STEPS} steps {names[best]} is closest, at L = "
                     f"{plain_number(finals[best])}.",
                     f"{STEPS} 步后 {names[best]} 最接近终点，L = {plain_number(finals[best])}。")
        shrunk = runs["adagrad"].step_sizes[-1]
        gd_lr = RACERS[0][1]["lr"]
        self.narrate(f"Adagrad's rates shrank to {plain_number(min(shrunk))} and "
                     f"{plain_number(max(shrunk))}, about plain GD's {gd_lr:g}.",
                     f"Adagrad 的有效学习率缩小到 {plain_number(min(shrunk))} 和 "
                     f"{plain_number(max(shrunk))}，与普通梯度下降的 {gd_lr:g} 相当。")
        self.narrate(f"So it ends at {plain_number(finals['adagrad'])}, next to GD's "
                     f"{plain_number(finals['sgd'])}.",
                     f"所以它停在 {plain_number(finals['adagrad'])}，与梯度下降的 "
                     f"{plain_number(finals['sgd'])} 相近。")
        ahead = [n for n in finals if finals[n] < finals["adam"]]  # who beat Adam here
        self.record("ahead of adam", [finals[n] for n in ahead])
        if ahead:
            self.narrate("On this valley Adam is not the best: "
                         + " and ".join(names_en[n] for n in ahead)
                         + " end lower. The learning rate matters as much as the method.",
                         "在这个山谷里 Adam 并不是最好的："
                         + spaced("和".join(names_zh[n] for n in ahead))
                         + "停得更低。学习率和方法一样重要。")
        else:
            self.narrate("On this valley Adam ends lowest; the learning rate matters as much as "
                         "the method.", "在这个山谷里 Adam 停得最低；学习率和方法一样重要。")
        self.wait(1.0)
