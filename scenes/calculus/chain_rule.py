"""The chain rule on a computation graph: y = σ(5x + 3) as x → a = 5x → u = a + 3 → y = σ(u),
the local derivatives multiplied along it, and autograd finding the same number."""

from __future__ import annotations

import manim as mn
import numpy as np
import torch

from mathcore.calculus import evaluate, tangent_line
from mathcore.calculus.computation_graph import chain_graph
from scenes.common import (
    LectureScene,
    code_block,
    get_axes,
    get_line_in_axes,
    get_math,
    get_polyline,
    look,
    plain_number,
)

# Numbers the scene uses (the code file is executed by the tests).
CODE = "scenes/calculus/code/chain_sigmoid.py"
X0 = -0.4  # where the derivative is taken
NODES = ("x", "a", "u", "y")
OPS = (r"\times 5", r"+\,3", r"\sigma")
LOCAL_TEX = (r"da/dx", r"du/da", r"dy/du")  # one variable at each node: d, not the partial
BACK_TEX = (r"dy/dx", r"dy/da", r"dy/du")
NODE_Y, NODE_GAP, NODE_R = 2.85, 3.7, 0.38
BACK_GAP = 0.6  # the backward row under the nodes, below the local derivatives under the edges
X_RANGE, Y_RANGE = (-2.0, 1.0, 1.0), (0.0, 1.0, 0.5)
COMMENTS_ZH = {"chain rule, node by node": "逐个节点应用链式法则"}
CODE_WIDTH = 6.3  # the listing beside the plot, at most this wide


def times_5(x):
    return 5 * x


def plus_3(a):
    return a + 3


STEPS = (times_5, plus_3, torch.sigmoid)


def composite(x):
    return torch.sigmoid(5 * x + 3)


def num(x: float) -> str:
    return plain_number(x, 3)


