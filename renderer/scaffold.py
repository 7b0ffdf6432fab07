"""``render.py new TOPIC/SCENE``: a new scene file from a template, plus its test."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from scenes.options import PROJECT_ROOT

__all__ = ["new_scene"]

PROJECT = PROJECT_ROOT

SCENE_TEMPLATE = '''"""{title}."""

from __future__ import annotations

import manim as mn

from scenes.common import LectureScene, get_math, look

# Numbers the scene uses (take every value it shows from mathcore).
VALUE = 1.0


class {cls}(LectureScene):
    """{title}."""

    TITLE = ("{title}", "{title}")

    def construct(self) -> None:
        self.show_title()

        # First idea
        self.section("First idea", "第一个想法")
        formula = get_math(r"f(x) = x", color=look.FUNCTION)
        self.play(mn.Write(formula))
        self.record("value", VALUE)
        self.narrate("Say what the viewer sees.", "说明观众看到的内容。")
        self.wait(1.0)
'''

TEST_HEADER = '''"""Scenes of the topic "{topic}": the numbers they show against closed forms."""

from __future__ import annotations
'''

TEST_TEMPLATE = '''

{const} = ("scenes/{topic}/{module}.py", "{cls}")


def test_{module}_records_its_numbers(rendered):
    rec = rendered(*{const}, "en").recorded
    assert rec["value"] == [1.0]  # replace with the closed form of what the scene shows
'''

INIT_TEMPLATE = '''"""Topic "{topic}"."""

TITLE = ("{title}", "{title}")
ORDER = ()
'''


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def new_scene(target: str, root: Path = PROJECT) -> list[Path]:
    """Create ``scenes/TOPIC/MODULE.py`` with class SCENE, append its test to the topic's
    ``tests/scenes/test_TOPIC.py`` (where the README says scene tests live) and the module to
    the topic's ORDER (creating the topic if needed)."""
    topic, _, cls = target.partition("/")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", topic or "") or topic == "common":
        raise ValueError(f"topic must be a lower-case identifier, got {topic!r}")
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", cls or ""):
        raise ValueError(f"scene must be a CamelCase class name, got {cls!r}")
    module = _snake(cls)
    tdir = root / "scenes" / topic
    scene_file = tdir / f"{module}.py"
    test_file = root / "tests" / "scenes" / f"test_{topic}.py"
    if scene_file.exists():
        raise ValueError(f"{scene_file.relative_to(root)} already exists")
    if test_file.exists() and f"def test_{module}_" in test_file.read_text():
        raise ValueError(f"{test_file.relative_to(root)} already tests {module}")
    created = []
    init = tdir / "__init__.py"
    if not init.exists():
        tdir.mkdir(parents=True, exist_ok=True)
        init.write_text(INIT_TEMPLATE.format(topic=topic, title=topic.capitalize()))
        created.append(init)
    title = re.sub(r"(?<!^)(?=[A-Z])", " ", cls)
    scene_file.write_text(SCENE_TEMPLATE.format(cls=cls, title=title, topic=topic))
    header = test_file.read_text() if test_file.exists() else TEST_HEADER.format(topic=topic)
    test_file.write_text(header.rstrip("\n") + "\n" + TEST_TEMPLATE.format(
        cls=cls, topic=topic, module=module, const=module.upper()))
    # Append to ORDER, keeping the rest of __init__.py as it is.
    text = init.read_text()
    tree = ast.parse(text)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "ORDER"
                                                for t in node.targets):
            order = tuple(ast.literal_eval(node.value)) + (module,)
            lines = text.splitlines(keepends=True)
            start, end = node.lineno - 1, node.end_lineno
            lines[start:end] = [f"ORDER = {order!r}\n"]
            init.write_text("".join(lines))
            break
    else:
        init.write_text(text.rstrip("\n") + f"\nORDER = {(module,)!r}\n")
    return created + [scene_file, test_file]
