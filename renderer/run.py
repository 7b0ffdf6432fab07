"""Render one job in a worker process: private manim config and folders, then package the
scene (faststart MP4 with chapters, poster, stills, captions) and move it into place."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from renderer import package
from renderer.files import write_text_atomic
from renderer.plan import QUALITIES, Job
from renderer.probe import probe_video

__all__ = [
    "ENCODER_SETTINGS",
    "Result",
    "install",
    "load_scene_class",
    "render_job",
    "render_scene",
    "work_prefix",
]

ENCODER_SETTINGS = {
    "max_inflight_encoders": 1,
    "video_encoder_options": {"crf": "23", "preset": "veryfast"},
}
"""Manim encoder settings for batch renders: x264's "veryfast" preset at manim's own CRF 23
(same picture quality; for lecture animations, mostly flat colour, a little faster and no bigger).
``max_inflight_encoders`` stays 1: with 2, manim 0.22 produced different frames from run to run
when the machine was busy (a race between drawing and encoding; caught by the determinism test)."""


@dataclass(frozen=True)
class Result:
    job: Job
    status: str  # "rendered", "cached" or "failed"
    seconds: float = 0.0
    duration: float = 0.0
    error: str = ""
    log: str = ""


def load_scene_class(path: Path, name: str):
    """Import the scene file ``path`` as a module of its own and return its class ``name``."""
    mod_name = f"lecture_scene_{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(mod_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = module
    spec.loader.exec_module(module)
    return getattr(module, name)


def _latex_reason(message: str) -> str | None:
    """From manim's "latex error" message, read the TeX log it names: the error and the line."""
    found = re.search(r"(\S+\.log)\b", message)
    if "latex error" not in message.lower() or not found:
        return None
    try:
        log = Path(found.group(1)).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for i, line in enumerate(log):
        if line.startswith("!"):
            after = [x.strip() for x in log[i + 1 : i + 8] if x.strip()]
            context = next((x for x in after if not re.match(r"l\.\d+", x)), "")
            context = re.sub(r"^<[^>]*>\s*", "", context) or next(iter(after), "")
            return f"LaTeX error: {line[1:].strip()} at: {context}".strip()
    return None


def _one_line(exc: BaseException) -> str:
    """A readable one-line reason: for LaTeX errors the TeX error and line, not a traceback."""
    message = str(exc).strip()
    latex = _latex_reason(message)
    if latex:
        return latex
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[-1] if lines else ''}".strip()


def render_scene(path: Path, name: str, lang: str, quality: str, media: Path,
                 extra: dict | None = None):
    """Render scene ``name`` from ``path`` with manim into ``media``; return the scene."""
    from manim import tempconfig

    os.environ["LECTURE_LANG"] = lang
    settings = {"quality": QUALITIES[quality][0], "media_dir": str(media),
                "output_file": name, "write_to_movie": True, "format": "mp4",
                "progress_bar": "none", "verbosity": "WARNING", "disable_caching": False,
                **ENCODER_SETTINGS, **(extra or {})}
    with tempconfig(settings):
        scene = load_scene_class(path, name)()
        scene.render()
    return scene


def _chapters(section_log: list[tuple[str, float]], duration: float) -> list[package.Chapter]:
    starts = [t for _, t in section_log] + [duration]
    return [package.Chapter(name, starts[i], starts[i + 1])
            for i, (name, _) in enumerate(section_log) if starts[i + 1] > starts[i]]


def work_prefix(owner: int) -> str:
    """Work folders are named after the batch process that owns them, so a batch can clean up
    its own (and those of batches that died) without touching a running neighbour's."""
    return f".work-{owner}-"


def install(job: Job, stage: Path, files: list[str], meta: dict) -> None:
    """Move a finished scene's ``files`` from ``stage`` into ``job.folder``: the old record
    goes first, the files are renamed into place, the new record is written last."""
    job.meta_path.unlink(missing_ok=True)
    for f in files:
        (job.folder / f).parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / f, job.folder / f)
    write_text_atomic(job.meta_path, json.dumps(meta, ensure_ascii=False, indent=1))


def render_job(job: Job, events=None, owner: int | None = None) -> Result:
    """Render and package ``job``; never leaves a partial file under a final name.

    ``events`` (a queue) receives ("start", scene id, lang, pid) so the batch can show what
    each worker is doing; ``owner`` is the batch's process id (names the work folder).
    """
    start = time.monotonic()
    if events is not None:
        events.put(("start", job.scene.id, job.lang, os.getpid()))
    job.folder.mkdir(parents=True, exist_ok=True)
    log_path = job.folder / f"{job.scene.name}.log"
    prefix = work_prefix(owner or os.getpid()) + f"{job.scene.name}-"
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=job.folder))
    try:
        scene = render_scene(job.scene.path, job.scene.name, job.lang, job.quality,
                             work / "media")
        raw = Path(scene.renderer.file_writer.movie_file_path)
        raw_info = probe_video(raw)
        name = job.scene.name
        stage = work / "stage"
        stage.mkdir()
        chapters = _chapters(scene.section_log, raw_info.duration)
        title = job.scene.title[1 if job.lang == "zh" else 0]
        package.finalize_mp4(raw, stage / f"{name}.mp4", chapters, title)
        info = probe_video(stage / f"{name}.mp4")
        frame = 1.0 / (info.fps or 30)
        package.extract_frame(stage / f"{name}.mp4", info.duration - 2 * frame,
                              stage / f"{name}.png")
        stills = []
        for i, ch in enumerate(chapters):
            still = f".stills/{name}-{i:02d}.png"
            (stage / ".stills").mkdir(exist_ok=True)
            # A section's last frame sums it up; the title card fades out, so take its middle.
            t = ch.start + 0.6 * (ch.end - ch.start) if i == 0 else ch.end - 2 * frame
            package.extract_frame(stage / f"{name}.mp4", t, stage / still)
            stills.append({"file": still, "title": ch.title})
        srt = raw.with_suffix(".srt")
        cues = package.parse_srt(srt.read_text(encoding="utf-8")) if srt.is_file() else []
        (stage / f"{name}.srt").write_text(srt.read_text(encoding="utf-8") if srt.is_file()
                                           else "", encoding="utf-8")
        (stage / f"{name}.vtt").write_text(package.vtt_from_cues(cues), encoding="utf-8")
        (stage / f"{name}.txt").write_text(package.transcript(cues), encoding="utf-8")
        (stage / f"{name}.chapters.vtt").write_text(package.chapters_vtt(chapters),
                                                    encoding="utf-8")
        files = sorted(p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file())
        meta = {
            "scene": job.scene.id, "topic": job.scene.topic, "name": name,
            "title": list(job.scene.title), "lang": job.lang, "quality": job.quality,
            "key": job.key, "duration": info.duration, "width": info.width,
            "height": info.height, "fps": info.fps, "codec": info.codec,
            "pix_fmt": info.pix_fmt,
            "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in chapters],
            "stills": stills, "recorded": scene.recorded,
            "files": {f: (stage / f).stat().st_size for f in files},
        }
        install(job, stage, files, meta)
        log_path.unlink(missing_ok=True)
        return Result(job, "rendered", time.monotonic() - start, info.duration)
    except Exception as exc:  # a failing scene must not stop the batch
        log_path.write_text(traceback.format_exc(), encoding="utf-8")
        return Result(job, "failed", time.monotonic() - start, error=_one_line(exc),
                      log=str(log_path))
    finally:
        shutil.rmtree(work, ignore_errors=True)
