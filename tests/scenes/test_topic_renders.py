"""Every topic rendered for real (MP4, low quality) through render.py: every animation runs
frame by frame, not only the skipped-animation renders of the picture and layout tests."""

from __future__ import annotations

import json
import subprocess
import sys

import ffmpeg
import pytest

from renderer.discover import discover
from tests.scene_harness import ROOT

pytestmark = pytest.mark.slow
TOPICS = [t for t in discover() if t.scenes]


@pytest.mark.parametrize("topic", TOPICS, ids=[t.name for t in TOPICS])
def test_topic_renders_and_every_video_decodes(topic, tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "render.py"), topic.name, "-q", "l",
                           "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=1800)
    assert done.returncode == 0, done.stderr[-2000:]
    folder = tmp_path / topic.name / "low" / "en"
    for scene in topic.scenes:
        meta = json.loads((folder / f"{scene.name}.json").read_text())
        video = folder / f"{scene.name}.mp4"
        # Decode every frame; count them against the recorded duration.
        out, err = (ffmpeg.input(str(video)).output("pipe:", f="framemd5", map="0:v")
                    .run(capture_stdout=True, capture_stderr=True))
        frames = [x for x in out.decode().splitlines() if x and not x.startswith("#")]
        assert abs(len(frames) - meta["duration"] * meta["fps"]) <= 1, scene.name
        # the scene speaks: an audio stream as long as the picture, within one frame
        streams = {s["codec_type"]: float(s["duration"])
                   for s in ffmpeg.probe(str(video))["streams"] if "duration" in s}
        assert abs(streams["audio"] - streams["video"]) <= 1 / meta["fps"], scene.name
        assert meta["voice"]["tts"] + meta["voice"]["recorded"] == len(meta["narration"]) > 0
        assert (meta["width"], meta["height"]) == (854, 480)
        assert meta["fps"] == pytest.approx(15, rel=1e-3)
        assert len(meta["chapters"]) >= 3, scene.name
        assert (folder / f"{scene.name}.vtt").read_text().count("-->") >= 2
