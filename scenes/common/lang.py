"""Language of on-screen text and narration: English or Chinese, one setting for every run.

The setting is the environment variable ``LECTURE_LANG`` (``en`` or ``zh``; default ``en``).
``render.py --lang`` sets it for its workers, and a plain ``manim`` run honours it too:
``LECTURE_LANG=zh manim -ql scenes/descent/gd_1d.py GradientDescent1D``.
"""

from __future__ import annotations

import os

__all__ = ["LANGS", "current_lang", "tr"]

LANGS = ("en", "zh")
ENV_VAR = "LECTURE_LANG"


def current_lang() -> str:
    """The active language code, read from ``LECTURE_LANG`` at call time."""
    lang = os.environ.get(ENV_VAR, "en").strip().lower() or "en"
    if lang not in LANGS:
        raise ValueError(f"{ENV_VAR}={lang!r} is not a supported language; use one of {LANGS}.")
    return lang


def tr(en: str, zh: str) -> str:
    """Pick the English or the Chinese version of a text for the active language."""
    return zh if current_lang() == "zh" else en
