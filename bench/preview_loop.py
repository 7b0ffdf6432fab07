#!/usr/bin/env python3
"""The authoring loop against plain manim, in one run on the same scene:

- plain ``manim -s -ql`` (a fresh process: imports, TeX, the scene, the last frame),
- one cold ``render.py SCENE --preview`` (also a fresh process),
- ``render.py SCENE --preview --watch``: after the first refresh, the time from saving the
  scene file to the new PNG, median over ``--saves`` saves (TeX already cached).

Prints each figure and the ratios against plain manim::

    .venv/bin/python bench/preview_loop.py descent/GradientDescent1D --saves 7
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from renderer.discover import discover  # noqa: E402
from renderer.plan import select  # noqa: E402


def _timed(cmd: list[str], **kw) -> float:
    start = time.monotonic()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, **kw)
    return time.monotonic() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("target", nargs="?", default="descent/GradientDescent1D")
    ap.add_argument("--saves", type=int, default=7)
    args = ap.parse_args()
    (scene,) = select(discover(), [args.target])
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        tmp = Path(tmp)
        # the scene file is copied into a scratch topic, so saving it touches nothing real
        scenes = tmp / "scenes"
        shutil.copytree(scene.path.parent, scenes / scene.topic,
                        ignore=shutil.ignore_patterns("__pycache__"))
        copy = scenes / scene.topic / scene.path.name
        env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes)}
        manim = Path(py).with_name("manim")
        media = tmp / "manim-media"
        # TeX cached for both: one warm-up each, not timed
        _timed([str(manim), "-s", "-ql", "--media_dir", str(media), str(copy), scene.name])
        t_manim = _timed([str(manim), "-s", "-ql", "--media_dir", str(media), str(copy),
                          scene.name])
        out = tmp / "out"
        _timed([py, "render.py", args.target, "--preview", "--out", str(out)], env=env)
        t_cold = _timed([py, "render.py", args.target, "--preview", "--out", str(out)], env=env)

        watcher = subprocess.Popen([py, "render.py", args.target, "--preview", "--watch",
                                    "--out", str(out)], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            lines = iter(watcher.stdout.readline, "")
            next(lines)  # "watching ..."
            first = next(lines)
            assert ".png in " in first, first
            times = []
            for i in range(args.saves):
                time.sleep(0.5)
                text = copy.read_text()
                copy.write_text(text + f"\n# save {i}\n")
                saved = time.monotonic()
                line = next(lines)
                assert ".png in " in line, line
                times.append(time.monotonic() - saved)
        finally:
            watcher.terminate()
            watcher.wait(10)
    median = statistics.median(times)
    print(f"scene: {args.target}")
    print(f"plain manim -s -ql:        {t_manim:6.2f} s")
    print(f"render.py --preview (cold): {t_cold:6.2f} s   ratio {t_cold / t_manim:.2f}")
    print(f"--watch save -> PNG:        {median:6.2f} s median of {len(times)} "
          f"(min {min(times):.2f}, max {max(times):.2f})   ratio {median / t_manim:.2f}")


if __name__ == "__main__":
    main()
