"""Traced dependencies: the cache and --watch follow every file a scene read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from renderer import trace
from scenes.options import PROJECT_ROOT

ROOT = PROJECT_ROOT


def test_tracing_sees_reads_declared_files_and_modules_but_not_writes(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "data.txt").write_text("listing")
    (tmp_path / "pkg" / "helper_mod_for_trace.py").write_text("VALUE = 3\n")
    sys.path.insert(0, str(tmp_path / "pkg"))
    try:
        with trace.tracing(root=tmp_path, exclude=[tmp_path / "out"]) as deps:
            (tmp_path / "data.txt").read_text()
            (tmp_path / "written.txt").write_text("output")
            (tmp_path / "out").mkdir()
            (tmp_path / "out" / "x.txt").write_text("x")
            (tmp_path / "out" / "x.txt").read_text()  # an output folder never counts
            sys.audit(trace.DEPENDS_EVENT, str(tmp_path / "voice.wav"))  # not there yet
            import helper_mod_for_trace  # noqa: F401
    finally:
        sys.path.remove(str(tmp_path / "pkg"))
        sys.modules.pop("helper_mod_for_trace", None)
    assert set(deps) == {"data.txt", "voice.wav", "pkg/helper_mod_for_trace.py"}
    assert deps["voice.wav"] == "missing"
    assert trace.changed(deps, tmp_path) == []
    (tmp_path / "voice.wav").write_bytes(b"RIFF")  # a recording appears
    (tmp_path / "data.txt").write_text("listing, edited")
    assert sorted(trace.changed(deps, tmp_path)) == ["data.txt", "voice.wav"]
    (tmp_path / "pkg" / "helper_mod_for_trace.py").unlink()
    assert "pkg/helper_mod_for_trace.py" in trace.changed(deps, tmp_path)


LISTING_SCENE = '''
"""A scene that shows a listing read from a file beside it."""

from __future__ import annotations

import sys
from pathlib import Path

import manim as mn

from scenes.common import LectureScene, get_text

HERE = Path(__file__).parent
{extra_import}

class Listing(LectureScene):
    TITLE = ("Listing", "代码")

    def construct(self) -> None:
        self.section("Code", "代码")
        code = (HERE / "listing.txt").read_text()
        self.play(mn.FadeIn(get_text(code)), run_time=0.3)
        self.narrate("The code.", "代码。")
'''

PLAIN_SCENE = '''
"""A scene of another topic."""

from __future__ import annotations

import manim as mn

from scenes.common import LectureScene, get_text


class Plain(LectureScene):
    TITLE = ("Plain", "普通")

    def construct(self) -> None:
        self.section("Text", "文字")
        self.play(mn.FadeIn(get_text("{word}")), run_time=0.3)
'''


def _topic(folder: Path, name: str, module: str, source: str) -> Path:
    (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / name / "__init__.py").write_text(
        f'TITLE = ("{name}", "{name}")\nORDER = ("{module}",)\n')
    path = folder / name / f"{module}.py"
    path.write_text(textwrap.dedent(source))
    return path


def _run(scenes: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes), "COLUMNS": "200"}
    return subprocess.run([sys.executable, str(ROOT / "render.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def _states(scenes: Path, out: Path) -> dict[str, str]:
    r = _run(scenes, "all", "-q", "l", "--out", str(out), "--dry-run")
    assert r.returncode == 0, r.stderr
    return {line.split()[1]: line.split()[0] for line in r.stdout.splitlines()}


@pytest.mark.slow
def test_the_cache_follows_every_file_a_scene_read(tmp_path):
    scenes, out = tmp_path / "scenes", tmp_path / "out"
    listing_scene = _topic(scenes, "lst", "listing", LISTING_SCENE.format(extra_import=""))
    (scenes / "lst" / "listing.txt").write_text("lr = 0.01")
    plain = _topic(scenes, "other", "plain", PLAIN_SCENE.format(word="hello"))
    r = _run(scenes, "all", "-q", "l", "--out", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    record = json.loads((out / "lst/low/en/Listing.json").read_text())
    assert (scenes / "lst/listing.txt").as_posix() in record["deps"]
    assert "scenes/common/lecture.py" in record["deps"]
    assert _states(scenes, out) == {"lst/Listing": "cached", "other/Plain": "cached"}

    # the bug: editing the listing the scene shows must re-render it (and --dry-run says so)
    (scenes / "lst" / "listing.txt").write_text("lr = 0.02")
    assert _states(scenes, out) == {"lst/Listing": "render", "other/Plain": "cached"}
    r = _run(scenes, "lst", "-q", "l", "--out", str(out))
    assert r.returncode == 0 and "1 rendered" in r.stderr, r.stderr
    assert _states(scenes, out)["lst/Listing"] == "cached"

    # editing another topic's scene file leaves this one cached
    plain.write_text(textwrap.dedent(PLAIN_SCENE.format(word="bonjour")))
    assert _states(scenes, out) == {"lst/Listing": "cached", "other/Plain": "render"}

    # a new helper module the scene imports is traced from its first render
    (scenes / "lst" / "lst_helper.py").write_text("GREETING = 'hi'\n")
    listing_scene.write_text(textwrap.dedent(LISTING_SCENE.format(
        extra_import="sys.path.insert(0, str(HERE))\nimport lst_helper  # noqa: E402,F401\n")))
    r = _run(scenes, "lst", "-q", "l", "--out", str(out))
    assert r.returncode == 0, r.stderr
    record = json.loads((out / "lst/low/en/Listing.json").read_text())
    assert (scenes / "lst/lst_helper.py").as_posix() in record["deps"]
    (scenes / "lst" / "lst_helper.py").write_text("GREETING = 'hello'\n")
    assert _states(scenes, out)["lst/Listing"] == "render"
    r = _run(scenes, "lst", "-q", "l", "--out", str(out))
    assert r.returncode == 0, r.stderr

    # deleting a traced file re-renders
    assert _states(scenes, out)["lst/Listing"] == "cached"
    (scenes / "lst" / "lst_helper.py").unlink()
    assert _states(scenes, out)["lst/Listing"] == "render"
