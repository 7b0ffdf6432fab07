"""Spoken text: written narration lines as a teacher says them, and every scene's narration
reaches the voice engines with nothing raw in it."""

from __future__ import annotations

import pytest

from renderer.discover import discover
from tests.scene_harness import ROOT
from voice.numbers import integer_en, integer_zh, number_zh
from voice.spoken import speakable, spoken_form, unspeakable

SCENES = [(str(s.path.relative_to(ROOT)), s.name) for t in discover() for s in t.scenes]


@pytest.mark.parametrize("written,said", [
    ("L'(9) = 13.4", "L prime of 9 equals 13.4"),
    ("η", "eta"),
    ("∇L", "the gradient of L"),
    ("(w − 2.3)²", "w minus 2.3, squared"),
    ("(w - 2.3)²", "w minus 2.3, squared"),
    ("3.4×10⁻¹³", "3.4 times ten to the minus 13"),
    ("3.4e-13", "3.4 times ten to the minus 13"),
    ("10⁻³", "ten to the minus 3"),
    ("w1, w2", "w one, w two"),
    ("−∇L", "minus the gradient of L"),
    ("η·|∇L|", "eta times the norm of the gradient of L"),
    ("|x|", "the absolute value of x"),
    ("∇f = λ∇g", "the gradient of f equals lambda times the gradient of g"),
    ("f''(x)", "f double prime of x"),
    ("w* = 3 / (1 + α)", "w star equals 3 over (1 plus alpha)"),
    ("dy/dx = 3x²", "d y by d x equals 3 x squared"),
    ("6.7² = 44.89", "6.7 squared equals 44.89"),
    ("x³", "x cubed"),
    ("x⁴", "x to the power 4"),
    ("f' = 3x² − 3", "f prime equals 3 x squared minus 3"),
    ("x⁻¹", "x to the minus 1"),
    ("x₀ ≈ 1.5", "x zero is approximately 1.5"),
    ("a ≤ b ≥ c", "a is less than or equal to b is greater than or equal to c"),
    ("h → 0", "h tends to 0"),
    ("m̂ and v̂", "m hat and v hat"),
    ("√2 and √(x + 1)", "the square root of 2 and the square root of x plus 1"),
    ("±∞", "plus or minus infinity"),
    ("π", "pi"),
    ("5%", "5 percent"),
    ("3–5 steps", "3 to 5 steps"),
    ("in [0, 1]", "in the interval from 0 to 1"),
    ("y = wx + b", "y equals w x plus b"),
    ("sigmoid(5x + 3)", "sigmoid of 5 x plus 3"),
    ("drawn 2x longer", "drawn 2 times longer"),
    ("opt.zero_grad()", "opt dot zero grad"),
    ("lr 0.4", "learning rate 0.4"),
    ("the walker's feet", "the walker's feet"),
    ("moves by -1.34", "moves by minus 1.34"),
    ("e^−x", "e to the minus x"),
    ("near 22.4 ms", "near 22.4 milliseconds"),
    ("ln x and ln(1 + e^x)", "the natural log of x and the natural log of 1 plus e to the power x"),
])
def test_english(written, said):
    assert speakable(written, "en") == said


