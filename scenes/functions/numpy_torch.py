"""numpy <-> torch: torch.from_numpy and .numpy() (shared memory), and the course's log plot,
from listings the tests execute."""

from __future__ import annotations

import runpy

import manim as mn
import numpy as np

from scenes.common import (
    LectureScene,
    code_block,
    get_axes,
    get_math,
    get_polyline,
    get_text,
    look,
    tex_number,
    tr,
)
from scenes.common.widgets import PROJECT_ROOT

# Numbers the scene uses (the listings are executed by the tests).
CODE = "scenes/functions/code/"
COMMENTS_ZH = {  # the listings' comments as the Chinese render shows them
    "tensor -> ndarray": "张量 -> 数组",
    "ndarray -> tensor": "数组 -> 张量",
    "d changes too: shared memory": "d 也跟着变：内存共享",
    "the line y = 0": "直线 y = 0",
    "10 is left out": "不含 10",
    "shares x's memory": "与 x 共享内存",
}
SHOWN_LINES = {"convert.py": (5, 11), "log_plot.py": (1, 10)}  # the functions, not __main__
CODE_SIZE = 25  # console output
CODE_LOOK = {"convert.py": (28, 9.6), "log_plot.py": (28, 6.9)}  # font size, widest allowed
OUTPUT_FONT = "Noto Sans Mono CJK SC"
LOG_X, LOG_Y = (0.0, 10.0, 2.0), (-3.0, 3.0, 1.0)
READ_AT = (1.0, 9.9)  # where ln x is read off the listing's arrays
AXIS_LABEL_SIZE = look.MATH_SIZE


def run_listing(name: str, function: str):
    """Call ``function`` of the listing ``name`` (its ``__main__`` part does not run)."""
    return runpy.run_path(str(PROJECT_ROOT / CODE / name), run_name="listing")[function]()


