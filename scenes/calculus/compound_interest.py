"""Compound interest and e: one unit at 100 % a year, compounded n = 1, 2, 4, 12, 365, ...
times, grows to (1 + 1/n)^n, which climbs, but never past e = 2.71828..."""

from __future__ import annotations

import math

import manim as mn
import numpy as np

from mathcore.calculus import compound_interest
from scenes.common import (
    LectureScene,
    get_axes,
    get_math,
    get_text,
    look,
    plain_number,
    tr,
)

# Numbers the scene uses: how often a year the interest is added, and what to call it.
PERIODS = (
    (1, ("yearly", "每年")),
    (2, ("half-yearly", "每半年")),
    (4, ("quarterly", "每季度")),
    (12, ("monthly", "每月")),
    (365, ("daily", "每天")),
    (365 * 24, ("hourly", "每小时")),
    (365 * 24 * 60, ("every minute", "每分钟")),
    (365 * 24 * 3600, ("every second", "每秒")),
)
DECIMALS = 7  # the digits of (1 + 1/n)^n shown: enough to see them settle on e's (and
# as many as e's label shows, so no rounded value reads as larger than e)
RATE = 0.05  # a realistic yearly rate for the last step
X_RANGE, Y_RANGE = (0.0, 8.0, 1.0), (1.8, 2.8, 0.2)  # x is log10 n
LABEL = look.LABEL_SIZE + 8
ROW = look.LABEL_SIZE  # table text


def _fixed(x: float, places: int = DECIMALS) -> str:
    return f"{x:.{places}f}"


