"""Per-frame cost of a rotating-camera surface scene: manim's ``Surface`` against ours.

Renders ``bench/surface3d_scenes.py`` (surface, axes, a dot moving on the surface, the camera
turning) with manim's ``Surface``/``Dot3D`` and with ``FastSurface``/``surface_dot`` at the same
resolution, each in a fresh process, alternating, ``--runs`` times each (median), and prints
the per-frame times and ``ratio R`` (ours / manim's; the target is at most 0.2).

    python bench/surface3d.py --quality h --resolution 24
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUALITIES = {"l": "low_quality", "m": "medium_quality", "h": "high_quality",
             "p": "production_quality", "k": "fourk_quality"}

# One render in a fresh interpreter, with render.py's encoder settings: the time spent in play()
# (every frame drawn and encoded), the frames written, and the set-up before it (building the
# mobjects).
DRIVER = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from manim import tempconfig
from renderer.worker import ENCODER_SETTINGS, load_scene_class
with tempconfig({{"quality": {quality!r}, "media_dir": {media!r}, "disable_caching": True,
                  "progress_bar": "none", "verbosity": "ERROR", **ENCODER_SETTINGS}}):
    scene = load_scene_class(Path({root!r}) / "bench/surface3d_scenes.py", {name!r})()
    played = []
    play = scene.play
    def timed_play(*args, **kwargs):
        start = time.perf_counter()
        play(*args, **kwargs)
        played.append(time.perf_counter() - start)
    scene.play = timed_play
    start = time.perf_counter()
    scene.render()
    total = time.perf_counter() - start
    frames = round(scene.renderer.time * scene.camera.frame_rate)
print(json.dumps({{"seconds": sum(played), "setup": total - sum(played), "frames": frames}}))
"""


def run_once(name: str, quality: str, env: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="surface3d-") as media:
        code = DRIVER.format(root=str(ROOT), quality=quality, media=media, name=name)
        out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", "-q", choices=sorted(QUALITIES), default="h")
    parser.add_argument("--resolution", type=int, default=24, help="faces per side")
    parser.add_argument("--run-time", type=float, default=2.0, help="seconds of animation")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    env = {**os.environ, "SURFACE_RESOLUTION": str(args.resolution),
           "SURFACE_RUN_TIME": str(args.run_time)}
    per_frame: dict[str, list[float]] = {"ManimSurfaceScene": [], "FastSurfaceScene": []}
    for run in range(args.runs):
        for name in per_frame:
            result = run_once(name, QUALITIES[args.quality], env)
            per_frame[name].append(result["seconds"] / result["frames"])
            print(f"run {run + 1}: {name:18s} {result['frames']} frames in "
                  f"{result['seconds']:6.2f} s = {1000 * per_frame[name][-1]:7.1f} ms/frame "
                  f"(set-up {result['setup']:.2f} s)",
                  flush=True)
    manim_ms = 1000 * statistics.median(per_frame["ManimSurfaceScene"])
    ours_ms = 1000 * statistics.median(per_frame["FastSurfaceScene"])
    print(f"quality {args.quality}, {args.resolution}x{args.resolution} faces, median of "
          f"{args.runs}: manim Surface {manim_ms:.1f} ms/frame, FastSurface {ours_ms:.1f} ms/frame")
    print(f"ratio {ours_ms / manim_ms:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
