"""The course's worked fits: a line y = 3x + 4 + noise by batch, mini-batch and stochastic GD;
the ``nn.Module`` line fit with ``torch.optim.SGD``; and the hand-derived sigmoid fit.

All randomness comes from an explicit seed, so every result is reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch
from torch import nn

__all__ = [
    "LineData",
    "LineFit",
    "LineModel",
    "SigmoidFit",
    "course_line_fit",
    "fit_line",
    "least_squares",
    "line_data",
    "sigmoid_data",
    "sigmoid_fit",
]


@dataclass(frozen=True)
class LineData:
    """Points of y = 3x + 4 + noise (the course: x = 0.01..0.99, noise = randn / 100)."""

    x: np.ndarray
    y: np.ndarray
    true_w: float = 3.0
    true_b: float = 4.0


def line_data(noise: float = 0.01, seed: int = 0, n: int = 99) -> LineData:
    """x = 0.01, 0.02, ..., n/100 and y = 3x + 4 + noise * N(0, 1), from a seeded generator."""
    if n < 2:
        raise ValueError(f"Expected at least 2 points, got {n}.")
    g = torch.Generator().manual_seed(seed)
    x = torch.arange(1, n + 1, dtype=torch.float64) / 100
    y = 3 * x + 4 + noise * torch.randn(n, generator=g, dtype=torch.float64)
    return LineData(x.numpy(), y.numpy())


class LineModel(nn.Module):
    """The course's ``Line`` module: y = w x + b with two scalar parameters."""

    def __init__(self, w: float, b: float) -> None:
        super().__init__()
        self.w = nn.Parameter(torch.tensor([w], dtype=torch.float64))
        self.b = nn.Parameter(torch.tensor([b], dtype=torch.float64))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w * x + self.b


