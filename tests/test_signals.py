"""A batch owns its workers' lives: SIGTERM stops it exactly as Ctrl-C does, and workers
whose batch died (even by SIGKILL) stop by themselves. For the local pool and a local Dask
cluster."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import pytest

from scenes.options import PROJECT_ROOT

ROOT = PROJECT_ROOT
FIXTURES = ROOT / "tests" / "fixtures" / "scenes"

pytestmark = pytest.mark.slow

EXECUTORS = {"pool": [], "dask": ["--scheduler", "local"]}


def _marked(marker: str) -> list[psutil.Process]:
    """Every live process started with ``marker`` in its environment (the batch's family)."""
    found = []
    for p in psutil.process_iter():
        try:
            if p.status() != psutil.STATUS_ZOMBIE and marker in "".join(
                    f"{k}={v}" for k, v in p.environ().items() if k == "LECTURE_TEST_MARK"):
                found.append(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return found


def _start(tmp_path: Path, executor: str) -> tuple[subprocess.Popen, str, Path]:
    mark = uuid.uuid4().hex
    out = tmp_path / "out"
    env = {**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES), "LECTURE_TEST_MARK": mark,
           "TMPDIR": str(tmp_path)}
    batch = subprocess.Popen([sys.executable, str(ROOT / "render.py"), "slow", "-q", "l",
                              "-j", "2", "--out", str(out), *EXECUTORS[executor]], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    # mid-render: a worker has written its first partial movie
    partial = ".work-*/media/videos/*/partial_movie_files/*/*.mp4"
    while not (list(out.glob(f"slow/low/en/{partial}"))
               or list(tmp_path.glob(f"lecture-worker-*/out/*/*/*/{partial}"))):
        assert batch.poll() is None and time.monotonic() < deadline, "render never started"
        time.sleep(0.1)
    return batch, mark, out


def _gone_within(mark: str, seconds: float) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := _marked(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [" ".join(p.cmdline())[:100] for p in left if p.is_running()]


@pytest.mark.parametrize("executor", EXECUTORS)
def test_sigterm_stops_a_batch_as_ctrl_c_does(tmp_path, executor):
    batch, mark, out = _start(tmp_path, executor)
    start = time.monotonic()
    batch.send_signal(signal.SIGTERM)  # what kill, timeout, systemd and docker stop send
    _, err = batch.communicate(timeout=30)
    assert batch.returncode == 143, err
    assert err.strip().splitlines()[-1] == "render.py: terminated"
    assert _gone_within(mark, max(0.5, 5 - (time.monotonic() - start))) == []
    assert time.monotonic() - start < 6
    assert not list(out.rglob(".work-*")) and not list(out.rglob("*.mp4"))
    assert not list(out.rglob("*.json")) and not list(tmp_path.glob("lecture-worker-*"))


@pytest.mark.parametrize("executor", EXECUTORS)
def test_workers_of_a_killed_batch_stop_by_themselves(tmp_path, executor):
    batch, mark, out = _start(tmp_path, executor)
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait(10)
    assert _gone_within(mark, 5) == []
    time.sleep(2)  # nobody goes on rendering and installing files
    assert not list(out.rglob("*.mp4")) and not list(out.rglob("Waves*.json"))
    # the next batch takes the lock at once and renders both scenes
    env = {**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES)}
    again = subprocess.run([sys.executable, str(ROOT / "render.py"), "slow", "-q", "l",
                            "--out", str(out)], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0 and "waiting" not in again.stderr, again.stderr
    assert len(list(out.glob("slow/low/en/Waves*.mp4"))) == 2
    assert not list(out.rglob(".work-*"))


def test_a_stop_swallowed_by_a_gc_callback_is_sent_again(monkeypatch, capsys):
    # SIGTERM's KeyboardInterrupt raised inside a weakref callback is "ignored" by Python;
    # the worker's unraisable hook turns it into a fresh SIGTERM instead of a printed trace
    import types

    from renderer import worker

    got = []
    old = signal.signal(signal.SIGTERM, lambda *_: got.append("term"))
    try:
        monkeypatch.setattr(worker, "_stopping", True)
        worker._unraisable(types.SimpleNamespace(exc_value=KeyboardInterrupt()))
        assert got == ["term"]
        assert capsys.readouterr().err == ""
        monkeypatch.setattr(worker, "_stopping", False)
        called = []
        monkeypatch.setattr(sys, "__unraisablehook__", called.append)
        worker._unraisable(types.SimpleNamespace(exc_value=KeyboardInterrupt()))
        assert got == ["term"] and len(called) == 1  # not stopping: Python's own report
    finally:
        signal.signal(signal.SIGTERM, old)
