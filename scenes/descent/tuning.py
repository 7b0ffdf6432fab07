"""Tuning training: batch size, learning rate, momentum and Adam, each shown by its effect on
a loss curve."""

from __future__ import annotations

import manim as mn
import numpy as np

from mathcore.descent import fit_line, line_data, optimize
from scenes.common import (
    LectureScene,
    get_axes,
    get_legend,
    get_polyline,
    get_text,
    look,
    tr,
)

# Numbers the scene uses.
COLOURS = (look.SECOND, look.GRADIENT, look.THIRD)
EPOCHS = 15
DATA = {"noise": 0.3, "seed": 3}


def _panel_data() -> list[tuple[tuple[str, str], float, float,
                               list[tuple[str, np.ndarray, np.ndarray]]]]:
    """Per knob: its (English, Chinese) title, x tick step and extent, and (label, x, loss) for
    each setting."""
    data = line_data(**DATA)
    out = []
    runs = []
    for size, lr in ((99, 0.5), (10, 0.2), (1, 0.05)):
        f = fit_line(data, "minibatch" if 1 < size < 99 else ("batch" if size == 99 else "sgd"),
                     lr=lr, epochs=EPOCHS, batch_size=size)
        runs.append((f"batch {size}", np.arange(len(f.loss)) / f.updates_per_epoch, f.loss))
    out.append((("Batch size (x: epochs)", "批量大小（横轴：轮）"), 5, EPOCHS, runs))
    runs = []
    for lr in (0.05, 0.3, 0.7):
        f = fit_line(data, "batch", lr=lr, epochs=60)
        runs.append((f"η = {lr}", np.arange(len(f.loss)), f.loss))
    out.append((("Learning rate (x: epochs)", "学习率（横轴：轮）"), 20, 60, runs))
    runs = []
    for mu in (0.0, 0.5, 0.9):
        t = optimize("bowl", None, "momentum" if mu else "sgd", 0.02, 60,
                     **({"momentum": mu} if mu else {}))
        runs.append((f"μ = {mu}", np.arange(61), t.losses))
    out.append((("Momentum (x: steps)", "动量（横轴：步）"), 20, 60, runs))
    runs = []
    for name, lr in (("sgd", 0.001), ("momentum", 0.001), ("adam", 0.1)):
        t = optimize("rosenbrock", None, name, lr, 400, **({"momentum": 0.9}
                                                            if name == "momentum" else {}))
        runs.append((name.capitalize() if name != "sgd" else "SGD", np.arange(401), t.losses))
    out.append((("Optimizer (x: steps)", "优化器（横轴：步）"), 100, 400, runs))
    return out


class TrainingKnobs(LectureScene):
    """Four knobs of training, each a panel of loss curves on a log scale."""

    TITLE = ("Tuning training: the knobs", "训练调参：四个旋钮")
    TOPIC = ("Gradient descent", "梯度下降法")

    def construct(self) -> None:
        panels_data = _panel_data()
        self.show_title()
        panels = mn.VGroup()
        for (en, zh), x_step, x_max, runs in panels_data:
            axes = get_axes([0, x_max, x_step], [-3, 2, 1], 3.4, 1.6, x_label="", y_label="L",
                            y_log=True, y_numbers=False)
            title = get_text(tr(en, zh), size=look.BODY_SIZE - 2)
            legend = get_legend([(label, c) for (label, _, _), c in
                                 zip(runs, COLOURS, strict=True)], size=look.LABEL_SIZE - 6)
            title.next_to(axes, mn.UP, buff=0.12).align_to(axes, mn.LEFT)
            legend.next_to(axes, mn.RIGHT, buff=0.3)
            panels.add(mn.VGroup(axes, title, legend))
        panels.arrange_in_grid(rows=2, cols=2, buff=(0.5, 0.35))
        panels.scale_to_fit_width(min(panels.width, 12.9)).set_x(0).to_edge(mn.UP, buff=0.3)
        curves = [mn.VGroup(*[get_polyline(panel[0], x, np.clip(loss, 1e-3, 100), c, 3)
                              for (_, x, loss), c in zip(runs, COLOURS, strict=True)])
                  for panel, (_, _, _, runs) in zip(panels, panels_data, strict=True)]
        notes = (
            ("Bigger batches: smoother curves, fewer updates per epoch.",
             "批量越大：曲线越平滑，每轮更新次数越少。"),
            ("Too small a rate crawls; near the limit it is fastest.",
             "学习率太小进展缓慢；接近上限时最快。"),
            ("Momentum speeds up the long, shallow direction.",
             "动量加快了在平缓方向上的前进。"),
            ("Adam's adaptive steps help on some valleys, not all.",
             "Adam 的自适应步长在有些山谷有效，并非全部。"),
        )
        for i, (panel, curve, (en, zh), ((name, name_zh), _, _, runs)) in enumerate(zip(
                panels, curves, notes, panels_data, strict=True)):
            self.section(name.split(" (")[0], name_zh.split("（")[0])
            self.play(mn.FadeIn(panel), mn.Create(curve), run_time=1.5)
            for label, _, loss in runs:
                self.record(f"{name}: {label}", loss)
            if i == 0:
                self.narrate("Each panel turns one knob of training and shows the loss curve.",
                             "每个小图只调一个训练旋钮，并画出损失曲线。")
            self.narrate(en, zh)
        self.wait(1.0)
