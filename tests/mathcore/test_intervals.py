"""mathcore.functions.intervals: ends included or not, unions, periodic holes, TeX."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.functions import REALS, Interval, IntervalSet, PeriodicPoints, tex_value

INF, PI = math.inf, math.pi


@pytest.mark.parametrize(
    "value,tex",
    [
        (INF, r"+\infty"), (-INF, r"-\infty"), (0.0, "0"), (-1.0, "-1"), (2.0, "2"),
        (PI, r"\pi"), (-PI, r"-\pi"), (PI / 2, r"\frac{\pi}{2}"), (-PI / 2, r"-\frac{\pi}{2}"),
        (3 * PI / 2, r"\frac{3\pi}{2}"), (2 * PI, r"2\pi"), (PI / 6, r"\frac{\pi}{6}"),
        (0.25, "0.25"), (math.e, "2.718"),
    ],
)
def test_tex_value(value, tex):
    assert tex_value(value) == tex


def test_interval_tex_shows_which_ends_are_included():
    assert Interval.left_closed(0, INF).tex() == r"[0, +\infty)"
    assert Interval.right_closed(-INF, 0).tex() == r"(-\infty, 0]"
    assert Interval.closed(-1, 1).tex() == "[-1, 1]"
    assert Interval(-PI / 2, PI / 2).tex() == r"(-\frac{\pi}{2}, \frac{\pi}{2})"
    assert Interval.closed(2, 2).tex() == r"\{2\}"


def test_interval_set_tex():
    sec_range = IntervalSet.of(Interval.right_closed(-INF, -1), Interval.left_closed(1, INF))
    assert sec_range.tex() == r"(-\infty, -1] \cup [1, +\infty)"
    assert REALS.tex() == r"(-\infty, +\infty)"
    tan_domain = IntervalSet((Interval(-INF, INF),), PeriodicPoints(PI / 2, PI))
    assert tan_domain.tex() == r"x \neq \frac{\pi}{2} + k\pi,\ k \in \mathbb{Z}"
    assert IntervalSet(REALS.intervals, PeriodicPoints(0.0, PI)).tex("t") == r"t \neq k\pi,\ k \in \mathbb{Z}"
    assert IntervalSet(REALS.intervals, PeriodicPoints(0.0, 2 * PI)).tex() == r"x \neq 2k\pi,\ k \in \mathbb{Z}"
    assert IntervalSet(REALS.intervals, PeriodicPoints(0.0, PI / 2)).tex() == (
        r"x \neq \frac{k\pi}{2},\ k \in \mathbb{Z}"
    )
    half = IntervalSet.of(Interval(0, INF), holes=PeriodicPoints(0.0, 1.0))
    assert half.tex() == r"(0, +\infty) \setminus \{k \mid k \in \mathbb{Z}\}"
    assert IntervalSet(()).tex() == r"\varnothing"


def test_contains_honours_closed_and_open_ends_elementwise():
    x = np.array([[-1.0, -0.5, 0.0], [0.5, 1.0, np.nan]])
    np.testing.assert_array_equal(
        Interval.left_closed(-1, 1).contains(x), [[True, True, True], [True, False, False]]
    )
    np.testing.assert_array_equal(
        Interval.right_closed(-1, 1).contains(x), [[False, True, True], [True, True, False]]
    )
    assert Interval.left_closed(0, INF).contains(0.0) and not Interval(0, INF).contains(0.0)
    assert Interval.closed(2, 2).contains(2.0) and not Interval.closed(2, 2).contains(2.0001)
    assert not REALS.contains(np.inf) and not REALS.contains(np.nan)


@pytest.mark.parametrize(
    "args,message",
    [
        ((-INF, 0, True, False), "infinite end is always open"),
        ((0, INF, False, True), "infinite end is always open"),
        ((1, 0), "lo <= hi"),
        ((1, 1, True, False), "empty unless closed at both ends"),
        ((np.nan, 1), "Expected numbers"),
        ((INF, INF), "lo < \\+inf"),
    ],
)
def test_bad_intervals_are_rejected(args, message):
    with pytest.raises(ValueError, match=message):
        Interval(*args)


def test_bad_periodic_points_and_pieces_are_rejected():
    with pytest.raises(ValueError, match="period > 0"):
        PeriodicPoints(0.0, 0.0)
    with pytest.raises(ValueError, match="finite offset"):
        PeriodicPoints(INF, PI)
    with pytest.raises(ValueError, match="Interval pieces"):
        IntervalSet(((0.0, 1.0),))
    with pytest.raises(ValueError, match="empty set has no bounds"):
        _ = IntervalSet(()).bounds


def test_union_merges_touching_pieces_and_equality_ignores_how_a_set_was_written():
    assert IntervalSet.of(Interval(-INF, 0), Interval.left_closed(0, INF)) == REALS
    punctured = IntervalSet.of(Interval(0, INF), Interval(-INF, 0))
    assert punctured != REALS and not punctured.contains(0.0)
    assert punctured.intervals == (Interval(-INF, 0), Interval(0, INF))
    assert IntervalSet.of(Interval.closed(0, 2), Interval(1, 3)) == IntervalSet.of(
        Interval.left_closed(0, 3)
    )
    assert IntervalSet.of(Interval(0, 1), Interval.closed(1, 1)) == IntervalSet.of(
        Interval.right_closed(0, 1)
    )
    # pi/2 + k*pi, however it is written
    assert PeriodicPoints(PI / 2, PI) == PeriodicPoints(-PI / 2, PI) == PeriodicPoints(
        5 * PI / 2, PI
    )
    assert PeriodicPoints(PI / 2, PI) != PeriodicPoints(PI / 2, 2 * PI)


def test_finite_ends_and_bounds():
    s = IntervalSet.of(Interval.right_closed(-INF, -1), Interval.left_closed(1, INF))
    assert s.finite_ends() == ((-1.0, True), (1.0, True))
    assert s.bounds == (-INF, INF)
    punctured = IntervalSet.of(Interval(-INF, 0), Interval(0, INF))
    assert punctured.finite_ends() == ((0.0, False),)
    assert IntervalSet.of(Interval.closed(2, 2)).finite_ends() == ((2.0, True),)


def test_symmetry_about_zero():
    assert REALS.is_symmetric
    assert IntervalSet.of(Interval.closed(-1, 1)).is_symmetric
    assert not IntervalSet.of(Interval.left_closed(-1, 1)).is_symmetric  # 1 out, -1 in
    assert not IntervalSet.of(Interval.left_closed(0, INF)).is_symmetric  # sqrt's domain
    assert IntervalSet.of(Interval(-INF, 0), Interval(0, INF)).is_symmetric
    assert IntervalSet(REALS.intervals, PeriodicPoints(PI / 2, PI)).is_symmetric  # tan
    assert not IntervalSet(REALS.intervals, PeriodicPoints(PI / 4, PI)).is_symmetric


def test_periodic_holes():
    holes = PeriodicPoints(PI / 2, PI)
    np.testing.assert_allclose(holes.points_in(-5, 5), [-3 * PI / 2, -PI / 2, PI / 2, 3 * PI / 2])
    x = np.array([PI / 2, -PI / 2, 7 * PI / 2, np.nextafter(PI / 2, 4), 0.0, 1.5])
    np.testing.assert_array_equal(holes.contains(x), [True, True, True, True, False, False])
    tan_domain = IntervalSet(REALS.intervals, holes)
    assert not tan_domain.contains(PI / 2) and tan_domain.contains(1.5)
    with pytest.raises(ValueError, match="finite a <= b"):
        holes.points_in(0, INF)


_ENDS = st.integers(-4, 4).map(float) | st.sampled_from([-INF, INF])


@st.composite
def intervals(draw):
    lo, hi = sorted((draw(_ENDS), draw(_ENDS)))
    if lo == hi:
        return Interval.closed(lo, lo) if math.isfinite(lo) else Interval(-INF, INF)
    return Interval(lo, hi, draw(st.booleans()) and math.isfinite(lo),
                    draw(st.booleans()) and math.isfinite(hi))


@settings(max_examples=200, deadline=None)
@given(st.lists(intervals(), max_size=5))
def test_a_union_contains_exactly_the_points_of_its_pieces(pieces):
    s = IntervalSet(tuple(pieces))
    x = np.arange(-5.0, 5.01, 0.25)  # every end and points between
    expected = np.zeros(x.shape, dtype=bool)
    for iv in pieces:
        expected |= (x > iv.lo) & (x < iv.hi)
        expected |= ((x == iv.lo) & iv.closed_lo) | ((x == iv.hi) & iv.closed_hi)
    np.testing.assert_array_equal(s.contains(x), expected)
    # stored pieces are sorted, disjoint and not touching (so the union is written one way)
    for a, b in zip(s.intervals, s.intervals[1:], strict=False):
        assert a.hi < b.lo or (a.hi == b.lo and not a.closed_hi and not b.closed_lo)
    assert IntervalSet(tuple(reversed(pieces))) == s
    # mirroring maps x to -x
    np.testing.assert_array_equal(s.mirror().contains(-x), expected)
    assert s.mirror().mirror() == s
