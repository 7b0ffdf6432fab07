"""Spoken text: a written narration line, math notation and all, as a teacher would say it in
English or Chinese, and the check that nothing unspeakable would reach a voice engine.

``speakable("L'(9) = 13.4", "en")`` gives ``"L prime of 9 equals 13.4"``;
``speakable("(w − 2.3)²", "zh")`` gives ``"w 减 二点三 的平方"``: Chinese lines have every
number spelt in Chinese words, because espeak-ng drops 点 in some decimals.

A line the rules cannot handle gets an explicit spoken form. The plan for the lecture scenes
is ``narrate(en, zh, say_en=None, say_zh=None)``: the narration calls
``spoken_form(en, "en", say=say_en)``, which returns the override as it is (whitespace
tidied) or else ``speakable(en, "en")``. An override is checked like any other spoken line
(:func:`unspeakable` must find nothing in it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from scenes.options import LANGS
from voice.numbers import integer_en, number_zh

__all__ = ["LANGS", "speakable", "spoken_form", "unspeakable"]


_GREEK = {
    "α": ("alpha", "阿尔法"), "β": ("beta", "贝塔"), "γ": ("gamma", "伽马"),
    "Γ": ("gamma", "伽马"), "δ": ("delta", "德尔塔"), "Δ": ("delta", "德尔塔"),
    "ε": ("epsilon", "艾普西龙"), "ϵ": ("epsilon", "艾普西龙"), "ζ": ("zeta", "泽塔"),
    "η": ("eta", "伊塔"), "θ": ("theta", "西塔"), "Θ": ("theta", "西塔"),
    "ι": ("iota", "约塔"), "κ": ("kappa", "卡帕"), "λ": ("lambda", "兰姆达"),
    "Λ": ("lambda", "兰姆达"), "μ": ("mu", "缪"), "ν": ("nu", "纽"), "ξ": ("xi", "克西"),
    "π": ("pi", "派"), "Π": ("pi", "派"), "ρ": ("rho", "柔"), "σ": ("sigma", "西格玛"),
    "Σ": ("sigma", "西格玛"), "τ": ("tau", "套"), "φ": ("phi", "斐"), "ϕ": ("phi", "斐"),
    "Φ": ("phi", "斐"), "χ": ("chi", "卡伊"), "ψ": ("psi", "普西"), "Ψ": ("psi", "普西"),
    "ω": ("omega", "欧米伽"), "Ω": ("omega", "欧米伽"),
}
_SUPER = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿⁱᵀˣ", "0123456789+-niTx", strict=True))
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ", "0123456789aeoxhklmnpstij", strict=True))
_SUP_CHARS = "".join(_SUPER)
_SUB_CHARS = "".join(_SUB)
_GREEK_CHARS = "".join(_GREEK)
_MARKS = {"\u0302": ("hat", "帽"), "\u0304": ("bar", "拔"), "\u0303": ("tilde", "波浪"),
          "\u0307": ("dot", "点")}
_EN_TWO_LETTER_WORDS = set("am an as at be by do go he hi if in is it me my no of oh ok on or "
                           "so to up us we pi mu nu xi".split())
_ZH_MEASURE = "个倍次轮步种条只位张组项"  # 2 before one of these is read 两

_NUM = r"\d+(?:\.\d+)?"
_VAR = rf"[A-Za-z{_GREEK_CHARS}]"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"

# Words per language: (English, Chinese).
_W = {
    "=": ("equals", "等于"), "≈": ("is approximately", "约等于"), "≠": ("is not equal to", "不等于"),
    "≤": ("is less than or equal to", "小于等于"), "≥": ("is greater than or equal to", "大于等于"),
    "<": ("is less than", "小于"), ">": ("is greater than", "大于"), "→": ("tends to", "趋向"),
    "×": ("times", "乘"), "·": ("times", "乘"), "+": ("plus", "加"), "±": ("plus or minus", "正负"),
    "∞": ("infinity", "无穷大"), "∈": ("in", "属于"), "∝": ("is proportional to", "正比于"),
    "∑": ("the sum of", "求和"), "∫": ("the integral of", "积分"), "°": ("degrees", "度"),
    "&": ("and", "和"), "~": ("about", "约"),
}


def _en(lang: str) -> bool:
    return lang == "en"


def _pick(lang: str, en: str, zh: str) -> str:
    return en if lang == "en" else zh


def _power(sup: str, lang: str) -> str:
    """The spoken exponent: ² → "squared" / 的平方, ⁻¹³ → "to the minus 13" / 的负13次方."""
    exp = "".join(_SUPER[c] for c in sup)
    if exp == "2":
        return _pick(lang, "squared", "的平方")
    if exp == "3":
        return _pick(lang, "cubed", "的立方")
    if exp == "T":
        return _pick(lang, "transpose", "的转置")
    neg = exp.startswith("-")
    exp = exp.lstrip("+-")
    if _en(lang):
        return f"to the minus {exp}" if neg else f"to the power {exp}"
    return f"的{'负' if neg else ''}{exp}次方"


def _scientific(m: re.Match[str], lang: str) -> str:
    """3.4×10⁻¹³, 3.4×10^-13 or 3.4e-13 → "3.4 times ten to the minus 13" / 3.4 乘 10 的负13次方."""
    mantissa = m.group(1)
    exp = next(g for g in m.groups()[1:] if g)
    exp = "".join(_SUPER.get(c, c) for c in exp)
    neg = exp.startswith(("-", "−"))
    exp = exp.lstrip("+-−").lstrip("0") or "0"
    if _en(lang):
        return f"{mantissa} times ten to the {'minus ' if neg else 'power '}{exp}"
    return f"{mantissa} 乘 10 的{'负' if neg else ''}{exp}次方"


def _ten_power(m: re.Match[str], lang: str) -> str:
    exp = "".join(_SUPER[c] for c in m.group(1))
    neg = exp.startswith("-")
    exp = exp.lstrip("+-")
    if _en(lang):
        return f"ten to the {'minus ' if neg else 'power '}{exp}"
    return f"10 的{'负' if neg else ''}{exp}次方"


def _grouped_power(m: re.Match[str], lang: str) -> str:
    inner, sup = m.group(1), m.group(2)
    return f"{inner}, {_power(sup, lang)}" if _en(lang) else f"{inner} {_power(sup, lang)}"


def _plain_power(m: re.Match[str], lang: str) -> str:
    return f"{m.group(1)} {_power(m.group(2), lang)}"


def _subscript(m: re.Match[str], lang: str) -> str:
    sub = "".join(_SUB[c] for c in m.group(2))
    return f"{m.group(1)}{sub}" if sub.isdigit() else f"{m.group(1)} {sub} "


def _index(m: re.Match[str], lang: str) -> str:
    """w1 → "w one" (English) / "w 1" (Chinese: the number pass spells it)."""
    n = m.group(2)
    return f"{m.group(1)} {integer_en(int(n)) if _en(lang) and len(n) < 4 else n}"


def _gradient(m: re.Match[str], lang: str) -> str:
    operand = m.group(1)
    if _en(lang):
        return f"the gradient of {operand}" if operand else "the gradient"
    return f"{operand} 的梯度" if operand else "梯度"


def _bars(m: re.Match[str], lang: str) -> str:
    inner = m.group(1).strip()
    vector = "gradient" in inner or "梯度" in inner
    if _en(lang):
        return f"the {'norm' if vector else 'absolute value'} of {inner}"
    return f"{inner} 的{'模' if vector else '绝对值'}"


def _root(m: re.Match[str], lang: str) -> str:
    inner = m.group(1) or m.group(2)
    return f"the square root of {inner}" if _en(lang) else f"根号 {inner}"


def _prime(m: re.Match[str], lang: str) -> str:
    n = len(m.group(2).replace("″", "''").replace("′", "'"))
    if _en(lang):
        return f"{m.group(1)} {('', 'prime', 'double prime', 'triple prime')[min(n, 3)]}"
    return f"{m.group(1)} {'撇' * min(n, 3)}"


def _apply(m: re.Match[str], lang: str) -> str:
    name, args = m.group(1), m.group(2).strip()
    if _en(lang):
        return f"the natural log of {args}" if name == "ln" else f"{name} of {args}"
    if args[:1] in "−-":  # cos(−x): the argument is negated (负), nothing is subtracted
        args = "负 " + args[1:].strip()
    return f"{name} {args}"


def _fraction(m: re.Match[str], lang: str) -> str:
    """1/2 → 二分之一, π/2 → 二分之π (the denominator first, as Chinese says fractions);
    English leaves it to the division rule ("1 over 2")."""
    if _en(lang):
        return m.group(0)
    return f"{m.group(2)}分之{m.group(1)}"


_OPERAND_END = re.compile(  # what a Chinese operand ends with once spoken (x 的平方, L 的梯度)
    rf"(?:[A-Za-z\d)*'′{_SUP_CHARS}]|{'|'.join(sorted({zh for _, zh in _GREEK.values()}))}"
    r"|平方|立方|次方|转置|梯度|绝对值|模|星|帽|拔|撇)\s*$")


def _minus(m: re.Match[str], lang: str) -> str:
    """Minus after an operand (a letter, a number, a bracket) subtracts (减), else it
    negates (负); English says "minus" either way."""
    before = m.group(1)
    if _en(lang):
        return f"{before} minus "
    return f"{before} {'减' if _OPERAND_END.search(before) else '负'} "


def _percent(m: re.Match[str], lang: str) -> str:
    return f"{m.group(1)} percent" if _en(lang) else f"百分之{m.group(1)}"


def _interval(m: re.Match[str], lang: str) -> str:
    a, b = m.group(1).strip(), m.group(2).strip()
    return f"the interval from {a} to {b}" if _en(lang) else f"从 {a} 到 {b} 的闭区间"


def _range(m: re.Match[str], lang: str) -> str:
    return f"{m.group(1)} {_pick(lang, 'to', '到')} {m.group(2)}"


def _marks(m: re.Match[str], lang: str) -> str:
    return f"{m.group(1)} {' '.join(_MARKS[c][0 if _en(lang) else 1] for c in m.group(2))} "


def _word(symbol: str) -> Callable[[re.Match[str], str], str]:
    return lambda m, lang: f" {_W[symbol][0 if _en(lang) else 1]} "


_Repl = str | Callable[[re.Match[str], str], str]


def _sub(pattern: str, repl: _Repl) -> tuple[re.Pattern[str], _Repl]:
    return re.compile(pattern), repl


_RULES: list[tuple[re.Pattern[str], _Repl]] = [
    # Accents over a variable: m̂ → "m hat" (text is in NFD here)
    _sub(rf"({_VAR})([{''.join(_MARKS)}]+)", _marks),
    # Numbers in scientific notation and powers of ten
    _sub(rf"({_NUM})\s*[×x·*]\s*10(?:([{_SUP_CHARS}]+)|\^\(?([-−+]?\d+)\)?)", _scientific),
    _sub(rf"\b({_NUM})[eE]([-+]?\d+)\b", _scientific),
    _sub(rf"\b10([{_SUP_CHARS}]+)", _ten_power),
    # Derivatives written as fractions: dy/dx, ∂f/∂x
    _sub(r"\bd([A-Za-z])\s*/\s*d([A-Za-z])\b",
         lambda m, lang: f"d {m.group(1)} {_pick(lang, 'by', '比')} d {m.group(2)}"),
    _sub(r"∂\s*([A-Za-z])\s*/\s*∂\s*([A-Za-z])",
         lambda m, lang: _pick(lang, f"partial {m.group(1)} by partial {m.group(2)}",
                               f"偏 {m.group(1)} 比 偏 {m.group(2)}")),
    _sub(r"∂", lambda m, lang: _pick(lang, " partial ", " 偏 ")),
    # Code: calls without arguments, attribute dots, underscores
    _sub(r"([A-Za-z_]\w*)\(\)", r"\1"),
    _sub(r"(?<=[A-Za-z_])\.(?=[A-Za-z_])", lambda m, lang: _pick(lang, " dot ", " 点 ")),
    _sub(r"(?<![\w.])\.(?=[A-Za-z_])", lambda m, lang: _pick(lang, "dot ", "点 ")),
    _sub(r"(?<=[A-Za-z])_(?=[A-Za-z0-9])", " "),
    # "2x longer" is a factor; "lr" the learning rate
    _sub(rf"\b({_NUM})x(?=\s+[a-z]{{3,}})",
         lambda m, lang: f"{m.group(1)} {_pick(lang, 'times', '倍')}"),
    _sub(r"\blr\b", lambda m, lang: _pick(lang, "learning rate", "学习率")),
    _sub(rf"\b({_NUM})\s*ms\b",
         lambda m, lang: f"{m.group(1)} {_pick(lang, 'milliseconds', '毫秒')}"),
    # Juxtaposed gradient (λ∇g) is a product
    _sub(rf"(?<=[\w{_GREEK_CHARS})])∇", lambda m, lang: _pick(lang, " times ∇", " 乘 ∇")),
    # Powers: (w − 2.3)² → "w minus 2.3, squared"; 6.7² → "6.7 squared"
    _sub(rf"\(([^()]+)\)([{_SUP_CHARS}]+)", _grouped_power),
    _sub(rf"([\w.{_GREEK_CHARS}]+)([{_SUP_CHARS}]+)", _plain_power),
    # A negated exponent: e^−x → "e to the minus x" / e 的负 x 次方
    _sub(r"\^\s*\(?[-−]\s*(\w+)\)?", lambda m, lang: _pick(
        lang, f" to the minus {m.group(1)}", f" 的负 {m.group(1)} 次方")),
    # Fractions of numbers (and of π) in Chinese: 1/2 → 二分之一, 3π/2 → 二分之三π
    _sub(r"(?<![\w.])(\d*π|\d+(?:\.\d+)?)\s*/\s*(\d+)(?![\w.])", _fraction),
    # Subscripts and indices: x₀ → "x 0", w1 → "w one"
    _sub(rf"({_VAR})([{_SUB_CHARS}]+)", _subscript),
    _sub(rf"\b({_VAR})(\d+)\b", _index),
    # Primes before function application: L'(9) → "L prime of 9"
    _sub(r"\b([A-Za-z])(['′″]+)(?![A-Za-z])", _prime),
    # Greek letters by name
    _sub(rf"[{_GREEK_CHARS}]", lambda m, lang: f" {_GREEK[m.group(0)][0 if _en(lang) else 1]} "),
    # Gradient, norms and roots
    _sub(r"∇\s*([A-Za-z](?:\([^()]*\))?)?", _gradient),
    _sub(r"\|([^|]+)\|", _bars),
    _sub(r"√\s*(?:\(([^()]*)\)|(\w+))", _root),
    # Function application: L(w) → "L of w", sigmoid(wx + b) → "sigmoid of wx + b"
    _sub(r"\b([A-Za-z]+(?: (?:double |triple )?prime| 撇+)?)\(([^()]*)\)", _apply),
    # The natural log, in English by name: ln x → "the natural log of x"
    _sub(r"\bln\b\s*", lambda m, lang: _pick(lang, "the natural log of ", "ln ")),
    # Starred optimum: w* → "w star"
    _sub(r"\b([A-Za-z])\*(?!\w)", lambda m, lang: f"{m.group(1)} {_pick(lang, 'star', '星')}"),
    # 3x is 3 times x
    _sub(rf"\b({_NUM})([A-Za-z])\b", r"\1 \2"),
    # Intervals and ranges: [0, 1] → "the interval from 0 to 1"; 3–5 → "3 to 5"
    _sub(r"\[\s*([^\[\],]+?)\s*,\s*([^\[\],]+?)\s*\]", _interval),
    _sub(rf"({_NUM})\s*[–~]\s*({_NUM})", _range),
    # Minus: U+2212 always, an ASCII hyphen standing alone or before a number
    _sub(r"(^|.*?)\s*(?:−|(?<=\s)-(?=\s)|(?<![\w-])-(?=\d))\s*", _minus),
    _sub(r"–|—", ", "),
    # Percent, division, the remaining operators
    _sub(rf"({_NUM})\s*%", _percent),
    _sub(r"(?<=[\w)])\s*/\s*(?=[\w(])", lambda m, lang: _pick(lang, " over ", " 除以 ")),
    _sub(r"(?<=[\w)])\s*\*\s*(?=[\w(])", lambda m, lang: _pick(lang, " times ", " 乘 ")),
    _sub(r"\^\s*\(?([-−]?\w+)\)?", lambda m, lang: _pick(
        lang, f" to the power {m.group(1)}", f" 的 {m.group(1)} 次方")),
    *[_sub(re.escape(symbol), _word(symbol)) for symbol in _W],
]


def _letters(text: str) -> str:
    """Two-letter lower-case non-words are products of variables: wx → "w x"."""
    return re.sub(r"\b([a-z])([a-z])\b",
                  lambda m: m.group(0) if m.group(0) in _EN_TWO_LETTER_WORDS
                  else f"{m.group(1)} {m.group(2)}", text)


def _chinese_numbers(text: str) -> str:
    """Every number in Chinese words; 2 before a measure word is 两."""
    text = re.sub(rf"(?<![\d.])2\s*(?=[{_ZH_MEASURE}])", "两", text)
    text = re.sub(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?",
                  lambda m: f" {number_zh(m.group(0))} ", text)
    return text


def _tidy(text: str, lang: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?)，。；：！？、）”])", r"\1", text)
    text = re.sub(r"([(（“])\s+", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    if not _en(lang):
        text = re.sub(rf"(?<=[{_CJK}，。；：！？、（）“”])\s+(?=[{_CJK}，。；：！？、（）“”])", "",
                      text)
    return text


def speakable(text: str, lang: str) -> str:
    """What a teacher says for a written narration line.

    English: ``"L'(9) = 13.4"`` → ``"L prime of 9 equals 13.4"``, ``"∇L"`` → ``"the gradient
    of L"``, ``"(w − 2.3)²"`` → ``"w minus 2.3, squared"``, ``"3.4×10⁻¹³"`` → ``"3.4 times
    ten to the minus 13"``, ``"w1, w2"`` → ``"w one, w two"``; digits stay digits (the
    English voice reads them well).

    Chinese: Greek letters by their usual names (η → 伊塔), ``"∇L"`` → ``"L 的梯度"``,
    ``"(w − 2.3)²"`` → ``"w 减 二点三 的平方"``, and every number in Chinese words
    (0.075 → 零点零七五, −3 → 负三).

    Args:
        text: one written narration line.
        lang: ``"en"`` or ``"zh"``.
    """
    if lang not in LANGS:
        raise ValueError(f"Expected a language in {LANGS}, got {lang!r}.")
    s = unicodedata.normalize("NFD", text)
    s = (s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
         if _en(lang) else s)
    s = s.replace("…", "...").replace("\u00a0", " ").replace("⋅", "·").replace("∗", "*")
    for pattern, repl in _RULES:
        if callable(repl):
            s = pattern.sub(lambda m, repl=repl: repl(m, lang), s)
        else:
            s = pattern.sub(repl, s)
    s = unicodedata.normalize("NFC", s)
    s = _letters(s) if _en(lang) else _chinese_numbers(_letters(s))
    return _tidy(s, lang)


def spoken_form(text: str, lang: str, say: str | None = None) -> str:
    """The words a voice engine gets for a narration line: the explicit override ``say``
    (whitespace tidied; in Chinese its numbers in words) when there is one, else
    :func:`speakable` of the written ``text``."""
    if say is not None:
        if not say.strip():
            raise ValueError("Expected a spoken form with words, got an empty override.")
        if not _en(lang):  # Chinese numbers are said in words, in an override too
            return _tidy(_chinese_numbers(say), lang)
        return re.sub(r"\s+", " ", say).strip()
    return speakable(text, lang)


_PLAIN = set(" ,.;:!?'\"()")
_PLAIN_ZH = set("，。、；：！？“”‘’（）《》「」")


def unspeakable(text: str, lang: str) -> list[str]:
    """The characters of a spoken line a voice engine would get raw, in order of first
    appearance: anything but Latin letters, digits (English only), Chinese characters
    (Chinese only), plain punctuation and hyphens inside words."""
    if lang not in LANGS:
        raise ValueError(f"Expected a language in {LANGS}, got {lang!r}.")
    bad: list[str] = []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _PLAIN or (not _en(lang) and ch in _PLAIN_ZH):
            ok = True
        elif ch == "-":
            ok = 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
        elif ch.isdigit():
            ok = _en(lang) and "0" <= ch <= "9"
        elif ch.isalpha():
            name = unicodedata.name(ch, "")
            ok = name.startswith("LATIN") or (not _en(lang) and name.startswith("CJK UNIFIED"))
        else:
            ok = False
        if not ok and ch not in bad:
            bad.append(ch)
    return bad
