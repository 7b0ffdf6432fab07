"""Check rendered videos with ffprobe (through ffmpeg-python)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import ffmpeg

__all__ = ["VideoInfo", "probe_video"]


@dataclass(frozen=True)
class VideoInfo:
    duration: float
    width: int
    height: int
    fps: float
    codec: str
    pix_fmt: str


def probe_video(path: Path) -> VideoInfo:
    """Probe ``path``; raise ``ValueError`` unless it holds a video stream of positive length."""
    try:
        info = ffmpeg.probe(str(path))
    except ffmpeg.Error as e:
        msg = e.stderr.decode(errors="replace").strip().splitlines()
        raise ValueError(f"ffprobe cannot read {path}: {msg[-1] if msg else e}") from None
    streams = [s for s in info["streams"] if s.get("codec_type") == "video"]
    if not streams:
        raise ValueError(f"{path} has no video stream")
    v = streams[0]
    duration = float(info["format"].get("duration", 0.0))
    if not duration > 0:
        raise ValueError(f"{path} has zero duration")
    # the nominal rate: avg_frame_rate is frames over the stream's duration, which an mp4
    # edit list rounded to the millisecond can put a fraction of a tick off (15.002 for 15)
    num, _, den = (v.get("r_frame_rate") or v.get("avg_frame_rate", "0/1")).partition("/")
    fps = float(num) / float(den or 1) if float(den or 1) else 0.0
    return VideoInfo(duration, int(v["width"]), int(v["height"]), fps, v["codec_name"],
                     v.get("pix_fmt", ""))
