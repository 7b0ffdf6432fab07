"""Numbers in words: English cardinals (for indices such as w1 → "w one") and Chinese
numerals for every number a Chinese line says (0.075 → 零点零七五, 44.89 → 四十四点八九)."""

from __future__ import annotations

import re

__all__ = ["integer_en", "integer_zh", "number_zh"]

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10 ** 12, "trillion"), (10 ** 9, "billion"), (10 ** 6, "million"),
           (1000, "thousand"))

_ZH_DIGITS = "零一二三四五六七八九"
_ZH_UNITS = ("", "十", "百", "千")
_ZH_GROUPS = ("", "万", "亿", "万亿")
_NUMBER = re.compile(r"[+-]?(\d+)(?:\.(\d+))?")


def integer_en(n: int) -> str:
    """A non-negative integer in English words: 21 → "twenty-one", 1300 → "one thousand
    three hundred"."""
    if n < 0:
        raise ValueError(f"Expected a non-negative integer, got {n}.")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {integer_en(rest)}" if rest else "")
    for scale, word in _SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            return f"{integer_en(high)} {word}" + (f" {integer_en(rest)}" if rest else "")
    raise AssertionError("unreachable")


def _group_zh(n: int) -> str:
    """0 < n < 10000 in Chinese; inner zeros read once (1001 → 一千零一)."""
    digits = f"{n:04d}"
    out, zero = [], False
    for i, ch in enumerate(digits):
        d = int(ch)
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_ZH_DIGITS[d] + _ZH_UNITS[3 - i])
    return "".join(out)


def integer_zh(n: int) -> str:
    """A non-negative integer in Chinese numerals: 10 → 十, 99 → 九十九, 110 → 一百一十,
    10005 → 一万零五, 120000000 → 一亿二千万, 2000 → 两千."""
    if n < 0:
        raise ValueError(f"Expected a non-negative integer, got {n}.")
    if n == 0:
        return "零"
    groups, digits = [], len(str(n))
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    if len(groups) > len(_ZH_GROUPS):
        raise ValueError(f"Expected fewer than 17 digits, got {digits}.")
    out = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        lower_gap = i < len(groups) - 1 and (g < 1000 or groups[i + 1] == 0)
        if out and lower_gap:
            out.append("零")
        out.append(_group_zh(g) + _ZH_GROUPS[i])
    text = "".join(out)
    if text.startswith("一十"):
        return text[1:]  # 十五, not 一十五
    if text[:2] in ("二千", "二万", "二亿"):
        return "两" + text[1:]  # 两千, 两万: how a leading 2 is said before these units
    return text


def number_zh(written: str) -> str:
    """A written decimal number in Chinese words: "0.075" → 零点零七五, "-3" → 负三,
    "1,000" → 一千. Digits after the point are read one by one.

    Raises:
        ValueError: ``written`` is not a plain decimal number.
    """
    m = _NUMBER.fullmatch(written.replace(",", "").replace("−", "-"))
    if m is None:
        raise ValueError(f"Expected a decimal number such as -0.075, got {written!r}.")
    sign = "负" if written.lstrip().startswith(("-", "−")) else ""
    whole = integer_zh(int(m.group(1)))
    frac = "".join(_ZH_DIGITS[int(d)] for d in m.group(2) or "")
    return sign + whole + (f"点{frac}" if frac else "")
