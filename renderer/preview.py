"""Previews while authoring: one scene's last frame (or a section's) as PNG, a storyboard of
every section, or a low-quality MP4; ``--watch`` keeps a warm server that renders again within
about a second of every save of a file the scene read.

The watch server imports the heavy libraries (manim, numpy, torch, cairo, pango) once and
renders the first preview itself, which also fills manim's in-memory caches (TeX and text
glyphs). On each save it forks a child that drops every project module (``mathcore``,
``scenes``, ``renderer``) and imports them fresh, so every edit is seen, renders, writes the
picture atomically and exits; a crash or an endless loop in the child (killed after its time
limit) never takes the watcher down. ``OUT/preview/index.html`` shows the latest picture and
reloads it when a new one lands, with the last error in red.
"""

from __future__ import annotations

import gc
import json
import os
import select
import shutil
import signal
import sys
import time
import traceback
from contextlib import nullcontext
from pathlib import Path

from renderer import trace
from renderer.discover import SceneInfo
from scenes.options import PROJECT_ROOT, SceneOptions

__all__ = ["LivePage", "PreviewError", "error_line", "preview", "watch"]


class PreviewError(Exception):
    """A preview that cannot be made, with a one-line reason."""


def _target(folder: Path, scene: SceneInfo, lang: str, section: int | None, kind: str) -> Path:
    suffix = f".s{section}" if section is not None else ""
    ext = {"video": "mp4", "sheet": "sheet.png"}.get(kind, "png")
    return folder / f"{scene.name}.{lang}{suffix}.{ext}"


def preview(scene: SceneInfo, lang: str, out: Path, video: bool = False,
            section: int | None = None, sheet: bool = False) -> tuple[Path, dict[str, str]]:
    """Render a preview in a fresh process-local manim config; return the path written and the
    files the render read (:mod:`renderer.trace`).

    The PNG is the last frame with animations skipped (like ``manim -s -ql``, the same
    picture, made faster by :mod:`renderer.quickstill`), or the frame at
    the end of section ``section`` (1 = the title card); ``sheet`` gives one PNG with the still
    of every section (animations skipped); ``video`` a low-quality MP4.
    """
    from renderer import media
    from renderer.quickstill import quick_stills
    from renderer.worker import render_scene

    folder = out / "preview" / scene.topic
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PreviewError(f"cannot write to {folder}: {exc.strerror}") from None
    media_dir = folder / ".media"
    kind = "video" if video else "sheet" if sheet else "png"
    options = SceneOptions(lang, section, section_stills=sheet)
    still = {"write_to_movie": False, "save_last_frame": not sheet, "skip_animations": True,
             "format": "png"}
    quick = nullcontext() if video else quick_stills()
    with trace.tracing(exclude=[out], extra_roots=[scene.path.parents[1]]) as deps, quick:
        # a preview video keeps manim's animation cache: its media folder stays between runs
        s = render_scene(scene.path, scene.name, options, "low", media_dir,
                         {"disable_caching": False} if video else still)
    if section is not None and len(s.section_log) < section:
        raise PreviewError(f"{scene.id} has {len(s.section_log)} sections; --section {section} "
                           f"does not exist")
    dst = _target(folder, scene, lang, section, kind)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp.png")
    if sheet:
        from PIL import Image

        stills = []
        for i, (_, frame) in enumerate(s.section_stills):
            png = folder / f".{scene.name}.{os.getpid()}.still{i}.png"
            Image.fromarray(frame).save(png)
            stills.append(png)
        try:
            media.contact_sheet(stills, [f"{i + 1}. {name}" for i, (name, _) in
                                         enumerate(s.section_stills)], tmp, columns=3)
        finally:
            for png in stills:
                png.unlink(missing_ok=True)
    else:
        src = Path(s.renderer.file_writer.movie_file_path if video
                   else s.renderer.file_writer.image_file_path)
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)
    return dst, deps


