"""Scale-out: the batch's scene jobs on a Dask cluster instead of the local process pool.

The client plans as usual (cached scenes are never sent) and submits one task per job. A
worker (any machine with this project installed) renders and packages the job in a private
temporary folder with its own copy of the scene file and ships the files back as bytes with
the record it wrote; the client checks them against the record's sizes, moves them into the
output folder exactly as a local render does (record last) and packages the topics. A worker killed mid-job is
replaced by Dask, which runs the task again on another worker; a scene that raises comes back
as a failed result with its one-line reason and log, like a local failure.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console, Group
from rich.live import Live
from rich.markup import escape

from renderer.batch import (
    batch_progress,
    clean_work_folders,
    job_label,
    longest_first,
    print_result,
    save_timings,
)
from renderer.plan import Job
from renderer.run import Result, install, render_job, work_prefix

__all__ = [
    "Shipped",
    "check_address",
    "free_port",
    "receive",
    "render_on_worker",
    "run_batch_dask",
    "scheduler_processes",
]

ROOT = Path(__file__).resolve().parents[1]
ADDRESS = re.compile(r"^(local|([a-z]+://)?[\w.\-\[\]:]+:\d+)$")


@dataclass(frozen=True)
class Shipped:
    """A job's outcome as it travels back from a worker: the result and, when rendered, the
    meta record and every output file's bytes (or, when failed, the log text)."""

    result: Result
    meta: dict | None = None
    files: dict[str, bytes] = dataclasses.field(default_factory=dict)
    log: str = ""


def check_address(address: str) -> str:
    """``address`` if it looks like a scheduler address (``local``, ``host:port`` or
    ``tcp://host:port``); else a ``ValueError`` naming the expected forms."""
    if not ADDRESS.match(address):
        raise ValueError(f"--scheduler expects 'local' or an address like tcp://host:8786, "
                         f"got {address!r}")
    return address


def render_on_worker(job: Job, scene_relpath: str | None) -> Shipped:
    """Run on a Dask worker: render and package ``job`` in a temporary folder, using the
    worker's own copy of the scene (``scene_relpath`` is relative to the project), and ship
    the files and their record back."""
    scene = job.scene
    if scene_relpath is not None:
        scene = dataclasses.replace(scene, path=ROOT / scene_relpath)
    with tempfile.TemporaryDirectory(prefix="lecture-worker-") as tmp:
        local = dataclasses.replace(job, scene=scene, folder=Path(tmp))
        res = render_job(local)
        result = dataclasses.replace(res, job=job, log="")
        if res.status != "rendered":
            log = Path(res.log).read_text(encoding="utf-8") if res.log else ""
            return Shipped(result, log=log)
        meta = json.loads(local.meta_path.read_text(encoding="utf-8"))
        # The client checks these bytes against the record's sizes when they arrive.
        return Shipped(result, meta, {f: (Path(tmp) / f).read_bytes() for f in meta["files"]})


def receive(shipped: Shipped, owner: int) -> Result:
    """Put a worker's files into the job's output folder the way a local render does (a work
    folder of this batch, then renamed into place, the record last)."""
    res, job = shipped.result, shipped.result.job
    job.folder.mkdir(parents=True, exist_ok=True)
    if shipped.meta is None:
        log = job.folder / f"{job.scene.name}.log"
        log.write_text(shipped.log or res.error, encoding="utf-8")
        return dataclasses.replace(res, log=str(log))
    sizes = shipped.meta["files"]
    if sorted(sizes) != sorted(shipped.files) or any(
            len(shipped.files[f]) != n for f, n in sizes.items()):
        return dataclasses.replace(res, status="failed", error="files arrived incomplete")
    stage = Path(tempfile.mkdtemp(prefix=work_prefix(owner) + f"{job.scene.name}-",
                                  dir=job.folder))
    try:
        for name, data in shipped.files.items():
            (stage / name).parent.mkdir(parents=True, exist_ok=True)
            (stage / name).write_bytes(data)
        install(job, stage, list(shipped.files), shipped.meta)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    (job.folder / f"{job.scene.name}.log").unlink(missing_ok=True)
    return res


