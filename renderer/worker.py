"""Render one job with manim, in a worker process: a private manim config and work folder,
the scene's options passed explicitly, every file it reads traced. Rendering only: the
package step turns the raw render into the files a course uses."""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from renderer import trace
from renderer.plan import QUALITIES, Job
from renderer.probe import probe_video
from scenes.options import SceneOptions, use_options

__all__ = [
    "ENCODER_SETTINGS",
    "Outcome",
    "RawRender",
    "load_scene_class",
    "render_job",
    "render_scene",
    "start_worker",
    "work_prefix",
]

ENCODER_SETTINGS = {
    "max_inflight_encoders": 1,
    "video_encoder_options": {"crf": "23", "preset": "veryfast", "threads": "1"},
}
"""Manim encoder settings for batch renders: x264's "veryfast" preset at manim's own CRF 23
(same picture quality; for lecture animations, mostly flat colour, a little faster and no bigger).
x264 runs on one thread: with its default frame threads the same frames encoded differently
from run to run when the machine was busy (one chroma block in a flat background, about one run
in three with two renders at once; caught by the determinism test). A batch already runs one
worker per core, so the thread costs little there (one scene alone renders about 18% slower).
``max_inflight_encoders`` stays 1, one segment encoding while the next is drawn."""


@dataclass(frozen=True)
class RawRender:
    """A scene as manim rendered it, before packaging: paths inside the job's work folder."""

    movie: Path  # manim's MP4
    srt: Path | None  # manim's subcaptions
    sections: list[tuple[str, float]]  # (name, start in seconds)
    recorded: dict  # numbers the scene recorded
    deps: dict[str, str]  # traced files (relative to the project) -> sha256
    narration: list = field(default_factory=list)  # each line: text, start, voice, source
    audio: Path | None = None  # the narration track (AAC), as long as the movie
    duration: float = 0.0  # of the movie, as ffprobe reads it


@dataclass(frozen=True)
class Outcome:
    """What a job's render gives the package step: the raw render in ``work`` or an error."""

    job: Job
    work: Path | None
    raw: RawRender | None
    seconds: float
    error: str = ""
    log: str = ""  # the traceback of a failure
    extra: dict = field(default_factory=dict)


def load_scene_class(path: Path, name: str):
    """Import the scene file ``path`` as a module of its own and return its class ``name``."""
    mod_name = f"lecture_scene_{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(mod_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = module
    spec.loader.exec_module(module)
    return getattr(module, name)


def render_scene(path: Path, name: str, options: SceneOptions, quality: str, media: Path,
                 extra: dict | None = None):
    """Render scene ``name`` from ``path`` with manim into ``media``; return the scene.

    ``options`` reach the scene explicitly (no environment variable is set). The scene's
    module is dropped from ``sys.modules`` afterwards, so a reused worker traces each scene's
    own file only for that scene.

    manim's own cache of animations is off unless ``extra`` turns it on: a batch job renders
    into a fresh work folder, where it can never hit, and the hash manim computes of every
    play call (a JSON dump of every mobject on screen) was a fifth of a scene's render time,
    more where a voice adds holds (each hold is a play call)."""
    from manim import tempconfig

    settings = {"quality": QUALITIES[quality][0], "media_dir": str(media),
                "output_file": name, "write_to_movie": True, "format": "mp4",
                "progress_bar": "none", "verbosity": "WARNING", "disable_caching": True,
                **ENCODER_SETTINGS, **(extra or {})}
    # manim 0.22 skips animations for a still (save_last_frame) on its own; anything else
    # (a storyboard of section stills) asks the scene itself
    skip = bool(settings.pop("skip_animations", False))
    mod_name = f"lecture_scene_{path.parent.name}_{path.stem}"
    try:
        with use_options(options), tempconfig(settings):
            scene = load_scene_class(path, name)(skip_animations=skip)
            scene.render()
    finally:
        sys.modules.pop(mod_name, None)
    return scene


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


def one_line(exc: BaseException) -> str:
    """A readable one-line reason: for LaTeX errors the TeX error and line, not a traceback."""
    message = str(exc).strip()
    latex = _latex_reason(message)
    if latex:
        return latex
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[-1] if lines else ''}".strip()


def work_prefix(owner: int) -> str:
    """Work folders are named after the batch process that owns them, so a batch can clean up
    its own (and those of batches that died) without touching a running neighbour's."""
    return f".work-{owner}-"


# The worker process --------------------------------------------------------------------------
_events = None  # a queue for ("start", label, pid), given by the executor
_startup_deps: dict[str, str] = {}  # files read while the worker imported its libraries


