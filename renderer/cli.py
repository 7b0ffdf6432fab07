"""Command line of ``render.py``: render lecture scenes to MP4 in batches."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path

from renderer.discover import discover
from renderer.plan import QUALITIES, Job, PlanError, make_plan, resolve_quality, select

__all__ = ["main"]

LANGS = ("en", "zh")
DEFAULT_OUT = Path("out")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="render.py",
        description="Render lecture scenes to MP4. TARGET is a topic, TOPIC/SCENE or 'all'.",
    )
    p.add_argument("targets", nargs="*", metavar="TARGET")
    p.add_argument("--list", action="store_true", help="list topics and scenes in lecture order")
    p.add_argument("-q", "--quality", default="high",
                   help=f"{', '.join(QUALITIES)} or manim's l/m/h/p/k (default: high)")
    p.add_argument("--lang", default="en", help="en, zh or en,zh (default: en)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="parallel worker processes (default: number of cores)")
    p.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT,
                   help=f"output folder (default: ./{DEFAULT_OUT})")
    p.add_argument("--force", action="store_true", help="re-render even if cached")
    p.add_argument("--dry-run", action="store_true", help="print the plan, render nothing")
    return p


def _fail(msg: str) -> int:
    print(f"render.py: error: {msg}", file=sys.stderr)
    return 2


def _list(topics) -> None:
    for t in topics:
        print(f"{t.name}  —  {t.title[0]} / {t.title[1]}")
        for s in t.scenes:
            print(f"  {s.id:<40} {s.title[0]} / {s.title[1]}")


def _preflight() -> str | None:
    needs = {"ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "latex": "texlive-latex-base",
             "dvisvgm": "dvisvgm"}
    for tool, package in needs.items():
        if shutil.which(tool) is None:
            return f"'{tool}' not found on PATH; install the Debian package {package} " \
                   "(or run scripts/setup.sh)"
    return None


def _run(jobs: list[Job], workers: int) -> list:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from renderer.run import render_job

    results = []
    columns = (TextColumn("[bold]rendering"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, transient=False) as progress:
        task = progress.add_task("", total=len(jobs))
        ctx = get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                 max_tasks_per_child=1) as pool:
            futures = {pool.submit(render_job, job): job for job in jobs}
            for fut in as_completed(futures):
                res = fut.result()
                results.append(res)
                progress.update(task, advance=1,
                                description=f"{res.job.scene.id} [{res.job.lang}] {res.status}")
    return results


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    topics = discover()
    if args.list:
        _list(topics)
        return 0
    if not args.targets:
        return _fail("name a topic, TOPIC/SCENE or 'all' (see: render.py --list)")
    try:
        quality = resolve_quality(args.quality)
        langs = [x.strip() for x in args.lang.split(",") if x.strip()]
        bad = [x for x in langs if x not in LANGS]
        if bad or not langs:
            raise PlanError(f"unknown language {','.join(bad) or args.lang!r}; use en, zh or en,zh")
        if args.jobs < 1:
            raise PlanError(f"--jobs must be at least 1, got {args.jobs}")
        if args.out.exists() and not args.out.is_dir():
            raise PlanError(f"output path {args.out} exists and is not a folder")
        scenes = select(topics, args.targets)
    except PlanError as e:
        return _fail(str(e))
    jobs = make_plan(scenes, quality, langs, args.out.resolve())
    todo = [j for j in jobs if args.force or not j.is_cached()]
    if args.dry_run:
        for j in jobs:
            state = "render" if j in todo else "cached"
            print(f"{state:<7} {j.scene.id:<40} {j.lang} {j.quality:<7} {j.output}")
        return 0
    if todo:
        problem = _preflight()
        if problem:
            return _fail(problem)
    results = _run(todo, min(args.jobs, len(todo))) if todo else []
    failed = [r for r in results if r.status == "failed"]
    for j in jobs:
        if j not in todo:
            print(f"cached   {j.scene.id} [{j.lang}] {j.output}")
    for r in sorted(results, key=lambda r: jobs.index(r.job)):
        if r.status == "failed":
            print(f"FAILED   {r.job.scene.id} [{r.job.lang}] {r.error} (log: {r.log})")
        else:
            print(f"rendered {r.job.scene.id} [{r.job.lang}] {r.job.output} "
                  f"({r.duration:.1f} s video in {r.seconds:.1f} s)")
    return 1 if failed else 0
