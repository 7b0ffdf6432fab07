"""Why logarithms help: products become sums, tiny products stay representable, and one
outlier moves a mean of logs far less than a plain mean (对数的作用)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

__all__ = [
    "OutlierEffect",
    "ProductAsSum",
    "Underflow",
    "likelihood_underflow",
    "outlier_effect",
    "product_as_sum",
]


@dataclass(frozen=True)
class ProductAsSum:
    """log_base(a1 * a2 * ...) and log_base a1 + log_base a2 + ... for the same factors.

    Attributes:
        factors: the numbers multiplied (all > 0); ``base``: the logarithm's base.
        product: their product.
        logs: log_base of each factor.
        log_of_product: log_base(product).
        sum_of_logs: sum(logs), equal to ``log_of_product`` (up to rounding).
    """

    factors: tuple[float, ...]
    base: float
    product: float
    logs: tuple[float, ...]
    log_of_product: float
    sum_of_logs: float


def product_as_sum(factors: tuple[float, ...] | list[float], base: float = 2.0) -> ProductAsSum:
    """The identity log(ab) = log a + log b, evaluated for ``factors``.

    Args:
        factors: positive numbers.
        base: the logarithm's base, > 0 and != 1.

    Returns:
        Both sides, and the pieces a lecture shows.
    """
    x = np.asarray(factors, dtype=np.float64)
    if x.ndim != 1 or len(x) < 2 or np.any(x <= 0):
        raise ValueError(f"Expected at least two positive factors, got {factors!r}.")
    if not (base > 0 and base != 1):
        raise ValueError(f"Expected a base > 0 with base != 1, got {base}.")
    logs = np.log(x) / math.log(base)
    product = float(np.prod(x))
    return ProductAsSum(tuple(float(v) for v in x), float(base), product,
                        tuple(float(v) for v in logs), math.log(product) / math.log(base),
                        float(logs.sum()))


@dataclass(frozen=True)
class Underflow:
    """n equal probabilities p multiplied in one floating-point type, and their log summed.

    Attributes:
        p, n: each factor and how many.
        dtype: the torch type name ("float32" or "float64").
        product: torch.prod of the n factors in ``dtype`` (0.0 when it underflows).
        log_sum: torch.log of the factors summed in ``dtype``: n ln p, no underflow.
        exact_log10: n log10 p, the power of ten the true product has.
        smallest: the smallest positive number of ``dtype`` (a subnormal).
    """

    p: float
    n: int
    dtype: str
    product: float
    log_sum: float
    exact_log10: float
    smallest: float

    @property
    def underflows(self) -> bool:
        """True when the computed product is 0 although the true one is positive."""
        return self.product == 0.0


def likelihood_underflow(p: float, n: int, dtype: torch.dtype = torch.float32) -> Underflow:
    """Multiply n probabilities p as a model's likelihood would, and sum their logs instead.

    Args:
        p: each probability, 0 < p < 1.
        n: how many, >= 1.
        dtype: torch.float32 (what networks use) or torch.float64.

    Returns:
        The computed product and log-sum (see :class:`Underflow`).
    """
    if not 0 < p < 1:
        raise ValueError(f"Expected a probability 0 < p < 1, got {p}.")
    if n < 1:
        raise ValueError(f"Expected n >= 1 factors, got {n}.")
    t = torch.full((n,), p, dtype=dtype)
    info = torch.finfo(dtype)
    return Underflow(float(p), int(n), str(dtype).removeprefix("torch."),
                     float(torch.prod(t)), float(torch.log(t).sum()), n * math.log10(p),
                     float(info.smallest_normal) * float(info.eps))


@dataclass(frozen=True)
class OutlierEffect:
    """What one outlier does to the mean of some values, and to the mean of their logs.

    The mean of the logs, turned back with exp, is the geometric mean.

    Attributes:
        values: the typical values; ``outlier``: the one extra value.
        mean_without / mean_with: arithmetic means without and with the outlier.
        geo_without / geo_with: geometric means exp(mean(ln v)) without and with it.
    """

    values: tuple[float, ...]
    outlier: float
    mean_without: float
    mean_with: float
    geo_without: float
    geo_with: float

    @property
    def mean_factor(self) -> float:
        """How many times larger the plain mean gets with the outlier."""
        return self.mean_with / self.mean_without

    @property
    def geo_factor(self) -> float:
        """How many times larger the mean of the logs (as a geometric mean) gets."""
        return self.geo_with / self.geo_without


def outlier_effect(values: tuple[float, ...] | list[float], outlier: float) -> OutlierEffect:
    """The plain mean and the geometric mean of ``values``, without and with ``outlier``.

    Args:
        values: positive numbers; outlier: one more positive number.

    Returns:
        The four means (see :class:`OutlierEffect`).
    """
    v = np.asarray(values, dtype=np.float64)
    if v.ndim != 1 or len(v) < 1 or np.any(v <= 0) or not outlier > 0:
        raise ValueError(f"Expected positive values and outlier, got {values!r}, {outlier!r}.")
    w = np.append(v, outlier)
    return OutlierEffect(tuple(float(x) for x in v), float(outlier), float(v.mean()),
                         float(w.mean()), float(np.exp(np.log(v).mean())),
                         float(np.exp(np.log(w).mean())))
