"""Small shared helpers for evaluating user callables with torch in float64."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch

__all__ = ["ScalarFn", "as_tensor", "evaluate"]

ScalarFn = Callable[[torch.Tensor], torch.Tensor]
"""A function taking a float64 tensor and returning a tensor of the same shape (elementwise)."""


def as_tensor(x: float | np.ndarray | torch.Tensor, requires_grad: bool = False) -> torch.Tensor:
    """Return ``x`` as a fresh float64 tensor (detached copy when ``x`` is a tensor)."""
    if isinstance(x, torch.Tensor):
        t = x.detach().clone().to(torch.float64)
    else:
        t = torch.as_tensor(np.asarray(x, dtype=np.float64)).clone()
    return t.requires_grad_(requires_grad)


def evaluate(f: ScalarFn, x: float | np.ndarray) -> np.ndarray:
    """Evaluate ``f`` elementwise at ``x`` in float64 and return a numpy array (same shape)."""
    with torch.no_grad():
        y = f(as_tensor(x))
    return np.asarray(y.detach().numpy(), dtype=np.float64)
