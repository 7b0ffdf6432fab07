"""Recordings replace synthesis line by line: found when current, reported stale when the
line was reworded, refused with a one-line reason naming the file when unusable."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from voice.audio import decode
from voice.recordings import (
    RECORDING_RATE,
    BadRecording,
    find_recording,
    line_id,
    recording_path,
    write_script_text,
)

LINE = "The slope at 9 is L'(9) = 13.4."


def make_recording(path: Path, seconds: float = 1.0, rate: int = 44100, channels: int = 2,
                   lead: float = 0.5, volume: float = 0.3) -> None:
    """A tone of ``seconds`` after ``lead`` seconds of silence, as 24-bit WAV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    src = (f"aevalsrc='if(gte(t,{lead}),{volume}*sin(2*PI*330*t),0)'"
           f":s={rate}:c={'stereo' if channels == 2 else 'mono'}:d={lead + seconds}")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", src, "-c:a",
                    "pcm_s24le", str(path)], check=True)


def test_line_ids_are_the_one_based_position_in_the_scene():
    assert [line_id(i) for i in (1, 2, 12)] == ["001", "002", "012"]
    with pytest.raises(ValueError, match="1-based"):
        line_id(0)


def test_a_current_recording_is_resampled_and_trimmed(tmp_path):
    wav = recording_path("en", "descent", "GradientDescent1D", line_id(3), tmp_path / "voice")
    assert wav == tmp_path / "voice/en/descent/GradientDescent1D/003.wav"
    make_recording(wav)
    write_script_text(wav, LINE)
    found = find_recording("en", "descent", "GradientDescent1D", "003", LINE,
                           root=tmp_path / "voice", cache_dir=tmp_path / "cache")
    assert found.status == "recorded"
    clip = found.clip
    assert clip.sample_rate == RECORDING_RATE and clip.voice == "recording"
    # the tone lasts 1 s; 50 ms kept before it and up to 100 ms after, the 0.5 s lead cut
    assert 1.0 <= clip.duration <= 1.16
    assert len(decode(clip.path, RECORDING_RATE)) == round(clip.duration * RECORDING_RATE)


def test_a_reworded_line_makes_its_recording_stale(tmp_path):
    wav = recording_path("zh", "descent", "Momentum", "001", tmp_path)
    make_recording(wav, channels=1, rate=16000)
    write_script_text(wav, "动量保留一个速度。")
    found = find_recording("zh", "descent", "Momentum", "001", "动量保留一个速度，然后累加。",
                           root=tmp_path, cache_dir=tmp_path / "cache")
    assert found.status == "stale" and found.clip is None
    assert str(wav) in found.message and "\n" not in found.message


def test_a_recording_without_its_script_text_is_stale(tmp_path):
    wav = recording_path("en", "t", "S", "001", tmp_path)
    make_recording(wav)
    found = find_recording("en", "t", "S", "001", LINE, root=tmp_path, cache_dir=tmp_path)
    assert found.status == "stale" and "001.txt" in found.message


def test_missing_and_moved_recordings(tmp_path):
    assert find_recording("en", "t", "S", "001", LINE, root=tmp_path).status == "missing"
    # a line inserted before it: the recording made as line 2 now belongs to line 3
    old = recording_path("en", "t", "S", "002", tmp_path)
    make_recording(old)
    write_script_text(old, LINE)
    found = find_recording("en", "t", "S", "003", LINE, root=tmp_path, cache_dir=tmp_path / "c")
    assert found.status == "recorded"


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"RIFF\x00\x00\x00\x00WAVEnot really", "not a readable audio file"),
])
def test_a_corrupt_or_empty_recording_is_refused_naming_the_file(tmp_path, content, reason):
    wav = recording_path("en", "t", "S", "001", tmp_path)
    wav.parent.mkdir(parents=True)
    wav.write_bytes(content)
    write_script_text(wav, LINE)
    with pytest.raises(BadRecording) as err:
        find_recording("en", "t", "S", "001", LINE, root=tmp_path, cache_dir=tmp_path / "c")
    message = str(err.value)
    assert str(wav) in message and reason in message and "\n" not in message


def test_a_silent_recording_is_refused(tmp_path):
    wav = recording_path("en", "t", "S", "001", tmp_path)
    make_recording(wav, volume=0.0)
    write_script_text(wav, LINE)
    with pytest.raises(BadRecording, match="silent"):
        find_recording("en", "t", "S", "001", LINE, root=tmp_path, cache_dir=tmp_path / "c")
