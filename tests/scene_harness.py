"""Test harness every scene goes through: render in-process with animations skipped, then
check the layout snapshots, the recorded numbers and the last frame against control data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from renderer.worker import load_scene_class
from scenes.options import PROJECT_ROOT, SceneOptions, use_options

ROOT = PROJECT_ROOT
CONTROL = Path(__file__).resolve().parent / "control_data"


@dataclass
class Rendered:
    """What a test needs from one skipped-animation render of a scene."""

    name: str
    lang: str
    recorded: dict
    layout: list
    frame: np.ndarray  # last frame, (H, W, 3) uint8
    sections: list[str]
    narration: list[str] = field(default_factory=list)  # the subcaptions, in order
    spoken: list[tuple[str, str | None]] = field(default_factory=list)  # (line, say override)
    wrapped: list[tuple[str, str]] = field(default_factory=list)  # (caption, as wrapped)


def render_last_frame(relpath: str, name: str, lang: str, tmp: Path) -> Rendered:
    """Render ``name`` from ``relpath`` at low quality with animations skipped (like ``-s``)."""
    from unittest import mock

    from manim import tempconfig

    from scenes.common import widgets

    wrapped: list[tuple[str, str]] = []
    wrap = widgets.wrap_narration

    def recording(s: str, lang_: str | None = None) -> str:
        out = wrap(s, lang_)
        wrapped.append((s, out))
        return out

    with use_options(SceneOptions(lang)), mock.patch.object(widgets, "wrap_narration",
                                                            recording), tempconfig({
            "quality": "low_quality", "media_dir": str(tmp), "skip_animations": True,
            "write_to_movie": False, "save_last_frame": False, "disable_caching": True,
            "progress_bar": "none", "verbosity": "WARNING"}):
        scene = load_scene_class(ROOT / relpath, name)()
        scene.render()
        scene.renderer.update_frame(scene)
        frame = np.array(scene.renderer.get_frame())[:, :, :3]
        sections = [s.name for s in scene.renderer.file_writer.sections]
        narration = [c.content for c in scene.renderer.file_writer.subcaptions]
        spoken = [(line["text"], line["say"]) for line in scene.narration]
    return Rendered(name, lang, scene.recorded, scene.layout_snapshots, frame, sections,
                    narration, spoken, wrapped)


def compare_with_control(r: Rendered, topic: str, set_control: bool,
                         mean_tol: float = 2.0, pixel_tol: int = 40, frac_tol: float = 0.005
                         ) -> None:
    """Compare the last frame with stored control data (``--set-control`` regenerates it).

    Passes when the mean absolute difference is at most ``mean_tol`` (in 0..255 units) and at
    most ``frac_tol`` of the pixels differ by more than ``pixel_tol`` in any channel.
    """
    path = CONTROL / topic / f"{r.name}.{r.lang}.npz"
    if set_control:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, frame=r.frame)
        return
    assert path.is_file(), f"no control data {path.relative_to(ROOT)}; run pytest --set-control"
    expected = np.load(path)["frame"]
    assert expected.shape == r.frame.shape, f"frame shape {r.frame.shape} != {expected.shape}"
    diff = np.abs(expected.astype(np.int16) - r.frame.astype(np.int16))
    mean = float(diff.mean())
    frac = float((diff.max(axis=2) > pixel_tol).mean())
    assert mean <= mean_tol and frac <= frac_tol, (
        f"{r.name} [{r.lang}] last frame differs from control data: mean {mean:.2f}/255, "
        f"{frac:.2%} of pixels off by > {pixel_tol}"
    )


def assert_layout_clean(r: Rendered) -> None:
    """Every section's snapshot is free of off-frame and overlapping text."""
    assert r.layout, "the scene recorded no layout snapshots"
    bad = [f"[{section}] {p}" for section, problems in r.layout for p in problems]
    assert not bad, f"{r.name} [{r.lang}] layout problems:\n" + "\n".join(bad)


def wait_until_rendering(folder: Path, proc, timeout: float = 120) -> None:
    """Block until a render.py batch writing into ``folder`` has encoded its first partial
    movie (so it is mid-render), failing if it exits or never gets there."""
    import time

    deadline = time.monotonic() + timeout
    while not list(folder.glob(".work-*/media/videos/*/partial_movie_files/*/*.mp4")):
        assert time.monotonic() < deadline and proc.poll() is None, "render never started"
        time.sleep(0.2)
