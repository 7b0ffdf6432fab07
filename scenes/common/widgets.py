"""Builders for the pieces every scene shows: text, formulas, title cards, counters, code."""

from __future__ import annotations

import functools
import math
import re

import manim as mn

from scenes.common import look
from scenes.common.lang import current_lang

__all__ = [
    "PROJECT_ROOT",
    "code_block",
    "get_axes",
    "put_numbers_on_top",
    "get_log_label",
    "formula_spans",
    "get_caption",
    "get_counter",
    "get_line_in_axes",
    "get_math",
    "get_text",
    "get_title_card",
    "plain_number",
    "round_sig",
    "tex_number",
    "wrap_narration",
]

from scenes.options import PROJECT_ROOT  # noqa: E402  (re-exported for code listings)

MAX_CAPTION_LINES = 2
_LINE_CHARS = {"en": 60, "zh": 29}  # a CJK glyph is 0.44 units wide, Latin about 0.22


def get_text(s: str, size: float = look.BODY_SIZE, color: str = look.TEXT, **kw) -> mn.Text:
    """Body text (English or Chinese) in the project font."""
    return mn.Text(s, font=look.FONT, font_size=size, color=color, **kw)


def get_math(*tex: str, size: float = look.MATH_SIZE, color: str = look.TEXT, **kw) -> mn.MathTex:
    """A formula (never Chinese: lay Chinese text beside it as a separate :func:`get_text`)."""
    return mn.MathTex(*tex, font_size=size, color=color, **kw)


def round_sig(x: float, digits: int = 4) -> float:
    """x rounded to ``digits`` significant digits, for numbers a viewer reads."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def tex_number(x: float, digits: int = 3, notation: str = "auto", zeros: bool = False) -> str:
    """TeX for a number a viewer reads: ``digits`` significant digits, and a power of ten
    (1.26 \\times 10^{-8}) instead of e-notation for very small or large values.

    ``notation`` keeps a table's column in one form: ``"sci"`` always writes a power of ten,
    ``"plain"`` never does (a decimal, down to 10⁻⁶); ``"auto"`` uses a power of ten below
    10⁻³ and from 10⁵ up. ``zeros=True`` keeps trailing zeros, so every number of a column of
    measured values shows its ``digits`` digits (0.00260 under 0.0417, 1.20 × 10⁻⁴)."""
    x = round_sig(float(x), digits)

    def trim(text: str) -> str:
        return text if zeros or "." not in text else text.rstrip("0").rstrip(".")

    if x == 0:
        return "0"
    plain = notation == "plain" and abs(x) >= 1e-6
    if not plain and (notation == "sci" or abs(x) < 1e-3 or abs(x) >= 1e5):
        mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
        return rf"{trim(mantissa)} \times 10^{{{int(exponent)}}}"
    return trim(f"{x:.{max(digits - 1 - math.floor(math.log10(abs(x))), 0)}f}")


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def plain_number(x: float, digits: int = 3) -> str:
    """A number for narration text (no TeX): 16.9, 4.26×10⁻⁵."""
    tex = tex_number(x, digits)
    if r"\times" not in tex:
        return tex
    mantissa, exponent = tex.split(r" \times 10^")
    return f"{mantissa}×10{exponent.strip('{}').translate(_SUPERSCRIPT)}"


_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019"
_OPENING = "（“‘《「"
_CLOSING = "，。：；、！？）”’》」"
_PAUSES = "，。：；、！？,.;:!?"
_PAUSE_BONUS = 4.0  # a break after punctuation may leave lines this much (in CJK glyphs) less even
_OPERATORS = {"=", "+", "-", "−", "/", "×", "·", "≤", "≥", "<", ">", "≈", "←", "→", "^"}


def formula_spans(s: str) -> list[tuple[int, int]]:
    """Where the formulas of a narration line are, as (start, end) character spans that a line
    break must never fall strictly inside.

    A formula is a run of words chained by operators (``L(w) = (w − 2.3)²``, ``3 / (1 + α)``) or
    held together by an open bracket; in Chinese text, every run of non-CJK characters between
    CJK ones is also kept whole (``η·|∇L|``, ``w = 9``).
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", s)]
    spans: list[list[int]] = []
    depth, prev = 0, ""
    for a, b in words:
        word = s[a:b]
        if re.search(f"[{_CJK}]", word):  # Chinese words are never part of a formula
            depth, prev = 0, ""
            continue
        joined = prev and (depth > 0 or word in _OPERATORS or prev in _OPERATORS
                           or word.lstrip("(").startswith(("=", "+", "/", "×", "−", "^")))
        if joined:
            spans[-1][1] = b
        else:
            spans.append([a, b])
        depth = max(depth + word.count("(") - word.count(")"), 0)
        prev = word
    out = [(a, b) for a, b in spans if " " in s[a:b]]
    for m in re.finditer(f"[^{_CJK}]+", s):  # non-CJK runs inside Chinese text
        a, b = m.start(), m.end()
        a += len(s[a:b]) - len(s[a:b].lstrip())
        b -= len(s[a:b]) - len(s[a:b].rstrip())
        if b > a and re.search(f"[{_CJK}]", s):
            out.append((a, b))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(out):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _atoms(s: str, lang: str) -> list[str]:
    """The pieces a line may break between: formulas whole; Chinese words (``jieba``) with
    closing punctuation glued to the word before and opening punctuation to the word after;
    English words."""
    spans = formula_spans(s)
    cuts: list[str] = []
    i = 0
    for a, b in spans + [(len(s), len(s))]:
        if i < a:
            plain = s[i:a]
            if lang == "zh":
                cuts += [w for w in _jieba().cut(plain, HMM=False) if w]
            else:
                cuts += re.findall(r"\S+|\s+", plain)
        if a < b:
            cuts.append(s[a:b])
        i = max(i, b)
    atoms: list[str] = []
    for piece in cuts:
        if atoms and (piece[0] in _CLOSING or atoms[-1][-1] in _OPENING) and piece.strip():
            atoms[-1] += piece
        else:
            atoms.append(piece)
    return atoms


