"""Voice test fixtures: the real engines, loaded once per session."""

from __future__ import annotations

import pytest

from voice.engine import VoiceEngine, engine_for


@pytest.fixture(scope="session")
def english() -> VoiceEngine:
    return engine_for("en")


@pytest.fixture(scope="session")
def chinese() -> VoiceEngine:
    return engine_for("zh")