@pytest.mark.parametrize("written,said", [
    ("η", "伊塔"),
    ("∇L", "L 的梯度"),
    ("(w − 2.3)²", "w 减二点三的平方"),
    ("0.075", "零点零七五"),
    ("44.89", "四十四点八九"),
    ("斜率 -3", "斜率负三"),
    ("−1.34", "负一点三四"),
    ("3.4×10⁻¹³", "三点四乘十的负十三次方"),
    ("w1、w2", "w 一、w 二"),
    ("L'(9) = 13.4", "L 撇九等于十三点四"),
    ("η·|∇L|", "伊塔乘 L 的梯度的模"),
    ("∇f = λ∇g", "f 的梯度等于兰姆达乘 g 的梯度"),
    ("99 个点", "九十九个点"),
    ("放大 2 倍", "放大两倍"),
    ("训练 50 轮", "训练五十轮"),
    ("5% 的数据", "百分之五的数据"),
    ("x ≈ 1.5 ≤ 2", "x 约等于一点五小于等于二"),
    ("h → 0", "h 趋向零"),
    ("w* = 3 / (1 + α)", "w 星等于三除以 (一加阿尔法)"),
    ("y = wx + b", "y 等于 w x 加 b"),
    ("dy/dx = 3x²", "d y 比 d x 等于三 x 的平方"),
    ("x⁻¹", "x 的负一次方"),
    ("f' = 3x² − 3", "f 撇等于三 x 的平方减三"),
    ("α − 1 = −∇L", "阿尔法减一等于负 L 的梯度"),
    ("“损失 + 正则项”", "“损失加正则项”"),
    ("2.3012，1000", "二点三零一二，一千"),
    ("在 [0, 1] 上", "在从零到一的闭区间上"),
    ("e^−x", "e 的负 x 次方"),
    ("cos(−x) = cos x", "cos 负 x 等于 cos x"),
    ("(0, 1/2)", "(零, 二分之一)"),
    ("±3π/2", "正负二分之三派"),
])
def test_chinese(written, said):
    assert speakable(written, "zh") == said


@pytest.mark.parametrize("n,words", [
    (0, "零"), (10, "十"), (15, "十五"), (20, "二十"), (99, "九十九"), (101, "一百零一"),
    (110, "一百一十"), (1001, "一千零一"), (10005, "一万零五"), (20300, "两万零三百"), (2000, "两千"), (12000, "一万二千"),
    (100010, "十万零一十"), (120000000, "一亿二千万"),
])
def test_chinese_integers(n, words):
    assert integer_zh(n) == words


def test_chinese_decimals_read_every_digit_after_the_point():
    assert number_zh("0.075") == "零点零七五"
    assert number_zh("-2.50") == "负二点五零"
    assert number_zh("1,000") == "一千"
    with pytest.raises(ValueError, match="decimal number"):
        number_zh("1e5")


@pytest.mark.parametrize("n,words", [(0, "zero"), (13, "thirteen"), (21, "twenty-one"),
                                     (100, "one hundred"), (1300, "one thousand three hundred")])
def test_english_integers(n, words):
    assert integer_en(n) == words


@pytest.mark.parametrize("text,lang,raw", [
    ("η = 1", "en", ["η", "="]),
    ("w₁ ≤ 2%", "en", ["₁", "≤", "%"]),
    ("a - b", "en", ["-"]),
    ("flat-bottomed", "en", []),
    ("学习率 0.4", "zh", ["0", "4"]),
    ("学习率是零点四。", "zh", []),
    ("学习率", "en", ["学", "习", "率"]),
    ("“损失”（强对偶）", "zh", []),
])
def test_unspeakable_lists_what_would_reach_the_engine_raw(text, lang, raw):
    assert unspeakable(text, lang) == raw


def test_spoken_form_prefers_the_explicit_override():
    assert spoken_form("η = 0.1", "en") == "eta equals 0.1"
    assert spoken_form("η = 0.1", "en", say="the learning rate  is one tenth") == \
        "the learning rate is one tenth"
    with pytest.raises(ValueError, match="empty"):
        spoken_form("η", "en", say="  ")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="fr"):
        speakable("hello", "fr")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("relpath,name", SCENES, ids=[n for _, n in SCENES])
def test_every_narration_line_is_speakable(rendered, relpath, name, lang):
    lines = rendered(relpath, name, lang).spoken  # (written line, explicit spoken form)
    assert lines, f"{name} [{lang}] recorded no narration"
    bad = [f"{line!r} -> {spoken_form(line, lang, say)!r}: {raw}" for line, say in lines
           if (raw := unspeakable(spoken_form(line, lang, say), lang))]
    assert not bad, f"{name} [{lang}] lines a voice would read raw:\n" + "\n".join(bad)
