"""Language of on-screen text and narration: English or Chinese, one setting for every run.

The language is part of the render's :class:`~scenes.options.SceneOptions`: the renderer and
the tests pass it explicitly; a plain ``manim`` run reads ``LECTURE_LANG`` instead:
``LECTURE_LANG=zh manim -ql scenes/descent/gd_1d.py GradientDescent1D``.
"""

from __future__ import annotations

from scenes.options import LANGS, active_options

__all__ = ["LANGS", "current_lang", "tr"]


def current_lang() -> str:
    """The active language code of the render in progress."""
    return active_options().lang


def tr(en: str, zh: str) -> str:
    """Pick the English or the Chinese version of a text for the active language."""
    return zh if current_lang() == "zh" else en
