"""render.py planning and command line, without rendering (plus one slow MP4 smoke test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from renderer.discover import discover
from renderer.plan import PlanError, make_plan, resolve_quality, select
from renderer.probe import probe_video
from scenes.options import PROJECT_ROOT

ROOT = PROJECT_ROOT


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "render.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def test_discovery_finds_every_topic_with_a_scene_in_lecture_order():
    topics = {t.name: t for t in discover()}
    assert {"functions", "calculus", "descent"} <= set(topics)
    for t in topics.values():
        assert t.scenes, f"topic {t.name} has no scene"
        assert all(s.title[0] and s.title[1] for s in t.scenes)


def test_select_and_plan():
    topics = discover()
    descent = next(t for t in topics if t.name == "descent")
    ids = [s.id for s in select(topics, ["descent/MomentumVsSGD", "descent"])]
    # the named scene first, then the rest of the topic in lecture order, no duplicates
    assert ids[0] == "descent/MomentumVsSGD" and sorted(ids) == sorted(s.id for s in
                                                                      descent.scenes)
    assert ids[1:] == [s.id for s in descent.scenes if s.name != "MomentumVsSGD"]
    scenes = select(topics, ["descent/GradientDescent1D"])
    jobs = make_plan(scenes, "low", ["en", "zh"], Path("/tmp/x"))
    assert [j.lang for j in jobs] == ["en", "zh"]
    assert jobs[0].output == Path("/tmp/x/descent/low/en/GradientDescent1D.mp4")
    assert jobs[0].key != jobs[1].key
    assert make_plan(scenes, "low", ["en"], Path("/tmp/x"))[0].key == jobs[0].key


@pytest.mark.parametrize("q,name", [("l", "low"), ("MEDIUM", "medium"), ("k", "4k"),
                                    ("p", "1440p")])
def test_quality_aliases(q, name):
    assert resolve_quality(q) == name


def test_unknown_names_suggest_close_matches():
    with pytest.raises(PlanError, match="did you mean descent"):
        select(discover(), ["desent"])
    with pytest.raises(PlanError, match="unknown scene"):
        select(discover(), ["descent/Nope"])


@pytest.mark.parametrize("args,message", [
    (["nosuch"], "unknown topic"),
    (["descent", "--quality", "ultra"], "unknown quality"),
    (["descent", "--lang", "fr"], "unknown language"),
    (["descent", "--jobs", "0"], "--jobs"),
    (["descent", "--jobs", "-3"], "--jobs"),
    (["descent/NoSuchScene"], "unknown scene"),
    ([], "name a topic"),
])
def test_bad_input_one_line_exit_2(args, message, tmp_path):
    r = run_cli(*args, "--out", str(tmp_path / "out"))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_output_path_that_is_a_file(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = run_cli("descent", "--out", str(f))
    assert r.returncode == 2 and "not a folder" in r.stderr


def test_list_and_dry_run(tmp_path):
    r = run_cli("--list")
    assert r.returncode == 0 and "descent/GradientDescent1D" in r.stdout
    r = run_cli("descent", "-q", "l", "--dry-run", "--out", str(tmp_path))
    assert r.returncode == 0 and r.stdout.startswith("render")
    assert not any(tmp_path.iterdir())


def test_unwritable_output_folder():
    # /proc refuses new files even to root, unlike a folder whose mode bits root ignores
    r = run_cli("descent", "--out", "/proc/lecture-out")
    assert r.returncode == 2 and "not writable" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args,message", [
    (["descent/GradientDescent1D", "--video"], "go with --preview"),
    (["all", "--preview"], "exactly one scene"),
    (["descent/GradientDescent1D", "--preview", "--section", "0"], "--section"),
])
def test_preview_option_errors(args, message):
    r = run_cli(*args)
    assert r.returncode == 2 and message in r.stderr


def test_new_scene_scaffold(tmp_path):
    from renderer.scaffold import new_scene

    (tmp_path / "scenes" / "demo").mkdir(parents=True)
    (tmp_path / "tests" / "scenes").mkdir(parents=True)
    (tmp_path / "scenes" / "demo" / "__init__.py").write_text(
        '"""Demo."""\n\nTITLE = ("Demo", "演示")\nORDER = ("first",)\n')
    existing = tmp_path / "tests/scenes/test_demo.py"
    existing.write_text('"""Demo scenes."""\n\n\ndef test_first():\n    assert True\n')
    created = new_scene("demo/ChainRule", root=tmp_path)
    scene_file = tmp_path / "scenes/demo/chain_rule.py"
    # the test goes where the README says scene tests live: the topic's test file
    assert scene_file in created and existing in created
    text = existing.read_text()
    assert "def test_first():" in text and "def test_chain_rule_records_its_numbers" in text
    compile(text, str(existing), "exec")
    topics = {t.name: t for t in discover(tmp_path / "scenes")}
    assert [s.name for s in topics["demo"].scenes] == ["ChainRule"]
    assert "ORDER = ('first', 'chain_rule')" in (tmp_path / "scenes/demo/__init__.py").read_text()
    with pytest.raises(ValueError, match="already exists"):
        new_scene("demo/ChainRule", root=tmp_path)
    with pytest.raises(ValueError, match="CamelCase"):
        new_scene("demo/chain", root=tmp_path)
    new_scene("fresh/FirstScene", root=tmp_path)  # a new topic is created on the way
    assert "FIRST_SCENE = " in (tmp_path / "tests/scenes/test_fresh.py").read_text()
    assert [s.name for s in {t.name: t for t in discover(tmp_path / "scenes")}["fresh"].scenes] \
        == ["FirstScene"]


@pytest.mark.slow
def test_render_one_scene_to_a_valid_mp4_then_cached(tmp_path):
    r = run_cli("descent/GradientDescent1D", "-q", "l", "--out", str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    mp4 = tmp_path / "descent/low/en/GradientDescent1D.mp4"
    info = probe_video(mp4)
    assert info.duration > 10 and (info.width, info.height) == (854, 480)
    assert info.codec == "h264"
    srt = mp4.with_suffix(".srt").read_text()
    assert "44.89" in srt  # the narration's loss value made it into the captions
    assert not list(mp4.parent.glob(".work-*"))  # no work folders left
    assert not list(mp4.parent.glob(".*tmp*"))  # no temporary files left
    again = run_cli("descent/GradientDescent1D", "-q", "l", "--out", str(tmp_path))
    assert again.returncode == 0 and "0 rendered, 1 cached" in " ".join(again.stderr.split())
