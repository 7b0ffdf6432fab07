"""Caption line breaks: every narration line of every scene, in both languages, goes through
``wrap_narration``; lines break at word boundaries (Chinese words by ``jieba``) and never inside
a formula."""

from __future__ import annotations

import jieba
import pytest

from renderer.discover import discover
from scenes.common.widgets import formula_spans, wrap_narration
from tests.scene_harness import ROOT

SCENES = [(str(s.path.relative_to(ROOT)), s.name) for t in discover() for s in t.scenes]
OPERATORS = ("=", "+", "/", "−", "-", "×", "·", "≤", "≥", "←", "→", "^")


def break_problems(s: str, wrapped: str, lang: str) -> list[str]:
    """What is wrong with the line breaks of ``wrapped`` (the wrapping of ``s``)."""
    lines = wrapped.split("\n")
    if len(lines) > 2:
        return [f"{len(lines)} lines"]
    if len(lines) == 1:
        return [] if wrapped == s.strip() else ["text changed"]
    first, second = lines
    if not (s.startswith(first) and s[len(first):].strip() == second):
        return ["text changed"]
    cut = len(first) + len(s[len(first):]) - len(s[len(first):].lstrip())
    out = []
    if any(a < cut < b for a, b in formula_spans(s)):
        out.append("break inside a formula")
    # independent of formula_spans: no line ends or starts with an operator, brackets balanced
    if first.rstrip().endswith(OPERATORS) or second.startswith(OPERATORS):
        out.append("break beside an operator")
    if first.count("(") != first.count(")"):
        out.append("break inside brackets")
    if lang == "zh" and not s[cut - 1].isspace() and not s[cut].isspace():
        bounds, i = set(), 0
        for word in jieba.cut(s, HMM=False):
            i += len(word)
            bounds.add(i)
        if cut not in bounds:
            out.append(f"break inside a word ({s[cut - 2:cut]}|{s[cut:cut + 2]})")
    return [f"{p}: {first!r} / {second!r}" for p in out]


@pytest.mark.parametrize("s", [
    "批量法平滑但每轮进展慢；随机法快却抖动；小批量介于两者之间。",
    "越接近谷底斜率越小，每一步都自然越来越小，最后停在谷底附近的最低点。",
    "正则化系数 α 越来越大的时候，最优点也就越来越靠近 0：w* = 3 / (1 + α)。",
    "The larger the coefficient α, the closer the optimum moves to zero: w* = 3 / (1 + α).",
    "The course's example: minimise L(w) = (w − 2.3)², whose lowest point is w = 2.3.",
])
def test_known_lines_break_cleanly(s):
    lang = "en" if s.isascii() or s.startswith("The") else "zh"
    wrapped = wrap_narration(s, lang)
    assert "\n" in wrapped
    assert break_problems(s, wrapped, lang) == []
    assert "抖\n动" not in wrapped and "每一\n步" not in wrapped


def test_formula_spans_cover_whole_formulas():
    s = "α 越大，最优点越靠近 0：w* = 3 / (1 + α)。"
    assert any(s[a:b].endswith("3 / (1 + α)") for a, b in formula_spans(s))
    s = "minimise L(w) = (w − 2.3)², whose"
    assert any(s[a:b] == "L(w) = (w − 2.3)²," for a, b in formula_spans(s))


def test_too_long_narration_is_an_error():
    with pytest.raises(ValueError, match="split it"):
        wrap_narration("这是一句非常长的旁白，" * 8, "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("relpath,name", SCENES, ids=[n for _, n in SCENES])
def test_every_narration_line_wraps_cleanly(rendered, relpath, name, lang):
    seen = rendered(relpath, name, lang).wrapped  # every caption the scene wrapped
    assert seen, "the scene narrated nothing"
    bad = [p for s, out in seen for p in break_problems(s, out, lang)]
    assert not bad, "\n".join(bad)
