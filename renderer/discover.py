"""Find topics and scenes by reading the source (no manim or torch import)."""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path

from scenes.options import PROJECT_ROOT, literal_value, topic_info

__all__ = ["SCENE_BASES", "SceneInfo", "Topic", "discover"]

SCENE_BASES = {"LectureScene", "LectureThreeDScene"}
SCENES_DIR = PROJECT_ROOT / "scenes"
SCENES_ENV = "LECTURE_SCENES_DIR"
"""Overrides where topics are looked for (tests use a tiny fixture topic this way)."""


@dataclass(frozen=True)
class SceneInfo:
    """One scene class: where it lives and its titles."""

    topic: str
    module: str  # file stem, e.g. "gd_1d"
    name: str  # class name, e.g. "GradientDescent1D"
    path: Path
    title: tuple[str, str]  # (English, Chinese)

    @property
    def id(self) -> str:
        return f"{self.topic}/{self.name}"


@dataclass(frozen=True)
class Topic:
    name: str
    title: tuple[str, str]
    scenes: tuple[SceneInfo, ...]


def _scenes_in(topic: str, path: Path) -> list[SceneInfo]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            (isinstance(b, ast.Name) and b.id in SCENE_BASES) for b in node.bases
        ):
            title = literal_value(node, "TITLE") or (node.name, node.name)
            out.append(SceneInfo(topic, path.stem, node.name, path, tuple(title)))
    return out


def discover(root: Path | None = None) -> list[Topic]:
    """Topics in alphabetical order, scenes in each topic's lecture ``ORDER``."""
    root = root or Path(os.environ.get(SCENES_ENV) or SCENES_DIR)
    topics = []
    for init in sorted(root.glob("*/__init__.py")):
        tdir = init.parent
        if tdir.name.startswith(("_", ".")) or tdir.name == "common":
            continue
        title, order = topic_info(tdir)
        files = [tdir / f"{stem}.py" for stem in order]
        files += sorted(p for p in tdir.glob("*.py")
                        if p.name != "__init__.py" and p.stem not in order)
        scenes = [s for f in files if f.is_file() for s in _scenes_in(tdir.name, f)]
        topics.append(Topic(tdir.name, tuple(title), tuple(scenes)))
    return topics
