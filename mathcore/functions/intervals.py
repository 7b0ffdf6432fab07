"""Intervals that know whether their ends are included, and the sets a domain or range can be.

An :class:`Interval` is ``[a, b]``, ``(a, b)``, ``[a, b)`` or ``(a, b]``; an infinite end is always
open. An :class:`IntervalSet` is a finite union of intervals, optionally minus a periodic set of
points (:class:`PeriodicPoints`), which is how the domains of tan, cot, sec and csc are written:
``x \\neq \\frac{\\pi}{2} + k\\pi, k \\in \\mathbb{Z}``. ``tex()`` gives the notation a lecture frame shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

__all__ = ["REALS", "Interval", "IntervalSet", "PeriodicPoints", "tex_value"]

_MAX_DENOMINATOR = 12  # p/q * pi with q <= 12 prints as a fraction of \pi
_HOLE_TOL = 1e-12  # relative: floats of k*pi/2 are not exact, points this close count as holes


def tex_value(v: float) -> str:
    """TeX for one end of an interval: ``+\\infty``, ``-2``, ``\\frac{\\pi}{2}``, ``0.25``.

    Integers print without a decimal point, rational multiples of pi with a denominator up to
    12 as fractions of ``\\pi``; anything else with 4 significant digits.

    Args:
        v: the value (may be infinite, not NaN).

    Returns:
        The TeX string (math mode, no dollar signs).
    """
    if math.isnan(v):
        raise ValueError("Expected a number, got nan.")
    if math.isinf(v):
        return r"+\infty" if v > 0 else r"-\infty"
    if v == round(v) and abs(v) < 1e15:
        return str(int(v))
    ratio = Fraction(v / math.pi).limit_denominator(_MAX_DENOMINATOR)
    if ratio != 0 and math.isclose(float(ratio) * math.pi, v, rel_tol=1e-12):
        return _pi_multiple(ratio)
    return f"{v:.4g}"


def _pi_multiple(r: Fraction, k: str = "") -> str:
    r"""``r`` times ``k`` times pi in TeX: ``\frac{3\pi}{2}``, ``-\pi``, ``2k\pi``."""
    sign = "-" if r < 0 else ""
    n, d = abs(r.numerator), r.denominator
    top = ("" if n == 1 else str(n)) + k + r"\pi"
    return sign + (top if d == 1 else rf"\frac{{{top}}}{{{d}}}")


@dataclass(frozen=True)
class Interval:
    """The real numbers between ``lo`` and ``hi``, each end included or not (open by default).

    ``lo == hi`` is allowed only closed at both ends (the single point ``{lo}``, e.g. the range
    of a constant function); an infinite end is always open.

    Attributes:
        lo, hi: the ends (``-inf`` / ``inf`` allowed), ``lo <= hi``.
        closed_lo, closed_hi: whether each end belongs to the interval.
    """

    lo: float
    hi: float
    closed_lo: bool = False
    closed_hi: bool = False

    def __post_init__(self) -> None:
        lo, hi = float(self.lo), float(self.hi)
        if math.isnan(lo) or math.isnan(hi):
            raise ValueError(f"Expected numbers as interval ends, got ({self.lo}, {self.hi}).")
        if lo == math.inf or hi == -math.inf:
            raise ValueError(f"Expected lo < +inf and hi > -inf, got ({lo}, {hi}).")
        if lo > hi:
            raise ValueError(f"Expected lo <= hi, got lo = {lo} > hi = {hi}.")
        if (self.closed_lo and math.isinf(lo)) or (self.closed_hi and math.isinf(hi)):
            raise ValueError(
                f"An infinite end is always open, got closed_lo={self.closed_lo} at {lo}, "
                f"closed_hi={self.closed_hi} at {hi}."
            )
        if lo == hi and not (self.closed_lo and self.closed_hi):
            raise ValueError(
                f"An interval with lo == hi = {lo} is empty unless closed at both ends ([c, c])."
            )
        object.__setattr__(self, "lo", lo)
        object.__setattr__(self, "hi", hi)
        object.__setattr__(self, "closed_lo", bool(self.closed_lo))
        object.__setattr__(self, "closed_hi", bool(self.closed_hi))

    @classmethod
    def closed(cls, lo: float, hi: float) -> Interval:
        """``[lo, hi]``."""
        return cls(lo, hi, True, True)

    @classmethod
    def left_closed(cls, lo: float, hi: float) -> Interval:
        """``[lo, hi)``, e.g. ``[0, +inf)`` (``Interval(lo, hi)`` is the open ``(lo, hi)``)."""
        return cls(lo, hi, True, False)

    @classmethod
    def right_closed(cls, lo: float, hi: float) -> Interval:
        """``(lo, hi]``, e.g. ``(-inf, 0]``."""
        return cls(lo, hi, False, True)

    def contains(self, x: float | np.ndarray) -> np.ndarray:
        """Elementwise membership, honouring which ends are included.

        Args:
            x: a number or an array of numbers.

        Returns:
            A boolean array of x's shape (NaN is never contained).
        """
        x = np.asarray(x, dtype=np.float64)
        above = x >= self.lo if self.closed_lo else x > self.lo
        below = x <= self.hi if self.closed_hi else x < self.hi
        return above & below

    def mirror(self) -> Interval:
        """The interval of the points -x: ``[a, b)`` becomes ``(-b, -a]``."""
        return Interval(-self.hi, -self.lo, self.closed_hi, self.closed_lo)

    def tex(self) -> str:
        r"""``[0, +\infty)``, ``(-\frac{\pi}{2}, \frac{\pi}{2})``, or ``\{2\}`` for a point."""
        if self.lo == self.hi:
            return rf"\{{{tex_value(self.lo)}\}}"
        left = "[" if self.closed_lo else "("
        right = "]" if self.closed_hi else ")"
        return f"{left}{tex_value(self.lo)}, {tex_value(self.hi)}{right}"


@dataclass(frozen=True)
class PeriodicPoints:
    """The points ``offset + k * period`` for every integer k (the poles of tan, sec, ...).

    ``offset`` is stored reduced to ``[0, period)`` (a simple fraction of the period exactly as
    that fraction times the period), so equal sets compare equal.

    Attributes:
        offset: one of the points.
        period: the spacing, > 0.
    """

    offset: float
    period: float

    def __post_init__(self) -> None:
        offset, period = float(self.offset), float(self.period)
        if not (math.isfinite(period) and period > 0):
            raise ValueError(f"Expected a finite period > 0, got {self.period}.")
        if not math.isfinite(offset):
            raise ValueError(f"Expected a finite offset, got {self.offset}.")
        offset %= period
        if math.isclose(offset, period, rel_tol=_HOLE_TOL):
            offset = 0.0
        # One float per set: pi/2 + k*pi built from -pi/2 or 5*pi/2 is stored as 0.5 * pi.
        ratio = Fraction(offset / period).limit_denominator(_MAX_DENOMINATOR)
        if math.isclose(float(ratio) * period, offset, rel_tol=_HOLE_TOL, abs_tol=0.0):
            offset = float(ratio) * period
        object.__setattr__(self, "offset", offset + 0.0)  # + 0.0 turns -0.0 into 0.0
        object.__setattr__(self, "period", period)

    def contains(self, x: float | np.ndarray) -> np.ndarray:
        """Elementwise: is x one of the points (within a relative 1e-12, since k*pi rounds)?

        Args:
            x: a number or an array of numbers.

        Returns:
            A boolean array of x's shape.
        """
        x = np.asarray(x, dtype=np.float64)
        phase = np.mod(x - self.offset, self.period)
        tol = _HOLE_TOL * np.maximum(1.0, np.abs(x))
        return (phase <= tol) | (self.period - phase <= tol)

    def points_in(self, a: float, b: float) -> np.ndarray:
        """The points in ``[a, b]``, in increasing order.

        Args:
            a, b: finite ends, a <= b.

        Returns:
            A 1-D float array.
        """
        if not (math.isfinite(a) and math.isfinite(b) and a <= b):
            raise ValueError(f"Expected finite a <= b, got [{a}, {b}].")
        k0 = math.ceil((a - self.offset) / self.period)
        k1 = math.floor((b - self.offset) / self.period)
        return self.offset + self.period * np.arange(k0, k1 + 1, dtype=np.float64)

    def mirror(self) -> PeriodicPoints:
        """The points -x."""
        return PeriodicPoints(-self.offset, self.period)

    def tex(self) -> str:
        r"""``\frac{\pi}{2} + k\pi``, ``k\pi``, ``1 + 2k``: the points with integer k."""
        ratio = Fraction(self.period / math.pi).limit_denominator(_MAX_DENOMINATOR)
        if math.isclose(float(ratio) * math.pi, self.period, rel_tol=1e-12):
            step = _pi_multiple(ratio, "k")
        else:
            step = "k" if self.period == 1 else f"{tex_value(self.period)}k"
        return step if self.offset == 0 else f"{tex_value(self.offset)} + {step}"


@dataclass(frozen=True)
class IntervalSet:
    """A finite union of intervals, optionally minus a periodic set of points.

    The intervals are stored sorted and merged (overlapping or touching pieces become one:
    ``(-inf, 0) ∪ [0, 1]`` is ``(-inf, 1]``), so two equal sets compare equal. ``holes`` removes
    every ``offset + k * period`` (the domain of tan is the real line with holes at pi/2 + k pi).

    Attributes:
        intervals: the disjoint pieces, in increasing order (empty tuple: the empty set).
        holes: points removed from the union, or None.
    """

    intervals: tuple[Interval, ...]
    holes: PeriodicPoints | None = None

    def __post_init__(self) -> None:
        pieces = tuple(self.intervals)
        for iv in pieces:
            if not isinstance(iv, Interval):
                raise ValueError(f"Expected Interval pieces, got {type(iv).__name__}: {iv!r}.")
        if self.holes is not None and not isinstance(self.holes, PeriodicPoints):
            raise ValueError(f"Expected PeriodicPoints or None as holes, got {self.holes!r}.")
        object.__setattr__(self, "intervals", _merge(pieces))

    @classmethod
    def of(cls, *intervals: Interval, holes: PeriodicPoints | None = None) -> IntervalSet:
        """The union of ``intervals`` (minus ``holes``)."""
        return cls(tuple(intervals), holes)

    def contains(self, x: float | np.ndarray) -> np.ndarray:
        """Elementwise membership.

        Args:
            x: a number or an array of numbers.

        Returns:
            A boolean array of x's shape.
        """
        x = np.asarray(x, dtype=np.float64)
        inside = np.zeros(x.shape, dtype=bool)
        for iv in self.intervals:
            inside |= iv.contains(x)
        if self.holes is not None:
            inside &= ~self.holes.contains(x)
        return inside

    @property
    def is_empty(self) -> bool:
        """True for the empty set."""
        return not self.intervals

    @property
    def bounds(self) -> tuple[float, float]:
        """(inf, sup) of the set: the lowest and highest end (either may be unattained)."""
        if self.is_empty:
            raise ValueError("The empty set has no bounds.")
        return self.intervals[0].lo, self.intervals[-1].hi

    def finite_ends(self) -> tuple[tuple[float, bool], ...]:
        """Every finite end of every piece as ``(value, closed)``, in increasing order.

        The holes are not ends. A value that ends two pieces (``0`` in ``(-inf, 0) ∪ (0, inf)``)
        or both ends of a point ``[c, c]`` is listed once.
        """
        out: list[tuple[float, bool]] = []
        for iv in self.intervals:
            for value, closed in ((iv.lo, iv.closed_lo), (iv.hi, iv.closed_hi)):
                if math.isfinite(value) and (value, closed) not in out[-1:]:
                    out.append((value, closed))
        return tuple(out)

    def mirror(self) -> IntervalSet:
        """The set of the points -x."""
        holes = None if self.holes is None else self.holes.mirror()
        return IntervalSet(tuple(iv.mirror() for iv in self.intervals), holes)

    @property
    def is_symmetric(self) -> bool:
        """True when x in the set implies -x in the set (what parity needs of a domain)."""
        return self.mirror() == self

    def tex(self, var: str = "x") -> str:
        r"""The notation a lecture frame shows.

        ``[0, +\infty)``, ``(-\infty, -1] \cup [1, +\infty)``; the real line with holes as
        ``x \neq \frac{\pi}{2} + k\pi,\ k \in \mathbb{Z}``; other unions with holes as ``A \setminus \{...\}``.

        Args:
            var: the variable's name, used only for sets with holes.

        Returns:
            TeX (math mode, no dollar signs).
        """
        if self.is_empty:
            return r"\varnothing"
        union = r" \cup ".join(iv.tex() for iv in self.intervals)
        if self.holes is None:
            return union
        if self == IntervalSet(REALS.intervals, self.holes):
            return rf"{var} \neq {self.holes.tex()},\ k \in \mathbb{{Z}}"
        return rf"{union} \setminus \{{{self.holes.tex()} \mid k \in \mathbb{{Z}}\}}"


def _merge(pieces: tuple[Interval, ...]) -> tuple[Interval, ...]:
    """Sort and merge overlapping or touching intervals into disjoint ones."""
    ordered = sorted(pieces, key=lambda iv: (iv.lo, not iv.closed_lo))
    out: list[Interval] = []
    for iv in ordered:
        if out:
            last = out[-1]
            touching = iv.lo < last.hi or (
                iv.lo == last.hi and (last.closed_hi or iv.closed_lo)
            )
            if touching:
                if iv.hi > last.hi:
                    hi, closed_hi = iv.hi, iv.closed_hi
                elif iv.hi == last.hi:
                    hi, closed_hi = last.hi, last.closed_hi or iv.closed_hi
                else:
                    hi, closed_hi = last.hi, last.closed_hi
                out[-1] = Interval(last.lo, hi, last.closed_lo, closed_hi)
                continue
        out.append(iv)
    return tuple(out)


REALS = IntervalSet((Interval(-math.inf, math.inf),))
"""The real line (-inf, +inf)."""
