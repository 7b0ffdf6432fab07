"""What a scene render is told from outside: the project root, the languages, and the options of
one render (language, stop after a section). No manim import: the renderer reads this too.

The renderer passes a :class:`SceneOptions` explicitly (``with use_options(opts): ...``); a
plain ``manim`` run has none, so :func:`active_options` falls back to the environment
(``LECTURE_LANG=zh manim -ql scenes/descent/gd_1d.py GradientDescent1D``).
"""

from __future__ import annotations

import ast
import contextlib
import contextvars
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LANGS",
    "LANG_ENV",
    "PROJECT_ROOT",
    "STOP_ENV",
    "VOICES",
    "VOICE_ENV",
    "SceneOptions",
    "active_options",
    "literal_value",
    "topic_info",
    "use_options",
]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
"""The project's root folder (computed here once; everything else imports it)."""

LANGS = ("en", "zh")
LANG_ENV = "LECTURE_LANG"
STOP_ENV = "LECTURE_STOP_AFTER_SECTION"
VOICE_ENV = "LECTURE_VOICE"
VOICES = ("auto", "tts", "none")


@dataclass(frozen=True)
class SceneOptions:
    """Options of one scene render.

    Attributes:
        lang: language of on-screen text and narration, ``en`` or ``zh``.
        stop_after_section: end the scene after its N-th section (1 = the title card), for
            previews of one section; None renders the whole scene.
        section_stills: keep the frame at the end of every section (the title card while it
            shows) in ``scene.section_stills``, for a storyboard preview.
        voice: ``auto`` speaks every narration line with its recording where there is one and
            synthesis elsewhere, ``tts`` always synthesises, ``none`` is silent (the caption
            stays up for a reading time instead).
    """

    lang: str = "en"
    stop_after_section: int | None = None
    section_stills: bool = False
    voice: str = "none"

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"language {self.lang!r} is not supported; use one of {LANGS}.")
        if self.voice not in VOICES:
            raise ValueError(f"voice {self.voice!r} is not one of {VOICES}.")
        if self.stop_after_section is not None and self.stop_after_section < 1:
            raise ValueError(f"stop_after_section must be >= 1, got {self.stop_after_section}.")

    @classmethod
    def from_environment(cls) -> SceneOptions:
        """The options of a plain ``manim`` run: ``LECTURE_LANG``,
        ``LECTURE_STOP_AFTER_SECTION`` and ``LECTURE_VOICE`` (default ``none``: silent)."""
        lang = os.environ.get(LANG_ENV, "en").strip().lower() or "en"
        if lang not in LANGS:
            raise ValueError(f"{LANG_ENV}={lang!r} is not a supported language; use one of "
                             f"{LANGS}.")
        stop = os.environ.get(STOP_ENV, "").strip()
        voice = os.environ.get(VOICE_ENV, "none").strip().lower() or "none"
        return cls(lang, int(stop) if stop else None, voice=voice)


_ACTIVE: contextvars.ContextVar[SceneOptions | None] = contextvars.ContextVar(
    "lecture_scene_options", default=None)


def active_options() -> SceneOptions:
    """The options of the render in progress: those given to :func:`use_options`, else the
    environment's (plain ``manim``)."""
    return _ACTIVE.get() or SceneOptions.from_environment()


@contextlib.contextmanager
def use_options(options: SceneOptions) -> Iterator[SceneOptions]:
    """Render with ``options`` inside the block (what the renderer and tests do)."""
    token = _ACTIVE.set(options)
    try:
        yield options
    finally:
        _ACTIVE.reset(token)


def literal_value(tree: ast.Module | ast.ClassDef, name: str):
    """The literal value assigned to ``name`` at the top of ``tree``, or None."""
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else []
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return ast.literal_eval(node.value)
    return None


def topic_info(folder: Path) -> tuple[tuple[str, str], tuple[str, ...]]:
    """A topic's (English, Chinese) title and its lecture ``ORDER``, read from the
    ``__init__.py`` of its folder without importing it. The one place a topic's title is
    written: title cards, chapters and galleries all take it from here."""
    init = Path(folder) / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8")) if init.is_file() else ast.Module([], [])
    title = literal_value(tree, "TITLE") or (Path(folder).name, Path(folder).name)
    return tuple(title), tuple(literal_value(tree, "ORDER") or ())