def _width(piece: str) -> float:
    return sum(0.55 if ord(c) < 0x2E80 else 1.0 for c in piece)


# Terms of this course that must stay whole on a caption line (jieba's general dictionary
# would cut some of them: 海森|矩阵).
_TERMS = ("黑塞矩阵", "海森矩阵", "有效学习率", "学习率", "梯度下降", "特征值", "偏导数", "二阶导数", "全微分",
          "凸函数", "凸包络", "定义域", "值域", "渐近线", "泰勒级数", "收敛半径", "动量法",
          "超参数", "损失函数", "正则化", "拉格朗日乘子", "对偶函数", "鞍点", "饱和区")


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    for term in _TERMS:
        jieba.add_word(term)
    return jieba


def wrap_narration(s: str, lang: str | None = None) -> str:
    """Wrap narration into at most two lines; longer narration is an authoring error.

    Lines break only between words (Chinese words as the ``jieba`` segmenter finds them) and
    never inside a formula (see :func:`formula_spans`); of the possible breaks, the one that
    makes the two lines most even is taken, and a break after punctuation is preferred.
    """
    lang = lang or current_lang()
    width = float(_LINE_CHARS[lang])
    if lang == "en":
        width *= 0.55  # measure Latin text in the same units as CJK glyphs
    atoms = _atoms(s, lang)
    if _width(s) <= width:
        return s.strip()
    best: tuple[float, str, str] | None = None
    for i in range(1, len(atoms)):  # two lines: the break that balances them best
        if not atoms[i].strip():
            continue
        first, second = "".join(atoms[:i]).rstrip(), "".join(atoms[i:]).strip()
        longest = max(_width(first), _width(second))
        score = longest - (_PAUSE_BONUS if first[-1] in _PAUSES else 0.0)
        if longest <= width and (best is None or score < best[0]):
            best = (score, first, second)
    if best is None:
        raise ValueError(f"Narration longer than {MAX_CAPTION_LINES} lines; split it: {s!r}")
    lines = [best[1], best[2]]
    return "\n".join(lines)


def get_caption(s: str) -> mn.Text:
    """Narration text placed in the caption band at the bottom of the frame."""
    cap = get_text(wrap_narration(s), size=look.BODY_SIZE, line_spacing=0.8)
    band_center = (look.CAPTION_BAND_TOP - mn.config.frame_height / 2 + look.MARGIN) / 2
    cap.move_to([0, band_center, 0])
    return cap


def get_title_card(title: str, subtitle: str = "") -> mn.VGroup:
    """A scene's opening card: title, a rule, and an optional subtitle (the topic)."""
    head = get_text(title, size=look.TITLE_SIZE, weight=mn.BOLD)
    max_width = mn.config.frame_width - 2 * look.MARGIN - 1.0
    if head.width > max_width:
        head.scale_to_fit_width(max_width)
    rule = mn.Line(mn.LEFT, mn.RIGHT, color=look.FUNCTION)
    rule.width = head.width + 0.6
    group = mn.VGroup(head, rule)
    if subtitle:
        group.add(get_text(subtitle, size=look.BODY_SIZE, color=look.MUTED))
    return group.arrange(mn.DOWN, buff=0.35)


def get_counter(label_tex: str, value: float, digits: int = 3, color: str = look.TEXT
                ) -> mn.VGroup:
    """``label = value``: a formula label and a live DecimalNumber (``group[1]``)."""
    label = get_math(label_tex + "=", color=color)
    number = mn.DecimalNumber(value, num_decimal_places=digits, font_size=look.MATH_SIZE,
                              color=color)
    return mn.VGroup(label, number).arrange(mn.RIGHT, buff=0.15)


