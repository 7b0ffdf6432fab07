"""Rendering through a real Dask scheduler and two workers (separate processes on localhost):
the same frames as a local render, a killed worker does not stop the batch, failures and bad
addresses are reported like local ones."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.dask_harness import free_port, scheduler_processes
from tests.test_reliability import FIXTURES, ROOT, framemd5, video_frames

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    """A `dask scheduler` and two single-threaded `dask worker` processes."""
    from dask.distributed import Client

    with scheduler_processes(2) as (address, procs):
        client = Client(address, timeout="60s")
        client.wait_for_workers(2, timeout=120)
        yield address, client, procs
        client.close()


def render(*args: str, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES)}
    return subprocess.run([sys.executable, str(ROOT / "render.py"), *args, "-q", "l",
                           "--out", str(out)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_cluster_render_has_the_frames_of_a_local_render(cluster, tmp_path):
    address, _, _ = cluster
    remote = render("tiny", "--scheduler", address, out=tmp_path / "remote")
    assert remote.returncode == 0, remote.stderr
    local = render("tiny", out=tmp_path / "local")
    assert local.returncode == 0, local.stderr
    folders = [tmp_path / x / "tiny/low/en" for x in ("remote", "local")]
    names = [sorted(p.relative_to(f).as_posix() for p in f.rglob("*") if p.is_file())
             for f in folders]
    assert names[0] == names[1]
    assert not [n for n in names[0] if ".work-" in n]
    for scene in ("Dot1", "Dot2", "lecture"):
        assert framemd5(folders[0] / f"{scene}.mp4") == framemd5(folders[1] / f"{scene}.mp4")
    for scene in ("Dot1", "Dot2"):
        metas = [json.loads((f / f"{scene}.json").read_text()) for f in folders]
        assert metas[0]["key"] == metas[1]["key"] and metas[0]["files"] == metas[1]["files"]
    # Cached scenes are not sent again: nothing to render, nothing submitted.
    again = render("tiny", "--scheduler", address, out=tmp_path / "remote")
    assert again.returncode == 0 and "0 rendered, 2 cached" in again.stderr


def test_killed_worker_mid_job_does_not_stop_the_batch(cluster, tmp_path):
    address, client, procs = cluster
    env = {**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES)}
    batch = subprocess.Popen([sys.executable, str(ROOT / "render.py"), "slow", "-q", "l",
                              "--scheduler", address, "--out", str(tmp_path)], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until worker w1 is rendering a scene, then kill it (SIGKILL, no goodbye).
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline:
        for addr, keys in client.processing().items():
            info = client.scheduler_info()["workers"].get(addr, {})
            if keys and info.get("name") == "w1":
                victim = addr
        time.sleep(0.05)
    assert victim, "worker w1 never started a scene"
    os.killpg(procs["w1"].pid, signal.SIGKILL)
    procs["w1"].wait(10)
    _, err = batch.communicate(timeout=300)
    assert batch.returncode == 0, err
    assert "2 rendered" in err
    folder = tmp_path / "slow/low/en"
    for scene in ("Waves1", "Waves2"):
        meta = json.loads((folder / f"{scene}.json").read_text())
        frames = video_frames(folder / f"{scene}.mp4")
        assert len(frames) == round(meta["duration"] * meta["fps"])
    assert not list(folder.glob(".work-*"))


def test_failures_and_bad_addresses_like_local(tmp_path):
    failed = render("broken", "--scheduler", "local", "-j", "1", out=tmp_path)
    assert failed.returncode == 1
    assert "LaTeX error" in failed.stderr and "Raises" in failed.stderr
    assert (tmp_path / "broken/low/en/Fine.mp4").is_file()
    assert not (tmp_path / "broken/low/en/Raises.mp4").exists()
    assert (tmp_path / "broken/low/en/Raises.log").read_text().strip()
    bad = render("tiny", "--scheduler", "not an address", out=tmp_path / "bad")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "--scheduler" in bad.stderr and not (tmp_path / "bad").exists()
    port = free_port()  # nothing listens there
    gone = render("tiny", "--scheduler", f"tcp://127.0.0.1:{port}", out=tmp_path / "gone")
    assert gone.returncode == 2 and "cannot reach the Dask scheduler" in gone.stderr


def test_ctrl_c_on_a_local_cluster_stops_everything(tmp_path):
    import psutil

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES), "TMPDIR": str(scratch)}
    out = tmp_path / "out"
    batch = subprocess.Popen([sys.executable, str(ROOT / "render.py"), "slow", "-q", "l",
                              "--scheduler", "local", "-j", "2", "--out", str(out)], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(scratch.glob("lecture-worker-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # a worker has started rendering a scene
    assert list(scratch.glob("lecture-worker-*")), "no worker started a scene"
    family = psutil.Process(batch.pid).children(recursive=True)
    assert family
    batch.send_signal(signal.SIGINT)
    start = time.monotonic()
    _, err = batch.communicate(timeout=60)
    assert batch.returncode == 130, err
    assert time.monotonic() - start < 15
    assert err.strip().splitlines()[-1] == "render.py: interrupted"
    psutil.wait_procs(family, timeout=5)
    assert not [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not list(out.rglob(".work-*")) and not list(out.rglob("*.mp4"))