_rendering = False  # a job is in progress in this worker (its work folder exists)
_stopping = False  # SIGTERM arrived: leave as soon as the work folder is gone


def _stop_on_sigterm(signum, frame) -> None:
    """The batch stops this worker (or died): remove the job's work folder and leave at once,
    without the slow teardown of manim and torch."""
    global _stopping
    _stopping = True
    if not _rendering:
        os._exit(143)
    raise KeyboardInterrupt  # render_job removes its work folder, then exits


def _unraisable(hook_args) -> None:
    """The stop arrived inside a callback that cannot raise (a weakref callback run by the
    garbage collector): Python would print it and carry on rendering. Stop again instead, from
    ordinary code, and print nothing."""
    if _stopping and isinstance(hook_args.exc_value, KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGTERM)
        return
    sys.__unraisablehook__(hook_args)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel sends SIGTERM when the parent dies (PR_SET_PDEATHSIG); elsewhere, and
    for a parent that died before this line, a thread checks every half second."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def start_worker(parent: int | None = None, events=None) -> None:
    """Initialise a pool worker process: stop with the batch (SIGTERM like Ctrl-C, and when
    the parent dies), import the heavy libraries once."""
    global _events
    _events = events
    os.setpgrp()  # the executor stops a worker with its LaTeX children as one group
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch decides; it sends SIGTERM
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    sys.unraisablehook = _unraisable
    if parent is not None:
        _die_with_parent(parent)
    import voice.engine

    voice.engine.ENGINE_THREADS = 1  # one worker per core already
    _preload()


def _preload() -> None:
    """Import manim and torch once per process, traced: what they read at import time
    (``manim.cfg``) decides every later render of this process too."""
    if _startup_deps:
        return
    with trace.tracing() as deps:
        import manim  # noqa: F401
        import torch  # noqa: F401
    _startup_deps.update(deps)
    from renderer import holds

    holds.install()  # held frames (waits, voice holds) converted to YUV once, same bytes
    # manim reads it when first imported, which may have been before any trace
    _startup_deps.update(trace.digest_files(["manim.cfg"]))


def _narration_track(narration: list[dict], duration: float, out: Path) -> Path | None:
    """The scene's voiced lines placed at their times, loudness-normalised, ``duration``
    seconds long (:func:`voice.track.write_track`); None for a silent scene."""
    voiced = [line for line in narration if line.get("clip")]
    if not voiced:
        return None
    from voice.clips import Clip
    from voice.track import write_track

    placements = [(line["start"], Clip(Path(line["clip"]), line["duration"], 0, line["text"],
                                       line["voice"])) for line in voiced]
    write_track(placements, duration, out)
    return out


def render_job(job: Job, owner: int | None = None) -> Outcome:
    """Render ``job`` into a fresh work folder in its output folder; never raises for a failing
    scene (the error comes back in the outcome). An interrupt removes the work folder."""
    global _rendering
    start = time.monotonic()
    _preload()
    if _events is not None:
        _events.put(("start", f"{job.scene.id} [{job.lang}]", os.getpid()))
    job.folder.mkdir(parents=True, exist_ok=True)
    prefix = work_prefix(owner or os.getpid()) + f"{job.scene.name}-"
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=job.folder))
    _rendering = True
    try:
        with trace.tracing(exclude=[job.folder.parents[2]],
                           extra_roots=[job.scene.path.parents[1]]) as deps:
            scene = render_scene(job.scene.path, job.scene.name,
                                 SceneOptions(job.lang, voice=job.voice), job.quality,
                                 work / "media")
        movie = Path(scene.renderer.file_writer.movie_file_path)
        srt = movie.with_suffix(".srt")
        lines = [{k: v for k, v in line.items() if k != "clip"} for line in scene.narration]
        duration = probe_video(movie).duration
        audio = _narration_track(scene.narration, duration, work / "narration.m4a")
        raw = RawRender(movie, srt if srt.is_file() else None, list(scene.section_log),
                        scene.recorded, {**_startup_deps, **deps}, lines, audio, duration)
        return Outcome(job, work, raw, time.monotonic() - start)
    except Exception as exc:  # a failing scene must not stop the batch
        reason = one_line(exc)  # reads the TeX log in the work folder, so before removing it
        shutil.rmtree(work, ignore_errors=True)
        return Outcome(job, None, None, time.monotonic() - start, reason,
                       traceback.format_exc())
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if _stopping:
            os._exit(143)
        raise
    finally:
        _rendering = False