def _relpath(path: Path) -> str | None:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return None  # outside the project: workers must see the same path


def run_batch_dask(jobs: list[Job], scheduler: str, workers: int, console: Console
                   ) -> list[Result]:
    """Render ``jobs`` on the Dask scheduler at ``scheduler`` (``local``: a LocalCluster of
    ``workers`` single-threaded worker processes), with the batch's progress display."""
    from dask.distributed import Client, LocalCluster

    if not jobs:
        return []
    owner = os.getpid()
    folders = {j.folder for j in jobs}
    clean_work_folders(folders, stale_only=True)
    cluster = None
    if scheduler == "local":
        # As for the local pool: a stop on Ctrl-C is expected, not worth warnings.
        os.environ.setdefault("PYTHONWARNINGS",
                              "ignore::UserWarning:multiprocessing.resource_tracker")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.CRITICAL)
    results: list[Result] = []
    client = None
    futures: dict = {}
    try:
        try:
            client = Client(cluster or scheduler, timeout="15s")
        except OSError as exc:
            raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: "
                                  f"{exc}") from None
        progress, task = batch_progress(console, len(jobs))
        for job in longest_first(jobs):
            fut = client.submit(render_on_worker, job, _relpath(job.scene.path), pure=False,
                                key=f"render-{job.scene.id}-{job.lang}-{job.key[:10]}")
            futures[fut.key] = (fut, job)
        active: dict[str, str] = {}

        def view() -> Group:
            lines = [f"  [dim]{escape(addr)}[/dim] {escape(what)}"
                     for addr, what in sorted(active.items())]
            return Group(progress, *lines)

        with Live(view(), console=console, refresh_per_second=4, transient=True) as live:
            pending = dict(futures)
            while pending:
                for key in [k for k, (f, _) in pending.items() if f.done()]:
                    fut, job = pending.pop(key)
                    try:
                        res = receive(fut.result(), owner)
                    except Exception as exc:  # the task itself failed (e.g. killed workers)
                        res = Result(job, "failed", error=f"{type(exc).__name__}: {exc}")
                    results.append(res)
                    progress.advance(task)
                    print_result(console, res)
                processing = client.processing() if pending else {}
                active = {addr: ", ".join(job_label(futures[k][1]) for k in keys if k in futures)
                          for addr, keys in processing.items() if keys}
                live.update(view())
                if pending:
                    time.sleep(0.25)
    except BaseException:
        if client is not None and futures:
            client.cancel([f for f, _ in futures.values()])
        clean_work_folders(folders, owner=owner)
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    save_timings(results)
    return results


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def scheduler_processes(workers: int, pin: bool = False
                        ) -> Iterator[tuple[str, dict[str, subprocess.Popen]]]:
    """A ``dask scheduler`` and ``workers`` single-threaded ``dask worker`` processes (named
    w1, w2, ...; each pinned to core i with taskset when ``pin``) on localhost, as a user
    would start them; yields the scheduler address and the processes, stops them after."""

    def spawn(*args: str) -> subprocess.Popen:
        return subprocess.Popen(list(args), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = {"scheduler": spawn(sys.executable, "-m", "distributed.cli.dask_scheduler",
                                "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")}
    try:
        for i in range(workers):
            pin_args = ("taskset", "-c", str(i % (os.cpu_count() or 1))) if pin else ()
            procs[f"w{i + 1}"] = spawn(*pin_args, sys.executable, "-m",
                                       "distributed.cli.dask_worker", address, "--nthreads",
                                       "1", "--no-nanny", "--name", f"w{i + 1}",
                                       "--no-dashboard")
        yield address, procs
    finally:
        for p in procs.values():
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(10)
