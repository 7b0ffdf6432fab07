"""The elementary functions of the course with their properties (定义域, 值域, 奇偶性, 周期, 单调性 ...)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

import numpy as np
import torch

from mathcore.functions.intervals import REALS, Interval, IntervalSet, PeriodicPoints

__all__ = [
    "CATALOGUE",
    "ElementaryFunction",
    "Parity",
    "ParityReason",
    "RangeEnd",
    "get_function",
    "power",
    "softmax",
]

Parity = Literal["even", "odd", "neither"]
ParityReason = Literal["even_identity", "odd_identity", "domain_not_symmetric", "no_identity"]
INF = math.inf
PI = math.pi


@dataclass(frozen=True)
class RangeEnd:
    """Where a finite end of a function's range is reached.

    Attributes:
        y: the end of the range.
        x: for a closed end, a point where the value is attained, f(x) = y; for an open end, the
            point the value is approached at, y = lim f(t) as t -> x from inside the domain
            (``inf`` / ``-inf``, or a finite end of the domain).
    """

    y: float
    x: float


@dataclass(frozen=True)
class ElementaryFunction:
    """A function of one real variable and the properties a lecture states about it.

    Periodic functions list their monotonic intervals over one period starting at
    ``period_start``; ``poles`` repeat with the period.

    Attributes:
        name: key in :data:`CATALOGUE`; ``tex``: formula; ``zh``: Chinese name.
        fn: elementwise torch function (float64 in, float64 out).
        domain: where f is defined (定义域), ends included or not; a point outside is an error
            in :meth:`__call__`.
        range: the values f takes (值域), ends included exactly when attained.
        parity: "even", "odd" or "neither" (even and odd need a domain symmetric about 0).
        period: smallest positive period, or None.
        increasing / decreasing: intervals on each of which f is strictly monotonic, each as
            long as possible, an end closed when it is in the domain (separately: x^-1 is
            decreasing on (-inf, 0) and on (0, +inf), not on their union).
        range_ends: a :class:`RangeEnd` for every finite end of ``range``.
        poles: x values of vertical asymptotes (one period's worth for periodic functions).
        horizontal_asymptotes: y values approached as x -> +-inf (saturation, 饱和).
        continuous: True when continuous on its whole domain (all elementary functions are).
    """

    name: str
    tex: str
    zh: str
    fn: Callable[[torch.Tensor], torch.Tensor]
    domain: IntervalSet
    range: IntervalSet
    parity: Parity
    period: float | None = None
    increasing: tuple[Interval, ...] = ()
    decreasing: tuple[Interval, ...] = ()
    range_ends: tuple[RangeEnd, ...] = ()
    poles: tuple[float, ...] = ()
    horizontal_asymptotes: tuple[float, ...] = ()
    continuous: bool = True
    period_start: float = 0.0
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for label, value in (("domain", self.domain), ("range", self.range)):
            if not isinstance(value, IntervalSet):
                raise ValueError(
                    f"{self.name}: expected an IntervalSet as {label}, got {value!r}."
                )
        if self.parity not in ("even", "odd", "neither"):
            raise ValueError(
                f"{self.name}: expected parity even, odd or neither, got {self.parity!r}."
            )
        if self.parity != "neither" and not self.domain.is_symmetric:
            raise ValueError(
                f"{self.name}: an {self.parity} function needs a domain symmetric about 0, "
                f"got {self.domain.tex()}."
            )
        for iv in self.increasing + self.decreasing:
            if not isinstance(iv, Interval):
                raise ValueError(f"{self.name}: expected Interval monotonic pieces, got {iv!r}.")
        ends = {y for y, _ in self.range.finite_ends()}
        witnessed = {e.y for e in self.range_ends}
        if ends != witnessed:
            raise ValueError(
                f"{self.name}: range {self.range.tex()} has finite ends {sorted(ends)}, "
                f"but range_ends name {sorted(witnessed)}."
            )

    @property
    def symmetric_domain(self) -> bool:
        """True when x in the domain implies -x in the domain (needed for even or odd)."""
        return self.domain.is_symmetric

    @property
    def parity_reason(self) -> ParityReason:
        """Why :attr:`parity` is what it is.

        Returns:
            "even_identity" (f(-x) = f(x) on a symmetric domain), "odd_identity"
            (f(-x) = -f(x)), "domain_not_symmetric" (neither: some x has -x outside the domain,
            like x^(1/2)), or "no_identity" (neither: symmetric domain, but neither identity
            holds, like e^x).
        """
        if self.parity == "even":
            return "even_identity"
        if self.parity == "odd":
            return "odd_identity"
        return "no_identity" if self.symmetric_domain else "domain_not_symmetric"

    def in_domain(self, x: float | np.ndarray) -> np.ndarray:
        """Elementwise: is x in the domain (closed ends in, open ends and poles out)."""
        return self.domain.contains(x)

    def __call__(self, x: float | np.ndarray) -> np.ndarray:
        """Values at x (numpy); raises ``ValueError`` for points outside the domain."""
        x = np.asarray(x, dtype=np.float64)
        bad = ~self.in_domain(x)
        if np.any(bad):
            raise ValueError(
                f"{self.name}: x = {x[bad].ravel()[0]:g} is outside the domain "
                f"{self.domain.tex()}."
            )
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


_R = REALS
_NONZERO = IntervalSet.of(Interval(-INF, 0.0), Interval(0.0, INF))
_POSITIVE = IntervalSet.of(Interval(0.0, INF))
_NONNEGATIVE = IntervalSet.of(Interval.left_closed(0.0, INF))
_LINE = Interval(-INF, INF)
_UP_FROM_0 = Interval.left_closed(0.0, INF)  # [0, +inf)
_DOWN_TO_0 = Interval.right_closed(-INF, 0.0)  # (-inf, 0]
_LEFT = Interval(-INF, 0.0)
_RIGHT = Interval(0.0, INF)


def power(alpha: float | Fraction | str) -> ElementaryFunction:
    """y = x^alpha for a rational alpha (幂函数), real-valued wherever that makes sense.

    With alpha = p/q in lowest terms (q > 0): for q odd, x^alpha is defined for x < 0 as the
    real root (x^(1/3) is the real cube root), so the domain is symmetric and the parity is
    that of p; for q even, only x >= 0 is in the domain and x^alpha is neither even nor odd.
    alpha < 0 excludes x = 0 (a pole). alpha = 0 follows the Chinese textbooks: y = x^0 = 1 with
    domain x != 0, since 0^0 is not defined.

    Args:
        alpha: the exponent, e.g. ``2``, ``"1/2"``, ``Fraction(-2, 3)``; a float is read as the
            nearest fraction with denominator at most 1000.

    Returns:
        The function with domain, range (with where its ends are reached), parity and monotonic
        intervals.
    """
    a = Fraction(alpha).limit_denominator(1000)
    p, q = a.numerator, a.denominator
    fa = float(a)
    tex = "x" if a == 1 else f"x^{{{p}}}" if q == 1 else f"x^{{{p}/{q}}}"
    name = f"power_{p}" + (f"/{q}" if q != 1 else "")
    if a == 0:
        return ElementaryFunction(
            name, tex, f"幂函数 {tex}",
            lambda x: torch.where(x == 0, torch.full_like(x, math.nan), torch.ones_like(x)),
            _NONZERO, IntervalSet.of(Interval.closed(1.0, 1.0)), "even",
            range_ends=(RangeEnd(1.0, 1.0),), extra={"alpha": a},
        )

    def fn(x: torch.Tensor) -> torch.Tensor:
        if q == 1:
            return x**p
        mag = torch.abs(x) ** fa
        if q % 2 == 1:
            return mag * torch.sign(x) if p % 2 else mag
        return torch.where(x >= 0, mag, torch.full_like(x, math.nan))

    odd = q % 2 == 1 and p % 2 == 1  # q odd: the real root, defined for x < 0
    even = q % 2 == 1 and p % 2 == 0
    parity: Parity = "even" if even else "odd" if odd else "neither"
    inc: tuple[Interval, ...]
    dec: tuple[Interval, ...]
    if a > 0:
        domain = _R if q % 2 == 1 else _NONNEGATIVE
        ends: tuple[RangeEnd, ...] = () if odd else (RangeEnd(0.0, 0.0),)
        if odd:
            rng, inc, dec = _R, (_LINE,), ()
        elif even:
            rng, inc, dec = _NONNEGATIVE, (_UP_FROM_0,), (_DOWN_TO_0,)
        else:
            rng, inc, dec = _NONNEGATIVE, (_UP_FROM_0,), ()
        poles: tuple[float, ...] = ()
    else:
        domain = _NONZERO if q % 2 == 1 else _POSITIVE
        poles = (0.0,)
        if odd:
            rng, inc, dec = _NONZERO, (), (_LEFT, _RIGHT)
            ends = (RangeEnd(0.0, -INF), RangeEnd(0.0, INF))
        elif even:
            rng, inc, dec = _POSITIVE, (_LEFT,), (_RIGHT,)
            ends = (RangeEnd(0.0, -INF), RangeEnd(0.0, INF))
        else:
            rng, inc, dec = _POSITIVE, (), (_RIGHT,)
            ends = (RangeEnd(0.0, INF),)
    return ElementaryFunction(
        name, tex, f"幂函数 {tex}", fn, domain, rng, parity,
        increasing=inc, decreasing=dec, range_ends=ends, poles=poles,
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


_CLOSED = Interval.closed
_CO, _OC = Interval.left_closed, Interval.right_closed  # [a, b), (a, b]
_SEC_RANGE = IntervalSet.of(_OC(-INF, -1.0), _CO(1.0, INF))  # (-inf, -1] U [1, +inf)
_HALF_PI_HOLES = IntervalSet.of(_LINE, holes=PeriodicPoints(PI / 2, PI))  # x != pi/2 + k pi
_K_PI_HOLES = IntervalSet.of(_LINE, holes=PeriodicPoints(0.0, PI))  # x != k pi


def _set(iv: Interval) -> IntervalSet:
    return IntervalSet.of(iv)


CATALOGUE: dict[str, ElementaryFunction] = {
    f.name: f
    for f in (
        ElementaryFunction("constant", "c", "常函数", lambda x: torch.full_like(x, 2.0), _R,
                           _set(_CLOSED(2.0, 2.0)), "even", range_ends=(RangeEnd(2.0, 0.0),),
                           extra={"c": 2.0}),
        ElementaryFunction("exp", "e^x", "指数函数", torch.exp, _R, _POSITIVE, "neither",
                           increasing=(_LINE,), range_ends=(RangeEnd(0.0, -INF),),
                           horizontal_asymptotes=(0.0,)),
        ElementaryFunction("exp_neg", "e^{-x}", "指数函数", lambda x: torch.exp(-x), _R,
                           _POSITIVE, "neither", decreasing=(_LINE,),
                           range_ends=(RangeEnd(0.0, INF),), horizontal_asymptotes=(0.0,)),
        ElementaryFunction("cosh2", "e^x + e^{-x}", "两个指数函数之和",
                           lambda x: torch.exp(x) + torch.exp(-x), _R, _set(_CO(2.0, INF)),
                           "even", increasing=(_UP_FROM_0,), decreasing=(_DOWN_TO_0,),
                           range_ends=(RangeEnd(2.0, 0.0),)),
        ElementaryFunction("log", r"\ln x", "对数函数", torch.log, _POSITIVE, _R, "neither",
                           increasing=(_RIGHT,), poles=(0.0,)),
        ElementaryFunction("sin", r"\sin x", "正弦函数", torch.sin, _R, _set(_CLOSED(-1.0, 1.0)),
                           "odd", 2 * PI, increasing=(_CLOSED(-PI / 2, PI / 2),),
                           decreasing=(_CLOSED(PI / 2, 3 * PI / 2),),
                           range_ends=(RangeEnd(-1.0, -PI / 2), RangeEnd(1.0, PI / 2)),
                           period_start=-PI / 2),
        ElementaryFunction("cos", r"\cos x", "余弦函数", torch.cos, _R, _set(_CLOSED(-1.0, 1.0)),
                           "even", 2 * PI, increasing=(_CLOSED(-PI, 0.0),),
                           decreasing=(_CLOSED(0.0, PI),),
                           range_ends=(RangeEnd(-1.0, PI), RangeEnd(1.0, 0.0)), period_start=-PI),
        ElementaryFunction("tan", r"\tan x", "正切函数", torch.tan, _HALF_PI_HOLES, _R, "odd", PI,
                           increasing=(Interval(-PI / 2, PI / 2),), poles=(PI / 2,),
                           period_start=-PI / 2),
        ElementaryFunction("cot", r"\cot x", "余切函数", lambda x: 1 / torch.tan(x), _K_PI_HOLES,
                           _R, "odd", PI, decreasing=(Interval(0.0, PI),), poles=(0.0,)),
        ElementaryFunction("sec", r"\sec x", "正割函数", lambda x: 1 / torch.cos(x),
                           _HALF_PI_HOLES, _SEC_RANGE, "even", 2 * PI,
                           increasing=(_CO(0.0, PI / 2), _OC(PI / 2, PI)),
                           decreasing=(_CO(-PI, -PI / 2), _OC(-PI / 2, 0.0)),
                           range_ends=(RangeEnd(-1.0, PI), RangeEnd(1.0, 0.0)),
                           poles=(PI / 2, -PI / 2), period_start=-PI),
        ElementaryFunction("csc", r"\csc x", "余割函数", lambda x: 1 / torch.sin(x), _K_PI_HOLES,
                           _SEC_RANGE, "odd", 2 * PI,
                           increasing=(_CO(PI / 2, PI), _OC(PI, 3 * PI / 2)),
                           decreasing=(_OC(0.0, PI / 2), _CO(3 * PI / 2, 2 * PI)),
                           range_ends=(RangeEnd(-1.0, 3 * PI / 2), RangeEnd(1.0, PI / 2)),
                           poles=(0.0, PI)),
        ElementaryFunction("arcsin", r"\arcsin x", "反正弦函数", torch.asin,
                           _set(_CLOSED(-1.0, 1.0)), _set(_CLOSED(-PI / 2, PI / 2)), "odd",
                           increasing=(_CLOSED(-1.0, 1.0),),
                           range_ends=(RangeEnd(-PI / 2, -1.0), RangeEnd(PI / 2, 1.0))),
        ElementaryFunction("arccos", r"\arccos x", "反余弦函数", torch.acos,
                           _set(_CLOSED(-1.0, 1.0)), _set(_CLOSED(0.0, PI)), "neither",
                           decreasing=(_CLOSED(-1.0, 1.0),),
                           range_ends=(RangeEnd(0.0, 1.0), RangeEnd(PI, -1.0))),
        ElementaryFunction("arctan", r"\arctan x", "反正切函数", torch.atan, _R,
                           _set(Interval(-PI / 2, PI / 2)), "odd", increasing=(_LINE,),
                           range_ends=(RangeEnd(-PI / 2, -INF), RangeEnd(PI / 2, INF)),
                           horizontal_asymptotes=(-PI / 2, PI / 2)),
        ElementaryFunction("arccot", r"\operatorname{arccot} x", "反余切函数", _arccot, _R,
                           _set(Interval(0.0, PI)), "neither", decreasing=(_LINE,),
                           range_ends=(RangeEnd(0.0, INF), RangeEnd(PI, -INF)),
                           horizontal_asymptotes=(0.0, PI)),
        ElementaryFunction("sigmoid", r"\sigma(x) = \frac{1}{1+e^{-x}}", "Sigmoid 函数",
                           torch.sigmoid, _R, _set(Interval(0.0, 1.0)), "neither",
                           increasing=(_LINE,),
                           range_ends=(RangeEnd(0.0, -INF), RangeEnd(1.0, INF)),
                           horizontal_asymptotes=(0.0, 1.0)),
        ElementaryFunction("tanh", r"\tanh x", "双曲正切函数", torch.tanh, _R,
                           _set(Interval(-1.0, 1.0)), "odd", increasing=(_LINE,),
                           range_ends=(RangeEnd(-1.0, -INF), RangeEnd(1.0, INF)),
                           horizontal_asymptotes=(-1.0, 1.0)),
        ElementaryFunction("relu", r"\max(0, x)", "ReLU 函数", torch.relu, _R, _NONNEGATIVE,
                           "neither", increasing=(_UP_FROM_0,),
                           range_ends=(RangeEnd(0.0, 0.0),)),
        ElementaryFunction("softplus", r"\ln(1+e^x)", "Softplus 函数",
                           torch.nn.functional.softplus, _R, _POSITIVE, "neither",
                           increasing=(_LINE,), range_ends=(RangeEnd(0.0, -INF),),
                           horizontal_asymptotes=(0.0,)),
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
