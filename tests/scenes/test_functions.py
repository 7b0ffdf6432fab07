"""Scenes of the topic "functions": the properties they state against the definitions."""

from __future__ import annotations

import math

POWER = ("scenes/functions/power_function.py", "PowerFunction")


def test_power_function_domains_shown(rendered):
    rec = rendered(*POWER, "en").recorded
    inf = math.inf
    assert rec["domain 2"] == [[-inf, inf]]
    assert rec["domain 1/2"] == [[0.0, inf]]  # square root: x >= 0 only
    assert rec["domain 1/3"] == [[-inf, inf]]  # real cube root: every x
    assert rec["domain -1"] == [[-inf, 0.0, 0.0, inf]]  # 0 excluded: a pole
