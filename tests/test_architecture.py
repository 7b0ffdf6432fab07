"""Layers point one way: mathcore <- scenes <- renderer; mathcore never imports manim."""

from __future__ import annotations

import ast

import pytest

from scenes.options import PROJECT_ROOT

ROOT = PROJECT_ROOT


def _imports(folder: str) -> dict[str, set[str]]:
    out = {}
    for f in (ROOT / folder).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        out[str(f.relative_to(ROOT))] = names
    return out


@pytest.mark.parametrize("folder,forbidden", [
    ("mathcore", {"manim", "scenes", "renderer", "ffmpeg", "matplotlib"}),
    ("scenes", {"renderer"}),
])
def test_layers_point_one_way(folder, forbidden):
    bad = {f: sorted(n & forbidden) for f, n in _imports(folder).items() if n & forbidden}
    assert not bad, f"{folder} imports what it must not: {bad}"


def test_mathcore_does_no_io():
    for f in (ROOT / "mathcore").rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        for call in ("open(", ".write_text(", ".read_text(", "print("):
            assert call not in text, f"{f.relative_to(ROOT)} does I/O: {call}"


def test_renderer_cached_path_does_not_import_manim_or_torch():
    """The modules a warm run goes through import no scene code: only the light
    ``scenes.options`` (project root, languages, a scene's options), which imports no manim."""
    for name in ("discover.py", "plan.py", "cli.py", "pipeline.py", "trace.py"):
        tree = ast.parse((ROOT / "renderer" / name).read_text(encoding="utf-8"))
        modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        modules |= {n.module for n in ast.walk(tree)
                    if isinstance(n, ast.ImportFrom) and n.module and n.level == 0}
        bad = {m for m in modules if m.split(".")[0] in {"manim", "torch", "mathcore"}
               or (m.split(".")[0] == "scenes" and m != "scenes.options")}
        assert not bad, f"renderer/{name} imports {bad}"
    options = _imports("scenes")["scenes/options.py"]
    assert not options & {"manim", "torch", "mathcore", "numpy"}


def test_3d_scenes_use_the_fast_surface():
    """Every surface in the topics is a FastSurface: no scene builds manim's own Surface."""
    import ast

    offenders = []
    for path in (ROOT / "scenes").rglob("*.py"):
        if path.name == "surface3d.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in ("Surface", "Dot3D", "Sphere") \
                    and isinstance(node.value, ast.Name) and node.value.id in ("mn", "manim"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("manim"):
                if any(a.name in ("Surface", "Dot3D", "Sphere") for a in node.names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, f"manim's Surface used in scenes: {offenders}"
