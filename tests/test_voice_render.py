"""Voiced lectures end to end through render.py: an audio track in every scene and lecture,
in step with the picture, at -16 LUFS, captions on the speech, recordings overriding
synthesis, stale and corrupt recordings, the same bytes twice, the recording script."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest

from renderer import media
from renderer.probe import probe_video
from scenes.options import PROJECT_ROOT
from voice.audio import write_wav
from voice.track import measure_loudness

pytestmark = pytest.mark.slow

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "scenes"


@pytest.fixture(scope="module")
def topic(tmp_path_factory):
    """The tiny fixture topic under a name of its own (its recordings folder is private)."""
    name = f"tiny{uuid.uuid4().hex[:6]}"
    scenes = tmp_path_factory.mktemp("scenes")
    shutil.copytree(FIXTURES / "tiny", scenes / name)
    recordings = PROJECT_ROOT / "voice"
    yield scenes, name
    for lang in ("en", "zh"):
        shutil.rmtree(recordings / lang / name, ignore_errors=True)


def run(scenes: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes), "COLUMNS": "200"}
    return subprocess.run([sys.executable, str(PROJECT_ROOT / "render.py"), *args], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def voiced(topic, tmp_path_factory):
    scenes, name = topic
    out = tmp_path_factory.mktemp("out")
    r = run(scenes, name, "-q", "l", "--lang", "en,zh", "--out", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    return out, name


def _streams(path: Path) -> dict[str, float]:
    import ffmpeg

    info = ffmpeg.probe(str(path))
    return {s["codec_type"]: float(s.get("duration", 0)) for s in info["streams"]}


def _speech_onsets(path: Path) -> list[float]:
    """Where speech starts in the file's audio (ends of silences, ffmpeg silencedetect)."""
    err = subprocess.run(["ffmpeg", "-nostdin", "-i", str(path), "-map", "0:a",
                          "-af", "silencedetect=noise=-45dB:d=0.15", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    starts = [float(x) for x in re.findall(r"silence_start: ([\d.]+)", err)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", err)]
    return ([0.0] if not starts or starts[0] > 0.05 else []) + ends


def test_every_scene_and_lecture_has_sound_in_step_with_the_picture(voiced):
    out, name = voiced
    for lang in ("en", "zh"):
        folder = out / name / "low" / lang
        fps = probe_video(folder / "Dot1.mp4").fps
        for video in ("Dot1", "Dot2", "lecture"):
            d = _streams(folder / f"{video}.mp4")
            assert "audio" in d, f"{lang}/{video} has no audio"
            assert abs(d["audio"] - d["video"]) <= 1 / fps, (lang, video, d)
        # in the lecture, each scene's sound starts where its picture does: the lecture's
        # audio from each chapter start equals that scene's own audio (no drift)
        meta = json.loads((folder / "lecture.json").read_text())
        starts = [c["start"] for c in meta["chapters"]]
        assert starts[1] == pytest.approx(probe_video(folder / "Dot1.mp4").duration, abs=1e-3)
        lecture_onsets = _speech_onsets(folder / "lecture.mp4")
        second = [t - starts[1] for t in lecture_onsets if t >= starts[1] - 0.05]
        own = _speech_onsets(folder / "Dot2.mp4")
        assert second and own and abs(second[0] - own[0]) <= 1 / fps


def test_loudness_is_minus_16_lufs(voiced):
    out, name = voiced
    for lang in ("en", "zh"):
        for video in ("Dot1", "lecture"):
            loud = measure_loudness(out / name / "low" / lang / f"{video}.mp4")
            assert loud.integrated == pytest.approx(-16.0, abs=1.0), (lang, video, loud)
            assert loud.true_peak <= -1.0, (lang, video, loud)


def test_every_caption_cue_starts_on_speech(voiced):
    out, name = voiced
    for lang in ("en", "zh"):
        for scene in ("Dot1", "Dot2"):
            folder = out / name / "low" / lang
            cues = media.parse_srt((folder / f"{scene}.srt").read_text(encoding="utf-8"))
            onsets = _speech_onsets(folder / f"{scene}.mp4")
            assert cues and onsets
            for cue in cues:
                assert min(abs(cue.start - t) for t in onsets) <= 0.25, (lang, scene, cue,
                                                                          onsets)
            meta = json.loads((folder / f"{scene}.json").read_text())
            assert meta["voice"]["tts"] == len(cues) and meta["voice"]["recorded"] == 0
            assert meta["voice"]["voices"] == [
                "piper en_US-joe-medium" if lang == "en" else "espeak-ng cmn"]


def test_manifest_names_the_voice(voiced):
    out, name = voiced
    manifest = json.loads((out / name / "low" / "manifest.json").read_text())
    voices = {(e["lang"], e["scene"]): e["voice"] for e in manifest["files"]
              if e["file"].endswith(".mp4")}
    assert voices[("zh", "Dot1")]["voices"] == ["espeak-ng cmn"]
    assert voices[("en", "lecture")]["voices"] == ["piper en_US-joe-medium"]


def test_the_same_text_gives_the_same_audio_bytes(topic, voiced, tmp_path):
    scenes, _ = topic
    out, name = voiced

    def audio_md5(path: Path) -> str:
        return subprocess.run(["ffmpeg", "-nostdin", "-i", str(path), "-map", "0:a", "-c",
                               "copy", "-f", "md5", "-"], capture_output=True,
                              text=True).stdout.strip()

    again = tmp_path / "again"
    r = run(scenes, f"{name}/Dot1", "-q", "l", "--out", str(again))
    assert r.returncode == 0, r.stderr
    first, second = (audio_md5(o / name / "low/en/Dot1.mp4") for o in (out, again))
    assert first.startswith("MD5=") and first == second


def test_recordings_override_synthesis_and_stale_ones_are_reported(topic, tmp_path):
    scenes, name = topic
    out = tmp_path / "out"
    r = run(scenes, "voice-script", name, "--lang", "en")
    assert r.returncode == 0, r.stderr
    script = Path(r.stdout.strip().splitlines()[-1])
    text = script.read_text()
    assert "`001`" in text and "A dot." in text and "It moves." in text
    wav = PROJECT_ROOT / "voice" / "en" / name / "Dot1" / "001.wav"
    assert wav.with_suffix(".txt").read_text().strip() == "A dot."
    # the author records line 001: a 1.2 s tone at 44.1 kHz stands in for a voice
    t = np.arange(int(1.2 * 44100)) / 44100
    write_wav(wav, (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 44100)
    r = run(scenes, f"{name}/Dot1", "-q", "l", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "1 recorded, 1 synthesised" in r.stderr
    meta = json.loads((out / name / "low/en/Dot1.json").read_text())
    line = meta["narration"][0]
    assert line["source"] == "recorded" and line["voice"] == "recording"
    assert line["duration"] == pytest.approx(1.2, abs=0.15)  # the tone, trimmed ends
    # a new recording re-renders the scene: recordings are part of the cache
    wav.with_suffix(".txt").write_text("A point.\n")  # recorded for other words now: stale
    r = run(scenes, f"{name}/Dot1", "-q", "l", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "stale recording" in r.stderr and "1 stale" in r.stderr
    meta = json.loads((out / name / "low/en/Dot1.json").read_text())
    assert meta["narration"][0]["source"] == "stale"


def test_a_corrupt_recording_fails_its_scene_only(topic, tmp_path):
    scenes, name = topic
    out = tmp_path / "out"
    wav = PROJECT_ROOT / "voice" / "zh" / name / "Dot2" / "001.wav"
    wav.parent.mkdir(parents=True, exist_ok=True)
    wav.write_bytes(b"RIFF\x00\x00not really a wave file")
    wav.with_suffix(".txt").write_text("你好。\n")
    try:
        r = run(scenes, name, "-q", "l", "--lang", "zh", "--out", str(out))
        assert r.returncode == 1, r.stderr
        err = " ".join(r.stderr.split())
        assert f"{name}/Dot2 [zh]: BadRecording" in err and "001.wav" in err
        assert (out / name / "low/zh/Dot1.mp4").is_file()
        assert not (out / name / "low/zh/Dot2.mp4").exists()
    finally:
        shutil.rmtree(wav.parent, ignore_errors=True)


def test_missing_voice_engine_is_one_line(monkeypatch):
    import importlib.util

    from renderer import pipeline

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "espeakng_loader" else real(name, *a))
    message = pipeline.preflight({"zh"})
    assert message and "espeakng-loader" in message and "\n" not in message
    assert pipeline.preflight(set()) is None or "voice" not in pipeline.preflight(set())
