"""The clip cache: synthesised once, read back after, keyed by everything that shapes the
sound, written atomically; the same text gives the same bytes in separate processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from voice.audio import read_wav
from voice.clips import clip_key, synthesize
from voice.engine import Speech, VoiceEngine, proportional_spans


class ToneEngine(VoiceEngine):
    """A stand-in engine: a 440 Hz tone, one tenth of a second per character; counts calls."""

    name, voice, version, languages = "tone", "a4", "1", frozenset({"en", "zh"})

    def __init__(self) -> None:
        self.calls = 0

    def synthesize(self, text: str, lang: str) -> Speech:
        self.check(text, lang)
        self.calls += 1
        t = np.arange(int(0.1 * len(text) * 16000)) / 16000
        audio = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        return Speech(audio, 16000, proportional_spans(text, len(audio) / 16000))


def test_a_clip_is_synthesised_once_then_read_from_the_cache(tmp_path):
    engine = ToneEngine()
    first = synthesize("hello, world", "en", engine, tmp_path)
    again = synthesize("hello, world", "en", engine, tmp_path)
    assert engine.calls == 1
    assert again == first
    audio, rate = read_wav(first.path)
    assert rate == first.sample_rate == 16000
    assert first.duration == len(audio) / rate == pytest.approx(1.2)
    assert [c.text for c in first.clauses] == ["hello,", "world"]
    assert first.voice == "tone a4"
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_the_key_covers_text_language_and_engine_version(tmp_path):
    engine = ToneEngine()
    keys = {clip_key("a b", "en", engine), clip_key("a  b", "en", engine),
            clip_key("a b", "zh", engine)}
    engine.version = "2"
    keys.add(clip_key("a b", "en", engine))
    assert len(keys) == 4


def test_a_damaged_cache_entry_is_synthesised_again(tmp_path):
    engine = ToneEngine()
    clip = synthesize("abc", "en", engine, tmp_path)
    clip.path.with_suffix(".json").write_text("{", encoding="utf-8")
    assert synthesize("abc", "en", engine, tmp_path) == clip
    assert engine.calls == 2


SYNTH = """
import sys
from pathlib import Path
from voice import engine_for, speakable, synthesize
lang, cache = sys.argv[1], Path(sys.argv[2])
text = {"en": "The slope at 9 is L'(9) = 13.4.", "zh": "在 9 处斜率 L'(9) = 13.4。"}[lang]
print(synthesize(speakable(text, lang), lang, engine_for(lang), cache).path)
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_same_text_same_bytes_in_two_processes(lang, tmp_path):
    paths = []
    for run in ("a", "b"):
        out = subprocess.run([sys.executable, "-c", SYNTH, lang, str(tmp_path / run)],
                             capture_output=True, text=True, check=True)
        paths.append(Path(out.stdout.strip()))
    assert paths[0] != paths[1] and paths[0].name == paths[1].name
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert len(paths[0].read_bytes()) > 22050  # more than half a second of 16-bit audio
