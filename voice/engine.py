"""The voice-engine interface: text in one language in, mono float32 audio and clause times out."""

from __future__ import annotations

import functools
import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = [
    "CLAUSE_END",
    "EngineMissing",
    "Span",
    "Speech",
    "VoiceEngine",
    "engine_for",
    "proportional_spans",
    "split_clauses",
]

CLAUSE_END = ",;:.!?，；：。！？"
"""Punctuation that closes a clause: captions may be split after it."""

_CLAUSE_RE = re.compile(r"[,;:.!?]+(?=\s)|[，；：。！？]+(?=.)")


class EngineMissing(RuntimeError):
    """A voice engine's package is not installed. The message is one line naming the package
    to install (the command line prints it and exits with status 2)."""


@dataclass(frozen=True)
class Span:
    """A stretch of spoken text and when the voice says it, in seconds from the clip start."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Speech:
    """What an engine returns for one line.

    Attributes:
        audio: mono float32 samples in [-1, 1].
        sample_rate: samples per second.
        clauses: the text split after clause punctuation (:func:`split_clauses`), each with
            its time in the audio; consecutive spans touch and the last ends at the end.
    """

    audio: np.ndarray
    sample_rate: int
    clauses: tuple[Span, ...]

    @property
    def duration(self) -> float:
        return len(self.audio) / self.sample_rate


class VoiceEngine(ABC):
    """An offline text-to-speech engine.

    ``name``, ``voice`` and ``version`` go into the clip cache key: change ``version`` whenever
    the same text could come out differently (engine or voice package upgrade, new settings).
    """

    name: str
    voice: str
    version: str
    languages: frozenset[str]

    @abstractmethod
    def synthesize(self, text: str, lang: str) -> Speech:
        """Speak ``text`` (already in spoken form, see :func:`voice.spoken.speakable`)."""

    def check(self, text: str, lang: str) -> None:
        """Raise ValueError unless ``lang`` is one of this engine's and ``text`` has words."""
        if lang not in self.languages:
            raise ValueError(f"{self.name} speaks {sorted(self.languages)}, got {lang!r}.")
        if not text.strip():
            raise ValueError("Expected text to speak, got an empty string.")


def split_clauses(text: str) -> list[tuple[int, str]]:
    """``text`` cut after each clause punctuation mark that ends a word (a decimal point or the
    dot of ``x.grad`` does not) outside brackets, as (start offset, piece) pairs; the pieces joined give back
    ``text`` (blank pieces dropped)."""
    depth, inside = 0, []  # never inside brackets: "the point (0, 1/2)" stays whole
    for ch in text:
        depth = max(0, depth + (ch in "([（") - (ch in ")]）"))
        inside.append(depth > 0)
    cuts = [m.end() for m in _CLAUSE_RE.finditer(text) if not inside[m.end() - 1]]
    edges = [0, *cuts, len(text)]
    out = [(a, text[a:b]) for a, b in zip(edges[:-1], edges[1:], strict=True)]
    return [(a, piece) for a, piece in out if piece.strip()] or [(0, text)]


def proportional_spans(text: str, duration: float, lead: float = 0.0) -> tuple[Span, ...]:
    """Clause spans timed in proportion to their length in characters (no alignment known)."""
    pieces = [piece for _, piece in split_clauses(text)]
    weights = np.array([max(len(p.strip()), 1) for p in pieces], dtype=np.float64)
    edges = lead + (duration - lead) * np.concatenate([[0.0], np.cumsum(weights) / weights.sum()])
    return tuple(Span(p.strip(), float(a), float(b)) for p, a, b in
                 zip(pieces, edges[:-1], edges[1:], strict=True))


ENGINE_THREADS: int | None = None
"""Threads an engine may use (None: its default, every core). A pool worker sets 1: the pool
already runs one worker per core, and one thread each costs 15 % less CPU than two."""


def _english() -> VoiceEngine:
    from voice.piper_engine import PiperEngine

    return PiperEngine(threads=ENGINE_THREADS)


def _chinese() -> VoiceEngine:
    from voice.espeak_engine import EspeakEngine

    return EspeakEngine()


_ENGINES: dict[str, Callable[[], VoiceEngine]] = {"en": _english, "zh": _chinese}


@functools.cache
def engine_for(lang: str) -> VoiceEngine:
    """The engine that voices ``lang`` (loaded once per process).

    Raises:
        EngineMissing: the engine's package is not installed (one-line message).
        ValueError: no engine speaks ``lang``.
    """
    if lang not in _ENGINES:
        raise ValueError(f"No voice engine for language {lang!r}; expected one of {sorted(_ENGINES)}.")
    return _ENGINES[lang]()
