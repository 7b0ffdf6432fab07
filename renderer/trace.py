"""What a scene depends on: every project file its render imports or opens, traced while it
renders, with each file's sha256. The one owner of "what a scene depends on": the cache
(:func:`changed`) and ``--watch`` (:func:`dependency_paths`) both read a trace.

A render is traced by :func:`tracing`: an audit hook (``sys.addaudithook``) sees every
``open`` of a file for reading, and after the render every module in ``sys.modules`` whose file
lies in the project is added. Code that decides what a video shows from a file that may not
exist yet (a recorded voice line) declares it with ``sys.audit("lecture.depends", path)``; a
missing file is traced as missing, so creating it later counts as a change.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from scenes.options import PROJECT_ROOT

__all__ = [
    "DEPENDS_EVENT",
    "changed",
    "dependency_paths",
    "digest_files",
    "file_digest",
    "tracing",
]

DEPENDS_EVENT = "lecture.depends"
MISSING = "missing"
_SKIP_TOP = {".venv", ".git", ".cache", "media", "out", "renderer", "render.py"}
"""Top-level folders whose files never decide what a scene shows: environments, caches,
outputs, and the renderer itself (its packaging is versioned by the record format)."""
_SKIP_ANY = {"__pycache__", "site-packages"}

_lock = threading.Lock()
_recorders: list[set[str]] = []
_hook_installed = False


def _project_relpath(path, root: Path, excluded: tuple[Path, ...],
                     extra: tuple[Path, ...] = ()) -> str | None:
    """``path`` relative to ``root`` (posix), or absolute when it lies under one of the
    ``extra`` roots instead; None for files that do not count."""
    try:
        p = Path(path)
        if not p.is_absolute():
            p = Path.cwd() / p
        p = Path(*p.parts)  # normalise separators without touching the disk
        if p.is_relative_to(root):
            rel = p.relative_to(root)
        else:
            base = next(x for x in extra if p.is_relative_to(x))
            rel = p.relative_to(base)
            if any(part in _SKIP_ANY or part.startswith(".work-") for part in rel.parts) or \
                    any(p.is_relative_to(x) for x in excluded):
                return None
            return p.as_posix()
    except (TypeError, ValueError, OSError, StopIteration):
        return None
    if not rel.parts or rel.parts[0] in _SKIP_TOP or any(
            part in _SKIP_ANY or part.startswith(".work-") or part.endswith(".egg-info")
            for part in rel.parts):
        return None
    if any(p.is_relative_to(x) for x in excluded):
        return None
    return rel.as_posix()


def _hook(event: str, args: tuple) -> None:
    if not _recorders:
        return
    if event == "open":
        path, mode = args[0], args[1]
        if isinstance(path, int) or (isinstance(mode, str) and any(c in mode for c in "wax+")):
            return
    elif event != DEPENDS_EVENT:
        return
    else:
        path = args[0]
    if isinstance(path, bytes):
        path = path.decode(errors="replace")
    declared = event == DEPENDS_EVENT
    for rec in _recorders:
        rec.add(("!" if declared else "") + str(path))


@contextlib.contextmanager
def tracing(root: Path = PROJECT_ROOT, exclude: Iterable[Path] = (),
            extra_roots: Iterable[Path] = ()) -> Iterator[dict]:
    """Trace the block: on exit the yielded dict maps each project file (posix path relative to
    ``root``) that was opened for reading, declared, or imported as a module to its sha256
    (or ``"missing"``). Files under ``exclude`` (the output and work folders) are left out;
    files under ``extra_roots`` (a scenes folder outside the project) count, by absolute path.
    """
    global _hook_installed
    root = Path(root).resolve()
    excluded = tuple(Path(x).resolve() for x in exclude)
    extra = tuple(Path(x).resolve() for x in extra_roots)
    seen: set[str] = set()
    with _lock:
        if not _hook_installed:
            sys.addaudithook(_hook)  # hooks cannot be removed: one per process, shared
            _hook_installed = True
        _recorders.append(seen)
    result: dict[str, str] = {}
    try:
        yield result
    finally:
        with _lock:
            _recorders.remove(seen)
        for mod in list(sys.modules.values()):
            f = getattr(mod, "__file__", None)
            if isinstance(f, str) and os.path.isabs(f):  # skip built-ins' made-up names
                seen.add(f)
        rels = set()
        inside = tuple(os.path.join(str(r), "") for r in (root, *extra))
        skipped = tuple(os.path.join(str(root), top, "") for top in _SKIP_TOP)
        for p in seen:  # "!" marks a declared file: traced even when it does not exist
            raw = p.removeprefix("!")
            if os.path.isabs(raw):  # most modules: outside the project or in .venv
                norm = os.path.normpath(raw)
                if not norm.startswith(inside) or norm.startswith(skipped):
                    continue
            r = _project_relpath(raw, root, excluded, extra)
            if r is not None and (p.startswith("!") or (root / r).is_file()):
                rels.add(r)
        result.update(digest_files(sorted(rels), root))


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, or ``"missing"``; a folder counts by its name only."""
    try:
        if path.is_dir():
            return "folder"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # gone, or unreadable: either way not what the scene read
        return MISSING


def digest_files(relpaths: Iterable[str], root: Path = PROJECT_ROOT,
                 memo: dict[str, str] | None = None) -> dict[str, str]:
    """``{relpath: sha256}`` for files relative to ``root``; ``memo`` shares work between the
    jobs of one plan (most scenes depend on the same mathcore and scene-support files)."""
    out = {}
    for rel in relpaths:
        if memo is not None and rel in memo:
            out[rel] = memo[rel]
            continue
        out[rel] = file_digest(root / rel)
        if memo is not None:
            memo[rel] = out[rel]
    return out


def changed(deps: dict[str, str], root: Path = PROJECT_ROOT,
            memo: dict[str, str] | None = None) -> list[str]:
    """The traced files whose content differs from the trace (edited, deleted or created)."""
    now = digest_files(deps, root, memo)
    return [rel for rel, digest in deps.items() if now[rel] != digest]


def dependency_paths(deps: dict[str, str], root: Path = PROJECT_ROOT) -> list[Path]:
    """The traced files as paths (what ``--watch`` watches)."""
    return [root / rel for rel in sorted(deps)]
