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

from renderer.plan import Job
from renderer.run import Result, render_job

__all__ = ["run_batch", "summary_table", "write_report"]


def _key(job: Job) -> tuple[str, str, str]:
    return (job.scene.id, job.lang, job.quality)


def run_batch(jobs: list[Job], workers: int, console: Console) -> list[Result]:
    """Render ``jobs`` on ``workers`` processes (spawned fresh per job, so every scene gets a
    clean manim config); show progress, ETA and what each worker is rendering."""
    if not jobs:
        return []
    ctx = get_context("spawn")
    manager = ctx.Manager()
    events = manager.Queue()
    active: dict[str, str] = {}
    progress = Progress(TextColumn("[bold]rendering"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                        console=console)
    task = progress.add_task("scenes", total=len(jobs))

    def view() -> Group:
        lines = [f"  [dim]worker {pid}[/dim] {escape(what)}"
                 for pid, what in sorted(active.items())]
        return Group(progress, *lines)

    results: list[Result] = []
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, max_tasks_per_child=1)
    try:
        with Live(view(), console=console, refresh_per_second=4, transient=True) as live:
            pending = {pool.submit(render_job, job, events) for job in jobs}
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
                              if w != f"{res.job.scene.id} [{res.job.lang}]"}
                    progress.advance(task)
                    mark = "[green]✓" if res.status == "rendered" else "[red]✗"
                    console.print(f"{mark}[/] {escape(res.job.scene.id)} "
                                  f"{escape(f'[{res.job.lang}]')} {res.seconds:.1f} s")
                live.update(view())
    except BaseException:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        manager.shutdown()
    return results


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
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
