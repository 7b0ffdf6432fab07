"""Audio files for narration: atomic 16-bit WAV writing, reading, decoding any format with
ffmpeg at a chosen rate, and trimming silence."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

__all__ = ["SILENCE_DB", "atomic_write", "decode", "read_wav", "trim_silence", "wav_bytes",
           "write_wav"]

SILENCE_DB = -45.0
"""A 10 ms window quieter than this (dBFS, RMS) counts as silence when trimming."""


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new
    one (a temporary file in the same folder, then an atomic rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def wav_bytes(audio: np.ndarray, rate: int) -> bytes:
    """Mono float samples in [-1, 1] as a 16-bit PCM WAV file (same samples, same bytes)."""
    pcm = np.clip(np.round(np.asarray(audio, dtype=np.float64) * 32767.0), -32767, 32767)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(int(rate))
        w.writeframes(pcm.astype("<i2").tobytes())
    return buf.getvalue()


def write_wav(path: Path, audio: np.ndarray, rate: int) -> None:
    """Write mono float samples as a 16-bit WAV file, atomically."""
    atomic_write(path, wav_bytes(audio, rate))


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """A mono 16-bit WAV file (as :func:`write_wav` writes) as float32 samples and its rate."""
    with wave.open(str(path), "rb") as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise ValueError(f"{path}: expected mono 16-bit PCM, got {w.getnchannels()} "
                             f"channels of {8 * w.getsampwidth()} bits.")
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
        return (pcm.astype(np.float32) / 32767.0), w.getframerate()


def decode(path: Path, rate: int) -> np.ndarray:
    """Any audio file ffmpeg reads (WAV of any rate and depth, FLAC, MP3, ...), mixed down to
    mono float32 at ``rate`` samples per second.

    Raises:
        ValueError: ffmpeg cannot read it; the message is one line naming the file.
    """
    proc = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-vn", "-ac", "1", "-ar",
         str(rate), "-f", "f32le", "-"], capture_output=True, check=False)
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[-1] if lines else f"ffmpeg exit status {proc.returncode}"
        raise ValueError(f"{path}: not a readable audio file ({reason})")
    return np.frombuffer(proc.stdout, dtype="<f4").copy()


def trim_silence(audio: np.ndarray, rate: int, lead: float = 0.05, tail: float = 0.1,
                 threshold_db: float = SILENCE_DB) -> tuple[np.ndarray, float]:
    """Cut silence at both ends, keeping ``lead`` seconds before the first sound and ``tail``
    after the last.

    Returns:
        The trimmed audio and how many seconds were cut from the start (0 if all silent:
        then the audio is returned unchanged).
    """
    win = max(rate // 100, 1)
    n = len(audio) // win
    if n == 0:
        return audio, 0.0
    frames = np.asarray(audio[: n * win], dtype=np.float64).reshape(n, win)
    loud = np.flatnonzero(np.sqrt((frames ** 2).mean(axis=1)) > 10 ** (threshold_db / 20))
    if loud.size == 0:
        return audio, 0.0
    start = max(loud[0] * win - int(round(lead * rate)), 0)
    end = min((loud[-1] + 1) * win + int(round(tail * rate)), len(audio))
    return audio[start:end], start / rate