class CompoundInterest(LectureScene):
    """(1 + 1/n)^n for ever more frequent compounding, a live counter, and the limit e."""

    TITLE = ("Compound interest and e", "复利与 e")

    def construct(self) -> None:
        self.show_title()
        ns = np.array([n for n, _ in PERIODS], dtype=np.int64)
        values = np.asarray(compound_interest(ns))
        self.record("n", ns)
        self.record("value", values)

        # Set up: the table on the left, the plot on the right
        self.section("Interest on interest", "利滚利")
        axes = get_axes(list(X_RANGE), list(Y_RANGE), 5.0, 4.6, x_label=_math(r"n"),
                        y_label="")
        axes.x_axis.remove(axes.x_axis.numbers)  # ticks at powers of ten, labelled as such
        ticks = mn.VGroup(*[get_math(f"10^{{{k}}}" if k > 1 else ("1", "10")[k],
                                     size=look.TICK_SIZE, color=look.TEXT)
                            .next_to(axes.c2p(k, Y_RANGE[0]), mn.DOWN, buff=0.2)
                            for k in range(0, int(X_RANGE[1]) + 1, 2)])
        axes.add(ticks)
        axes.to_corner(mn.UR, buff=0.5)
        header = mn.VGroup(get_text(tr("interest paid", "付息"), size=ROW, color=look.MUTED),
                           _math("n", look.MUTED),
                           _math(r"(1+\tfrac{1}{n})^n", look.MUTED))
        rows = [mn.VGroup(get_text(tr(*names), size=ROW),
                          _math(f"{n:,}".replace(",", r"{,}")),
                          _math(_fixed(v), look.FUNCTION))
                for (n, names), v in zip(PERIODS, values, strict=True)]
        table = mn.VGroup(header, *rows)
        col_x = (0.0, 2.1, 4.1)  # right edges of the three columns
        for i, row in enumerate(table):
            for part, x in zip(row, col_x, strict=True):
                part.move_to([x, -0.43 * i - (0.14 if i else 0.0), 0], aligned_edge=mn.RIGHT)
        rule = mn.Line(table[0].get_corner(mn.DL) + 0.1 * mn.DOWN,
                       [table[0].get_right()[0], table[0].get_bottom()[1] - 0.1, 0],
                       color=look.MUTED, stroke_width=2)
        table_group = mn.VGroup(table, rule)
        table_group.to_corner(mn.UL, buff=0.5)
        dots = mn.VGroup(*[mn.Dot(axes.c2p(math.log10(n), v), radius=0.07, color=look.FUNCTION)
                           for n, v in zip(ns, values, strict=True)])
        self.play(mn.FadeIn(header), mn.Create(rule), mn.Create(axes), run_time=1.0)
        self.narrate("Put one yuan in a bank that pays 100 percent interest a year. Paid once, "
                     f"at the end of the year, you have {values[0]:g} yuan.",
                     f"把 1 元存进年利率百分之百的银行。年底一次付息，你就有 {values[0]:g} 元。")
        self.play(mn.FadeIn(rows[0]), mn.FadeIn(dots[0], scale=0.5))
        half = float(compound_interest(1, rate=0.5))  # 1 + 1/2 after half a year
        self.record("half_year", half)
        self.narrate(f"Paid twice, half the interest each time: after half a year you have "
                     f"{half:g}, at the end {half:g} times {half:g}.",
                     f"分两次付，每次一半利息：半年后是 {half:g}，年底是 {half:g} 乘 {half:g}。")
        self.play(mn.FadeIn(rows[1]), mn.FadeIn(dots[1], scale=0.5))
        self.narrate(f"That is {values[1]:g}, more than {values[0]:g}: the interest itself "
                     "earns interest.",
                     f"也就是 {values[1]:g}，比 {values[0]:g} 多：利息本身也在生利息。")

        # More and more often: a live counter
        self.section("More and more often", "越来越频繁")
        formula = get_math(r"\left(1 + \frac{1}{n}\right)^{n} =", color=look.FUNCTION)
        t = mn.ValueTracker(0.0)  # log10 n, so the counter sweeps all scales evenly

        def n_now() -> int:
            return int(round(10 ** t.get_value()))

        n_counter = mn.VGroup(_math("n =", look.TEXT, size=look.MATH_SIZE),
                              mn.Integer(2, font_size=look.MATH_SIZE, color=look.TEXT))
        v_counter = mn.VGroup(formula, mn.DecimalNumber(
            values[1], num_decimal_places=DECIMALS, font_size=look.MATH_SIZE,
            color=look.FUNCTION))
        for c in (n_counter, v_counter):
            c.arrange(mn.RIGHT, buff=0.15)
        readout = v_counter
        live = mn.VGroup(n_counter, readout).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.3)
        live.next_to(table_group, mn.DOWN, buff=0.35, aligned_edge=mn.LEFT)
        t.set_value(math.log10(ns[1]))
        self.play(mn.FadeIn(live))
        n_counter[1].add_updater(lambda m: m.set_value(n_now()))
        v_counter[1].add_updater(lambda m: m.set_value(float(compound_interest(n_now()))))
        for i in range(2, 5):
            self.play(t.animate.set_value(math.log10(ns[i])), run_time=1.5)
            self.play(mn.FadeIn(rows[i]), mn.FadeIn(dots[i], scale=0.5), run_time=0.5)
        self.narrate(f"Quarterly gives {plain_number(values[2], 4)}, monthly "
                     f"{plain_number(values[3], 4)}, daily {plain_number(values[4], 4)}: "
                     "more, but by less each time.",
                     f"按季度是 {plain_number(values[2], 4)}，按月是 {plain_number(values[3], 4)}，"
                     f"按天是 {plain_number(values[4], 4)}：越来越多，但每次多得越来越少。")
        gains = np.diff(values)
        self.record("gains", gains)
        self.record("increasing", bool(np.all(gains > 0)))

        # The limit e
        self.section("The limit is e", "极限是 e")
        e_line = mn.DashedLine(axes.c2p(X_RANGE[0], math.e), axes.c2p(X_RANGE[1], math.e),
                               color=look.POINT, stroke_width=3, dash_length=0.12)
        e_label = get_math(rf"e = {_fixed(math.e)}\ldots", color=look.POINT, size=LABEL)
        e_label.next_to(axes.c2p(0.4, math.e), mn.UR, buff=0.1)
        self.record("e", math.e)
        for i in range(5, len(PERIODS)):
            self.play(t.animate.set_value(math.log10(ns[i])), run_time=1.5)
            self.play(mn.FadeIn(rows[i]), mn.FadeIn(dots[i], scale=0.5), run_time=0.5)
        n_counter[1].clear_updaters()
        v_counter[1].clear_updaters()
        self.play(mn.Create(e_line), mn.FadeIn(e_label))
        below = bool(np.all(values < math.e))
        self.record("below_e", below)
        climb = ("climb, but never past the number e", "一直在增大，但永远超不过 e") \
            if below else ("come close to the number e", "越来越接近 e")
        gaps = math.e - values
        self.record("short of e every second", gaps[-1])
        short = plain_number(gaps[-1], 2)
        self.narrate(f"Even every second you only reach {_fixed(values[-1])}: e to {DECIMALS} "
                     f"decimals, yet still {short} short.",
                     f"就算每秒付息，也只有 {_fixed(values[-1])} 元：与 e 的前 {DECIMALS} 位小数"
                     f"相同，却仍差 {short}。")
        self.narrate(f"The values {climb[0]}.", f"数值{climb[1]}。")
        limit = get_math(r"\lim_{n\to\infty}\left(1 + \frac{1}{n}\right)^{n} = e",
                         color=look.POINT)
        limit.move_to(axes.c2p(5.0, 2.25))
        self.play(mn.Write(limit))
        self.record("gap", gaps)
        self.record("gap_times_2n_over_e", gaps * 2 * ns / math.e)
        self.narrate("That is the limit: e, about 2.71828. For large n, the gap to e is about "
                     "e divided by 2 n.",
                     "这就是极限 e，约等于 2.71828。n 很大时，与 e 的差距约为 e 除以 2n。")
        self.narrate("Careful: 1 plus 1 over n tends to 1, but its n-th power does not tend "
                     "to 1. Both parts change together.",
                     "注意：1 + 1/n 趋向 1，但它的 n 次方并不趋向 1，因为底数和指数同时在变。")

        # A real rate: e to the rate
        self.section("A real interest rate", "实际的利率", clear=True)
        r_values = np.asarray(compound_interest(ns, rate=RATE))
        e_r = math.exp(RATE)
        self.record("rate", RATE)
        self.record("rate_value", r_values)
        self.record("e_to_rate", e_r)
        general = get_math(r"\lim_{n\to\infty}\left(1 + \frac{r}{n}\right)^{n} = e^{r}",
                           color=look.POINT)
        lines = mn.VGroup(
            get_math(rf"r = {RATE:g}:\quad \left(1 + \frac{{{RATE:g}}}{{365}}\right)^{{365}}"
                     rf" = {_fixed(r_values[4])}", color=look.FUNCTION),
            get_math(rf"e^{{{RATE:g}}} = {_fixed(e_r)}", color=look.POINT),
            get_math(rf"1 + {RATE:g} = {1 + RATE:g}", color=look.MUTED),
        ).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.45)
        mn.VGroup(general, lines).arrange(mn.DOWN, buff=0.8).move_to([0, 0.7, 0])
        self.play(mn.Write(general))
        self.narrate(f"At a yearly rate r, the same limit gives e to the r. With r = {RATE:g}, "
                     f"daily compounding pays {_fixed(r_values[4], 6)}",
                     f"年利率为 r 时，同样的极限给出 e 的 r 次方。r = {RATE:g} 时，按天复利得到 "
                     f"{_fixed(r_values[4], 6)}，")
        self.play(mn.FadeIn(lines, shift=0.2 * mn.UP))
        self.narrate(f"instead of {1 + RATE:g} paid once, and no compounding, however often, "
                     f"beats e to the {RATE:g}, which is {_fixed(e_r, 6)}.",
                     f"而不是一次付息的 {1 + RATE:g}；无论多么频繁地复利，都超不过 "
                     f"e 的 {RATE:g} 次方，也就是 {_fixed(e_r, 6)}。")
        self.record("rate_below_limit", bool(np.all(r_values < e_r)))
        self.wait(0.5)


def _math(tex: str, color: str = look.TEXT, size: float = ROW + 4) -> mn.MathTex:
    return get_math(tex, color=color, size=size)
