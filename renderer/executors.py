"""Where scene jobs run: a local process pool (default) or a Dask cluster, behind one
:class:`Executor` protocol, and the one loop that drives either (progress, interrupts,
clean-up, packaging each scene as it arrives)."""

from __future__ import annotations

import json
import os
import queue
import signal
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol

from rich.console import Console, Group
from rich.live import Live
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from renderer.files import write_text_atomic
from renderer.package import Result, package_scene
from renderer.plan import Job
from renderer.worker import Outcome, render_job, start_worker

__all__ = [
    "Executor",
    "Handle",
    "LocalExecutor",
    "alive",
    "clean_work_folders",
    "job_label",
    "longest_first",
    "run_jobs",
]


class Handle(Protocol):
    """A submitted job: ``done()`` without blocking, then ``result()`` gives its outcome."""

    def done(self) -> bool: ...

    def result(self) -> Outcome: ...


class Executor(Protocol):
    """Runs render jobs somewhere. Used as a context manager around one batch; leaving it
    with an exception stops every worker at once (:meth:`stop`)."""

    def __enter__(self) -> Executor: ...

    def __exit__(self, exc_type, *exc) -> None: ...

    def submit(self, job: Job, owner: int) -> Handle: ...

    def active(self) -> dict[str, str]:
        """What each busy worker renders now: {worker name: job label}."""
        ...

    def stop(self) -> None:
        """Stop every worker now (interrupt): their work folders go, nothing is installed."""
        ...


def job_label(job: Job) -> str:
    """How the progress display names a job: ``topic/Scene [lang]``."""
    return f"{job.scene.id} [{job.lang}]"


# Scheduling ------------------------------------------------------------------------------------
TIMINGS = ".render-timings.json"
"""Per output folder: the last wall time of each scene render, for scheduling."""


def _timing_key(job: Job) -> str:
    return "|".join((job.scene.id, job.lang, job.quality))


def _timings_path(job: Job) -> Path:
    return job.folder.parents[2] / TIMINGS


