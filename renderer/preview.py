"""Fast previews while authoring: one scene's last frame (or a section's) as PNG, or a
low-quality MP4; ``--watch`` renders again whenever a file the scene read is saved."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from renderer import trace
from renderer.discover import SceneInfo
from scenes.options import SceneOptions

__all__ = ["preview", "watch"]


def preview(scene: SceneInfo, lang: str, out: Path, video: bool = False,
            section: int | None = None) -> tuple[Path, dict[str, str]]:
    """Render a preview in a fresh process-local manim config; return the PNG or MP4 path and
    the files the render read (:mod:`renderer.trace`).

    The PNG is the last frame with animations skipped (like ``manim -s -ql``), or the frame at
    the end of section ``section`` (1 = the title card).
    """
    from renderer.worker import render_scene

    folder = out / "preview" / scene.topic
    folder.mkdir(parents=True, exist_ok=True)
    media = folder / ".media"
    options = SceneOptions(lang, section)
    suffix = f".s{section}" if section is not None else ""
    with trace.tracing(exclude=[out], extra_roots=[scene.path.parents[1]]) as deps:
        if video:
            s = render_scene(scene.path, scene.name, options, "low", media)
            src = Path(s.renderer.file_writer.movie_file_path)
            dst = folder / f"{scene.name}.{lang}{suffix}.mp4"
        else:
            s = render_scene(scene.path, scene.name, options, "low", media,
                             {"write_to_movie": False, "save_last_frame": True,
                              "skip_animations": True, "format": "png"})
            src = Path(s.renderer.file_writer.image_file_path)
            dst = folder / f"{scene.name}.{lang}{suffix}.png"
    tmp = dst.with_name(f".{dst.name}.tmp{dst.suffix}")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)
    return dst, deps


def _stamp(files: list[Path]) -> tuple:
    return tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files)


def watch(scene: SceneInfo, lang: str, out: Path, video: bool, section: int | None,
          say, interval: float = 0.5, max_rounds: int | None = None) -> None:
    """Preview now, then again after every save of a file the last preview read (its traced
    dependencies), until interrupted. Each preview runs in a fresh process so edited modules
    are re-imported."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    rounds = 0
    last = None
    watched = [scene.path]
    while max_rounds is None or rounds < max_rounds:
        stamp = _stamp(watched)
        if stamp != last:
            rounds += 1
            start = time.monotonic()
            with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
                try:
                    path, deps = pool.submit(preview, scene, lang, out, video, section).result()
                    watched = trace.dependency_paths(deps) or [scene.path]
                    say(f"preview: {path} ({time.monotonic() - start:.1f} s)")
                except Exception as exc:  # keep watching after a broken edit
                    say(f"preview failed: {type(exc).__name__}: {exc}")
            last = _stamp(watched)
            say(f"watching {len(watched)} files for changes (Ctrl-C to stop)")
        time.sleep(interval)
