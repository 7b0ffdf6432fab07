"""Held frames converted once (renderer.holds) write the same video as manim's own encoder."""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np
import pytest
from manim._config.video_encoder import VideoEncoderSpec
from manim.scene.video_segment_encoder import VideoSegmentEncoder

from renderer import holds

SPEC = VideoEncoderSpec(container_format="mp4", codec="libx264", pixel_format="yuv420p",
                        width=96, height=64, frame_rate=Fraction(15), options=(("crf", "23"),))


def _frames(seed: int) -> list[tuple[np.ndarray, int]]:
    """A few RGBA pictures, some held for many frames, as a scene with waits hands them over."""
    rng = np.random.default_rng(seed)
    out = []
    for repeat in (1, 7, 1, 1, 12, 3):
        rgba = rng.integers(0, 256, (SPEC.height, SPEC.width, 4), dtype=np.uint8)
        rgba[..., 3] = 255
        out.append((rgba, repeat))
    return out


def _encode(path, frames) -> None:
    enc = VideoSegmentEncoder(target=path, spec=SPEC)
    for rgba, repeat in frames:
        enc.write_frame(rgba.copy(), repeat=repeat)
    enc.finish()


def _decoded(path) -> list[np.ndarray]:
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]


@pytest.fixture
def patched():
    holds.install()
    yield
    holds.uninstall()


def test_held_frames_encode_to_the_same_pictures_and_timestamps(tmp_path, patched):
    frames = _frames(0)
    _encode(tmp_path / "once.mp4", frames)
    holds.uninstall()
    _encode(tmp_path / "each.mp4", frames)
    # the same bytes: the same pictures, timestamps and bitstream
    assert (tmp_path / "once.mp4").read_bytes() == (tmp_path / "each.mp4").read_bytes()
    once, each = _decoded(tmp_path / "once.mp4"), _decoded(tmp_path / "each.mp4")
    assert len(once) == len(each) == sum(r for _, r in frames)
    for a, b in zip(once, each, strict=True):
        np.testing.assert_array_equal(a, b)
    with av.open(str(tmp_path / "once.mp4")) as c:
        pts = [f.pts for f in c.decode(video=0)]
    assert pts == sorted(pts) and len(set(pts)) == len(pts)  # every repeat has its own time


def test_install_is_what_the_encoder_uses(patched):
    assert VideoSegmentEncoder.write_frame is holds._write_frame
    holds.uninstall()
    assert VideoSegmentEncoder.write_frame is holds._ORIGINAL