# The watch server -------------------------------------------------------------------------------
def _purge_project_modules(roots: tuple[Path, ...]) -> None:
    """Forget every module loaded from the project or the scenes folder (``mathcore``,
    ``scenes``, ``renderer``, a topic's helpers), so the next import reads the files as they
    are now. Third-party modules (under ``.venv``) stay imported."""
    inside = tuple(os.path.join(str(r), "") for r in roots)
    for name, module in list(sys.modules.items()):
        f = getattr(module, "__file__", None)
        if not isinstance(f, str) or not os.path.normpath(f).startswith(inside):
            continue
        parts = Path(f).parts
        if ".venv" not in parts and "site-packages" not in parts:
            del sys.modules[name]


def error_line(exc: BaseException, scene_path: Path) -> str:
    """One line for a failed preview: where (the scene file's line, else the deepest project
    file's) and what."""
    if isinstance(exc, PreviewError):
        return str(exc)
    where = ""
    if isinstance(exc, SyntaxError) and exc.filename:
        where = f"{_short(Path(exc.filename))}:{exc.lineno}: "
    else:
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if Path(f.filename).resolve() == scene_path.resolve()] or \
            [f for f in frames if _in_project(Path(f.filename))]
        if ours:
            where = f"{_short(Path(ours[-1].filename))}:{ours[-1].lineno}: "
    text = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    message = " ".join(str(text).split()) or type(exc).__name__
    if isinstance(exc, AttributeError) and "lecture_scene_" in message:
        message = f"no scene class of that name in the file ({message})"
    return f"{where}{type(exc).__name__}: {message}"[:400]


def _in_project(path: Path) -> bool:
    try:
        rel = path.resolve().relative_to(PROJECT_ROOT)
    except ValueError:
        return False
    return rel.parts[0] not in (".venv", "renderer")


