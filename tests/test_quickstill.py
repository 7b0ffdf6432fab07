"""renderer.quickstill: previews made faster must be the picture plain manim gives.

Each case renders the same scene twice with animations skipped, as ``manim -s`` does: once as
manim is, once inside ``quick_stills()``, and compares the still at the end of every section
and the last frame pixel for pixel. A synthetic scene exercises each shortcut's edge (a faded
out mobject added back, a transform from a copy, a fade with its own motion, numbers set to
the value they show, updaters), and one real lecture scene covers the everyday mix.
"""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path

import numpy as np
import pytest

from renderer.discover import discover
from renderer.plan import select
from renderer.quickstill import quick_stills
from renderer.worker import render_scene
from scenes.options import SceneOptions

STILL = {"write_to_movie": False, "save_last_frame": False, "skip_animations": True,
         "format": "png"}

EDGES = textwrap.dedent('''
    import manim as mn
    from scenes.common import LectureScene, widgets


    class Edges(LectureScene):
        TITLE = ("Edges", "边界")

        def construct(self):
            self.show_title()
            self.section("fades", "渐变")
            square = mn.Square(color=mn.BLUE).shift(mn.LEFT * 3)
            label = widgets.get_text("kept", size=30).next_to(square, mn.UP)
            self.play(mn.FadeIn(square, shift=mn.UP), mn.Write(label))
            self.play(mn.FadeOut(square, scale=0.5))
            self.add(square)  # back, as it was before the fade
            self.play(mn.FadeIn(label.copy().shift(mn.DOWN * 2), target_position=mn.ORIGIN))
            self.section("transforms", "变换")
            circle = mn.Circle(color=mn.RED).shift(mn.RIGHT * 3)
            self.play(mn.Create(circle))
            self.play(mn.TransformFromCopy(circle, mn.Dot(mn.ORIGIN, color=mn.YELLOW)))
            self.play(mn.Transform(circle, mn.Triangle(color=mn.GREEN).shift(mn.RIGHT * 3),
                                   path_arc=1.0))
            self.play(mn.Rotate(square, 0.7), circle.animate.scale(0.5).set_fill(mn.GREEN, 0.5))
            self.play(mn.ReplacementTransform(label, widgets.get_text("moved", size=30)))
            self.section("numbers", "数字")
            number = mn.DecimalNumber(1.5, num_decimal_places=2).to_edge(mn.DOWN, buff=2)
            tracker = mn.ValueTracker(0.0)
            dot = mn.always_redraw(lambda: mn.Dot([tracker.get_value(), -1, 0]))
            self.add(number, dot)
            self.play(mn.ChangeDecimalToValue(number, 1.5), tracker.animate.set_value(2))
            self.play(mn.ChangeDecimalToValue(number, -3.25), mn.Indicate(square))
            self.play(mn.Uncreate(circle), mn.FadeOut(dot))
            self.wait()
''')


def _stills(path: Path, name: str, lang: str, quick: bool, media: Path) -> list[np.ndarray]:
    ctx = quick_stills() if quick else _nothing()
    with ctx:
        scene = render_scene(path, name, SceneOptions(lang, None, section_stills=True), "low",
                             media, dict(STILL))
        scene.renderer.update_frame(scene)
        last = np.array(scene.renderer.get_frame())[:, :, :3]
    return [frame for _, frame in scene.section_stills] + [last]


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _assert_same(path: Path, name: str, lang: str, media: Path) -> None:
    plain = _stills(path, name, lang, False, media)
    quick = _stills(path, name, lang, True, media)
    assert len(plain) == len(quick) >= 3
    for i, (a, b) in enumerate(zip(plain, quick, strict=True)):
        assert a.shape == b.shape
        assert a.any(), f"still {i} is blank"
        differ = np.abs(a.astype(int) - b.astype(int)).max()
        assert differ == 0, f"still {i} differs by up to {differ}/255"


def test_each_shortcut_gives_manims_picture(tmp_path):
    topic = tmp_path / "edges"
    topic.mkdir()
    (topic / "__init__.py").write_text('TITLE = ("Edges", "边界")\nORDER = ("edges",)\n')
    scene_file = topic / "edges.py"
    scene_file.write_text(EDGES)
    _assert_same(scene_file, "Edges", "en", tmp_path / "media")


@pytest.mark.parametrize("target,lang", [("descent/GradientDescent1D", "zh")])
def test_a_lecture_scene_gives_manims_picture(target, lang, tmp_path):
    (scene,) = select(discover(), [target])
    _assert_same(scene.path, scene.name, lang, tmp_path / "media")


def test_manim_is_itself_again_afterwards():
    from manim import Mobject, Text
    from manim.animation.transform import Transform
    from manim.renderer.cairo_renderer import CairoRenderer

    before = [Mobject.__deepcopy__, Text.__init__, Transform.begin, CairoRenderer.render,
              dict(copy._deepcopy_dispatch)]
    with quick_stills():
        assert Mobject.__deepcopy__ is not before[0]
    assert [Mobject.__deepcopy__, Text.__init__, Transform.begin, CairoRenderer.render,
            dict(copy._deepcopy_dispatch)] == before
    from manim import FadeIn, FadeOut

    assert "begin" not in vars(FadeIn) and "begin" not in vars(FadeOut)  # inherited again
