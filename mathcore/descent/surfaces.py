"""Built-in loss functions: the course's 1-D quadratic and the 2-D surfaces of the lectures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

__all__ = ["SURFACES", "Surface", "get_surface"]


@dataclass(frozen=True)
class Surface:
    """A loss function of a point (tensor of shape (dim,)) with what a scene needs to draw it.

    Attributes:
        name: key in :data:`SURFACES`.
        fn: the loss, torch-differentiable, shape (dim,) -> 0-d tensor.
        dim: 1 or 2.
        window: (xmin, xmax) or (xmin, xmax, ymin, ymax): the region a scene shows.
        start: the default start point.
        minima: known local minima (rows), for checking where a run ends.
        tex: the formula in TeX.
    """

    name: str
    fn: Callable[[torch.Tensor], torch.Tensor]
    dim: int
    window: tuple[float, ...]
    start: tuple[float, ...]
    minima: tuple[tuple[float, ...], ...]
    tex: str

    def __call__(self, p: torch.Tensor) -> torch.Tensor:
        return self.fn(p)

    def curve(self, n: int = 200, lo: float | None = None, hi: float | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
        """(x, loss) sampled at n points over [lo, hi] (default: the window); 1-D losses only."""
        if self.dim != 1:
            raise ValueError(f"Expected a 1-D loss for curve(), {self.name!r} is {self.dim}-D.")
        x = np.linspace(self.window[0] if lo is None else lo,
                        self.window[1] if hi is None else hi, n)
        with torch.no_grad():
            y = torch.vmap(self.fn)(torch.as_tensor(x[:, None])).numpy()
        return x, y

    def values(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The loss at the points (x[i], y[i]) (arrays of one shape), in one vectorised call;
        2-D surfaces only."""
        if self.dim != 2:
            raise ValueError(f"Expected a 2-D surface for values(), {self.name!r} is {self.dim}-D.")
        x, y = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        pts = torch.as_tensor(np.stack([x.ravel(), y.ravel()], axis=-1))
        with torch.no_grad():
            return torch.vmap(self.fn)(pts).numpy().reshape(x.shape)

    def hessian(self, point) -> np.ndarray:
        """The matrix of second derivatives at ``point`` (shape (dim, dim)), by autograd."""
        p = torch.as_tensor(np.atleast_1d(np.asarray(point, dtype=np.float64)))
        if p.shape != (self.dim,):
            raise ValueError(f"Expected a point of shape ({self.dim},), got {tuple(p.shape)}.")
        return torch.autograd.functional.hessian(self.fn, p).numpy().reshape(self.dim, self.dim)

    def grid(self, n: int = 60, window: tuple[float, float, float, float] | None = None
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(X, Y, Z) sampled on an n x n grid over ``window`` (default: the surface's own);
        2-D surfaces only."""
        if self.dim != 2:
            raise ValueError(f"Expected a 2-D surface for grid(), {self.name!r} is {self.dim}-D.")
        x0, x1, y0, y1 = window or self.window
        X, Y = np.meshgrid(np.linspace(x0, x1, n), np.linspace(y0, y1, n))
        return X, Y, self.values(X, Y)


def _course_quadratic(p: torch.Tensor) -> torch.Tensor:
    return ((p - 2.3) ** 2).sum()


def _bowl(p: torch.Tensor) -> torch.Tensor:
    # An elongated bowl: curvature 1 along x and 10 along y (condition number 10).
    return 0.5 * p[0] ** 2 + 5.0 * p[1] ** 2


def _rosenbrock(p: torch.Tensor) -> torch.Tensor:
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def _saddle(p: torch.Tensor) -> torch.Tensor:
    return p[0] ** 2 - p[1] ** 2


def _round_bowl(p: torch.Tensor) -> torch.Tensor:
    return p[0] ** 2 + p[1] ** 2


def _dome(p: torch.Tensor) -> torch.Tensor:
    return -(p[0] ** 2) - p[1] ** 2


def _two_minima(p: torch.Tensor) -> torch.Tensor:
    # A double well in x (minima near x = -1.036 and x = 0.960, the left one deeper) times a bowl in y.
    x, y = p[0], p[1]
    return (x**2 - 1) ** 2 + 0.3 * x + y**2


def _lagrange_objective(p: torch.Tensor) -> torch.Tensor:
    return (p[0] - 2) ** 2 + (p[1] - 1) ** 2


def _mountain(p: torch.Tensor) -> torch.Tensor:
    # A wide valley with two hills on its slopes: the "mountain" to walk down.
    x, y = p[0], p[1]
    return 0.25 * (x**2 + y**2) + 1.5 * torch.exp(-((x - 1.2) ** 2 + (y - 1.0) ** 2)) + torch.exp(
        -((x + 1.5) ** 2 + (y + 1.2) ** 2) / 0.8
    )


SURFACES: dict[str, Surface] = {
    s.name: s
    for s in (
        Surface("course_quadratic", _course_quadratic, 1, (0.0, 10.0), (9.0,), ((2.3,),),
                r"(w - 2.3)^2"),
        Surface("bowl", _bowl, 2, (-4.0, 4.0, -2.0, 2.0), (-3.5, 1.5), ((0.0, 0.0),),
                r"\tfrac12 x^2 + 5 y^2"),
        Surface("rosenbrock", _rosenbrock, 2, (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.0), ((1.0, 1.0),),
                r"(1-x)^2 + 100\,(y - x^2)^2"),
        Surface("round_bowl", _round_bowl, 2, (-1.5, 1.5, -1.5, 1.5), (1.0, 1.0), ((0.0, 0.0),),
                r"x^2 + y^2"),
        Surface("dome", _dome, 2, (-1.5, 1.5, -1.5, 1.5), (0.1, 0.1), (), r"-x^2 - y^2"),
        Surface("saddle", _saddle, 2, (-2.0, 2.0, -2.0, 2.0), (1.5, 1e-3), (),
                r"x^2 - y^2"),
        Surface("two_minima", _two_minima, 2, (-2.0, 2.0, -1.5, 1.5), (0.2, 1.0),
                ((-1.035579, 0.0), (0.960150, 0.0)), r"(x^2-1)^2 + 0.3x + y^2"),
        Surface("lagrange_objective", _lagrange_objective, 2, (-2.0, 3.0, -1.5, 2.5),
                (0.0, 0.0), ((2.0, 1.0),), r"(x-2)^2 + (y-1)^2"),
        Surface("mountain", _mountain, 2, (-3.0, 3.0, -3.0, 3.0), (2.5, 2.2), (),
                r"\tfrac14 (x^2+y^2) + \text{hills}"),
    )
}
"""Built-in surfaces by name; ``optimize`` accepts these names as its ``loss``."""


def get_surface(name: str) -> Surface:
    """The built-in surface called ``name``, or a ``ValueError`` listing the known names."""
    try:
        return SURFACES[name]
    except KeyError:
        raise ValueError(
            f"Unknown surface {name!r}; expected one of {', '.join(sorted(SURFACES))}."
        ) from None
