"""The elementary functions of the course with their properties (定义域, 值域, 奇偶性, 周期, 单调性 ...)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

import numpy as np
import torch

__all__ = ["CATALOGUE", "ElementaryFunction", "Parity", "get_function", "power", "softmax"]

Parity = Literal["even", "odd", "neither"]
INF = math.inf
PI = math.pi


@dataclass(frozen=True)
class ElementaryFunction:
    """A function of one real variable and the properties a lecture states about it.

    Periodic functions list their properties over one period starting at ``period_start``;
    ``poles`` and monotonic intervals repeat with the period.

    Attributes:
        name: key in :data:`CATALOGUE`; ``tex``: formula; ``zh``: Chinese name.
        fn: elementwise torch function (float64 in, float64 out).
        domain: list of open/closed intervals as (a, b) pairs (inf allowed); a point outside is
            an error in :meth:`__call__`.
        range: (lo, hi) of the values (bounds may be unattained).
        parity: "even", "odd" or "neither".
        period: smallest positive period, or None.
        increasing / decreasing: intervals where the function is strictly monotonic.
        poles: x values of vertical asymptotes (one period's worth for periodic functions).
        horizontal_asymptotes: y values approached as x -> ±inf (saturation, 饱和).
        continuous: True when continuous on its whole domain (all elementary functions are).
    """

    name: str
    tex: str
    zh: str
    fn: Callable[[torch.Tensor], torch.Tensor]
    domain: tuple[tuple[float, float], ...]
    range: tuple[float, float]
    parity: Parity
    period: float | None = None
    increasing: tuple[tuple[float, float], ...] = ()
    decreasing: tuple[tuple[float, float], ...] = ()
    poles: tuple[float, ...] = ()
    horizontal_asymptotes: tuple[float, ...] = ()
    continuous: bool = True
    period_start: float = 0.0
    extra: dict = field(default_factory=dict)

    def in_domain(self, x: float | np.ndarray) -> np.ndarray:
        """Elementwise: is x inside the (open) domain, poles of periodic functions excluded."""
        x = np.asarray(x, dtype=np.float64)
        ok = np.zeros(x.shape, dtype=bool)
        for a, b in self.domain:
            ok |= (x > a) & (x < b)
            ok |= np.isclose(x, a) & np.isfinite(a) & np.isfinite(self._at(a))
            ok |= np.isclose(x, b) & np.isfinite(b) & np.isfinite(self._at(b))
        if self.period is not None and self.poles:
            for pole in self.poles:
                phase = np.mod(x - pole, self.period)
                ok &= ~(np.isclose(phase, 0.0, atol=1e-12) | np.isclose(phase, self.period))
        return ok

    def _at(self, x: float) -> float:
        with torch.no_grad():
            return float(self.fn(torch.tensor([x], dtype=torch.float64))[0])

    def __call__(self, x: float | np.ndarray) -> np.ndarray:
        """Values at x (numpy); raises ``ValueError`` for points outside the domain."""
        x = np.asarray(x, dtype=np.float64)
        bad = ~self.in_domain(x)
        if np.any(bad):
            raise ValueError(f"{self.name}: x = {x[bad].ravel()[0]:g} is outside the domain.")
        with torch.no_grad():
            return self.fn(torch.as_tensor(x)).numpy()

    def poles_in(self, a: float, b: float) -> np.ndarray:
        """All vertical-asymptote x values in [a, b] (repeating poles by the period)."""
        if not self.poles:
            return np.array([])
        if self.period is None:
            return np.array([p for p in self.poles if a <= p <= b])
        out = []
        for pole in self.poles:
            k0, k1 = math.ceil((a - pole) / self.period), math.floor((b - pole) / self.period)
            out += [pole + k * self.period for k in range(k0, k1 + 1)]
        return np.array(sorted(out))


def power(alpha: float | Fraction | str) -> ElementaryFunction:
    """y = x^alpha for a rational alpha (幂函数), real-valued wherever that makes sense.

    For alpha = p/q in lowest terms with q odd, x^alpha is defined for x < 0 as the real root
    (so x^(1/3) is the real cube root); with q even, only x >= 0 is in the domain; a negative
    alpha excludes x = 0 (a pole).
    """
    a = Fraction(alpha).limit_denominator(1000)
    p, q = a.numerator, a.denominator
    fa = float(a)

    def fn(x: torch.Tensor) -> torch.Tensor:
        if q == 1:
            return x**p
        mag = torch.abs(x) ** fa
        if q % 2 == 1:
            return mag * torch.sign(x) if p % 2 else mag
        return torch.where(x >= 0, mag, torch.full_like(x, math.nan))

    neg_ok = q % 2 == 1
    if a == 0:
        return ElementaryFunction("power_0", "x^0", "幂函数 x^0", lambda x: torch.ones_like(x),
                                  ((-INF, INF),), (1.0, 1.0), "even", None, extra={"alpha": a})
    if a > 0:
        domain = ((-INF, INF),) if neg_ok else ((0.0, INF),)
    else:
        domain = ((-INF, 0.0), (0.0, INF)) if neg_ok else ((0.0, INF),)
    even = neg_ok and p % 2 == 0
    odd = neg_ok and p % 2 == 1
    parity: Parity = "even" if even else "odd" if odd else "neither"
    if a > 0:
        if odd:
            rng, inc, dec = (-INF, INF), ((-INF, INF),), ()
        elif even:
            rng, inc, dec = (0.0, INF), ((0.0, INF),), ((-INF, 0.0),)
        else:
            rng, inc, dec = (0.0, INF), ((0.0, INF),), ()
        poles: tuple[float, ...] = ()
    else:
        poles = (0.0,)
        if odd:
            rng, inc, dec = (-INF, INF), (), ((-INF, 0.0), (0.0, INF))
        elif even:
            rng, inc, dec = (0.0, INF), ((-INF, 0.0),), ((0.0, INF),)
        else:
            rng, inc, dec = (0.0, INF), (), ((0.0, INF),)
    tex = f"x^{{{p}}}" if q == 1 else f"x^{{{p}/{q}}}"
    return ElementaryFunction(
        f"power_{p}" + (f"/{q}" if q != 1 else ""), tex, f"幂函数 {tex}", fn, domain, rng, parity,
        increasing=inc, decreasing=dec, poles=poles,
        horizontal_asymptotes=(0.0,) if a < 0 else (), extra={"alpha": a},
    )


def _arccot(x: torch.Tensor) -> torch.Tensor:
    # Range (0, pi): arccot x = pi/2 - arctan x.
    return PI / 2 - torch.atan(x)


def softmax(z: np.ndarray) -> np.ndarray:
    """softmax(z)_i = exp(z_i) / sum_j exp(z_j), computed stably (shift by max z)."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


_R = ((-INF, INF),)
CATALOGUE: dict[str, ElementaryFunction] = {
    f.name: f
    for f in (
        ElementaryFunction("constant", "c", "常函数", lambda x: torch.full_like(x, 2.0), _R,
                           (2.0, 2.0), "even", extra={"c": 2.0}),
        ElementaryFunction("exp", "e^x", "指数函数", torch.exp, _R, (0.0, INF), "neither",
                           increasing=_R, horizontal_asymptotes=(0.0,)),
        ElementaryFunction("exp_neg", "e^{-x}", "指数函数", lambda x: torch.exp(-x), _R,
                           (0.0, INF), "neither", decreasing=_R, horizontal_asymptotes=(0.0,)),
        ElementaryFunction("cosh2", "e^x + e^{-x}", "两个指数函数之和",
                           lambda x: torch.exp(x) + torch.exp(-x), _R, (2.0, INF), "even",
                           increasing=((0.0, INF),), decreasing=((-INF, 0.0),)),
        ElementaryFunction("log", r"\ln x", "对数函数", torch.log, ((0.0, INF),), (-INF, INF),
                           "neither", increasing=((0.0, INF),), poles=(0.0,)),
        ElementaryFunction("sin", r"\sin x", "正弦函数", torch.sin, _R, (-1.0, 1.0), "odd", 2 * PI,
                           increasing=((-PI / 2, PI / 2),), decreasing=((PI / 2, 3 * PI / 2),),
                           period_start=-PI / 2),
        ElementaryFunction("cos", r"\cos x", "余弦函数", torch.cos, _R, (-1.0, 1.0), "even", 2 * PI,
                           increasing=((-PI, 0.0),), decreasing=((0.0, PI),), period_start=-PI),
        ElementaryFunction("tan", r"\tan x", "正切函数", torch.tan, _R, (-INF, INF), "odd", PI,
                           increasing=((-PI / 2, PI / 2),), poles=(PI / 2,),
                           period_start=-PI / 2),
        ElementaryFunction("cot", r"\cot x", "余切函数", lambda x: 1 / torch.tan(x), _R,
                           (-INF, INF), "odd", PI, decreasing=((0.0, PI),), poles=(0.0,)),
        ElementaryFunction("sec", r"\sec x", "正割函数", lambda x: 1 / torch.cos(x), _R,
                           (-INF, INF), "even", 2 * PI, increasing=((0.0, PI / 2), (PI / 2, PI)),
                           decreasing=((-PI, -PI / 2), (-PI / 2, 0.0)), poles=(PI / 2, -PI / 2),
                           period_start=-PI),
        ElementaryFunction("csc", r"\csc x", "余割函数", lambda x: 1 / torch.sin(x), _R,
                           (-INF, INF), "odd", 2 * PI,
                           increasing=((PI / 2, PI), (PI, 3 * PI / 2)),
                           decreasing=((0.0, PI / 2), (3 * PI / 2, 2 * PI)), poles=(0.0, PI)),
        ElementaryFunction("arcsin", r"\arcsin x", "反正弦函数", torch.asin, ((-1.0, 1.0),),
                           (-PI / 2, PI / 2), "odd", increasing=((-1.0, 1.0),)),
        ElementaryFunction("arccos", r"\arccos x", "反余弦函数", torch.acos, ((-1.0, 1.0),),
                           (0.0, PI), "neither", decreasing=((-1.0, 1.0),)),
        ElementaryFunction("arctan", r"\arctan x", "反正切函数", torch.atan, _R,
                           (-PI / 2, PI / 2), "odd", increasing=_R,
                           horizontal_asymptotes=(-PI / 2, PI / 2)),
        ElementaryFunction("arccot", r"\operatorname{arccot} x", "反余切函数", _arccot, _R,
                           (0.0, PI), "neither", decreasing=_R, horizontal_asymptotes=(0.0, PI)),
        ElementaryFunction("sigmoid", r"\sigma(x) = \frac{1}{1+e^{-x}}", "Sigmoid 函数",
                           torch.sigmoid, _R, (0.0, 1.0), "neither", increasing=_R,
                           horizontal_asymptotes=(0.0, 1.0)),
        ElementaryFunction("tanh", r"\tanh x", "双曲正切函数", torch.tanh, _R, (-1.0, 1.0), "odd",
                           increasing=_R, horizontal_asymptotes=(-1.0, 1.0)),
        ElementaryFunction("relu", r"\max(0, x)", "ReLU 函数", torch.relu, _R, (0.0, INF),
                           "neither", increasing=((0.0, INF),)),
        ElementaryFunction("softplus", r"\ln(1+e^x)", "Softplus 函数",
                           torch.nn.functional.softplus, _R, (0.0, INF), "neither",
                           increasing=_R, horizontal_asymptotes=(0.0,)),
    )
}
"""Named functions (power functions come from :func:`power`)."""


def get_function(name: str) -> ElementaryFunction:
    """Catalogue entry ``name``; "power_P/Q" names build :func:`power` functions."""
    if name.startswith("power_"):
        return power(name.removeprefix("power_"))
    try:
        return CATALOGUE[name]
    except KeyError:
        raise ValueError(
            f"Unknown function {name!r}; expected one of {', '.join(sorted(CATALOGUE))} or power_P/Q."
        ) from None
