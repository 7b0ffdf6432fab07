"""Command line of ``render.py``: render lecture scenes to course-ready video.

discover (read the sources) -> plan (jobs with cache keys) -> render (worker processes)
-> package (per topic: lecture, manifest, gallery).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from renderer.discover import discover
from renderer.plan import QUALITIES, PlanError, make_plan, resolve_quality, select

__all__ = ["main"]

LANGS = ("en", "zh")
DEFAULT_OUT = Path("out")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="render.py",
        description="Render lecture scenes to course-ready video. TARGET is a topic, "
                    "TOPIC/SCENE or 'all'. 'render.py new TOPIC/SCENE' starts a new scene.",
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
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="send scene jobs to this Dask scheduler (tcp://host:8786), or 'local' "
                        "for a LocalCluster of --jobs workers (default: local processes)")
    g = p.add_argument_group("authoring")
    g.add_argument("--preview", action="store_true",
                   help="render one scene's last frame at low quality as PNG")
    g.add_argument("--video", action="store_true", help="with --preview: a low-quality MP4")
    g.add_argument("--section", type=int, metavar="N",
                   help="with --preview: stop after section N (1 = the title card)")
    g.add_argument("--watch", action="store_true",
                   help="with --preview: re-render whenever the scene or mathcore changes")
    return p


def _fail(msg: str) -> int:
    print(f"render.py: error: {msg}", file=sys.stderr)
    return 2


def _list(topics) -> None:
    for t in topics:
        print(f"{t.name}  —  {t.title[0]} / {t.title[1]}")
        for s in t.scenes:
            print(f"  {s.id:<40} {s.title[0]} / {s.title[1]}")


def preflight() -> str | None:
    """The first missing tool, as a message naming the Debian package; None when all are here."""
    needs = {"ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "latex": "texlive-latex-base",
             "dvisvgm": "dvisvgm"}
    for tool, package in needs.items():
        if shutil.which(tool) is None:
            return (f"'{tool}' not found on PATH; install the Debian package {package} "
                    "(or run scripts/setup.sh)")
    fc = shutil.which("fc-list")
    if fc is None or subprocess.run([fc, "-q", "Noto Sans CJK SC"]).returncode != 0:
        return "CJK font 'Noto Sans CJK SC' not found; install the Debian package fonts-noto-cjk"
    return None


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise PlanError(f"output path {out} exists and is not a folder")
    probe = out
    while not probe.exists():
        probe = probe.parent
    try:  # really try, as permission bits do not tell the whole story (root, read-only mounts)
        fd, name = tempfile.mkstemp(prefix=".render-probe-", dir=probe)
        os.close(fd)
        os.unlink(name)
    except OSError:
        raise PlanError(f"output folder {out} is not writable") from None


def _new(argv: list[str]) -> int:
    from renderer.scaffold import new_scene

    if len(argv) != 1:
        return _fail("usage: render.py new TOPIC/SCENE")
    try:
        created = new_scene(argv[0])
    except ValueError as e:
        return _fail(str(e))
    for f in created:
        print(f"created {f}")
    print("next: write the scene, then 'python -m pytest tests/scenes --set-control' once")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["new"]:
        return _new(argv[1:])
    args = _parser().parse_args(argv)
    topics = discover()
    if args.list:
        _list(topics)
        return 0
    if not args.targets:
        return _fail("name a topic, TOPIC/SCENE or 'all' (see: render.py --list)")
    try:
        quality = resolve_quality("low" if args.preview and args.quality == "high"
                                  else args.quality)
        langs = list(dict.fromkeys(x.strip() for x in args.lang.split(",") if x.strip()))
        bad = [x for x in langs if x not in LANGS]
        if bad or not langs:
            raise PlanError(f"unknown language {','.join(bad) or args.lang!r}; use en, zh or en,zh")
        if args.jobs < 1:
            raise PlanError(f"--jobs must be at least 1, got {args.jobs}")
        if args.scheduler is not None:
            from renderer.cluster import check_address

            try:
                check_address(args.scheduler)
            except ValueError as exc:
                raise PlanError(str(exc)) from None
        if (args.video or args.watch or args.section is not None) and not args.preview:
            raise PlanError("--video, --watch and --section go with --preview")
        if args.section is not None and args.section < 1:
            raise PlanError(f"--section must be at least 1, got {args.section}")
        _check_out(args.out)
        scenes = select(topics, args.targets)
        if args.preview and len(scenes) != 1:
            raise PlanError("--preview takes exactly one scene (TOPIC/SCENE)")
    except PlanError as e:
        return _fail(str(e))
    out = args.out.resolve()
    try:
        if args.preview:
            return _preview(scenes[0], langs[0], out, args)
        return _batch(topics, scenes, quality, langs, out, args)
    except KeyboardInterrupt:
        print("render.py: interrupted", file=sys.stderr)
        return 130


def _preview(scene, lang: str, out: Path, args) -> int:
    problem = preflight()
    if problem:
        return _fail(problem)
    from renderer.preview import preview, watch

    if args.watch:
        watch(scene, lang, out, args.video, args.section, say=print)
        return 0
    start = time.monotonic()
    path = preview(scene, lang, out, args.video, args.section)
    print(path)
    print(f"({time.monotonic() - start:.1f} s)", file=sys.stderr)
    return 0


def _batch(topics, scenes, quality: str, langs: list[str], out: Path, args) -> int:
    start = time.monotonic()
    jobs = make_plan(scenes, quality, langs, out)
    todo = [j for j in jobs if args.force or not j.is_cached()]
    if args.dry_run:
        for j in jobs:
            state = "render" if j in todo else "cached"
            print(f"{state:<7} {j.scene.id:<40} {j.lang} {j.quality:<7} {j.output}")
        return 0
    if todo:
        problem = preflight()
        if problem:
            return _fail(problem)
    from renderer.lock import output_lock

    def waiting() -> None:
        print(f"render.py: another render.py is writing to {out}; waiting for it",
              file=sys.stderr)

    with output_lock(out, waiting):
        # what the other batch finished meanwhile is cached now
        todo = [j for j in jobs if args.force or not j.is_cached()]
        return _locked_batch(topics, scenes, quality, langs, out, jobs, todo, start, args.jobs,
                             args.scheduler)


def _locked_batch(topics, scenes, quality: str, langs: list[str], out: Path, jobs, todo,
                  start: float, workers: int, scheduler: str | None = None) -> int:
    from rich.console import Console
    from rich.markup import escape

    from renderer.batch import run_batch, summary_table, write_report
    from renderer.topic import package_topic

    console = Console(stderr=True)
    if scheduler and todo:
        from renderer.cluster import run_batch_dask

        try:
            results = run_batch_dask(todo, scheduler, min(workers, len(todo)), console)
        except ConnectionError as exc:
            return _fail(str(exc))
    else:
        results = run_batch(todo, min(workers, len(todo)), console) if todo else []
    galleries = []
    touched = dict.fromkeys(s.topic for s in scenes)
    for topic in (t for t in topics if t.name in touched):
        all_jobs = make_plan(list(topic.scenes), quality, langs, out)
        gallery = package_topic(out, topic, quality, all_jobs)
        if gallery:
            galleries.append(gallery)
    wall = time.monotonic() - start
    console.print(summary_table(jobs, results))
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        console.print(f"[red]failed[/] {escape(f'{r.job.scene.id} [{r.job.lang}]: {r.error}')} "
                      f"(log: {escape(r.log)})")
    write_report(out / "render-report.json", jobs, results, wall, galleries)
    for g in galleries:
        print(g)
    console.print(f"{len(jobs)} scene renders: {len(results) - len(failed)} rendered, "
                  f"{len(jobs) - len(results)} cached, {len(failed)} failed in {wall:.1f} s")
    return 1 if failed else 0
