"""Scenes of the topic "functions": the properties they state against the definitions."""

from __future__ import annotations

import math

POWER = ("scenes/functions/power_function.py", "PowerFunction")
INF = math.inf


def test_power_function_domains_and_ranges_shown_with_their_ends(rendered):
    rec = rendered(*POWER, "en").recorded
    # rows of [lo, hi, closed_lo, closed_hi]
    assert rec["domain 2"] == [[[-INF, INF, 0, 0]]]
    assert rec["range 2"] == [[[0.0, INF, 1, 0]]]  # x^2 = 0 at x = 0
    assert rec["domain 1/2"] == [[[0.0, INF, 1, 0]]]  # square root: x >= 0, sqrt(0) = 0
    assert rec["range 1/2"] == [[[0.0, INF, 1, 0]]]
    assert rec["domain 1/3"] == [[[-INF, INF, 0, 0]]]  # real cube root: every x
    assert rec["range 3"] == [[[-INF, INF, 0, 0]]]
    assert rec["domain -1"] == [[[-INF, 0.0, 0, 0], [0.0, INF, 0, 0]]]  # 0 excluded: a pole
    assert rec["range -1"] == [[[-INF, 0.0, 0, 0], [0.0, INF, 0, 0]]]  # 1/x is never 0


def test_power_function_parity_needs_a_symmetric_domain(rendered):
    rec = rendered(*POWER, "en").recorded
    assert rec["symmetric domain 1/2"] == [0.0]  # so x^(1/2) is neither even nor odd
    for alpha in ("1", "2", "3", "1/3", "-1"):
        assert rec[f"symmetric domain {alpha}"] == [1.0]
