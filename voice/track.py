"""A scene's narration track: clips placed on the timeline, loudness-normalised to EBU R128
(−16 LUFS integrated, true peak ≤ −1.5 dBTP: a gain and a limiter), AAC 48 kHz in an .m4a."""

from __future__ import annotations

import re
import subprocess
import tempfile
import wave
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.audio import decode, read_wav, write_wav
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
        direct = _wav_rate(clip.path) == rate  # a cached clip at the mix rate: no ffmpeg
        audio = (read_wav(clip.path)[0] if direct else decode(clip.path, rate)).astype(np.float64)
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


def _wav_rate(path: Path) -> int | None:
    """The rate of a mono 16-bit WAV file (as the clip cache writes), else None."""
    try:
        with wave.open(str(path), "rb") as w:
            return w.getframerate() if (w.getnchannels(), w.getsampwidth()) == (1, 2) else None
    except (wave.Error, EOFError, OSError):
        return None


def _mix_rate(placements: Sequence[tuple[float, Clip]]) -> int:
    """The rate to mix at: the one most clips already have (read directly, no resampling;
    ffmpeg resamples the mix to 48 kHz once, when it is encoded)."""
    rates = Counter(_wav_rate(clip.path) for _, clip in placements)
    rates.pop(None, None)
    return rates.most_common(1)[0][0] if rates else TRACK_RATE


def _chain(gain: float, limit: float) -> str:
    """The resampling to 48 kHz, the gain and the peak limiter (no auto-levelling). Limiting
    at 48 kHz keeps the true peak a steady ~0.4 dB over the limit whatever the gain (at the
    voice's 22.05 kHz the overshoot grew with the gain)."""
    return (f"aresample={TRACK_RATE},volume={gain:.3f}dB,alimiter=limit={10 ** (limit / 20):.5f}"
            ":level=false:attack=1:release=60:asc=true")


def write_track(placements: Sequence[tuple[float, Clip]], duration: float, out: Path,
                bitrate: str = "128k") -> Loudness:
    """Write the scene's narration track to ``out`` (.m4a): the clips placed at their start
    times (seconds) in a track of ``duration`` seconds, loudness-normalised to −16 LUFS
    integrated with true peak ≤ −1.5 dBTP, encoded AAC 48 kHz mono.

    Normalisation: a linear gain brings the mix to the target, followed by a peak limiter
    (``alimiter``, no auto-levelling) under the true-peak ceiling (loudnorm's dynamic mode,
    tried first, landed 3 LU low on speech with pauses). The limiter takes some loudness with
    the peaks it flattens, so the gain is found by measuring the limited mix (``ebur128``,
    no encoding) and correcting along the secant of the last two tries; the limit keeps a
    0.5 dB margin for AAC's overshoot. The mix is then encoded once and the encoded file
    measured; only when it is more than 0.4 LU off or over the ceiling is it corrected and
    encoded again. The file is written beside ``out`` and renamed into place when complete.

    Args:
        placements: (start time in seconds, clip) pairs; clips may be in any order.
        duration: the scene's duration in seconds; the track has exactly this length.
        out: the .m4a file to write.
        bitrate: AAC bit rate.

    Returns:
        The measured loudness of the written file.
    """
    rate = _mix_rate(placements)
    track = assemble(placements, duration, rate)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".track-", dir=out.parent) as tmp:
        raw = Path(tmp) / "mix.wav"
        write_wav(raw, np.clip(track, -1.0, 1.0), rate)
        partial = Path(tmp) / f"track{out.suffix or '.m4a'}"
        encode = ["-ar", str(TRACK_RATE), "-ac", "1", "-c:a", "aac", "-b:a", bitrate,
                  "-t", f"{duration:.6f}", "-movflags", "+faststart", str(partial)]
        if not np.any(track):  # silence stays silence
            _ffmpeg(["-y", "-i", str(raw), *encode])
            partial.replace(out)
            return Loudness(float("-inf"), float("-inf"))
        gain = TARGET_LUFS - measure_loudness(raw).integrated
        ceiling = TRUE_PEAK - 0.4  # the mix's true peak before AAC (which adds up to ~0.4 dB)
        limit = ceiling - 0.5  # the limiter lets inter-sample peaks ~0.4 dB over its limit
        tried: list[tuple[float, float]] = []  # (gain, loudness) of the limited mix
        for _ in range(2 * _TRIES):
            got = measure_loudness(raw, _chain(gain, limit))
            if got.true_peak > ceiling:
                limit -= got.true_peak - ceiling + 0.1
                tried.clear()
                continue
            if abs(got.integrated - TARGET_LUFS) <= 0.15:
                break
            tried.append((gain, got.integrated))
            slope = 1.0
            if len(tried) >= 2 and tried[-1][0] != tried[-2][0]:
                slope = (tried[-1][1] - tried[-2][1]) / (tried[-1][0] - tried[-2][0])
                slope = min(max(slope, 0.2), 1.0)  # a limiter only ever takes loudness away
            gain += (TARGET_LUFS - got.integrated) / slope
        for _ in range(_TRIES):
            _ffmpeg(["-y", "-i", str(raw), "-af", _chain(gain, limit), *encode])
            got = measure_loudness(partial)
            if abs(got.integrated - TARGET_LUFS) <= _TOLERANCE and got.true_peak <= TRUE_PEAK:
                break
            gain += TARGET_LUFS - got.integrated
            if got.true_peak > TRUE_PEAK:
                limit -= got.true_peak - TRUE_PEAK + 0.3
        partial.replace(out)
    return got


def measure_loudness(path: Path, chain: str | None = None) -> Loudness:
    """Integrated loudness and true peak of an audio or video file (ffmpeg ``ebur128``),
    after the audio filter ``chain`` where one is given."""
    af = f"{chain},ebur128=peak=true" if chain else "ebur128=peak=true"
    log = _ffmpeg(["-i", str(path), "-vn", "-af", af, "-f", "null", "-"])
    summary = log[log.rfind("Summary:"):]
    i = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    tp = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if i is None or tp is None:
        raise RuntimeError(f"ffmpeg ebur128 printed no summary for {path}")
    return Loudness(float(i.group(1)), float(tp.group(1)))
