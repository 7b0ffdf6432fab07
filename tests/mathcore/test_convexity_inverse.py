"""Convexity tests, convex sets, the convex envelope, and inverse-function pairs."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore.functions import (
    INVERSE_PAIRS,
    SHAPES,
    IntervalSet,
    check_convexity,
    convex_envelope,
    get_inverse_pair,
    is_convex_set,
    reflect,
    segment_inside,
)


@pytest.mark.parametrize("f,a,b,convex,concave", [
    (lambda x: x**2, -2, 2, True, False),
    (torch.exp, -2, 2, True, False),
    (torch.log, 0.1, 5, False, True),
    (torch.sin, 0.1, 3.0, False, True),
    (lambda x: x**3, -1, 1, False, False),
    (lambda x: 2 * x + 1, -1, 1, True, True),
    (lambda x: torch.exp(x) + torch.exp(-x), -2, 2, True, False),
])
def test_convexity_verdicts(f, a, b, convex, concave):
    r = check_convexity(f, a, b)
    assert (r.convex, r.concave) == (convex, concave)


def test_chord_test_finds_a_chord_below_the_graph_of_x_cubed():
    r = check_convexity(lambda x: x**3, -1, 1)
    x, y = r.worst_chord
    assert r.worst_chord_gap < 0
    mid = (x + y) / 2
    assert (x**3 + y**3) / 2 - mid**3 == pytest.approx(r.worst_chord_gap)


def test_convex_sets():
    assert is_convex_set(SHAPES["disk"])[0] and is_convex_set(SHAPES["square"])[0]
    for name in ("crescent", "annulus"):
        ok, (p, q) = is_convex_set(SHAPES[name])
        assert not ok and SHAPES[name](p) and SHAPES[name](q)
        assert not segment_inside(SHAPES[name], p, q)
    # a segment through the annulus' hole leaves the set
    assert not segment_inside(SHAPES["annulus"], np.array([-0.8, 0]), np.array([0.8, 0]))


@settings(deadline=None, max_examples=30)
@given(st.lists(st.floats(-5, 5), min_size=3, max_size=40))
def test_convex_envelope_is_convex_and_below_the_samples(ys):
    x = np.arange(len(ys), dtype=float)
    y = np.array(ys)
    env = convex_envelope(x, y)
    assert np.all(env <= y + 1e-9)
    assert np.all(np.diff(env, 2) >= -1e-9)  # convex: second differences >= 0
    assert env[0] == pytest.approx(y[0]) and env[-1] == pytest.approx(y[-1])


def test_convex_envelope_of_a_convex_curve_is_itself_and_of_a_double_well_is_flat():
    x = np.linspace(-2, 2, 201)
    np.testing.assert_allclose(convex_envelope(x, x**2), x**2)
    w = (x**2 - 1) ** 2
    env = convex_envelope(x, w)
    inside = np.abs(x) <= 1
    np.testing.assert_allclose(env[inside], 0, atol=1e-12)  # the bridge between the two wells
    with pytest.raises(ValueError):
        convex_envelope(x[::-1], w)


@pytest.mark.parametrize("name", sorted(INVERSE_PAIRS))
def test_inverse_pairs_undo_each_other_and_swap_domain_and_range(name):
    p = get_inverse_pair(name)
    lo, hi = max(p.f_domain.lo, -3.0), min(p.f_domain.hi, 3.0)
    x = np.linspace(lo, hi, 103)
    x = x[p.f_domain.contains(x)]  # the closed ends stay in: sin(pi/2) = 1, arcsin(1) = pi/2
    y = p.f(x)
    np.testing.assert_allclose(p.g(y), x, rtol=1e-9, atol=1e-9)
    assert np.all(p.g_domain.contains(y))
    # g's domain is f's image and g's range is f's restricted domain, ends included alike
    assert p.g.domain == IntervalSet.of(p.g_domain)
    assert p.g.range == IntervalSet.of(p.f_domain)
    d = p.f_domain
    for end, closed in ((d.lo, d.closed_lo), (d.hi, d.closed_hi)):
        if closed:  # an end of the restricted f maps to an end of g's domain, also closed
            assert np.isfinite(p.f(end)) and p.g_domain.contains(p.f(end))


def test_reflection_in_y_equals_x():
    pts = np.array([[0.0, 1.0], [1.0, math.e]])
    np.testing.assert_allclose(reflect(pts), [[1.0, 0.0], [math.e, 1.0]])
    # exp's graph reflected is log's graph
    x = np.linspace(-2, 2, 9)
    mirrored = reflect(np.stack([x, np.exp(x)], axis=1))
    np.testing.assert_allclose(mirrored[:, 1], np.log(mirrored[:, 0]))
    with pytest.raises(ValueError):
        get_inverse_pair("sinh_asinh")
