"""Learning rates on a quadratic: the stability limit and the best fixed rate.

Gradient descent on a quadratic with Hessian H (eigenvalues lambda_min <= ... <= lambda_max)
multiplies the error along each eigenvector by (1 - eta lambda) per step. It converges iff
eta < 2 / lambda_max (the limit); the slowest direction contracts by
max(|1 - eta lambda_min|, |1 - eta lambda_max|), which is smallest at
eta* = 2 / (lambda_min + lambda_max), where it equals (kappa - 1) / (kappa + 1) with
kappa = lambda_max / lambda_min (the condition number).

Reference: Nesterov, *Introductory Lectures on Convex Optimization* (2004), Theorem 2.1.15.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["QuadraticRates", "contraction", "mse_hessian", "quadratic_rates"]


@dataclass(frozen=True)
class QuadraticRates:
    """What the Hessian of a quadratic says about fixed learning rates.

    Attributes:
        lam_min, lam_max: the smallest and largest eigenvalue of the Hessian.
        limit: 2 / lam_max; any fixed rate at or above it does not converge.
        best: 2 / (lam_min + lam_max), the rate with the fastest guaranteed contraction.
        best_factor: the error's contraction per step at ``best``, (kappa - 1) / (kappa + 1).
    """

    lam_min: float
    lam_max: float
    limit: float
    best: float
    best_factor: float


def quadratic_rates(hessian) -> QuadraticRates:
    """Limit and best fixed learning rate of gradient descent on a quadratic with ``hessian``
    (a scalar second derivative, or a symmetric positive definite matrix)."""
    h = np.atleast_2d(np.asarray(hessian, dtype=np.float64))
    if h.shape[0] != h.shape[1] or not np.allclose(h, h.T):
        raise ValueError(f"Expected a symmetric square Hessian, got shape {h.shape}.")
    lam = np.linalg.eigvalsh(h)
    if lam[0] <= 0:
        raise ValueError(f"Expected a positive definite Hessian, got eigenvalues {lam}.")
    lo, hi = float(lam[0]), float(lam[-1])
    return QuadraticRates(lo, hi, 2 / hi, 2 / (lo + hi), (hi - lo) / (hi + lo))


def contraction(hessian, lr: float) -> float:
    """Worst per-step factor on the error of GD with rate ``lr``: max |1 - lr lambda|."""
    lam = np.linalg.eigvalsh(np.atleast_2d(np.asarray(hessian, dtype=np.float64)))
    return float(np.max(np.abs(1 - lr * lam)))


def mse_hessian(x) -> np.ndarray:
    """Hessian in (w, b) of the mean squared error mean((w x + b - y)^2) of a line fit:
    2 [[mean x^2, mean x], [mean x, 1]] (it does not depend on y or on w, b)."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or len(x) < 2:
        raise ValueError(f"Expected at least 2 x values in a 1-D array, got shape {x.shape}.")
    return 2 * np.array([[np.mean(x**2), np.mean(x)], [np.mean(x), 1.0]])