class NumpyTorch(LectureScene):
    """The conversions and the course's log plot: the code and what running it gives."""

    TITLE = ("numpy and torch", "numpy 与 torch 互相转换")

    def construct(self) -> None:
        self.show_title()

        # Conversions and shared memory
        self.section("Converting", "互相转换")
        self._convert()

        # The course's log plot
        self.section("The log plot", "对数函数图像", clear=True)
        self._log_plot()
        self.wait(1.0)

    def _convert(self) -> None:
        code = self._show_code("convert.py")
        c_type, d_type, d = run_listing("convert.py", "convert")
        lines = [str(c_type), str(d_type), str(d)]
        output = self._output(lines)
        output.next_to(code, mn.DOWN, buff=0.4, aligned_edge=mn.LEFT)
        self.narrate("a.numpy() turns a tensor into a NumPy array, and torch.from_numpy(b) "
                     "turns an array into a tensor.",
                     "a.numpy() 把张量变成 NumPy 数组，torch.from_numpy(b) 把数组变成张量。")
        self.play(mn.FadeIn(output[1]), mn.FadeIn(output[0][:2]))
        self.record("converted types", [float(c_type is np.ndarray),
                                        float(d_type.__name__ == "Tensor")])
        self.play(mn.FadeIn(output[0][2]))
        values = d.numpy().copy()
        self.record("shared d", values)
        self.record("d is float64", float(str(d.dtype) == "torch.float64"))
        self.narrate(f"from_numpy does not copy: set the first entry of b to {values[0]:g}, and d "
                     f"reads {values[0]:g} too. It keeps NumPy's float64.",
                     f"from_numpy 不复制数据：把 b 的第一个元素改成 {values[0]:g}，d 也变成 "
                     f"{values[0]:g}，并且保留 NumPy 的 float64。")
        self.narrate("A tensor that needs gradients must be detached first: x.detach().numpy().",
                     "需要梯度的张量要先分离出来：x.detach().numpy()。")

    def _log_plot(self) -> None:
        self._show_code("log_plot.py")
        x, y, y2 = run_listing("log_plot.py", "log_curve")
        axes = get_axes(list(LOG_X), list(LOG_Y), 5.0, 4.4,
                        x_label=get_math("x", size=AXIS_LABEL_SIZE),
                        y_label=get_math("y", size=AXIS_LABEL_SIZE), numbers_on_top=True)
        axes.to_corner(mn.UR, buff=0.45)
        keep = (y >= LOG_Y[0]) & (y <= LOG_Y[1])
        curve = get_polyline(axes, x[keep], y[keep], look.FUNCTION)
        zero = get_polyline(axes, x, y2, look.SECOND, 5)
        self.record("log x", x)
        self.record("log y", y)
        self.record("log y2", y2)
        self.play(mn.Create(axes), run_time=0.8)
        self.narrate(f"np.arange(0.1, 10, 0.1) stops before 10: {len(x)} points, from "
                     f"{x[0]:g} to {x[-1]:g}.",
                     f"np.arange(0.1, 10, 0.1) 不包含 10：共 {len(x)} 个点，从 {x[0]:g} 到 "
                     f"{x[-1]:g}。")
        self.play(mn.Create(curve), mn.Create(zero), run_time=2.0)
        self.narrate("The course draws x, y and x, y2 with matplotlib's plt.plot; here are the "
                     "same arrays: ln x, and y2 = 0.",
                     "课程用 matplotlib 的 plt.plot 画出 x, y 和 x, y2；这里画的是同样的数组："
                     "ln x 和 y2 = 0。")
        idx = [int(np.argmin(np.abs(x - r))) for r in READ_AT]
        dots = mn.VGroup(*[mn.Dot(axes.c2p(x[i], y[i]), radius=0.08, color=look.POINT)
                           for i in idx])
        labels = mn.VGroup(*[get_math(rf"\ln {x[i]:g} = {tex_number(y[i] + 0.0, 3)}",
                                      size=look.LABEL_SIZE + 4, color=look.POINT) for i in idx])
        labels[0].next_to(dots[0], mn.DR, buff=0.1).shift(0.5 * mn.DOWN)
        labels[1].next_to(dots[1], mn.DOWN, buff=0.25).align_to(axes, mn.RIGHT)
        self.play(mn.FadeIn(dots), mn.FadeIn(labels))
        self.record("log read", [[x[i], y[i]] for i in idx])
        self.narrate(f"ln x crosses y2 = 0 at x = {x[idx[0]]:g}; towards 0 it falls without "
                     "bound, which is why x starts at 0.1 and not at 0.",
                     f"ln x 在 x = {x[idx[0]]:g} 处与 y2 = 0 相交；靠近 0 时它无限下降，"
                     "所以 x 从 0.1 开始，而不是 0。")

    # Pieces --------------------------------------------------------------------------------
    def _show_code(self, name: str) -> mn.Code:
        size, widest = CODE_LOOK[name]
        code = code_block(CODE + name, size=size, lines=SHOWN_LINES[name],
                          comments_zh=COMMENTS_ZH, max_width=widest)
        code.to_corner(mn.UL, buff=0.45)
        self.play(mn.FadeIn(code), run_time=0.8)
        return code

    @staticmethod
    def _output(lines: list[str]) -> mn.VGroup:
        """What the listing prints, in a console box: (rows, (heading, box))."""
        rows = mn.VGroup(*[mn.Text(s, font=OUTPUT_FONT, font_size=CODE_SIZE, color=look.TEXT)
                           for s in lines]).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.15)
        box = mn.SurroundingRectangle(rows, color=look.MUTED, buff=0.2, stroke_width=2)
        head = get_text(tr("output", "输出"), size=look.LABEL_SIZE, color=look.MUTED)
        head.next_to(box, mn.UP, buff=0.1, aligned_edge=mn.LEFT)
        return mn.VGroup(rows, mn.VGroup(head, box))
