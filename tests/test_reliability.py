"""Reliability: kill -9 mid-render, two batches at once on one folder, determinism."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import ffmpeg
import pytest

from renderer.probe import probe_video
from scenes.options import PROJECT_ROOT
from tests.scene_harness import wait_until_rendering

ROOT = PROJECT_ROOT
FIXTURES = ROOT / "tests" / "fixtures" / "scenes"

pytestmark = pytest.mark.slow


def start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES)}
    return subprocess.Popen([sys.executable, str(ROOT / "render.py"), *args], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def framemd5(path: Path) -> list[str]:
    """One line per decoded frame of every stream (picture and sound): index, times, md5."""
    out, _ = (ffmpeg.input(str(path)).output("pipe:", f="framemd5")
              .run(capture_stdout=True, capture_stderr=True))
    return [line for line in out.decode().splitlines() if not line.startswith("#")]


def video_frames(path: Path) -> list[str]:
    """The framemd5 lines of the picture (stream 0) only."""
    return [line for line in framemd5(path) if line.split(",")[0].strip() == "0"]


def test_kill_9_mid_render_then_the_same_command_again(tmp_path):
    out = tmp_path / "out"
    args = ("descent/GradientDescent1D", "-q", "l", "--out", str(out))
    env = {**os.environ}
    p = subprocess.Popen([sys.executable, str(ROOT / "render.py"), *args], cwd=ROOT, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    folder = out / "descent/low/en"
    wait_until_rendering(folder, p)
    time.sleep(1.0)
    os.killpg(p.pid, signal.SIGKILL)  # the batch and its workers, no clean-up possible
    p.wait(timeout=30)
    assert not (folder / "GradientDescent1D.mp4").exists()
    assert list(folder.glob(".work-*"))  # the killed run's debris is there...
    again = subprocess.run([sys.executable, str(ROOT / "render.py"), *args], cwd=ROOT,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert not list(folder.glob(".work-*"))  # ...and gone after the next run
    meta = json.loads((folder / "GradientDescent1D.json").read_text())
    info = probe_video(folder / "GradientDescent1D.mp4")
    assert info.duration == pytest.approx(meta["duration"], abs=0.05)
    frames = video_frames(folder / "GradientDescent1D.mp4")
    assert len(frames) == round(meta["duration"] * meta["fps"])  # every frame decodes


def test_two_batches_at_once_on_one_folder(tmp_path):
    out = tmp_path / "out"
    a = start("tiny", "-q", "l", "--lang", "en,zh", "--out", str(out))
    b = start("tiny", "-q", "l", "--lang", "en,zh", "--out", str(out))
    results = [p.communicate(timeout=300) for p in (a, b)]
    assert a.returncode == 0 and b.returncode == 0, results
    logs = [" ".join(err.split()) for _, err in results]
    assert sorted("4 rendered" in log for log in logs) == [False, True]  # one did the work
    assert any("waiting for it" in log for log in logs)  # the other waited for the lock
    assert not any("Traceback" in log or "LaTeX" in log for log in logs)
    for lang in ("en", "zh"):
        for name in ("Dot1", "Dot2"):
            assert probe_video(out / "tiny/low" / lang / f"{name}.mp4").duration > 0


def test_rendering_twice_gives_identical_frames_and_numbers(tmp_path):
    # Both at once, in separate processes: the load makes timing races show (with two
    # in-flight encoders manim 0.22 gave different frames on a busy machine).
    procs = [start("tiny/Dot1", "-q", "l", "--out", str(tmp_path / f"out{i}")) for i in range(2)]
    runs = []
    for i, p in enumerate(procs):
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        runs.append(tmp_path / f"out{i}" / "tiny/low/en")
    first, second = (framemd5(r / "Dot1.mp4") for r in runs)
    assert len(first) > 10 and first == second
    metas = [json.loads((r / "Dot1.json").read_text()) for r in runs]
    assert metas[0]["recorded"] == metas[1]["recorded"]
    assert metas[0]["chapters"] == metas[1]["chapters"]


def test_a_failing_rerender_leaves_the_earlier_good_output_untouched(tmp_path):
    import shutil

    scenes = tmp_path / "scenes"
    shutil.copytree(FIXTURES / "tiny", scenes / "tiny")
    out = tmp_path / "out"
    env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes)}

    def render() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "render.py"), "tiny", "-q", "l",
                               "--out", str(out)], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)

    assert render().returncode == 0
    folder = out / "tiny/low/en"
    before = {p.name: p.read_bytes() for p in folder.glob("Dot2.*")}
    f = scenes / "tiny" / "dots.py"
    f.write_text(f.read_text().replace('self.narrate("Hello.", "你好。")',
                                       'raise RuntimeError("edited into a failure")'))
    r = render()
    assert r.returncode == 1 and "edited into a failure" in " ".join(r.stderr.split())
    after = {p.name: p.read_bytes() for p in folder.glob("Dot2.*") if p.suffix != ".log"}
    assert after == before  # the last good video, captions and record, byte for byte
    assert (folder / "Dot2.log").is_file()
