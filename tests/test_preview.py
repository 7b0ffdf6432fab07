"""The authoring loop: the warm --watch server (a forked child per save that sees every edit,
a time limit for a child that hangs, nothing left after Ctrl-C), the storyboard sheet, the
live page in headless Chromium, and one-line errors."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import psutil
import pytest
from PIL import Image

from renderer.discover import discover
from scenes.options import PROJECT_ROOT

pytestmark = pytest.mark.slow

PROBE_SCENE = '''
"""A dot whose place comes from a project module the test edits."""

from __future__ import annotations

import importlib

import manim as mn

from scenes.common import LectureScene, look

probe = importlib.import_module("mathcore.{module}")


class Probe(LectureScene):
    TITLE = ("Probe", "探针")

    def construct(self) -> None:
        self.section("Place", "位置")
        self.add(mn.Dot([probe.place(), 0, 0], radius=0.3, color=look.POINT))
        {extra}
        self.section("Still", "静止")
        self.wait(0.1)
'''

YELLOW = (240, 228, 66)


def _yellow_at(png: Path, x_units: float) -> bool:
    img = Image.open(png).convert("RGB")
    w, h = img.size
    px = img.getpixel((round(w / 2 + x_units * w / 14.222), h // 2))
    return sum(abs(a - b) for a, b in zip(px, YELLOW, strict=True)) < 60


@pytest.fixture
def probe(tmp_path):
    """A fixture topic whose scene reads ``place()`` from a temporary mathcore module."""
    module = f"_probe_{uuid.uuid4().hex[:8]}"
    source = PROJECT_ROOT / "mathcore" / f"{module}.py"
    source.write_text("def place() -> float:\n    return -3.0\n")
    scenes = tmp_path / "scenes"
    (scenes / "probe").mkdir(parents=True)
    (scenes / "probe" / "__init__.py").write_text('TITLE = ("Probe", "探针")\nORDER = ("p",)\n')
    scene_file = scenes / "probe" / "p.py"
    scene_file.write_text(PROBE_SCENE.format(module=module, extra=""))
    try:
        yield scenes, scene_file, source, module
    finally:
        source.unlink(missing_ok=True)
        sys.modules.pop(f"mathcore.{module}", None)


def _watch_in_thread(scenes: Path, out: Path, said: list, rounds: int, **kw):
    from renderer.preview import watch

    scene = next(s for t in discover(scenes) for s in t.scenes if s.name == "Probe")
    thread = threading.Thread(target=watch, args=(scene, "en", out, False, None, said.append,
                                                  0.05, rounds), kwargs=kw, daemon=True)
    thread.start()
    return thread


def _wait_for(said: list, n: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while len(said) < n and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(said) >= n, said


def test_an_edit_to_a_mathcore_function_shows_in_the_next_picture(probe, tmp_path):
    scenes, scene_file, source, _ = probe
    said: list[str] = []
    thread = _watch_in_thread(scenes, tmp_path / "out", said, 3)
    _wait_for(said, 1)
    png = Path(said[0].split(": ", 1)[1].rsplit(" in ", 1)[0])
    assert _yellow_at(png, -3.0) and not _yellow_at(png, 2.0)
    time.sleep(0.05)
    source.write_text("def place() -> float:\n    return 2.0\n")  # the author edits mathcore
    _wait_for(said, 2)
    assert said[1].startswith(f"mathcore/{source.name}: "), said
    assert _yellow_at(png, 2.0) and not _yellow_at(png, -3.0), said
    # the scene file is watched too, and a syntax error is one line with file and line
    scene_file.write_text(scene_file.read_text().replace("self.wait(0.1)", "self.wait(0.1"))
    _wait_for(said, 3)
    thread.join(30)
    assert re.search(r"preview failed in [\d.]+ s: .*p\.py:\d+: SyntaxError", said[2]), said
    assert _yellow_at(png, 2.0)  # the last good picture stays
    page = tmp_path / "out" / "preview" / "status.js"
    assert "SyntaxError" in page.read_text()


def test_a_child_that_hangs_is_stopped_and_the_watcher_goes_on(probe, tmp_path):
    scenes, scene_file, source, _ = probe
    said: list[str] = []
    thread = _watch_in_thread(scenes, tmp_path / "out", said, 3, time_limit=4.0)
    _wait_for(said, 1)
    scene_file.write_text(PROBE_SCENE.format(module=probe[3], extra="while True: pass"))
    start = time.monotonic()
    _wait_for(said, 2)
    assert "longer than 4 s and was stopped" in said[1], said
    assert time.monotonic() - start < 15
    me = psutil.Process()
    assert not [c for c in me.children(recursive=True) if c.status() != psutil.STATUS_ZOMBIE]
    scene_file.write_text(PROBE_SCENE.format(module=probe[3], extra=""))
    _wait_for(said, 3)
    thread.join(30)
    assert ".png in " in said[2], said


def test_ctrl_c_stops_the_watcher_and_its_child_leaving_nothing(probe, tmp_path):
    scenes, scene_file, source, module = probe
    out = tmp_path / "out"
    mark = uuid.uuid4().hex
    env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes), "LECTURE_TEST_MARK": mark}
    watcher = subprocess.Popen([sys.executable, str(PROJECT_ROOT / "render.py"), "probe/Probe",
                                "--preview", "--watch", "--out", str(out)], cwd=PROJECT_ROOT,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list((out / "preview" / "probe").glob("Probe.en.png")):
        assert watcher.poll() is None and time.monotonic() < deadline, watcher.stderr.read()
        time.sleep(0.1)
    scene_file.write_text(PROBE_SCENE.format(module=module,
                                             extra="import time; time.sleep(60)"))
    time.sleep(2.0)  # the child is rendering (sleeping) now
    family = psutil.Process(watcher.pid).children(recursive=True)
    assert family, "no child is rendering"
    start = time.monotonic()
    os.killpg(watcher.pid, signal.SIGINT)
    watcher.communicate(timeout=10)
    assert time.monotonic() - start < 2.5
    assert watcher.returncode == 130
    psutil.wait_procs(family, timeout=1)
    assert not [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    debris = [p.name for p in (out / "preview").rglob(".*") if p.is_file()]
    assert debris == []


def test_storyboard_sheet_has_one_still_per_section(tmp_path):
    scenes = PROJECT_ROOT / "tests" / "fixtures" / "scenes"
    env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes)}
    r = subprocess.run([sys.executable, str(PROJECT_ROOT / "render.py"), "tiny/Dot1",
                        "--preview", "--sheet", "--out", str(tmp_path)], cwd=PROJECT_ROOT,
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    sheet = Path(r.stdout.strip().splitlines()[-1])
    assert sheet.name == "Dot1.en.sheet.png"
    img = Image.open(sheet).convert("RGB")
    # contact_sheet(columns=3, width=480): two sections -> one row of two stills
    w, h = img.size
    assert w == 3 * (480 + 12) + 12 and h == (270 + 34 + 12) + 12
    # section 1 ends with the dot at the centre, section 2 with it 2 units right
    first = img.crop((12, 12, 12 + 480, 12 + 270))
    second = img.crop((12 + 492, 12, 12 + 492 + 480, 12 + 270))

    def yellow(tile, x_units):
        px = tile.getpixel((round(240 + x_units * 480 / 14.222), 135))
        return sum(abs(a - b) for a, b in zip(px, YELLOW, strict=True)) < 60

    assert yellow(first, 0) and not yellow(first, 2)
    assert yellow(second, 2) and not yellow(second, 0)


def test_live_page_shows_the_latest_preview_and_errors_in_chromium(tmp_path):
    from renderer.preview import LivePage

    folder = tmp_path / "preview"
    page = LivePage(folder)
    (folder / "t").mkdir()
    Image.new("RGB", (64, 36), "#56B4E9").save(folder / "t" / "S.en.png")
    page.update({"path": str(folder / "t" / "S.en.png")}, "scenes/t/s.py", 0.42)
    dom = _dom(folder / "index.html", tmp_path)
    assert re.search(r'<img id="picture" alt="preview" src="t/S\.en\.png\?v=2"', dom), dom
    assert "scenes/t/s.py" in dom and "0.42 s" in dom
    page.update({"error": "scenes/t/s.py:3: NameError: name 'x' is not defined"}, "x", 0.1)
    dom = _dom(folder / "index.html", tmp_path)
    assert re.search(r'<div id="error">scenes/t/s\.py:3: NameError', dom), dom


def _dom(page: Path, profile: Path) -> str:
    chromium = shutil.which("chromium")
    assert chromium, "chromium is installed by scripts/setup.sh"
    return subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files", f"--user-data-dir={profile / 'chromium'}",
         "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120).stdout


@pytest.mark.parametrize("args,message", [
    (["--section", "9"], "has 2 sections; --section 9 does not exist"),
])
def test_preview_bad_input_is_one_line(tmp_path, args, message):
    scenes = PROJECT_ROOT / "tests" / "fixtures" / "scenes"
    env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes)}
    r = subprocess.run([sys.executable, str(PROJECT_ROOT / "render.py"), "tiny/Dot1",
                        "--preview", *args, "--out", str(tmp_path)], cwd=PROJECT_ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and message in r.stderr, r.stderr
