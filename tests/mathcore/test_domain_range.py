"""Domains, ranges and monotonic intervals of the catalogue and of x^(p/q), with their ends.

Every end is checked two ways. Domain: a closed end is in the domain and f is finite there,
an open end is not, and just beyond each end the raw formula is undefined (NaN) unless another
piece of the domain continues. Range: a closed end is f's value at the point the catalogue names,
an open end is the limit of f along a walk towards the point it names, never reached on the way;
and sampled values lie in the range and come within 1e-6 of every finite end.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.functions import (
    CATALOGUE,
    REALS,
    ElementaryFunction,
    Interval,
    IntervalSet,
    get_function,
    power,
)

INF, PI = math.inf, math.pi
REACH = 1e-6  # how close sampled values must come to a finite end of the range


def raw(f: ElementaryFunction, x) -> np.ndarray:
    """The formula itself, without the domain check of f(x)."""
    with torch.no_grad():
        return f.fn(torch.as_tensor(np.asarray(x, dtype=np.float64))).numpy()


def walk(f: ElementaryFunction, target: float, start: float | None = None) -> np.ndarray:
    """Points of the domain walking towards ``target``: +-2^k for an infinite target, the
    target -+ 2^-k from inside the domain for a finite one; stops where f is no longer finite,
    |f| > 1e6, or f is within REACH of a finite end of the range (that point included)."""
    if math.isinf(target):
        steps = math.copysign(1.0, target) * 2.0 ** np.arange(3, 1024)
    else:
        side = -1.0 if f.in_domain(target - 1e-9) else 1.0
        steps = target + side * 2.0 ** -np.arange(1, 1075, dtype=np.float64)
    ends = np.array([e for e, _ in f.range.finite_ends()])
    out = []
    for t in steps:
        if not f.in_domain(t) or t == target:
            break
        y = raw(f, t)
        if not np.isfinite(y) or abs(y) > 1e6:
            break
        out.append(t)
        if len(ends) and np.min(np.abs(ends - y)) < REACH:
            break
    return np.array(out)


def check_domain_ends(f: ElementaryFunction) -> None:
    for end, closed in f.domain.finite_ends():
        if closed:
            assert f.in_domain(end) and np.isfinite(f(end)), f"{f.name}: closed end {end}"
        else:
            assert not f.in_domain(end), f"{f.name}: open end {end} is in the domain"
            assert not np.isfinite(raw(f, end)), f"{f.name}: f is finite at the open end {end}"
        for beyond in (end - 1e-9, end + 1e-9):  # outside unless another piece continues
            if not f.in_domain(beyond):
                assert np.isnan(raw(f, beyond)), f"{f.name}: defined at {beyond}, outside"
    if f.domain.holes is not None:
        for hole in f.domain.holes.points_in(-7, 7):
            assert not f.in_domain(hole)
            assert not abs(raw(f, hole)) < 1e12, f"{f.name}: no pole at hole {hole}"
        # the holes are the poles the catalogue lists
        np.testing.assert_allclose(f.domain.holes.points_in(-7, 7), f.poles_in(-7, 7))
    # on a grid: the formula is finite exactly on the domain
    x = np.concatenate([np.linspace(-9, 9, 2001), [0.0]])
    finite = np.isfinite(raw(f, x))
    if f.domain.holes is None:
        np.testing.assert_array_equal(f.in_domain(x), finite, err_msg=f.name)
    else:
        assert np.all(finite[f.in_domain(x)])


def check_range_ends(f: ElementaryFunction) -> None:
    for end, closed in f.range.finite_ends():
        named = [e.x for e in f.range_ends if e.y == end]
        assert named, f"{f.name}: no point named for the range end {end}"
        for x in named:
            if closed:  # attained, at the named point
                assert f.in_domain(x), f"{f.name}: {end} attained at {x}, outside the domain"
                np.testing.assert_allclose(f(x), end, rtol=1e-12, atol=0)  # exactly, at 0
            else:  # approached, never reached on the way
                assert not f.in_domain(x), f"{f.name}: open end {end} named at a point of D"
                t = walk(f, x)
                y = f(t)
                assert len(t) and abs(y[-1] - end) < REACH, f"{f.name}: {end} not approached"
                assert np.all(f.range.contains(y)) and np.all(y != end)


def sampled_values(f: ElementaryFunction) -> np.ndarray:
    """f on a grid of [-9, 9], at the closed ends of the domain, and along walks towards
    +-inf and towards the open finite ends of the domain (none of it uses the named points)."""
    x = 9 * np.arange(-10000, 10001) / 10000  # step 9e-4, with 0 exactly
    x = [x[f.in_domain(x)]]
    for end, closed in f.domain.finite_ends():
        x.append(np.array([end]) if closed else walk(f, end))
    x += [walk(f, -INF), walk(f, INF)]
    return f(np.concatenate(x))


def check_sampled_range(f: ElementaryFunction) -> None:
    y = sampled_values(f)
    outside = y[~f.range.contains(y)]
    assert not len(outside), f"{f.name}: value {outside[0]} outside {f.range.tex()}"
    for end, _ in f.range.finite_ends():
        assert np.min(np.abs(y - end)) < REACH, f"{f.name}: nothing near the range end {end}"


def check_monotonic_intervals(f: ElementaryFunction) -> None:
    pieces = [(iv, 1) for iv in f.increasing] + [(iv, -1) for iv in f.decreasing]
    for iv, sign in pieces:
        for end, closed, outward in ((iv.lo, iv.closed_lo, -1), (iv.hi, iv.closed_hi, 1)):
            if math.isinf(end):
                continue
            if closed:  # in the domain, and the monotonicity stops there
                assert f.in_domain(end) and np.isfinite(f(end)), f"{f.name}: {iv.tex()}"
                beyond = end + outward * 1e-3
                if f.in_domain(beyond):
                    step = (f(beyond) - f(end)) * outward
                    assert not sign * step > 0, f"{f.name} is monotonic beyond {iv.tex()}"
            else:
                assert not f.in_domain(end), f"{f.name}: open end {end} of {iv.tex()} is in D"
        xs = np.linspace(max(iv.lo, -9), min(iv.hi, 9), 400)
        xs = xs[iv.contains(xs)]
        assert np.all(f.in_domain(xs))
        assert np.all(sign * np.diff(f(xs)) > 0), f"{f.name} not monotonic on {iv.tex()}"


def check_all(f: ElementaryFunction) -> None:
    check_domain_ends(f)
    check_range_ends(f)
    check_sampled_range(f)
    check_monotonic_intervals(f)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_catalogue_domain_range_and_monotonic_ends(name):
    check_all(CATALOGUE[name])


@pytest.mark.parametrize("alpha", ["1", "2", "3", "1/2", "1/3", "2/3", "-1", "-2", "-1/2",
                                   "-1/3", "-2/3", "3/2", "0"])
def test_power_domain_range_and_monotonic_ends(alpha):
    check_all(power(alpha))


# What the textbook says, written out (the list).
STATED = {
    "arcsin": (r"[-1, 1]", r"[-\frac{\pi}{2}, \frac{\pi}{2}]"),
    "arccos": (r"[-1, 1]", r"[0, \pi]"),
    "relu": (r"(-\infty, +\infty)", r"[0, +\infty)"),
    "softplus": (r"(-\infty, +\infty)", r"(0, +\infty)"),
    "sigmoid": (r"(-\infty, +\infty)", r"(0, 1)"),
    "cosh2": (r"(-\infty, +\infty)", r"[2, +\infty)"),
    "power_2": (r"(-\infty, +\infty)", r"[0, +\infty)"),
    "power_1/2": (r"[0, +\infty)", r"[0, +\infty)"),
    "power_-1": (r"(-\infty, 0) \cup (0, +\infty)", r"(-\infty, 0) \cup (0, +\infty)"),
    "log": (r"(0, +\infty)", r"(-\infty, +\infty)"),
    "sin": (r"(-\infty, +\infty)", r"[-1, 1]"),
    "tan": (r"x \neq \frac{\pi}{2} + k\pi,\ k \in \mathbb{Z}", r"(-\infty, +\infty)"),
    "cot": (r"x \neq k\pi,\ k \in \mathbb{Z}", r"(-\infty, +\infty)"),
    "sec": (r"x \neq \frac{\pi}{2} + k\pi,\ k \in \mathbb{Z}", r"(-\infty, -1] \cup [1, +\infty)"),
    "csc": (r"x \neq k\pi,\ k \in \mathbb{Z}", r"(-\infty, -1] \cup [1, +\infty)"),
    "arctan": (r"(-\infty, +\infty)", r"(-\frac{\pi}{2}, \frac{\pi}{2})"),
    "arccot": (r"(-\infty, +\infty)", r"(0, \pi)"),
    "constant": (r"(-\infty, +\infty)", r"\{2\}"),
}


@pytest.mark.parametrize("name", sorted(STATED))
def test_domain_and_range_as_a_lecture_writes_them(name):
    f = get_function(name)
    assert (f.domain.tex(), f.range.tex()) == STATED[name]


def test_trig_monotonic_intervals_as_a_lecture_writes_them():
    sec, csc = get_function("sec"), get_function("csc")
    assert [iv.tex() for iv in sec.increasing] == [r"[0, \frac{\pi}{2})", r"(\frac{\pi}{2}, \pi]"]
    assert [iv.tex() for iv in csc.decreasing] == [
        r"(0, \frac{\pi}{2}]", r"[\frac{3\pi}{2}, 2\pi)"
    ]
    assert [iv.tex() for iv in get_function("sin").increasing] == [
        r"[-\frac{\pi}{2}, \frac{\pi}{2}]"
    ]
    assert get_function("relu").increasing == (Interval.left_closed(0, INF),)


def test_parity_reasons():
    assert power("1/2").parity_reason == "domain_not_symmetric"
    assert not power("1/2").symmetric_domain and not get_function("log").symmetric_domain
    assert get_function("exp").parity_reason == "no_identity"  # symmetric domain, no identity
    assert get_function("arccos").parity_reason == "no_identity"  # arccos(-x) = pi - arccos x
    assert power(2).parity_reason == "even_identity"
    assert get_function("tan").parity_reason == "odd_identity"
    assert get_function("sec").symmetric_domain  # the holes pi/2 + k pi are symmetric too


def test_an_even_function_on_an_asymmetric_domain_is_refused():
    sqrt = power("1/2")
    with pytest.raises(ValueError, match="needs a domain symmetric about 0"):
        ElementaryFunction("bad", "x", "", sqrt.fn, sqrt.domain, sqrt.range, "even",
                           range_ends=sqrt.range_ends)
    with pytest.raises(ValueError, match=r"finite ends \[0.0\], but range_ends name \[\]"):
        ElementaryFunction("bad", "x", "", sqrt.fn, sqrt.domain, sqrt.range, "neither")
    with pytest.raises(ValueError, match="expected an IntervalSet as domain"):
        ElementaryFunction("bad", "x", "", sqrt.fn, ((0.0, INF),), sqrt.range, "neither",
                           range_ends=sqrt.range_ends)


@st.composite
def exponents(draw) -> Fraction:
    return Fraction(draw(st.integers(-6, 6)), draw(st.integers(1, 6)))


@settings(max_examples=60, deadline=None)
@given(exponents())
def test_power_domain_range_parity_for_rational_alpha(a):
    """x^(p/q), p/q in lowest terms: the textbook rule, then the end checks."""
    f = power(a)
    p, q = a.numerator, a.denominator
    q_odd, p_odd = q % 2 == 1, p % 2 == 1
    # Domain: x < 0 needs an odd root; x = 0 needs alpha > 0 (0^0 and 0^-1 are undefined).
    negatives = Interval(-INF, 0)
    pieces = [Interval(0, INF)] + ([negatives] if q_odd else [])
    if a > 0:
        pieces.append(Interval.closed(0, 0))
    assert f.domain == IntervalSet(tuple(pieces))
    assert bool(f.in_domain(0.0)) == (a > 0) and bool(f.in_domain(-2.0)) == q_odd
    # Range: all reals for odd p/q > 0; zero excluded for alpha < 0; {1} for alpha = 0.
    if a == 0:
        expected = IntervalSet.of(Interval.closed(1, 1))
    elif q_odd and p_odd:
        expected = REALS if a > 0 else IntervalSet.of(negatives, Interval(0, INF))
    else:
        expected = IntervalSet.of(Interval(0, INF, closed_lo=a > 0))
    assert f.range == expected
    # Parity: even / odd with p for odd q; an even root's domain is not symmetric.
    if q_odd:
        assert f.parity == ("odd" if p_odd else "even") and f.symmetric_domain
    else:
        assert f.parity == "neither" and f.parity_reason == "domain_not_symmetric"
    check_all(f)