def _mse(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """Mean squared error of ``model`` on the whole data set."""
    with torch.no_grad():
        return float(((model(x) - y) ** 2).mean())


@dataclass(frozen=True)
class LineFit:
    """A line fit, one row per parameter update (row 0: the start).

    Attributes:
        w, b: (updates + 1,) the parameters after each update.
        loss: (updates + 1,) mean squared error on the whole data set after each update.
        batch_loss: (updates,) the loss on the batch the update was computed from.
        updates_per_epoch: how many updates one pass over the data makes.
    """

    method: str
    w: np.ndarray
    b: np.ndarray
    loss: np.ndarray
    batch_loss: np.ndarray
    updates_per_epoch: int


Method = Literal["batch", "minibatch", "sgd"]


def fit_line(data: LineData, method: Method = "batch", lr: float = 0.5, epochs: int = 20,
             batch_size: int = 10, w0: float = 0.0, b0: float = 0.0, seed: int = 0) -> LineFit:
    """Fit y = w x + b by gradient descent with ``torch.optim.SGD`` on the mean squared error.

    ``method`` chooses how much data each update sees: "batch" (BGD) the whole set, "minibatch"
    (MBGD) ``batch_size`` shuffled points, "sgd" a single shuffled point.
    """
    sizes = {"batch": len(data.x), "minibatch": batch_size, "sgd": 1}
    if method not in sizes:
        raise ValueError(f"Unknown method {method!r}; expected batch, minibatch or sgd.")
    if epochs < 0 or not lr > 0 or batch_size < 1:
        raise ValueError(f"Expected epochs >= 0, lr > 0, batch_size >= 1; got {epochs}, {lr}, "
                         f"{batch_size}.")
    size = sizes[method]
    x, y = torch.from_numpy(data.x), torch.from_numpy(data.y)
    model = LineModel(w0, b0)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    g = torch.Generator().manual_seed(seed)

    ws, bs, losses, batch_losses = [w0], [b0], [_mse(model, x, y)], []
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=g) if method != "batch" else torch.arange(len(x))
        for start in range(0, len(x), size):
            idx = order[start : start + size]
            opt.zero_grad()
            loss = ((model(x[idx]) - y[idx]) ** 2).mean()
            loss.backward()
            opt.step()
            batch_losses.append(loss.item())
            ws.append(model.w.item())
            bs.append(model.b.item())
            losses.append(_mse(model, x, y))
    per_epoch = -(-len(x) // size)
    return LineFit(method, np.array(ws), np.array(bs), np.array(losses), np.array(batch_losses),
                   per_epoch)


def least_squares(data: LineData) -> tuple[float, float, float]:
    """The exact least-squares line of ``data``: (w, b, its mean squared error), the lowest
    loss any fit of y = w x + b can reach."""
    a = np.stack([data.x, np.ones_like(data.x)], axis=1)
    (w, b), *_ = np.linalg.lstsq(a, data.y, rcond=None)
    return float(w), float(b), float(np.mean((w * data.x + b - data.y) ** 2))


def course_line_fit(epochs: int = 50, lr: float = 0.01, seed: int = 0) -> LineFit:
    """The course's code, step for step: x = 0.01..0.99, y = 3x + 4 + randn(99) / 100, a ``Line``
    module with w, b ~ N(0, 1), ``torch.optim.SGD(lr=0.01)``, one update per point in order,
    50 epochs, loss (z - y)^2 -- in float32 and from one generator seeded with ``seed``, so it
    reproduces the listing ``scenes/descent/code/line_fit.py`` (``torch.manual_seed(0)``) exactly.

    Recorded once per epoch (row 0: the start); ``batch_loss`` is the last point's loss of each
    epoch, which is what the course prints.
    """
    g = torch.Generator().manual_seed(seed)
    x = torch.arange(0.01, 1, 0.01)
    y = 3 * x + 4 + torch.randn(99, generator=g) / 100
    model = LineModel(0.0, 0.0).float()
    with torch.no_grad():
        model.w.copy_(torch.randn(1, generator=g))
        model.b.copy_(torch.randn(1, generator=g))
    opt = torch.optim.SGD(model.parameters(), lr=lr)

    ws, bs, losses, last = [model.w.item()], [model.b.item()], [_mse(model, x, y)], []
    for _ in range(epochs):
        for xi, yi in zip(x, y, strict=True):
            loss = (model(xi) - yi) ** 2
            opt.zero_grad()  # .grad accumulates across backward() calls: clear it every step
            loss.backward()
            opt.step()
        last.append(loss.item())
        ws.append(model.w.item())
        bs.append(model.b.item())
        losses.append(_mse(model, x, y))
    return LineFit("course", np.array(ws), np.array(bs), np.array(losses), np.array(last),
                   len(x))


def sigmoid_data(n: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """The course's data: x = 0, 0.01, ..., 0.99 and y = sigmoid(5x + 3)."""
    x = np.arange(n) / 100
    return x, 1 / (1 + np.exp(-(5 * x + 3)))


@dataclass(frozen=True)
class SigmoidFit:
    """Hand-derived gradient fit of a = sigmoid(w x + b) to y; one row per epoch (row 0: start)."""

    w: np.ndarray
    b: np.ndarray
    loss: np.ndarray  # mean squared error over the data after each epoch

    def predict(self, epoch: int, x: np.ndarray) -> np.ndarray:
        """The model sigmoid(w x + b) with the parameters after ``epoch`` epochs."""
        z = self.w[epoch] * np.asarray(x, dtype=np.float64) + self.b[epoch]
        return 1 / (1 + np.exp(-z))


def sigmoid_fit(epochs: int = 200, lr: float = 0.4, w0: float = 0.5, b0: float = 0.5
                ) -> SigmoidFit:
    """The course's loop: per point, z = w x + b, a = sigmoid(z), loss = (a - y)^2, and the
    chain rule by hand: dL/dw = 2 (a - y) a (1 - a) x, dL/db = 2 (a - y) a (1 - a).

    The course runs 100000 epochs; a scene needs far fewer (``epochs``). The fit tends to the
    true w = 5, b = 3.
    """
    if epochs < 0:
        raise ValueError(f"Expected epochs >= 0, got {epochs}.")
    xs, ys = sigmoid_data()
    w, b = float(w0), float(b0)

    def mse() -> float:
        return float(np.mean((1 / (1 + np.exp(-(w * xs + b))) - ys) ** 2))

    out_w, out_b, out_l = [w], [b], [mse()]
    for _ in range(epochs):
        for x, y in zip(xs, ys, strict=True):
            a = 1 / (1 + np.exp(-(w * x + b)))
            common = 2 * (a - y) * a * (1 - a)
            w, b = w - lr * common * x, b - lr * common
        out_w.append(w)
        out_b.append(b)
        out_l.append(mse())
    return SigmoidFit(np.array(out_w), np.array(out_b), np.array(out_l))
