"""Sigmoid and tanh as composites of exp, saturation edges, the step function; chords,
envelope bridges and segment tests of convexity -- against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from mathcore._torch import evaluate
from mathcore.functions import (
    CATALOGUE,
    SHAPES,
    SIGMOID_STAGES,
    STEP,
    TANH_STAGES,
    chord_gap,
    convex_envelope,
    envelope_bridges,
    saturation_edges,
    segment_inside,
    segment_outside,
    set_outline,
    sigmoid_affine,
    tilted_double_well,
)
from tests.mathcore.test_domain_range import check_all

X = np.linspace(-6, 6, 121)


def test_sigmoid_stages_are_the_composite_of_exp():
    e, one_plus, sig = (f(X) for f in SIGMOID_STAGES)
    np.testing.assert_allclose(e, np.exp(-X), rtol=1e-14)
    np.testing.assert_allclose(one_plus, 1 + np.exp(-X), rtol=1e-14)
    np.testing.assert_allclose(sig, 1 / (1 + np.exp(-X)), rtol=1e-14)
    np.testing.assert_allclose(sig, 1 / one_plus, rtol=1e-14)


def test_tanh_is_two_sigmoid_of_two_x_minus_one():
    sig, squeezed, stretched, shifted = (f(X) for f in TANH_STAGES)
    np.testing.assert_allclose(squeezed, 1 / (1 + np.exp(-2 * X)), rtol=1e-14)
    np.testing.assert_allclose(stretched, 2 / (1 + np.exp(-2 * X)), rtol=1e-14)
    closed = (np.exp(X) - np.exp(-X)) / (np.exp(X) + np.exp(-X))
    np.testing.assert_allclose(shifted, closed, atol=1e-14)
    np.testing.assert_allclose(CATALOGUE["tanh"](X), closed, atol=1e-14)


@pytest.mark.parametrize("f", [*SIGMOID_STAGES[1:], *TANH_STAGES[1:], STEP],
                         ids=lambda f: f.name)
def test_new_functions_keep_their_domain_range_and_monotonic_ends(f):
    check_all(f)


def test_sigmoid_affine_range_and_asymptotes():
    f = sigmoid_affine(2.0, 2.0, -1.0, "t")
    assert f.range.tex() == "(-1, 1)"
    assert f.horizontal_asymptotes == (-1.0, 1.0)
    with pytest.raises(ValueError, match="a > 0"):
        sigmoid_affine(-1.0, 1.0, 0.0, "t")


@pytest.mark.parametrize("eps", [0.1, 0.01, 0.0025, 1e-4])
def test_saturation_edges_against_closed_forms(eps):
    lo, hi = saturation_edges(CATALOGUE["sigmoid"], eps)
    assert hi == pytest.approx(math.log((1 - eps) / eps), abs=1e-9)
    assert lo == pytest.approx(-math.log((1 - eps) / eps), abs=1e-9)
    lo, hi = saturation_edges(CATALOGUE["tanh"], eps)
    assert hi == pytest.approx(math.atanh(1 - eps), abs=1e-9) and lo == pytest.approx(-hi)
    # a decreasing function: arccot falls from pi to 0
    lo, hi = saturation_edges(CATALOGUE["arccot"], eps)
    assert hi == pytest.approx(1 / math.tan(eps), rel=1e-9)  # arccot x = eps
    assert lo == pytest.approx(-1 / math.tan(eps), rel=1e-9)


def test_saturation_edges_need_two_asymptotes_and_a_small_eps():
    with pytest.raises(ValueError, match="two horizontal"):
        saturation_edges(CATALOGUE["exp"], 0.01)
    with pytest.raises(ValueError, match="eps"):
        saturation_edges(CATALOGUE["sigmoid"], 0.6)


def test_step_jumps_at_zero_inside_its_domain():
    assert STEP(np.array([-1e-9, 0.0, 1e-9])).tolist() == [0.0, 1.0, 1.0]
    assert not STEP.continuous and STEP.in_domain(0.0)
    assert STEP.extra["jumps"] == (0.0,)
    assert STEP.range.tex() == r"\{0\} \cup \{1\}"
    # sigma(kx) tends to the step as k grows (away from 0)
    x = np.array([-1.0, -0.1, 0.1, 1.0])
    assert np.max(np.abs(CATALOGUE["sigmoid"](100 * x) - STEP(x))) < 1e-4


def test_chord_gap_of_x_squared_is_t_one_minus_t_times_distance_squared():
    t = np.linspace(0, 1, 11)
    np.testing.assert_allclose(chord_gap(lambda x: x**2, -1.5, 2.0, t),
                               t * (1 - t) * 3.5**2, atol=1e-12)


def test_tilted_double_well_chord_is_below_and_is_the_envelope_bridge():
    c = 0.3
    f = tilted_double_well(c)
    t = np.linspace(0, 1, 21)
    m = t * -1 + (1 - t) * 1
    np.testing.assert_allclose(chord_gap(f, -1.0, 1.0, t), -((m**2 - 1) ** 2), atol=1e-12)
    x = np.linspace(-2, 2, 401)
    y = evaluate(f, x)
    env = convex_envelope(x, y)
    assert envelope_bridges(x, y) == [(-1.0, 1.0)]
    inside = (x >= -1) & (x <= 1)
    np.testing.assert_allclose(env[inside], c * x[inside] - 1, atol=1e-12)
    np.testing.assert_allclose(env[~inside], y[~inside], atol=1e-12)
    assert np.all(np.diff(env, 2) >= -1e-9)  # convex
    assert np.all(env <= y + 1e-12)  # below the graph
    with torch.no_grad():
        assert f(torch.tensor(0.5, dtype=torch.float64)).item() == pytest.approx(
            0.0625 - 0.5 + 0.15)


def test_segment_outside_on_the_crescent_and_the_disk():
    crescent, disk = SHAPES["crescent"], SHAPES["disk"]
    p, q = np.array([0.3, 0.85]), np.array([0.3, -0.85])
    (t0, t1), = segment_outside(crescent, p, q, samples=2001)
    # outside where (x - 0.6)^2 + y^2 <= 0.64 at x = 0.3: |y| <= sqrt(0.55)
    half = math.sqrt(0.64 - 0.09)
    assert t0 == pytest.approx((0.85 - half) / 1.7, abs=1e-3)
    assert t1 == pytest.approx((0.85 + half) / 1.7, abs=1e-3)
    assert not segment_inside(crescent, p, q)
    assert segment_outside(disk, [-0.6, 0.5], [0.5, -0.6]) == []


def test_set_outline_lies_on_the_boundary():
    seg = set_outline(SHAPES["disk"], (-1.2, 1.2, -1.2, 1.2), n=241)
    r = np.linalg.norm(seg.reshape(-1, 2), axis=1)
    assert np.all(np.abs(r - 1) < 0.011)  # one grid step (0.01)


def _area(loop: np.ndarray) -> float:
    x, y = loop[:, 0], loop[:, 1]
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def test_set_outline_loops_close_around_the_set():
    from mathcore.functions import set_outline_loops

    (disk,) = set_outline_loops(SHAPES["disk"], (-1.2, 1.2, -1.2, 1.2))
    assert _area(disk) == pytest.approx(math.pi, rel=0.01)
    (crescent,) = set_outline_loops(SHAPES["crescent"], (-1.2, 1.2, -1.2, 1.2), n=481)
    # the unit disk minus its overlap with the disk of radius 0.8 about (0.6, 0)
    d, r1, r2 = 0.6, 1.0, 0.8
    lens = (r1**2 * math.acos((d**2 + r1**2 - r2**2) / (2 * d * r1))
            + r2**2 * math.acos((d**2 + r2**2 - r1**2) / (2 * d * r2))
            - 0.5 * math.sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)))
    assert _area(crescent) == pytest.approx(math.pi - lens, rel=0.01)
    assert len(set_outline_loops(SHAPES["annulus"], (-1.2, 1.2, -1.2, 1.2))) == 2
