"""The layout check itself: it must flag off-frame and overlapping text, and pass clean ones."""

from __future__ import annotations

import manim as mn

from scenes.common.layout import layout_problems


def _text(s: str) -> mn.Text:
    return mn.Text(s, font_size=32)


def test_clean_layout_has_no_problems():
    a, b = _text("left"), _text("right")
    mn.VGroup(a, b).arrange(mn.RIGHT, buff=0.5)
    assert layout_problems([a, b]) == []


def test_overlap_is_flagged():
    a, b = _text("first"), _text("second").shift(0.1 * mn.RIGHT)
    problems = layout_problems([a, b])
    assert len(problems) == 1 and "overlaps" in problems[0]


def test_off_frame_is_flagged():
    a = _text("edge").to_edge(mn.RIGHT, buff=0).shift(0.3 * mn.RIGHT)
    problems = layout_problems([a])
    assert len(problems) == 1 and "leaves the frame" in problems[0]


def test_labels_inside_axes_are_checked_but_invisible_text_is_not():
    axes = mn.Axes(x_range=[0, 5, 1], y_range=[0, 5, 1], x_length=4, y_length=3,
                   axis_config={"include_numbers": True})
    clash = mn.MathTex("3").move_to(axes.x_axis.numbers[2])
    assert any("overlaps" in p for p in layout_problems([axes, clash]))
    assert layout_problems([axes, clash.set_opacity(0)]) == []
