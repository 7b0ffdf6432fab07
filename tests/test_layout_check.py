"""The layout check itself: it must flag off-frame and overlapping text, and pass clean ones."""

from __future__ import annotations

import manim as mn
import pytest

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


def test_3d_surfaces_must_stay_in_the_frame_and_above_the_captions(tmp_path):
    import numpy as np

    from scenes.common import FastSurface, LectureThreeDScene

    found = {}

    def scene_with(size: float, name: str):
        class View(LectureThreeDScene):
            def construct(self):
                self.set_view(phi=60 * mn.DEGREES, theta=-60 * mn.DEGREES)
                self.add(FastSurface(lambda u, v: np.array([u, v, 0.3 * u * v]),
                                     u_range=(-size, size), v_range=(-size, size),
                                     resolution=4))
                found[name] = self.layout_problems([])

        return View

    with mn.tempconfig({"media_dir": str(tmp_path), "skip_animations": True,
                        "write_to_movie": False, "verbosity": "ERROR"}):
        scene_with(1.5, "small")().render()
        scene_with(6.0, "large")().render()
    assert found["small"] == []
    assert len(found["large"]) == 1 and "caption band" in found["large"][0]


def test_small_glyphs_are_flagged_at_480p():
    from scenes.common.layout import MIN_GLYPH_PX, glyph_height

    big, small = _text("Readable 12"), _text("Tiny 12").scale(0.3)
    assert glyph_height(big) > MIN_GLYPH_PX > glyph_height(small)
    problems = layout_problems([big.shift(2 * mn.UP), small])
    assert len(problems) == 1 and "too small" in problems[0] and "Tiny" in problems[0]
    # a label of short lowercase letters is measured at its cap height, not its x-height
    assert glyph_height(mn.Text("x", font_size=32)) == pytest.approx(
        glyph_height(mn.Text("X", font_size=32)), rel=0.2)


def test_background_rectangles_do_not_count_as_glyphs():
    from scenes.common.layout import glyph_height

    plain = _text("Label 3")
    boxed = _text("Label 3").add_background_rectangle(buff=0.5)
    assert glyph_height(boxed) == pytest.approx(glyph_height(plain))
