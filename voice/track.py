"""A scene's narration track: clips placed on the timeline, loudness-normalised to EBU R128
(−16 LUFS integrated, true peak ≤ −1.5 dBTP, two-pass ``loudnorm``), AAC 48 kHz in an .m4a."""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.audio import decode, write_wav
from voice.clips import Clip

__all__ = ["TARGET_LUFS", "TRACK_RATE", "TRUE_PEAK", "Loudness", "assemble",
           "measure_loudness", "write_track"]

TRACK_RATE = 48000
TARGET_LUFS = -16.0
TRUE_PEAK = -1.5
_TRIES = 4
_TOLERANCE = 0.4  # LU: how close to -16 LUFS the encoded track must measure
_OVERRUN = 0.05  # seconds a clip may run past the end (cut) before it is an error
_LEVEL = 10 ** (-20 / 20)  # each clip's speech RMS is brought to -20 dBFS before mixing


@dataclass(frozen=True)
class Loudness:
    """EBU R128 measurement of a file: integrated loudness (LUFS), true peak (dBTP)."""

    integrated: float
    true_peak: float


def _speech_rms(audio: np.ndarray, rate: int) -> float:
    """RMS over the 10 ms windows within 40 dB of the loudest one (pauses left out)."""
    win = max(rate // 100, 1)
    n = len(audio) // win
    if n == 0:
        return float(np.sqrt(np.mean(audio.astype(np.float64) ** 2))) if audio.size else 0.0
    power = (audio[: n * win].astype(np.float64).reshape(n, win) ** 2).mean(axis=1)
    active = power[power >= power.max() * 1e-4]
    return float(np.sqrt(active.mean())) if active.size else 0.0


def assemble(placements: Sequence[tuple[float, Clip]], duration: float,
             rate: int = TRACK_RATE) -> np.ndarray:
    """The clips mixed into one mono float32 track of exactly ``round(duration * rate)``
    samples, each clip resampled to ``rate``, levelled to the same speech loudness and
    starting at its time.

    Raises:
        ValueError: a start outside [0, duration), or a clip ending more than 50 ms after
            ``duration`` (the scene should have waited for it); a shorter overrun is cut.
    """
    if duration <= 0:
        raise ValueError(f"Expected a positive track duration, got {duration}.")
    total = int(round(duration * rate))
    track = np.zeros(total, dtype=np.float64)
    for start, clip in placements:
        if not 0 <= start < duration:
            raise ValueError(f"Clip {clip.path.name} starts at {start:.3f} s, outside the "
                             f"track [0, {duration:.3f}) s.")
        if start + clip.duration > duration + _OVERRUN:
            raise ValueError(f"Clip {clip.path.name} ends at {start + clip.duration:.3f} s, "
                             f"after the track's end at {duration:.3f} s.")
        audio = decode(clip.path, rate).astype(np.float64)
        rms = _speech_rms(audio, rate)
        if rms > 0:
            audio *= _LEVEL / rms
        at = int(round(start * rate))
        n = min(len(audio), total - at)
        track[at:at + n] += audio[:n]
    return track.astype(np.float32)


def _ffmpeg(args: list[str]) -> str:
    proc = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", *args], capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or [f"exit status {proc.returncode}"]
        raise RuntimeError(f"ffmpeg failed: {tail[0]}")
    return proc.stderr


def write_track(placements: Sequence[tuple[float, Clip]], duration: float, out: Path,
                bitrate: str = "128k") -> Loudness:
    """Write the scene's narration track to ``out`` (.m4a): the clips placed at their start
    times (seconds) in a track of ``duration`` seconds, loudness-normalised to −16 LUFS
    integrated with true peak ≤ −1.5 dBTP, encoded AAC 48 kHz mono.

    Normalisation: the mix is measured (``ebur128``) and brought to the target by a linear
    gain, followed by a peak limiter (``alimiter``, no auto-levelling) under the true-peak
    ceiling. A gain moves integrated loudness by exactly its size and the limiter touches only
    the rare peaks, but limiting and AAC's overshoot move the result a little, so the encoded
    file is measured and, when it is more than 0.4 LU off or over the ceiling, encoded again
    with the gain and the limit corrected by the error (loudnorm's dynamic mode, tried first,
    landed 3 LU low on speech with pauses). The file is written beside ``out`` and renamed
    into place when complete.

    Args:
        placements: (start time in seconds, clip) pairs; clips may be in any order.
        duration: the scene's duration in seconds; the track has exactly this length.
        out: the .m4a file to write.
        bitrate: AAC bit rate.

    Returns:
        The measured loudness of the written file.
    """
    track = assemble(placements, duration)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".track-", dir=out.parent) as tmp:
        raw = Path(tmp) / "mix.wav"
        write_wav(raw, np.clip(track, -1.0, 1.0), TRACK_RATE)
        partial = Path(tmp) / f"track{out.suffix or '.m4a'}"
        encode = ["-ar", str(TRACK_RATE), "-ac", "1", "-c:a", "aac", "-b:a", bitrate,
                  "-t", f"{duration:.6f}", "-movflags", "+faststart", str(partial)]
        if not np.any(track):  # silence stays silence
            _ffmpeg(["-y", "-i", str(raw), *encode])
            partial.replace(out)
            return Loudness(float("-inf"), float("-inf"))
        # A linear gain moves integrated loudness by exactly its size; a limiter (no
        # auto-levelling) keeps the true peak under the ceiling and barely moves loudness,
        # AAC's overshoot included, so measuring the encoded file and correcting converges.
        gain = TARGET_LUFS - measure_loudness(raw).integrated
        limit = TRUE_PEAK - 1.0
        for _ in range(_TRIES + 2):
            chain = (f"volume={gain:.3f}dB,alimiter=limit={10 ** (limit / 20):.5f}:level=false"
                     f":attack=1:release=60:asc=true,aresample={TRACK_RATE}")
            _ffmpeg(["-y", "-i", str(raw), "-af", chain, *encode])
            got = measure_loudness(partial)
            loud_ok = abs(got.integrated - TARGET_LUFS) <= _TOLERANCE
            if loud_ok and got.true_peak <= TRUE_PEAK:
                break
            gain += TARGET_LUFS - got.integrated
            if got.true_peak > TRUE_PEAK:
                limit -= got.true_peak - TRUE_PEAK + 0.3
        partial.replace(out)
    return got


def measure_loudness(path: Path) -> Loudness:
    """Integrated loudness and true peak of an audio or video file (ffmpeg ``ebur128``)."""
    log = _ffmpeg(["-i", str(path), "-vn", "-af", "ebur128=peak=true", "-f", "null", "-"])
    summary = log[log.rfind("Summary:"):]
    i = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    tp = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if i is None or tp is None:
        raise RuntimeError(f"ffmpeg ebur128 printed no summary for {path}")
    return Loudness(float(i.group(1)), float(tp.group(1)))