def longest_first(jobs: list[Job]) -> list[Job]:
    """Order jobs by their last measured render time, longest first (so the batch does not
    end with one long scene on one core); never-measured scenes by source size."""
    known: dict[str, float] = {}
    for path in {_timings_path(j) for j in jobs}:
        try:
            known.update(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass

    def cost(j: Job) -> float:
        t = known.get(_timing_key(j))
        return t if t is not None else 1e6 + j.scene.path.stat().st_size

    return sorted(jobs, key=cost, reverse=True)


def _save_timings(results: list[Result]) -> None:
    by_path: dict[Path, dict[str, float]] = {}
    for r in results:
        if r.status == "rendered":
            by_path.setdefault(_timings_path(r.job), {})[_timing_key(r.job)] = r.seconds
    for path, new in by_path.items():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        write_text_atomic(path, json.dumps({**old, **new}, indent=1))


# Work folders ----------------------------------------------------------------------------------
def alive(pid: int) -> bool:
    """Is process ``pid`` running (on this machine)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_work_folders(folders: set[Path], owner: int | None = None,
                       stale_only: bool = False) -> None:
    """Remove the work folders of batch ``owner``, or (``stale_only``) of batches whose
    process no longer exists (killed with -9, machine restarted)."""
    import shutil

    for folder in folders:
        for work in folder.glob(".work-*-*"):
            try:
                pid = int(work.name.split("-")[1])
            except (IndexError, ValueError):
                continue
            if (stale_only and not alive(pid)) or (owner is not None and pid == owner):
                shutil.rmtree(work, ignore_errors=True)


# The loop --------------------------------------------------------------------------------------
def run_jobs(executor: Executor, jobs: list[Job], console: Console,
             package: Callable[[Outcome], Result] = package_scene) -> list[Result]:
    """Run ``jobs`` on ``executor`` longest first, packaging each scene as it arrives; show
    progress, ETA and what each worker renders. On any interrupt the executor stops its
    workers and this batch's work folders are removed before the exception goes on."""
    if not jobs:
        return []
    owner = os.getpid()
    folders = {j.folder for j in jobs}
    clean_work_folders(folders, stale_only=True)
    progress = Progress(TextColumn("[bold]rendering"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                        console=console)
    task = progress.add_task("scenes", total=len(jobs))
    results: list[Result] = []

    def view(active: dict[str, str]) -> Group:
        lines = [f"  [dim]{escape(w)}[/dim] {escape(what)}" for w, what in sorted(active.items())]
        return Group(progress, *lines)

    try:
        with executor, Live(view({}), console=console, refresh_per_second=4,
                            transient=True) as live:
            pending = {executor.submit(job, owner): job for job in longest_first(jobs)}
            while pending:
                for handle in [h for h in pending if h.done()]:
                    job = pending.pop(handle)
                    try:
                        outcome = handle.result()
                    except Exception as exc:  # the task itself failed (e.g. killed workers)
                        outcome = Outcome(job, None, None, 0.0, f"{type(exc).__name__}: {exc}")
                    res = package(outcome)
                    results.append(res)
                    progress.advance(task)
                    mark = "[green]✓" if res.status == "rendered" else "[red]✗"
                    console.print(f"{mark}[/] {escape(job_label(res.job))} {res.seconds:.1f} s")
                live.update(view(executor.active() if pending else {}))
                if pending:
                    time.sleep(0.25)
    except BaseException:
        executor.stop()
        clean_work_folders(folders, owner=owner)
        raise
    _save_timings(results)
    return results


# Local process pool ------------------------------------------------------------------------
class _LocalHandle:
    def __init__(self, future) -> None:
        self.future = future

    def done(self) -> bool:
        return self.future.done()

    def result(self) -> Outcome:
        return self.future.result()


class LocalExecutor:
    """A pool of spawned worker processes on this machine, reused across jobs (manim's and
    torch's import paid once per worker; each job has its own ``tempconfig`` and folders).

    The executor owns its workers' lives: each worker leads its own process group (so its LaTeX
    children stop with it), stops on SIGTERM as on Ctrl-C, and stops by itself when the batch
    process dies, even by SIGKILL (``PR_SET_PDEATHSIG`` and a parent check)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._ctx = get_context("spawn")
        self._pool: ProcessPoolExecutor | None = None
        self._events = None
        self._active: dict[str, str] = {}
        self._handles: list[tuple[_LocalHandle, str]] = []

    def __enter__(self) -> LocalExecutor:
        # Workers stopped on an interrupt may hold pool semaphores; that is expected, not worth
        # a warning from multiprocessing's resource tracker (it reads the environment).
        os.environ.setdefault("PYTHONWARNINGS",
                              "ignore::UserWarning:multiprocessing.resource_tracker")
        self._events = self._ctx.Queue()
        self._pool = ProcessPoolExecutor(self.workers, mp_context=self._ctx,
                                         initializer=start_worker,
                                         initargs=(os.getpid(), self._events))
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is not None:
            self.stop()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._events is not None:
            self._events.close()
            self._events.join_thread()

    def submit(self, job: Job, owner: int) -> _LocalHandle:
        handle = _LocalHandle(self._pool.submit(render_job, job, owner))
        self._handles.append((handle, job_label(job)))
        return handle

    def active(self) -> dict[str, str]:
        try:
            while True:
                _, label, pid = self._events.get_nowait()
                self._active[f"worker {pid}"] = label
        except (queue.Empty, OSError, ValueError):
            pass
        finished = {label for h, label in self._handles if h.done()}
        return {w: label for w, label in self._active.items() if label not in finished}

    def stop(self) -> None:
        pool = self._pool
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:  # SIGTERM = Ctrl-C in a worker: it removes its work folder
            _signal_group(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 3.0
        for proc in procs:
            proc.join(max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                _signal_group(proc.pid, signal.SIGKILL)
                proc.join(1.0)
        self._pool = None


def _signal_group(pid: int | None, sig: int) -> None:
    if pid is None:
        return
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass
