"""The narration track: clips placed at their times, −16 LUFS integrated (EBU R128) with true
peak ≤ −1.5 dBTP, AAC 48 kHz, exactly as long as asked."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from voice import engine_for, speakable, synthesize
from voice.audio import write_wav
from voice.clips import Clip
from voice.track import TRACK_RATE, assemble, measure_loudness, write_track

LINES = {
    "en": ["The course's example: minimise L(w) = (w - 2.3)², whose lowest point is w = 2.3.",
           "Each step moves w against the slope, by the learning rate η times L'(w).",
           "Near the bottom the slope is small, so the steps shrink by themselves."],
    "zh": ["课程里的例子：最小化 L(w) = (w − 2.3)²，它的最低点在 w = 2.3。",
           "每一步让 w 逆着斜率移动，步长是学习率 η 乘以 L'(w)。",
           "越接近谷底斜率越小，步子也就自然越来越小。"],
}


def probe(path: Path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries",
                          "stream=codec_name,sample_rate,channels:format=duration", "-of", "json",
                          str(path)], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def tone_clip(path: Path, seconds: float, rate: int, amplitude: float) -> Clip:
    t = np.arange(int(seconds * rate)) / rate
    write_wav(path, amplitude * np.sin(2 * np.pi * 1000 * t), rate)
    return Clip(path, seconds, rate, "tone", "test")


def test_measure_loudness_of_a_reference_tone(tmp_path):
    # EBU Tech 3341: a 1 kHz sine at amplitude A measures 20·log10(A) − 3.01 LUFS
    clip = tone_clip(tmp_path / "tone.wav", 5.0, TRACK_RATE, 0.1)
    got = measure_loudness(clip.path)
    assert got.integrated == pytest.approx(-23.0, abs=0.2)
    assert got.true_peak == pytest.approx(-20.0, abs=0.2)


def test_clips_start_where_they_are_placed(tmp_path):
    a = tone_clip(tmp_path / "a.wav", 0.5, 22050, 0.5)
    b = tone_clip(tmp_path / "b.wav", 0.25, 44100, 0.5)
    track = assemble([(1.0, a), (2.5, b)], 3.0)
    assert len(track) == 3 * TRACK_RATE
    loud = np.flatnonzero(np.abs(track) > 0.01)
    starts = [loud[0], loud[np.flatnonzero(np.diff(loud) > 100)[0] + 1]]
    assert abs(starts[0] - 1.0 * TRACK_RATE) <= 48  # within 1 ms (resampling filter)
    assert abs(starts[1] - 2.5 * TRACK_RATE) <= 48
    assert abs(loud[-1] - 2.75 * TRACK_RATE) <= 48


def test_a_clip_past_the_end_is_an_error(tmp_path):
    a = tone_clip(tmp_path / "a.wav", 1.0, 22050, 0.5)
    with pytest.raises(ValueError, match="after the track's end"):
        assemble([(0.5, a)], 1.2)
    with pytest.raises(ValueError, match="outside the track"):
        assemble([(-0.1, a)], 3.0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_narration_track_loudness_and_duration(lang, tmp_path):
    engine = engine_for(lang)
    clips = [synthesize(speakable(s, lang), lang, engine, tmp_path / "cache")
             for s in LINES[lang]]
    placements, t = [], 0.8
    for clip in clips:
        placements.append((t, clip))
        t += clip.duration + 1.3
    duration = t + 2.017
    out = tmp_path / "narration.m4a"
    reported = write_track(placements, duration, out)
    info = probe(out)
    (stream,) = info["streams"]
    assert (stream["codec_name"], stream["sample_rate"], stream["channels"]) == ("aac", "48000", 1)
    assert abs(float(info["format"]["duration"]) - duration) <= 1 / 60
    got = measure_loudness(out)  # ffmpeg's ebur128: independent of voice.loudness
    assert got.integrated == pytest.approx(reported.integrated, abs=0.2)
    assert got.true_peak == pytest.approx(reported.true_peak, abs=0.2)
    assert got.integrated == pytest.approx(-16.0, abs=1.0)
    assert got.true_peak <= -1.5
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".track-")]


def test_a_track_without_clips_is_silence_of_the_right_length(tmp_path):
    out = tmp_path / "quiet.m4a"
    write_track([], 4.5, out)
    assert abs(float(probe(out)["format"]["duration"]) - 4.5) <= 1 / 60
