"""Recorded narration that replaces synthesis line by line.

A recording lives at ``voice/<lang>/<topic>/<Scene>/<id>.wav`` (any sample rate, depth or
channel count ffmpeg reads) beside ``<id>.txt``, the script text it was recorded for.

Line ids: the 1-based position of the ``narrate`` call in the scene, three digits (``001``,
``002``, ...), the same in both languages. An id does not change when a line is reworded, so
the recording of a reworded line is found and reported stale; when lines are inserted or
removed, a recording whose script text matches the line exactly is still found under its old
id in the same scene folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from scenes.options import PROJECT_ROOT
from voice.audio import decode, trim_silence, write_wav
from voice.clips import CACHE_DIR, Clip

__all__ = ["RECORDINGS_DIR", "RECORDING_RATE", "BadRecording", "Lookup", "find_recording",
           "line_id", "recording_path", "write_script_text"]

RECORDINGS_DIR = PROJECT_ROOT / "voice"
"""Default root of the recordings: the ``voice/`` folder of the project."""

RECORDING_RATE = 48000
"""Recordings are resampled to this rate (the narration track's)."""

_SILENT = 1e-3  # a recording whose peak is below this (-60 dBFS) is empty


class BadRecording(ValueError):
    """A recording that cannot be used: unreadable, empty or silent. The message is one line
    naming the file; the scene fails with it."""


@dataclass(frozen=True)
class Lookup:
    """What :func:`find_recording` found for a line.

    Attributes:
        status: ``"recorded"`` (``clip`` is the recording), ``"missing"`` (no recording: use
            synthesis) or ``"stale"`` (recorded for other words: use synthesis and warn with
            ``message``).
        clip: the recording as a clip (status ``"recorded"`` only).
        message: one line for the warning (status ``"stale"``), else empty.
    """

    status: Literal["recorded", "missing", "stale"]
    clip: Clip | None = None
    message: str = ""


def line_id(index: int) -> str:
    """The id of the ``index``-th narration line of a scene (1-based): ``001``."""
    if index < 1:
        raise ValueError(f"Expected a 1-based line index, got {index}.")
    return f"{index:03d}"


def recording_path(lang: str, topic: str, scene: str, line: str,
                   root: Path = RECORDINGS_DIR) -> Path:
    """Where the recording of one line goes: ``<root>/<lang>/<topic>/<scene>/<line>.wav``."""
    return root / lang / topic / scene / f"{line}.wav"


def write_script_text(wav: Path, text: str) -> None:
    """Write the sidecar ``<id>.txt`` naming the script text a recording is (to be) made of."""
    wav.parent.mkdir(parents=True, exist_ok=True)
    wav.with_suffix(".txt").write_text(text + "\n", encoding="utf-8")


def _script_text(wav: Path) -> str | None:
    side = wav.with_suffix(".txt")
    return side.read_text(encoding="utf-8").strip() if side.is_file() else None


def find_recording(lang: str, topic: str, scene: str, line: str, text: str,
                   root: Path = RECORDINGS_DIR, cache_dir: Path | None = None) -> Lookup:
    """The recording of one narration line, if there is a current one.

    Args:
        lang, topic, scene: where the line belongs (``en``, ``descent``, ``GradientDescent1D``).
        line: its id (:func:`line_id`).
        text: the written line as the scene says it now (what the script shows).
        root: the recordings root (default :data:`RECORDINGS_DIR`).
        cache_dir: where the resampled, trimmed copy is kept (default the clip cache).

    Raises:
        BadRecording: the recording found for the line is unreadable, empty or silent.
    """
    text = text.strip()
    wav = recording_path(lang, topic, scene, line, root)
    if wav.is_file() and _script_text(wav) == text:
        return Lookup("recorded", _load(wav, text, cache_dir or CACHE_DIR))
    moved = [p for p in sorted(wav.parent.glob("*.wav")) if p != wav and _script_text(p) == text]
    if moved:
        return Lookup("recorded", _load(moved[0], text, cache_dir or CACHE_DIR))
    if not wav.is_file():
        return Lookup("missing")
    said = _script_text(wav)
    why = ("has no script text file " + wav.with_suffix(".txt").name if said is None
           else f"was recorded for {said!r}, the line now says {text!r}")
    return Lookup("stale", message=f"stale recording {wav}: it {why}; synthesising instead")


def _load(wav: Path, text: str, cache_dir: Path) -> Clip:
    """The recording resampled to 48 kHz mono 16-bit and trimmed, kept in the cache by the
    sha256 of its bytes."""
    data = wav.read_bytes()
    if not data:
        raise BadRecording(f"{wav}: empty file")
    key = hashlib.sha256(data).hexdigest()
    out = cache_dir / "recordings" / key[:2] / f"{key}.wav"
    try:
        audio = decode(wav, RECORDING_RATE)
    except ValueError as e:
        raise BadRecording(str(e)) from None
    if audio.size == 0:
        raise BadRecording(f"{wav}: no audio samples")
    peak = float(np.abs(audio).max())
    if peak < _SILENT:
        raise BadRecording(f"{wav}: silent (peak {20 * np.log10(max(peak, 1e-12)):.0f} dBFS)")
    audio, _ = trim_silence(np.clip(audio, -1.0, 1.0), RECORDING_RATE)
    if not out.is_file():
        write_wav(out, audio, RECORDING_RATE)
    return Clip(out, len(audio) / RECORDING_RATE, RECORDING_RATE, text, "recording")
