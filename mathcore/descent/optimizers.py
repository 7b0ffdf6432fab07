"""Trajectories of real ``torch.optim`` optimizers, with the state scenes draw.

Every trajectory is produced by stepping a genuine ``torch.optim`` optimizer on a float64
parameter; the extras (velocity, per-coordinate step sizes, NAG's look-ahead point) are read
from the optimizer's own state after each step, never re-implemented.

NAG and the look-ahead point: Sutskever's Nesterov momentum keeps a walker theta and a
velocity v, takes the gradient at the look-ahead point theta + mu v, and sets
v <- mu v - lr grad, theta <- theta + v. ``torch.optim.SGD(nesterov=True)`` runs the same
method in shifted variables: its parameter p_k *is* the look-ahead point theta_k + mu v_k, and
the walker is theta_k = p_k + lr mu b_{k-1} (b is torch's ``momentum_buffer``, b_{-1} = 0).
For ``"nag"`` mathcore therefore reports ``positions`` = the walker theta_k and ``lookahead`` = p_k,
the point where torch takes the gradient.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from mathcore.descent.surfaces import get_surface

__all__ = ["OPTIMIZERS", "LossFn", "Trajectory", "first_exit", "lr_sweep", "optimize"]

LossFn = Callable[[torch.Tensor], torch.Tensor]

OPTIMIZERS = ("sgd", "momentum", "nag", "adam", "rmsprop", "adagrad")
"""Optimizer names accepted by :func:`optimize`."""


@dataclass(frozen=True)
class Trajectory:
    """One optimizer run. Index k = state after k steps.

    Attributes:
        optimizer: the name passed to :func:`optimize`; ``lr``: its learning rate.
        positions: (steps + 1, dim) the points visited (for "nag": the walker, see module doc).
        losses: (steps + 1,) loss at ``positions``.
        gradients: (steps + 1, dim) the gradient torch used for step k (the last row: the
            gradient at the final point). For "nag" it is taken at ``lookahead``.
        velocities: (steps, dim) the momentum buffer after step k (zeros for optimizers without
            one); the displacement it stands for is -lr * velocity.
        step_sizes: (steps, dim) per-coordinate effective learning rate of step k: lr for SGD,
            lr / (sqrt(second moment) + eps) for RMSprop and Adagrad, and for Adam
            lr / (1 - beta1^t) / (sqrt(v / (1 - beta2^t)) + eps), the factor on its first moment.
        lookahead: (steps + 1, dim) NAG's look-ahead points (torch's parameters), else None.
    """

    optimizer: str
    lr: float
    positions: np.ndarray
    losses: np.ndarray
    gradients: np.ndarray
    velocities: np.ndarray
    step_sizes: np.ndarray
    lookahead: np.ndarray | None = None

    @property
    def steps(self) -> int:
        return len(self.losses) - 1

    @property
    def final(self) -> np.ndarray:
        return self.positions[-1]


def _make(name: str, params: list[torch.Tensor], lr: float, hyper: dict) -> torch.optim.Optimizer:
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, **hyper)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=hyper.pop("momentum", 0.9), **hyper)
    if name == "nag":
        return torch.optim.SGD(
            params, lr=lr, momentum=hyper.pop("momentum", 0.9), nesterov=True, **hyper
        )
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, **hyper)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, **hyper)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, **hyper)
    raise ValueError(f"Unknown optimizer {name!r}; expected one of {', '.join(OPTIMIZERS)}.")


def _step_size(name: str, opt: torch.optim.Optimizer, p: torch.Tensor, lr: float) -> np.ndarray:
    group, state = opt.param_groups[0], opt.state[p]
    if name == "adam":
        b1, b2 = group["betas"]
        t = float(state["step"])
        v_hat = state["exp_avg_sq"] / (1 - b2**t)
        return (lr / (1 - b1**t) / (v_hat.sqrt() + group["eps"])).numpy().copy()
    if name == "rmsprop":
        return (lr / (state["square_avg"].sqrt() + group["eps"])).numpy().copy()
    if name == "adagrad":
        t = float(state["step"])
        clr = lr / (1 + (t - 1) * group["lr_decay"])
        return (clr / (state["sum"].sqrt() + group["eps"])).numpy().copy()
    return np.full(p.shape, lr)


def optimize(
    loss: LossFn | str,
    start: float | np.ndarray | list[float] | tuple[float, ...] | None = None,
    optimizer: str = "sgd",
    lr: float = 0.1,
    steps: int = 100,
    **hyper: float,
) -> Trajectory:
    """Run a real ``torch.optim`` optimizer on ``loss`` from ``start`` and record everything.

    Args:
        loss: a torch-differentiable function of a float64 tensor of shape (dim,) returning a
            0-d tensor, or the name of a built-in surface (see :data:`SURFACES`).
        start: the start point (a float for 1-D); defaults to the surface's own start.
        optimizer: one of :data:`OPTIMIZERS`.
        lr: learning rate, > 0.
        steps: number of optimizer steps, >= 0.
        **hyper: extra keyword arguments for the torch optimizer (``momentum``, ``betas``,
            ``alpha``, ``weight_decay``, ...).

    Returns:
        The :class:`Trajectory`. Deterministic: no randomness is involved.

    Example (the course's code): SGD on (w - 2.3)^2 from w = 9 with lr 0.075 gives
    w_k = 2.3 + 6.7 * 0.85^k, and the first loss is 6.7^2 = 44.89 (the source's comment
    "36 -> 0" is wrong).
    """
    if isinstance(loss, str):
        surface = get_surface(loss)
        fn: LossFn = surface.fn
        if start is None:
            start = surface.start
    else:
        fn = loss
    if start is None:
        raise ValueError("Expected a start point (only built-in surfaces have a default).")
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"Unknown optimizer {optimizer!r}; expected one of {', '.join(OPTIMIZERS)}.")
    if steps < 0:
        raise ValueError(f"Expected steps >= 0, got {steps}.")
    if not lr > 0:
        raise ValueError(f"Expected a learning rate lr > 0, got {lr}.")

    p = torch.tensor(np.atleast_1d(np.asarray(start, dtype=np.float64)), requires_grad=True)
    if p.ndim != 1:
        raise ValueError(f"Expected a start point of shape (dim,), got shape {tuple(p.shape)}.")
    opt = _make(optimizer, [p], lr, dict(hyper))
    mu = opt.param_groups[0].get("momentum", 0.0)
    dim = p.shape[0]

    params, grads, vel, sizes = [], [], [], []
    prev_buf = np.zeros(dim)
    for k in range(steps + 1):
        opt.zero_grad()  # gradients accumulate in .grad, so clear them before every backward
        value = fn(p)
        if value.ndim != 0:
            raise ValueError(f"Expected the loss to return a scalar, got shape {tuple(value.shape)}.")
        value.backward()
        params.append(p.detach().numpy().copy())
        grads.append(p.grad.detach().numpy().copy())
        if not np.all(np.isfinite(params[-1])) or not np.all(np.isfinite(grads[-1])):
            raise ValueError(f"{optimizer} diverged to a non-finite value at step {k} (lr = {lr}).")
        if k == steps:
            break
        opt.step()
        buf = opt.state[p].get("momentum_buffer")
        vel.append(prev_buf if buf is None else buf.detach().numpy().copy())
        sizes.append(_step_size(optimizer, opt, p, lr))
        if buf is not None:
            prev_buf = vel[-1]

    params_arr = np.array(params)
    velocities = np.array(vel).reshape(steps, dim)
    lookahead = None
    positions = params_arr
    if optimizer == "nag":
        lookahead = params_arr
        before = np.vstack([np.zeros((1, dim)), velocities])  # b_{k-1}, with b_{-1} = 0
        positions = params_arr + lr * mu * before
    with torch.no_grad():
        losses = np.array([float(fn(torch.from_numpy(x))) for x in positions])
    return Trajectory(
        optimizer=optimizer,
        lr=float(lr),
        positions=positions,
        losses=losses,
        gradients=np.array(grads),
        velocities=velocities,
        step_sizes=np.array(sizes).reshape(steps, dim),
        lookahead=lookahead,
    )


def lr_sweep(
    loss: LossFn | str,
    lrs: list[float] | tuple[float, ...],
    start: float | np.ndarray | None = None,
    optimizer: str = "sgd",
    steps: int = 30,
    **hyper: float,
) -> dict[float, Trajectory]:
    """One trajectory per learning rate (too small, good, too large ...), same start and steps.

    Every run must stay finite (``optimize`` raises otherwise): for a rate that diverges, pick a
    step count at which the growth is visible but has not overflowed.
    """
    return {lr: optimize(loss, start, optimizer, lr, steps, **hyper) for lr in lrs}


def first_exit(positions: np.ndarray, window: tuple[float, float, float, float]) -> int | None:
    """The first step k whose point lies outside ``window`` = (x0, x1, y0, y1), or None if the
    whole run stays inside (bounds included). Scenes draw a run up to there."""
    pts = np.asarray(positions, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise ValueError(f"Expected positions of shape (n, 2), got {pts.shape}.")
    x0, x1, y0, y1 = window
    outside = (pts[:, 0] < x0) | (pts[:, 0] > x1) | (pts[:, 1] < y0) | (pts[:, 1] > y1)
    hits = np.flatnonzero(outside)
    return int(hits[0]) if len(hits) else None
