"""Scene support: numbers as a viewer reads them, code on screen is code that runs, 3-D layout covers fixed-in-frame text,
narration wraps to at most two lines, the language setting is honoured."""

from __future__ import annotations

import runpy
import textwrap

import manim as mn
import pytest

from scenes.common import code_block, tr
from scenes.common.widgets import PROJECT_ROOT, plain_number, tex_number, wrap_narration
from scenes.options import SceneOptions, active_options, use_options
from tests.scene_harness import render_last_frame

CODE = "scenes/descent/code/autograd_x_cubed.py"


def test_code_file_shown_on_screen_runs_and_prints_27(capsys):
    runpy.run_path(str(PROJECT_ROOT / CODE), run_name="__main__")
    assert capsys.readouterr().out.strip() == "tensor([27.])"


def test_code_block_shows_exactly_the_file():
    block = code_block(CODE)
    assert isinstance(block, mn.Code)
    text = (PROJECT_ROOT / CODE).read_text()
    assert block.source == text
    assert len(block.code_lines) == len(text.splitlines())
    with pytest.raises(FileNotFoundError):
        code_block("scenes/descent/code/missing.py")


def test_language_setting(monkeypatch):
    # plain manim: the environment
    monkeypatch.setenv("LECTURE_LANG", "zh")
    assert tr("loss", "损失") == "损失"
    monkeypatch.setenv("LECTURE_LANG", "en")
    assert tr("loss", "损失") == "loss"
    # the renderer: explicit options win over the environment, and end with the block
    with use_options(SceneOptions("zh", stop_after_section=2)):
        assert tr("loss", "损失") == "损失"
        assert active_options().stop_after_section == 2
    assert tr("loss", "损失") == "loss"
    monkeypatch.setenv("LECTURE_LANG", "fr")
    with pytest.raises(ValueError, match="LECTURE_LANG"):
        tr("loss", "损失")
    with pytest.raises(ValueError, match="not supported"):
        SceneOptions("fr")


def test_narration_at_most_two_lines():
    assert wrap_narration("short", "en") == "short"
    assert len(wrap_narration("word " * 20, "en").splitlines()) == 2
    assert len(wrap_narration("很长的中文句子" * 7, "zh").splitlines()) == 2
    with pytest.raises(ValueError, match="longer than 2 lines"):
        wrap_narration("word " * 40, "en")


FIXTURE_3D = textwrap.dedent('''
    import manim as mn
    from scenes.common import LectureThreeDScene, get_text

    class Fixture3D(LectureThreeDScene):
        TITLE = ("Fixture", "测试")

        def construct(self):
            self.set_camera_orientation(phi=60 * mn.DEGREES, theta=-45 * mn.DEGREES)
            self.section("World", "世界")
            # world-space text may overlap: only fixed-in-frame text is checked
            self.add(mn.Text("world A"), mn.Text("world B"))
            label = get_text("fixed").to_corner(mn.UL)
            self.add_fixed_in_frame_mobjects(label)
            self.narrate("A caption in its band.", "字幕。")
            self.section("Clash", "重叠")
            clash = get_text("fixed").to_corner(mn.UL)
            self.add_fixed_in_frame_mobjects(clash)
''')


def test_3d_layout_checks_only_fixed_in_frame_text(tmp_path):
    path = tmp_path / "fixture3d.py"
    path.write_text(FIXTURE_3D)
    r = render_last_frame(str(path), "Fixture3D", "en", tmp_path / "media")
    by_section = dict(r.layout)
    assert by_section["World"] == []
    assert len(by_section["Clash"]) == 1 and "overlaps" in by_section["Clash"][0]


@pytest.mark.parametrize("x,args,tex", [
    (2.0 / 3.0, (4,), "0.6667"),
    (1.25, (), "1.25"),
    (0.5, (3, "plain"), "0.5"),  # an exact value keeps no padding zeros
    (-0.52, (), "-0.52"),
    (0.0026, (3, "plain"), "0.0026"),
    (0.000651, (3, "plain"), "0.000651"),
    (0.000651, (), r"6.51 \times 10^{-4}"),  # auto: a power of ten under 10^-3
    (1.2e-4, (3, "sci"), r"1.2 \times 10^{-4}"),
    (123456.0, (), r"1.23 \times 10^{5}"),
    (12345.0, (), "12300"),
    (-0.0, (), "0"),
])
def test_tex_number_rounds_to_significant_digits(x, args, tex):
    assert tex_number(x, *args) == tex


@pytest.mark.parametrize("x,args,tex", [
    (0.0026, (3, "plain"), "0.00260"),  # under 0.0417 in a column: three digits each
    (-0.52, (3,), "-0.520"),
    (1.2e-4, (3, "sci"), r"1.20 \times 10^{-4}"),
    (2.0, (3, "plain"), "2.00"),
    (0.124, (3, "plain"), "0.124"),
])
def test_tex_number_keeps_trailing_zeros_for_a_column_of_measured_values(x, args, tex):
    assert tex_number(x, *args, zeros=True) == tex


def test_plain_number_writes_powers_of_ten_with_superscripts():
    assert plain_number(4.26e-5) == "4.26×10⁻⁵"
    assert plain_number(16.94) == "16.9"