def _short(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _child(scene: SceneInfo, lang: str, out: Path, video: bool, section: int | None,
           sheet: bool, fd: int) -> None:
    """In the forked child: fresh project modules, one preview, the outcome on ``fd``."""
    try:
        os.setpgid(0, 0)  # the watcher stops us with our LaTeX children as one group
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _purge_project_modules((PROJECT_ROOT, scene.path.parents[1].resolve()))
        from renderer.preview import preview as fresh_preview

        path, deps = fresh_preview(scene, lang, out, video, section, sheet)
        message = {"path": str(path), "deps": deps}
    except BaseException as exc:  # noqa: BLE001 - everything goes back as one line
        message = {"error": error_line(exc, scene.path)}
    data = json.dumps(message).encode()
    while data:
        data = data[os.write(fd, data):]
    os.close(fd)
    os._exit(0)


def _run_child(args: tuple, time_limit: float) -> dict:
    """Fork a child that renders one preview; its outcome, or an error after ``time_limit``."""
    r, w = os.pipe()
    gc.freeze()  # the child's collector then leaves the parent's objects (and their pages) alone
    pid = os.fork()
    if pid == 0:
        os.close(r)
        gc.disable()  # a child lives for one preview: collecting would cost more than it frees
        _child(*args, w)
    os.close(w)
    chunks, deadline = [], time.monotonic() + time_limit
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([r], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(r, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        os.waitpid(pid, 0)
    except TimeoutError:
        _kill_group(pid)
        return {"error": f"the preview took longer than {time_limit:g} s and was stopped "
                         f"(an endless loop?)"}
    except BaseException:
        _kill_group(pid)
        raise
    finally:
        os.close(r)
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        return {"error": "the preview process died without a word (killed?)"}


def _kill_group(pid: int) -> None:
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
            break
        except (ProcessLookupError, PermissionError):
            continue
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _stamp(files: list[Path]) -> tuple:
    return tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files)


def watch(scene: SceneInfo, lang: str, out: Path, video: bool, section: int | None,
          say, interval: float = 0.1, max_rounds: int | None = None, sheet: bool = False,
          time_limit: float = 120.0) -> None:
    """Preview now, then again after every save of a file the last preview read (its traced
    dependencies), until interrupted (or ``max_rounds`` previews). One line per refresh: what
    changed, the path written, the time it took."""
    import cairo  # noqa: F401  (the heavy third-party modules, imported once)
    import manim  # noqa: F401
    import manimpango  # noqa: F401
    import numpy  # noqa: F401
    import torch

    torch.set_num_threads(1)  # no thread pool to inherit across fork
    page = LivePage(out / "preview")
    try:
        _watch_loop(page, (scene, lang, out, video, section, sheet), say, interval, max_rounds,
                    time_limit)
    finally:  # a child killed mid-write leaves its temporary files: remove them
        for debris in (out / "preview" / scene.topic).glob(f".{scene.name}.*"):
            debris.unlink(missing_ok=True)


def _watch_loop(page: LivePage, args: tuple, say, interval: float, max_rounds: int | None,
                time_limit: float) -> None:
    scene, lang, out, video, section, sheet = args
    watched, stamps, rounds, changed = [scene.path], None, 0, "start"
    while max_rounds is None or rounds < max_rounds:
        if stamps is not None:
            now = _stamp(watched)
            if now == stamps:
                time.sleep(interval)
                continue
            changed = ", ".join(_short(f) for f, a, b in zip(watched, stamps, now, strict=True)
                                if a != b)
        rounds += 1
        start = time.monotonic()
        if rounds == 1:  # in this process: warms manim's caches for every later child
            try:
                path, deps = preview(scene, lang, out, video, section, sheet)
                outcome = {"path": str(path), "deps": deps}
            except Exception as exc:  # noqa: BLE001
                outcome = {"error": error_line(exc, scene.path)}
        else:
            outcome = _run_child(args, time_limit)
        took = time.monotonic() - start
        if "deps" in outcome:
            watched = trace.dependency_paths(outcome["deps"]) or [scene.path]
        stamps = _stamp(watched)
        if "error" in outcome:
            say(f"{changed}: preview failed in {took:.1f} s: {outcome['error']}")
        else:
            say(f"{changed}: {outcome['path']} in {took:.2f} s")
        page.update(outcome, changed, took)


class LivePage:
    """``OUT/preview/index.html``: the latest preview, reloaded when a new one lands; works
    opened from disk (it polls a small ``status.js`` beside it, which a file:// page may load).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.version = 0
        folder.mkdir(parents=True, exist_ok=True)
        self._write("index.html", PAGE)
        self.update({"error": ""}, "waiting for the first preview", 0.0)

    def _write(self, name: str, text: str) -> None:
        from renderer.files import write_text_atomic

        write_text_atomic(self.folder / name, text)

    def update(self, outcome: dict, changed: str, took: float) -> None:
        self.version += 1
        src = ""
        if outcome.get("path"):
            src = Path(outcome["path"]).relative_to(self.folder).as_posix()
        status = {"version": self.version, "src": src, "error": outcome.get("error", ""),
                  "changed": changed, "seconds": round(took, 2),
                  "time": time.strftime("%H:%M:%S")}
        self._write("status.js", f"window.previewStatus({json.dumps(status)});\n")


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>preview</title><style>
body{background:#16181d;color:#eee;font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;
margin:16px}#error{color:#ff6b6b;white-space:pre-wrap;font-family:monospace}
#meta{color:#aaa;font-size:14px}img,video{max-width:100%;border-radius:6px}</style></head>
<body><div id="meta">waiting for the first preview…</div><div id="error"></div>
<div id="view"></div>
<script>
let shown = 0, src = "";
window.previewStatus = function (s) {
  if (s.version === shown) return;
  shown = s.version;
  document.getElementById("meta").textContent =
    s.time + " · " + s.changed + " · " + s.seconds + " s";
  document.getElementById("error").textContent = s.error || "";
  if (s.src && !s.error) {
    const view = document.getElementById("view");
    const url = s.src + "?v=" + s.version;
    view.innerHTML = s.src.endsWith(".mp4")
      ? '<video id="picture" controls autoplay muted loop src="' + url + '"></video>'
      : '<img id="picture" alt="preview" src="' + url + '">';
  }
};
function poll() {
  const el = document.createElement("script");
  el.src = "status.js?t=" + Date.now();
  el.onload = el.onerror = () => el.remove();
  document.body.appendChild(el);
}
poll(); setInterval(poll, 500);
</script></body></html>
"""
