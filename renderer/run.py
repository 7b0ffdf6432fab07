"""Render one job in a worker process: private manim config and folders, atomic output."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from renderer.plan import QUALITIES, Job
from renderer.probe import probe_video

__all__ = ["Result", "render_job"]


@dataclass(frozen=True)
class Result:
    job: Job
    status: str  # "rendered", "cached" or "failed"
    seconds: float = 0.0
    duration: float = 0.0
    error: str = ""
    log: str = ""


def _load_scene_class(job: Job):
    mod_name = f"lecture_scene_{job.scene.topic}_{job.scene.module}"
    spec = importlib.util.spec_from_file_location(mod_name, job.scene.path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = module
    spec.loader.exec_module(module)
    return getattr(module, job.scene.name)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[-1] if text else ''}".strip()


def render_job(job: Job) -> Result:
    """Render ``job`` with manim into a private folder, verify it, then move it into place.

    The final MP4 (and its .srt captions) appear only complete: written to a temporary name in
    the output folder, checked with ffprobe, then renamed; the cache key is written last.
    """
    start = time.monotonic()
    os.environ["LECTURE_LANG"] = job.lang
    job.output.parent.mkdir(parents=True, exist_ok=True)
    log_path = job.output.with_suffix(".log")
    work = Path(tempfile.mkdtemp(prefix=f".work-{job.scene.name}-", dir=job.output.parent))
    try:
        from manim import tempconfig

        with tempconfig({
            "quality": QUALITIES[job.quality][0],
            "media_dir": str(work / "media"),
            "output_file": job.scene.name,
            "write_to_movie": True,
            "format": "mp4",
            "progress_bar": "none",
            "verbosity": "WARNING",
            "disable_caching": False,
        }):
            scene_cls = _load_scene_class(job)
            scene = scene_cls()
            scene.render()
            movie = Path(scene.renderer.file_writer.movie_file_path)
        info = probe_video(movie)
        tmp = job.output.with_name(f".{job.output.name}.tmp.mp4")
        shutil.move(str(movie), tmp)
        probe_video(tmp)
        srt = movie.with_suffix(".srt")
        if srt.is_file():
            tmp_srt = job.output.with_name(f".{job.output.stem}.tmp.srt")
            shutil.move(str(srt), tmp_srt)
            os.replace(tmp_srt, job.output.with_suffix(".srt"))
        os.replace(tmp, job.output)
        job.key_path.write_text(job.key + "\n")
        log_path.unlink(missing_ok=True)
        return Result(job, "rendered", time.monotonic() - start, info.duration)
    except Exception as exc:  # a failing scene must not stop the batch
        log_path.write_text(traceback.format_exc())
        return Result(job, "failed", time.monotonic() - start, error=_one_line(exc),
                      log=str(log_path))
    finally:
        shutil.rmtree(work, ignore_errors=True)