def get_log_label(y_tex: str, size: float = look.LABEL_SIZE) -> mn.Mobject:
    """The label of a log-scaled axis: ``L (log)``, in Chinese ``L（对数坐标）``."""
    if current_lang() == "zh":
        return mn.VGroup(get_math(y_tex, size=size), get_text("（对数坐标）", size=size * 0.8)
                         ).arrange(mn.RIGHT, buff=0.08)
    return get_math(y_tex + r"\ (\log)", size=size)


NUMBER_BACKING = 0.7  # opacity of the box behind a tick number drawn over curves


def get_axes(x_range, y_range, x_length: float, y_length: float,
             x_label: str | mn.Mobject = "x", y_label: str | mn.Mobject = "y",
             y_numbers: bool = True, y_log: bool = False, numbers_on_top: bool = False,
             **kw) -> mn.Axes:
    """Axes in the shared look, with tick numbers and axis labels at readable sizes.

    A label is TeX, or a ready mobject (Chinese text through :func:`get_text`).
    ``y_numbers=False`` leaves the y ticks unnumbered (when curves would cross the numbers);
    ``y_log=True`` makes the y axis logarithmic (``y_range`` then holds powers of ten);
    ``numbers_on_top=True`` draws the axes over the curves, each tick number on a translucent
    box: a curve passing under a number stays visible, dimmed, and the number readable.
    """
    def places(rng) -> dict:  # as many decimals as the tick step has: 0.25 -> 0.75, not 0.8
        step = f"{float(rng[2] if len(rng) > 2 else 1):g}"
        return {"decimal_number_config": {"num_decimal_places": len(step.partition(".")[2])}}

    axes = mn.Axes(
        x_range=x_range, y_range=y_range, x_length=x_length, y_length=y_length,
        axis_config={"color": look.MUTED, "include_numbers": True,
                     "font_size": look.TICK_SIZE, "include_tip": False},
        x_axis_config=places(x_range),
        y_axis_config={**places(y_range), "include_numbers": y_numbers,
                       **({"scaling": mn.LogBase(custom_labels=True)} if y_log else {})},
        **kw,
    )
    for label, get in ((x_label, axes.get_x_axis_label), (y_label, axes.get_y_axis_label)):
        if isinstance(label, mn.Mobject):
            axes.add(get(label))
        elif label:
            axes.add(get(get_math(label, size=look.LABEL_SIZE + 4)))
    return put_numbers_on_top(axes) if numbers_on_top else axes


def put_numbers_on_top(axes: mn.Axes) -> mn.Axes:
    """Draw ``axes`` over the curves, each tick number on a translucent box (a curve passing
    under a number stays visible, dimmed; an opaque box cut it in two)."""
    for number in [*axes.x_axis.numbers, *getattr(axes.y_axis, "numbers", [])]:
        number.add_background_rectangle(color=look.BACKGROUND, opacity=NUMBER_BACKING, buff=0.04)
    axes.set_z_index(1)
    return axes


def get_line_in_axes(axes: mn.Axes, line, color: str, stroke_width: float = 4) -> mn.Line:
    """Draw y = line(x) (a mathcore ``Line``) across the part of the axes' window it crosses."""
    (x0, x1), (y0, y1) = axes.x_range[:2], axes.y_range[:2]
    xs = [x0, x1]
    if line.slope != 0:
        xs += [(y - line.intercept) / line.slope for y in (y0, y1)]
    inside = sorted(x for x in xs if x0 - 1e-9 <= x <= x1 + 1e-9
                    and y0 - 1e-9 <= line(x) <= y1 + 1e-9)
    a, b = (inside[0], inside[-1]) if inside else (x0, x0)
    return mn.Line(axes.c2p(a, line(a)), axes.c2p(b, line(b)), color=color,
                   stroke_width=stroke_width)


def code_block(relpath: str, size: float = look.CODE_SIZE, lines: tuple[int, int] | None = None,
               comments_zh: dict[str, str] | None = None,
               max_width: float | None = None) -> mn.Code:
    """A code listing loaded from a file of the project (a file the tests also execute).

    ``lines`` = (first, last), 1-based and inclusive, shows only part of the file. In the
    Chinese render each ``# comment`` found in ``comments_zh`` is shown translated; the file,
    and so the code that runs, stays the same. A listing wider than ``max_width`` is scaled
    down to it.
    """
    path = PROJECT_ROOT / relpath
    if not path.is_file():
        raise FileNotFoundError(f"Code file for the scene not found: {relpath}")
    source = path.read_text(encoding="utf-8")
    if lines is not None:
        source = "\n".join(source.splitlines()[lines[0] - 1:lines[1]]) + "\n"
    if comments_zh and current_lang() == "zh":
        for en, zh in comments_zh.items():
            source = source.replace(f"# {en}", f"# {zh}")
    block = mn.Code(
        code_string=source, language="python", formatter_style="monokai",
        add_line_numbers=False, background="rectangle",
        paragraph_config={"font": "Noto Sans Mono CJK SC", "font_size": size},
    )
    block.source = source  # what is on screen, for tests
    if max_width is not None and block.width > max_width:
        block.scale_to_fit_width(max_width)
    return block
