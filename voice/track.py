"""A scene's narration track: clips placed on the timeline, loudness-normalised to EBU R128
(−16 LUFS integrated, true peak ≤ −1.5 dBTP, two-pass ``loudnorm``), AAC 48 kHz in an .m4a."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.audio import decode, write_wav
from voice.clips import Clip

__all__ = ["LRA", "TARGET_LUFS", "TRACK_RATE", "TRUE_PEAK", "Loudness", "assemble",
           "measure_loudness", "write_track"]

TRACK_RATE = 48000
TARGET_LUFS = -16.0
TRUE_PEAK = -1.5
LRA = 11.0
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

    Normalisation is ffmpeg's two-pass ``loudnorm`` (measure, then normalise with the
    measurement). Speech has a high crest factor, so ``loudnorm`` works in its dynamic mode,
    which lands below its target on tracks with pauses, and AAC encoding adds overshoot to
    the peaks: the encoded file is measured (``ebur128``) and, when it is more than 0.3 LU off
    or over the peak limit, normalised again with the target corrected by the error (at most
    three times). The file is written beside ``out`` and renamed into place when complete.

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
        first = _measure_pass(raw)
        aim_i, aim_tp = TARGET_LUFS, TRUE_PEAK - 1.0
        tried: list[tuple[float, float]] = []  # (aimed, got) integrated loudness
        for _ in range(_TRIES):
            _ffmpeg(["-y", "-i", str(raw), "-af", _loudnorm(first, aim_i, aim_tp), *encode])
            got = measure_loudness(partial)
            if abs(got.integrated - TARGET_LUFS) <= _TOLERANCE and got.true_peak <= TRUE_PEAK:
                break
            tried.append((aim_i, got.integrated))
            aim_i = _next_aim(tried)
            if got.true_peak > TRUE_PEAK:
                aim_tp -= got.true_peak - TRUE_PEAK + 0.2
        partial.replace(out)
    return got


def _measure_pass(raw: Path) -> dict[str, str]:
    """``loudnorm``'s first pass: the input's integrated loudness, true peak, loudness range
    and gating threshold."""
    target = f"I={TARGET_LUFS}:TP={TRUE_PEAK}:LRA={LRA}"
    return _json_block(_ffmpeg(["-i", str(raw), "-af", f"loudnorm={target}:print_format=json",
                                "-f", "null", "-"]))


def _loudnorm(m: dict[str, str], integrated: float, true_peak: float) -> str:
    """The second-pass ``loudnorm`` filter aiming at ``integrated`` LUFS and ``true_peak``
    dBTP, given the first pass's measurement ``m``."""
    return (f"loudnorm=I={integrated:.2f}:TP={true_peak:.2f}:LRA={LRA}"
            f":measured_I={m['input_i']}:measured_TP={m['input_tp']}"
            f":measured_LRA={m['input_lra']}:measured_thresh={m['input_thresh']}"
            f":linear=true,aresample={TRACK_RATE}")


def _next_aim(tried: list[tuple[float, float]]) -> float:
    """The next ``loudnorm`` target: through the last two (aimed, got) points (secant), or,
    after one try, twice the error (dynamic mode moves the output about half as far as the
    target)."""
    if len(tried) >= 2 and abs(tried[-1][1] - tried[-2][1]) > 0.05:
        (a0, g0), (a1, g1) = tried[-2], tried[-1]
        aim = a1 + (TARGET_LUFS - g1) * (a1 - a0) / (g1 - g0)
    else:
        aim = tried[-1][0] + 2.0 * (TARGET_LUFS - tried[-1][1])
    return min(max(aim, -24.0), -6.0)


def _json_block(log: str) -> dict[str, str]:
    blocks = re.findall(r"\{[^{}]*\}", log)
    if not blocks:
        raise RuntimeError("ffmpeg loudnorm printed no measurement")
    return json.loads(blocks[-1])


def measure_loudness(path: Path) -> Loudness:
    """Integrated loudness and true peak of an audio or video file (ffmpeg ``ebur128``)."""
    log = _ffmpeg(["-i", str(path), "-vn", "-af", "ebur128=peak=true", "-f", "null", "-"])
    summary = log[log.rfind("Summary:"):]
    i = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    tp = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if i is None or tp is None:
        raise RuntimeError(f"ffmpeg ebur128 printed no summary for {path}")
    return Loudness(float(i.group(1)), float(tp.group(1)))
