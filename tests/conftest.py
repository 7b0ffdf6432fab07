"""Shared fixtures: a per-session cache of scene renders and the --set-control option."""

from __future__ import annotations

import pytest

from tests.scene_harness import Rendered, render_last_frame


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--set-control", action="store_true",
                     help="regenerate the picture tests' control data instead of comparing")


@pytest.fixture(scope="session")
def set_control(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--set-control")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory):
    """``rendered(relpath, SceneName, lang)`` renders once per session and caches the result."""
    cache: dict[tuple[str, str, str], Rendered] = {}

    def get(relpath: str, name: str, lang: str) -> Rendered:
        key = (relpath, name, lang)
        if key not in cache:
            cache[key] = render_last_frame(relpath, name, lang, tmp_path_factory.mktemp("media"))
        return cache[key]

    return get
