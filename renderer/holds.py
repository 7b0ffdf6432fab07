"""Held frames converted once.

A scene that waits (``self.wait()``, or the hold while a voice finishes its line) hands manim
one frozen frame with a repeat count. manim's ``VideoSegmentEncoder.write_frame`` then builds a
new RGBA ``VideoFrame`` for every repeat, and the codec context converts each one to the
stream's YUV again: half the cost of a held frame at 720p is that same conversion, repeated.
:func:`install` makes a repeated frame convert once (with the converter the codec context
would use, so the bytes written are the same) and hands the one converted frame to the encoder
with each new timestamp. The encoder keeps its own reference to what it was sent, so a new
timestamp on the Python frame does not touch frames already queued.
"""

from __future__ import annotations

from fractions import Fraction

import av
from manim.scene.video_segment_encoder import VideoSegmentEncoder

_ORIGINAL = VideoSegmentEncoder.write_frame


def _write_frame(self: VideoSegmentEncoder, pixels, *, repeat: int = 1) -> None:
    if repeat == 1:
        return _ORIGINAL(self, pixels, repeat=1)
    self._validate_frame(pixels, repeat)
    spec = self.spec
    time_base = Fraction(spec.frame_rate.denominator, spec.frame_rate.numerator)
    try:
        frame = av.VideoFrame.from_ndarray(pixels, format="rgba").reformat(
            width=spec.width, height=spec.height, format=spec.pixel_format,
            threads=self._stream.codec_context.thread_count)
        frame.time_base = time_base
        for _ in range(repeat):
            frame.pts = self._next_pts
            self._next_pts += 1
            for packet in self._stream.encode(frame):
                self._container.mux(packet)
    except BaseException as error:
        raise self._operation_error("encode", error) from error
    return None


def install() -> None:
    """Convert each held frame once in this process (idempotent)."""
    VideoSegmentEncoder.write_frame = _write_frame


def uninstall() -> None:
    """manim's own ``write_frame`` again (for comparisons)."""
    VideoSegmentEncoder.write_frame = _ORIGINAL
