"""Synthesised narration clips, cached on disk by what determines their sound: the spoken text,
the language and the engine's name, voice and version. Same text, same bytes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from scenes.options import PROJECT_ROOT
from voice.audio import atomic_write, read_wav, wav_bytes
from voice.engine import Span, VoiceEngine

__all__ = ["CACHE_DIR", "Clip", "clip_key", "synthesize"]

CACHE_DIR = PROJECT_ROOT / ".cache" / "voice"
"""Default cache folder: ``.cache/voice`` under the project root (ignored by git)."""


@dataclass(frozen=True)
class Clip:
    """One voiced narration line, ready to be placed on the scene's timeline.

    Attributes:
        path: a mono 16-bit WAV file.
        duration: seconds of audio (silence at both ends trimmed to 50 / 100 ms).
        sample_rate: samples per second of ``path``.
        text: the spoken text (synthesis) or the script text (recording).
        voice: what spoke it, for the manifest: ``"piper en_US-joe-medium"``,
            ``"espeak-ng cmn"`` or ``"recording"``.
        clauses: clause spans with times for splitting captions (None for recordings).
    """

    path: Path
    duration: float
    sample_rate: int
    text: str
    voice: str
    clauses: tuple[Span, ...] | None = None


def clip_key(text: str, lang: str, engine: VoiceEngine) -> str:
    """The cache key of a clip: sha256 of (spoken text, language, engine name, voice, version)."""
    blob = json.dumps([text, lang, engine.name, engine.voice, engine.version],
                      ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def synthesize(text: str, lang: str, engine: VoiceEngine, cache_dir: Path | None = None
               ) -> Clip:
    """The clip of spoken ``text`` in ``lang`` by ``engine``, synthesised once and then read
    from the cache.

    Cache layout: ``<cache_dir>/<key[:2]>/<key>.wav`` and ``<key>.json`` (duration, rate,
    clause spans); both written atomically, the JSON last, so a clip whose JSON exists is
    complete. Concurrent writers of one key write identical bytes.

    Args:
        text: the spoken form (see :func:`voice.spoken.spoken_form`), not the written line.
        lang: ``"en"`` or ``"zh"``.
        engine: the voice engine (:func:`voice.engine.engine_for`).
        cache_dir: the cache folder (default :data:`CACHE_DIR`).
    """
    key = clip_key(text, lang, engine)
    folder = (cache_dir or CACHE_DIR) / key[:2]
    wav, meta = folder / f"{key}.wav", folder / f"{key}.json"
    voice = f"{engine.name} {engine.voice}"
    if meta.is_file() and wav.is_file():
        try:
            return _from_meta(wav, json.loads(meta.read_text(encoding="utf-8")), voice)
        except (ValueError, KeyError, TypeError):
            pass  # a damaged entry is synthesised again
    speech = engine.synthesize(text, lang)
    atomic_write(wav, wav_bytes(speech.audio, speech.sample_rate))
    audio, rate = read_wav(wav)  # the duration of what was written, to the sample
    data = {"text": text, "lang": lang, "engine": engine.name, "voice": engine.voice,
            "version": engine.version, "duration": len(audio) / rate, "sample_rate": rate,
            "clauses": [[s.text, s.start, s.end] for s in speech.clauses]}
    atomic_write(meta, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return _from_meta(wav, data, voice)


def _from_meta(wav: Path, data: dict, voice: str) -> Clip:
    clauses = tuple(Span(str(t), float(a), float(b)) for t, a, b in data["clauses"])
    return Clip(wav, float(data["duration"]), int(data["sample_rate"]), str(data["text"]),
                voice, clauses)
