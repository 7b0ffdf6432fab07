"""The chain rule on a computation graph: a composite y = f_n(... f_2(f_1(x))) as a chain of
nodes, each with its local derivative; their product is dy/dx, as autograd finds it.

8.6 of the course: the derivative of a composite is the outer function's derivative at the
intermediate variable times the intermediate variable's derivative (链式法则).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mathcore._torch import ScalarFn, evaluate
from mathcore.calculus.derivatives import derivative

__all__ = ["ChainGraph", "chain_graph"]


@dataclass(frozen=True)
class ChainGraph:
    """Forward values and local derivatives along a chain of one-variable steps.

    Attributes:
        values: x, then each node's value: shape (n + 1,).
        local: each step's derivative at its input, d(node k) / d(node k - 1): shape (n,).
        autograd: dy/dx of the whole composite by autograd, for comparison.
    """

    values: np.ndarray
    local: np.ndarray
    autograd: float

    @property
    def product(self) -> float:
        """The local derivatives multiplied along the chain: the chain rule's dy/dx."""
        return float(np.prod(self.local))

    @property
    def partial_products(self) -> np.ndarray:
        """d(node k) / dx for k = 1..n: the running products, the backward pass read forward."""
        return np.cumprod(self.local)


def chain_graph(steps: Sequence[ScalarFn], x: float) -> ChainGraph:
    """Run x through ``steps`` (forward pass) and take each step's local derivative."""
    if not steps:
        raise ValueError("Expected at least one step in the chain.")
    values = [float(x)]
    local = []
    for step in steps:
        local.append(float(derivative(step, values[-1])))
        values.append(float(evaluate(step, values[-1])))

    def composite(t):
        for step in steps:
            t = step(t)
        return t

    return ChainGraph(np.array(values), np.array(local), float(derivative(composite, float(x))))
