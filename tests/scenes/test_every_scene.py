"""Every discovered scene, in both languages: layout check and picture regression test."""

from __future__ import annotations

import pytest

from renderer.discover import discover
from tests.scene_harness import ROOT, assert_layout_clean, compare_with_control

SCENES = [(s.topic, str(s.path.relative_to(ROOT)), s.name) for t in discover() for s in t.scenes]
IDS = [f"{topic}/{name}" for topic, _, name in SCENES]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("topic,relpath,name", SCENES, ids=IDS)
def test_layout(rendered, topic, relpath, name, lang):
    assert_layout_clean(rendered(relpath, name, lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("topic,relpath,name", SCENES, ids=IDS)
def test_picture(rendered, set_control, topic, relpath, name, lang):
    compare_with_control(rendered(relpath, name, lang), topic, set_control)


@pytest.mark.parametrize("topic,relpath,name", SCENES, ids=IDS)
def test_sections_named_in_each_language(rendered, topic, relpath, name):
    en, zh = rendered(relpath, name, "en"), rendered(relpath, name, "zh")
    assert len(en.sections) == len(zh.sections) >= 3
    assert en.sections != zh.sections
