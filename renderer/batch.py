"""Run render jobs in parallel worker processes with a live progress display."""

from __future__ import annotations

import json
import os
import queue
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import get_context
from pathlib import Path

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
from rich.table import Table

from renderer.files import write_text_atomic
from renderer.plan import Job
from renderer.run import Result, render_job

__all__ = [
    "batch_progress",
    "clean_work_folders",
    "job_label",
    "longest_first",
    "print_result",
    "run_batch",
    "save_timings",
    "summary_table",
    "write_report",
]


def _key(job: Job) -> tuple[str, str, str]:
    return (job.scene.id, job.lang, job.quality)


TIMINGS = ".render-timings.json"
"""Per output folder: the last wall time of each scene render, for scheduling."""


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
        t = known.get("|".join(_key(j)))
        return t if t is not None else 1e6 + j.scene.path.stat().st_size

    return sorted(jobs, key=cost, reverse=True)


def save_timings(results: list[Result]) -> None:
    """Remember each rendered scene's wall time beside the outputs."""
    by_path: dict[Path, dict[str, float]] = {}
    for r in results:
        if r.status == "rendered":
            by_path.setdefault(_timings_path(r.job), {})["|".join(_key(r.job))] = r.seconds
    for path, new in by_path.items():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        write_text_atomic(path, json.dumps({**old, **new}, indent=1))


def job_label(job: Job) -> str:
    """How the progress display names a job: ``topic/Scene [lang]``."""
    return f"{job.scene.id} [{job.lang}]"


def batch_progress(console: Console, total: int) -> tuple[Progress, int]:
    """The batch's progress bar (done/total, elapsed, ETA) and its task id."""
    progress = Progress(TextColumn("[bold]rendering"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                        console=console)
    return progress, progress.add_task("scenes", total=total)


def print_result(console: Console, res: Result) -> None:
    """One line per finished scene: a mark, the scene and language, the wall time."""
    mark = "[green]✓" if res.status == "rendered" else "[red]✗"
    console.print(f"{mark}[/] {escape(job_label(res.job))} {res.seconds:.1f} s")


def run_batch(jobs: list[Job], workers: int, console: Console) -> list[Result]:
    """Render ``jobs`` on ``workers`` processes; show progress, ETA and what each worker is
    rendering. Every job runs under its own ``tempconfig`` and in its own folders, so worker
    processes are reused (saving manim's and torch's import time per scene)."""
    if not jobs:
        return []
    owner = os.getpid()
    folders = {j.folder for j in jobs}
    clean_work_folders(folders, stale_only=True)
    # Workers stopped on Ctrl-C may hold pool semaphores; that is expected, not worth a warning
    # from multiprocessing's resource tracker (a separate process: it reads the environment).
    os.environ.setdefault("PYTHONWARNINGS", "ignore::UserWarning:multiprocessing.resource_tracker")
    ctx = get_context("spawn")
    manager = ctx.Manager()
    events = manager.Queue()
    active: dict[str, str] = {}
    progress, task = batch_progress(console, len(jobs))

    def view() -> Group:
        lines = [f"  [dim]worker {pid}[/dim] {escape(what)}"
                 for pid, what in sorted(active.items())]
        return Group(progress, *lines)

    results: list[Result] = []
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    try:
        with Live(view(), console=console, refresh_per_second=4, transient=True) as live:
            pending = {pool.submit(render_job, job, events, owner)
                       for job in longest_first(jobs)}
            while pending:
                done, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                try:
                    while True:
                        _, scene_id, lang, pid = events.get_nowait()
                        active[str(pid)] = f"{scene_id} [{lang}]"
                except queue.Empty:
                    pass
                for fut in done:
                    res = fut.result()
                    results.append(res)
                    active = {p: w for p, w in active.items()
                              if w != job_label(res.job)}
                    progress.advance(task)
                    print_result(console, res)
                live.update(view())
    except BaseException:
        # Workers that got the same Ctrl-C clean up after themselves; stop the rest.
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + 3.0
        for proc in procs:
            proc.join(max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                proc.terminate()
                proc.join(2.0)
        clean_work_folders(folders, owner=owner)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        manager.shutdown()
    save_timings(results)
    return results


def _alive(pid: int) -> bool:
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
            if (stale_only and not _alive(pid)) or (owner is not None and pid == owner):
                shutil.rmtree(work, ignore_errors=True)


def summary_table(jobs: list[Job], results: list[Result]) -> Table:
    """Scene, language, status, wall time and video length for every job of the plan."""
    by_job = {_key(r.job): r for r in results}
    table = Table(title="render summary")
    for col in ("scene", "lang", "status", "wall time", "video"):
        table.add_column(col)
    for j in jobs:
        r = by_job.get(_key(j))
        if r is None:
            meta = j.read_meta() or {}
            table.add_row(j.scene.id, j.lang, "[cyan]cached", "-",
                          f"{meta.get('duration', 0):.1f} s")
        elif r.status == "failed":
            table.add_row(j.scene.id, j.lang, f"[red]failed: {escape(r.error)}",
                          f"{r.seconds:.1f} s", "-")
        else:
            table.add_row(j.scene.id, j.lang, "[green]rendered", f"{r.seconds:.1f} s",
                          f"{r.duration:.1f} s")
    return table


def write_report(path: Path, jobs: list[Job], results: list[Result], wall: float,
                 galleries: list[Path]) -> None:
    """A JSON report of the run: one entry per job, plus totals."""
    by_job = {_key(r.job): r for r in results}
    entries = []
    for j in jobs:
        r = by_job.get(_key(j))
        entries.append({
            "scene": j.scene.id, "lang": j.lang, "quality": j.quality,
            "status": r.status if r else "cached", "seconds": r.seconds if r else 0.0,
            "duration": r.duration if r else (j.read_meta() or {}).get("duration"),
            "output": str(j.output), "error": r.error if r else "", "log": r.log if r else "",
        })
    report = {"wall_seconds": wall, "jobs": entries, "galleries": [str(g) for g in galleries],
              "finished": time.strftime("%Y-%m-%dT%H:%M:%S")}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, json.dumps(report, ensure_ascii=False, indent=1))