class ChainRule(LectureScene):
    """Forward values, local derivatives, their product backwards, and autograd's answer."""

    TITLE = ("The chain rule", "链式法则")

    def construct(self) -> None:
        g = chain_graph(STEPS, X0)
        self.show_title()

        # The composite and its curve
        self.section("A composite function", "复合函数")
        axes = get_axes(list(X_RANGE), list(Y_RANGE), 5.2, 2.5)
        axes.move_to([-3.8, -0.85, 0])
        xs = np.linspace(X_RANGE[0], X_RANGE[1], 201)
        curve = get_polyline(axes, xs, evaluate(composite, xs), look.FUNCTION)
        formula = get_math(r"y = \sigma(5x + 3)", color=look.FUNCTION)
        product = get_math(rf"dy/dx = 5 \cdot 1 \cdot {num(g.local[2])} = {num(g.product)}",
                           color=look.GRADIENT_BRIGHT, size=look.MATH_SIZE - 4)
        grad = get_math(rf"x.\mathrm{{grad}} = {num(g.autograd)}", color=look.POINT,
                        size=look.MATH_SIZE - 4)
        code = code_block(CODE, size=26, comments_zh=COMMENTS_ZH, max_width=CODE_WIDTH)
        formula.move_to(axes.c2p(-1.3, 0.8))
        panel = mn.VGroup(product, grad, code)
        panel.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.2)
        panel.to_edge(mn.RIGHT, buff=0.45).align_to([0, 1.1, 0], mn.UP)
        point = mn.Dot(axes.c2p(X0, g.values[-1]), radius=0.08, color=look.POINT)
        self.play(mn.Create(axes), mn.Create(curve), mn.Write(formula), run_time=1.5)
        self.play(mn.FadeIn(point))
        self.record("x0", X0)
        self.narrate("σ(5x + 3) is the curve the course's sigmoid fit tries to recover. How "
                     f"steep is it at x = {num(X0)}?",
                     f"σ(5x + 3) 就是课程里用 S 型函数拟合时要找回的曲线。它在 x = {num(X0)} 处有多陡？")

        # The computation graph: one simple step per node
        self.section("A computation graph", "计算图")
        centres = [np.array([(i - 1.5) * NODE_GAP, NODE_Y, 0]) for i in range(len(NODES))]
        nodes = mn.VGroup(*[mn.VGroup(mn.Circle(NODE_R, color=look.MUTED, stroke_width=3),
                                      get_math(n, size=look.MATH_SIZE)).move_to(c)
                            for n, c in zip(NODES, centres, strict=True)])
        edges, ops = mn.VGroup(), mn.VGroup()
        for i, op in enumerate(OPS):
            edge = mn.Arrow(centres[i] + NODE_R * mn.RIGHT, centres[i + 1] + NODE_R * mn.LEFT,
                            buff=0.08, color=look.MUTED, stroke_width=4)
            edges.add(edge)
            ops.add(get_math(op, size=look.MATH_SIZE + 2).next_to(edge, mn.UP, buff=0.12))
        values = mn.VGroup(*[get_math(f"{n} = {num(v)}", size=look.MATH_SIZE - 8,
                                      color=look.FUNCTION).next_to(c, mn.UP, buff=NODE_R + 0.12)
                             for n, v, c in zip(NODES, g.values, centres, strict=True)])
        self.play(mn.FadeIn(nodes), mn.GrowArrow(edges[0]), mn.GrowArrow(edges[1]),
                  mn.GrowArrow(edges[2]), mn.FadeIn(ops))
        self.narrate("Break it into simple steps: multiply by 5, add 3, apply the sigmoid. Each "
                     "step is a node of a graph.",
                     "把它拆成简单的几步：乘 5，加 3，再经过 σ。每一步都是计算图上的一个节点。")
        self.play(mn.LaggedStart(*[mn.FadeIn(v, shift=0.2 * mn.RIGHT) for v in values],
                                 lag_ratio=0.5), run_time=2.0)
        self.record("forward_values", g.values)
        self.narrate(f"The forward pass sends x = {num(X0)} through the graph: a = {num(g.values[1])}, "
                     f"u = {num(g.values[2])}, y = {num(g.values[3])}.",
                     f"前向计算把 x = {num(X0)} 送过计算图：a = {num(g.values[1])}，"
                     f"u = {num(g.values[2])}，y = {num(g.values[3])}。")

        # Local derivatives: each node on its own
        self.section("Local derivatives", "局部导数")
        local = mn.VGroup()
        for i, (tex, d) in enumerate(zip(LOCAL_TEX, g.local, strict=True)):
            m = get_math(f"{tex} = {num(d)}", size=look.MATH_SIZE - 8, color=look.GRADIENT_BRIGHT)
            local.add(m.next_to(edges[i], mn.DOWN, buff=0.15))
        self.play(mn.LaggedStart(*[mn.FadeIn(m) for m in local], lag_ratio=0.4), run_time=1.5)
        self.record("local_derivatives", g.local)
        self.narrate("Each step has an easy derivative of its own: 5, then 1, then σ(u)(1 − σ(u)) "
                     f"= {num(g.local[2])} for the sigmoid.",
                     f"每一步的导数都很简单：5，然后是 1，σ 的导数是 σ(u)(1 − σ(u)) = "
                     f"{num(g.local[2])}。",
                     say_en="Each step has an easy derivative of its own: 5, then 1, then for "
                            "the sigmoid, sigma of u times one minus sigma of u, which is "
                            f"{num(g.local[2])}.",
                     say_zh="每一步的导数都很简单：5，然后是 1；西格玛的导数等于西格玛乘以 1 减西格玛，"
                            f"在 u 处是 {num(g.local[2])}。")

        # Backward: multiply along the chain
        self.section("Multiply along the chain", "沿链相乘")
        from_output = np.cumprod(g.local[::-1])  # dy/du, dy/da, dy/dx
        rows = mn.VGroup()
        for k, value in enumerate(from_output):
            node = len(NODES) - 2 - k  # u, a, x
            m = get_math(f"{BACK_TEX[node]} = {num(value)}", size=look.MATH_SIZE - 8,
                         color=look.GRADIENT_BRIGHT)
            rows.add(m.next_to(nodes[node], mn.DOWN, buff=BACK_GAP))
        for k, row in enumerate(rows):
            edge = edges[len(OPS) - 1 - k]
            pulse = edge.copy().set_color(look.POINT).rotate(mn.PI)
            self.play(mn.ShowPassingFlash(pulse, time_width=0.6), mn.FadeIn(row), run_time=0.9)
        self.record("backward_products", from_output)
        self.record("product", g.product)
        self.narrate("Going backwards from y, multiply the local derivatives as you pass each "
                     "node.", "从 y 往回走，每经过一个节点，就乘上它的局部导数。")
        self.play(mn.Write(product))
        self.narrate(f"At x: dy/dx = {num(g.product)}. That is the chain rule: the outer "
                     "derivative at u, times the inner derivative.",
                     f"到达 x：dy/dx = {num(g.product)}。这就是链式法则：外层函数在 u 处的导数乘以内层的导数。")

        # Autograd agrees, and the tangent has that slope
        self.section("Autograd agrees", "与自动求导一致")
        tangent = tangent_line(composite, X0)
        t_line = get_line_in_axes(axes, tangent, look.POINT)
        self.play(mn.FadeIn(code))
        self.play(mn.Write(grad), mn.Create(t_line))
        self.record("autograd", g.autograd)
        self.record("tangent_slope", tangent.slope)
        self.narrate(f"Autograd does the same multiplication: x.grad is {num(g.autograd)}, the "
                     "slope of the tangent at the point.",
                     f"自动求导做的是同样的乘法：x.grad 等于 {num(g.autograd)}，正是该点切线的斜率。")
        self.narrate("The course's fit uses σ(wx + b); its hand-written gradients are this "
                     "chain,",
                     "课程里的拟合用的模型是 σ(wx + b)；它手推的梯度正是这条链，")
        self.narrate("extended by the loss (a − y)², and taken with respect to w and b "
                     "instead of x.",
                     "再接上损失 (a − y)² 这一环，并且是对 w 和 b 求导，而不是对 x。")
        self.wait(1.0)
