"""Chinese voice: espeak-ng 1.52 (bundled by ``espeakng-loader``) through ctypes, voice ``cmn``,
synthesised to memory with word events for clause times."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from voice.audio import trim_silence
from voice.engine import EngineMissing, Span, Speech, VoiceEngine, proportional_spans, split_clauses

__all__ = ["EspeakEngine"]

_PACKAGE = "espeakng-loader==0.2.4"
_WORKER = Path(__file__).resolve().parent / "_espeak_worker.py"
_RATE = 165  # words per minute (espeak's default is 175)
_PEAK = 10 ** (-1 / 20)


def _run(text: str, voice: str) -> tuple[dict, np.ndarray]:
    """Speak ``text`` in a fresh process: espeak-ng keeps synthesis state (its pitch flutter
    phase) from one utterance to the next, so within one process the same text comes out a
    few samples different each time; a fresh library state makes it deterministic."""
    proc = subprocess.run([sys.executable, "-I", str(_WORKER), voice, str(_RATE)],
                          input=text.encode("utf-8"), capture_output=True, check=False)
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"espeak-ng: {lines[-1] if lines else proc.returncode}")
    head, _, pcm = proc.stdout.partition(b"\n")
    return json.loads(head), np.frombuffer(pcm, dtype="<i2")


class EspeakEngine(VoiceEngine):
    """espeak-ng 1.52's Mandarin voice ``cmn`` (formant synthesis: clear tones, robotic
    timbre), 22.05 kHz, deterministic. Latin words inside a Chinese line are read with its
    English rules. Numbers must reach it spelt in Chinese (it drops 点 in some decimals).

    Each line is spoken by a short-lived worker process (about 30 ms of overhead; espeak
    itself runs at under 1 % of real time).
    """

    name = "espeak-ng"
    voice = "cmn"
    languages = frozenset({"zh"})

    def __init__(self) -> None:
        if importlib.util.find_spec("espeakng_loader") is None:
            raise EngineMissing(f"the Chinese voice needs the package {_PACKAGE!r}: "
                                f"pip install '{_PACKAGE}'")
        info, _ = _run("", self.voice)
        self.sample_rate = int(info["sample_rate"])
        self.version = (f"espeak-ng {info['version']}, espeakng-loader "
                        f"{importlib.metadata.version('espeakng-loader')}, rate {_RATE}, "
                        f"peak -1 dBFS")

    def synthesize(self, text: str, lang: str = "zh") -> Speech:
        self.check(text, lang)
        info, samples = _run(text, self.voice)
        rate = int(info["sample_rate"])
        audio = samples.astype(np.float32) / 32767.0
        peak = float(np.abs(audio).max()) if audio.size else 0.0
        if peak > 0:
            audio = (audio * (_PEAK / peak)).astype(np.float32)
        audio, cut = trim_silence(audio, rate)
        duration = len(audio) / rate
        words = [(int(pos), ms / 1000.0 - cut) for pos, ms in info["words"]]
        spans = _clause_spans(text, words, duration)
        return Speech(audio, rate, spans or proportional_spans(text, duration))


def _clause_spans(text: str, words: list[tuple[int, float]], duration: float
                  ) -> tuple[Span, ...] | None:
    """Each clause starts when its first word does (None when a clause has no word event)."""
    pieces = split_clauses(text)
    starts = []
    for offset, piece in pieces:
        inside = [t for pos, t in words if offset <= pos < offset + len(piece)]
        if not inside:
            return None
        starts.append(min(max(min(inside), 0.0), duration))
    starts[0] = 0.0
    edges = [*starts, duration]
    if any(b < a for a, b in zip(edges[:-1], edges[1:], strict=True)):
        return None
    return tuple(Span(piece.strip(), float(a), float(b)) for (_, piece), a, b in
                 zip(pieces, edges[:-1], edges[1:], strict=True))
