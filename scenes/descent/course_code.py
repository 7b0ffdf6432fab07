"""The course's code, animated: autograd, why gradients must be zeroed, the hand-derived
sigmoid fit and the nn.Module line fit with torch.optim.SGD."""

from __future__ import annotations

import manim as mn

from mathcore.calculus import derivative
from mathcore.calculus.derivatives import Line
from mathcore.descent import course_line_fit, line_data, sigmoid_data, sigmoid_fit
from scenes.common import (
    LectureScene,
    code_block,
    get_axes,
    get_counter,
    get_line_in_axes,
    get_math,
    get_polyline,
    get_text,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses (the code files are executed by the tests).
CODE = "scenes/descent/code/"
SIGMOID_EPOCHS = 300
LINE_EPOCHS = 50
SHOWN_SIGMOID_EPOCHS = (0, 1, 5, 20, 80, 300)
ZOOM_Y = (0.94, 1.0)  # the y band the zoomed sigmoid plot shows
LINE_FIT_PARTS = ((1, 15), (17, 26))  # the listing in two parts: data and model, then training
COMMENTS_ZH = {  # the listings' comments as the Chinese render shows them
    "dy/dx = 3 x^2 = 27 at x = 3": "dy/dx = 3 x^2，在 x = 3 处等于 27",
    "54: backward() adds to .grad": "54：backward() 会累加到 .grad 上",
    "clear it by hand": "手动清零",
    "27 again": "又是 27",
    ".grad accumulates": ".grad 会累加，先清空",
    "course: random start": "课程里随机初始化",
    "course: 100000": "课程里训练 100000 轮",
    "chain rule": "链式法则",
}


class CourseCode(LectureScene):
    """Code on the left (files the tests run), what it does on the right."""

    TITLE = ("The course's code, animated", "课程代码动画")

    def construct(self) -> None:
        self.show_title()

        # Autograd of x^3 at 3
        self.section("Autograd", "自动求导")
        code = self._show_code(CODE + "autograd_x_cubed.py")
        value = derivative(lambda x: x**3, 3.0)
        result = get_math(rf"\frac{{d}}{{dx}}x^3\Big|_{{x=3}} = 3 \cdot 3^2 = {value:g}",
                          color=look.GRADIENT)
        result.next_to(code, mn.RIGHT, buff=0.8)
        self.play(mn.Write(result))
        self.record("autograd", value)
        self.narrate("backward() fills x.grad with dy/dx = 3x², which is 27 at x = 3.",
                     "backward() 把 dy/dx = 3x² 写进 x.grad，在 x = 3 处等于 27。")

        # Gradients accumulate
        self.section("Gradients accumulate", "梯度会累加")
        self.play(mn.FadeOut(result), mn.FadeOut(code))
        code = self._show_code(CODE + "grad_accumulates.py")
        sums = mn.VGroup(*[get_math(t, color=c) for t, c in (
            (rf"{value:g}", look.GRADIENT), (rf"{value:g} + {value:g} = {2 * value:g}", look.LOSS),
            (rf"{value:g}", look.GRADIENT))]).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.35)
        sums.next_to(code, mn.RIGHT, buff=0.8)
        self.play(mn.LaggedStart(*[mn.FadeIn(s) for s in sums], lag_ratio=0.6), run_time=2)
        self.record("accumulated", [value, 2 * value, value])
        self.narrate("A second backward() adds to .grad, so here we clear it by hand with "
                     "x.grad.zero_().",
                     "第二次 backward() 会累加到 .grad 上，所以这里用 x.grad.zero_() 手动清零。",
                     say_en="A second backward adds to the gradient in x dot grad, so here we "
                            "clear it by hand with x dot grad dot zero.",
                     say_zh="第二次 backward 会累加到 x 点 grad 上，所以这里用 x 点 grad 点 zero "
                            "手动清零。")
        self.narrate("In a training loop opt.zero_grad() does it; by default it sets .grad to "
                     "None rather than to zero.",
                     "训练循环里由 opt.zero_grad() 负责；它默认把 .grad 设为 None，而不是清零。")

        # The hand-derived sigmoid fit
        self.section("Gradients by hand", "手推梯度")
        self.play(mn.FadeOut(sums), mn.FadeOut(code))
        fit = sigmoid_fit(SIGMOID_EPOCHS)
        code = self._show_code(CODE + "sigmoid_fit.py")
        xs, ys = sigmoid_data()
        axes = get_axes([0, 1, 0.5], [0.5, 1, 0.25], 3.8, 3.4)
        axes.next_to(code, mn.RIGHT, buff=0.5).align_to(code, mn.UP)
        targets = mn.VGroup(*[mn.Dot(axes.c2p(x, y), radius=0.035, color=look.FUNCTION)
                              for x, y in zip(xs[::4], ys[::4], strict=True)])
        epoch = mn.VGroup(get_text(tr("epoch", "轮次"), size=look.LABEL_SIZE + 2),
                          mn.DecimalNumber(0, num_decimal_places=0, font_size=look.MATH_SIZE)
                          ).arrange(mn.RIGHT, buff=0.2)
        params = get_math(rf"w = {fit.w[0]:.2f},\ b = {fit.b[0]:.2f}", color=look.POINT)
        info = mn.VGroup(epoch, params).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.2)
        info.next_to(axes, mn.DOWN, buff=0.3).align_to(axes, mn.LEFT)
        model = get_polyline(axes, xs, fit.predict(0, xs), look.POINT, 4)
        self.play(mn.Create(axes), mn.FadeIn(targets), mn.Create(model), mn.FadeIn(info))
        self.narrate("Fit sigmoid(wx + b) to points of sigmoid(5x + 3), with the chain rule "
                     "written out by hand and lr 0.4.",
                     "用 sigmoid(wx + b) 拟合 sigmoid(5x + 3) 的数据点，链式法则手工展开，"
                     "学习率 0.4。")
        for e in SHOWN_SIGMOID_EPOCHS[1:]:
            new_params = get_math(rf"w = {fit.w[e]:.2f},\ b = {fit.b[e]:.2f}", color=look.POINT)
            new_params.move_to(params, aligned_edge=mn.LEFT)
            self.play(model.animate.become(get_polyline(axes, xs, fit.predict(e, xs),
                                                        look.POINT, 4)),
                      mn.ChangeDecimalToValue(epoch[1], e), mn.Transform(params, new_params),
                      run_time=0.8)
            self.record("sigmoid w b", [fit.w[e], fit.b[e]])
        # zoomed in on the band the targets fill: the fit is flatter than the data
        zoom = get_axes([0, 1, 0.5], [ZOOM_Y[0], ZOOM_Y[1], 0.02], 3.8, 3.4).move_to(axes)
        z_targets = mn.VGroup(*[mn.Dot(zoom.c2p(x, y), radius=0.035, color=look.FUNCTION)
                                for x, y in zip(xs[::4], ys[::4], strict=True)])
        z_model = get_polyline(zoom, xs, fit.predict(SIGMOID_EPOCHS, xs), look.POINT, 4)
        self.play(mn.ReplacementTransform(axes, zoom), mn.ReplacementTransform(targets, z_targets),
                  mn.ReplacementTransform(model, z_model), run_time=1.2)
        axes, targets, model = zoom, z_targets, z_model
        self.record("sigmoid zoom", [*ZOOM_Y, *fit.predict(SIGMOID_EPOCHS, xs)[[0, -1]]])
        self.record("sigmoid loss", fit.loss[-1])
        self.record("sigmoid targets", [ys.min(), ys.max()])
        self.narrate(f"After {SIGMOID_EPOCHS} epochs the loss is only {plain_number(fit.loss[-1])}, "
                     f"yet w = {fit.w[-1]:.2f} is still far from 5.",
                     f"{SIGMOID_EPOCHS} 轮后损失只有 {plain_number(fit.loss[-1])}，"
                     f"可 w = {fit.w[-1]:.2f} 离 5 还很远。")
        self.narrate(f"All targets lie between {ys.min():.2f} and {ys.max():.4f}, where the "
                     "sigmoid saturates: the valley is flat, the gradient tiny.",
                     f"所有目标值都在 {ys.min():.2f} 到 {ys.max():.4f} 之间，sigmoid 函数在这里已饱和："
                     "山谷很平，梯度很小。")

        # nn.Module and torch.optim.SGD
        self.section("nn.Module and SGD", "nn.Module 与 SGD")
        self.play(*[mn.FadeOut(m) for m in (code, axes, targets, model, info)])
        line = course_line_fit(epochs=LINE_EPOCHS)
        data = line_data(noise=0.01)
        code = self._show_code(CODE + "line_fit.py", lines=LINE_FIT_PARTS[0])
        self.narrate("The same idea with torch: the data, and a Line module whose w and b are "
                     "parameters.", "用 torch 做同样的事：先准备数据，再定义参数为 w 和 b 的 Line 模块。")
        self.play(mn.FadeOut(code))
        code = self._show_code(CODE + "line_fit.py", lines=LINE_FIT_PARTS[1])
        axes = get_axes([0, 1, 0.5], [0, 8, 2], 3.8, 3.4)
        axes.next_to(code, mn.RIGHT, buff=0.5).align_to(code, mn.UP)
        points = mn.VGroup(*[mn.Dot(axes.c2p(x, y), radius=0.03, color=look.FUNCTION)
                             for x, y in zip(data.x[::3], data.y[::3], strict=True)])
        epoch = mn.VGroup(get_text(tr("epoch", "轮次"), size=look.LABEL_SIZE + 2),
                          mn.DecimalNumber(0, num_decimal_places=0, font_size=look.MATH_SIZE)
                          ).arrange(mn.RIGHT, buff=0.2)
        loss = get_counter("L", line.loss[0], digits=4, color=look.LOSS)
        info = mn.VGroup(epoch, loss).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.2)
        info.next_to(axes, mn.DOWN, buff=0.3).align_to(axes, mn.LEFT)

        def fitted(e: int) -> mn.Line:  # the part of y = w x + b inside the axes
            return get_line_in_axes(axes, Line(float(line.w[e]), float(line.b[e])), look.POINT)

        model = fitted(0)
        self.play(mn.Create(axes), mn.FadeIn(points), mn.Create(model), mn.FadeIn(info))
        self.narrate("Then for every point: zero_grad(), loss.backward(), opt.step(); 50 epochs "
                     "at learning rate 0.01.",
                     "然后对每个点依次调用 zero_grad()、loss.backward()、opt.step()；"
                     "学习率 0.01，训练 50 轮。")
        for e in (1, 2, 5, 10, 25, 50):
            self.play(model.animate.become(fitted(e)), mn.ChangeDecimalToValue(epoch[1], e),
                      mn.ChangeDecimalToValue(loss[1], line.loss[e]), run_time=0.7)
        self.record("line w", line.w)
        self.record("line b", line.b)
        self.narrate(f"It finds w = {line.w[-1]:.2f} and b = {line.b[-1]:.2f}: the 3 and 4 "
                     "the data came from.",
                     f"最终 w = {line.w[-1]:.2f}，b = {line.b[-1]:.2f}：正是生成数据用的 3 和 4。")
        self.wait(1.0)

    def _show_code(self, relpath: str, size: float = 24,
                   lines: tuple[int, int] | None = None) -> mn.Code:
        code = code_block(relpath, size=size, lines=lines, comments_zh=COMMENTS_ZH,
                          max_width=7.6)
        if code.height > 5.9:
            code.scale_to_fit_height(5.9)
        code.to_corner(mn.UL, buff=0.4)
        self.play(mn.FadeIn(code), run_time=0.8)
        return code
