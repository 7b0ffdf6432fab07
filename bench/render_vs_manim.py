"""Benchmark: render.py on a topic against plain ``manim`` on the same scenes, one run each.

    .venv/bin/python bench/render_vs_manim.py [TOPIC] [--quality l|m|h]

Both start cold (fresh output and media folders, manim's caches empty). Prints each wall time
and the line ``ratio R`` = render.py time / sum of the plain manim runs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from renderer.discover import discover  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("topic", nargs="?", default="descent")
    ap.add_argument("--quality", default="m", choices=list("lmhpk"))
    args = ap.parse_args()
    scenes = next(t for t in discover() if t.name == args.topic).scenes
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.monotonic()
        for s in scenes:
            subprocess.run([str(bin_dir / "manim"), f"-q{args.quality}", "--media_dir",
                            f"{tmp}/manim", "--progress_bar", "none", "-v", "WARNING",
                            str(s.path), s.name], cwd=ROOT, check=True)
        plain = time.monotonic() - t0
        t0 = time.monotonic()
        subprocess.run([sys.executable, str(ROOT / "render.py"), args.topic, "-q", args.quality,
                        "--out", f"{tmp}/out"], cwd=ROOT, check=True, capture_output=True)
        ours = time.monotonic() - t0
        t0 = time.monotonic()
        subprocess.run([sys.executable, str(ROOT / "render.py"), args.topic, "-q", args.quality,
                        "--out", f"{tmp}/out"], cwd=ROOT, check=True, capture_output=True)
        warm = time.monotonic() - t0
    print(f"scenes: {len(scenes)} ({args.topic}, quality {args.quality})")
    print(f"plain manim, one after another: {plain:.1f} s")
    print(f"render.py cold:                 {ours:.1f} s")
    print(f"render.py warm (all cached):    {warm:.2f} s")
    print(f"ratio {ours / plain:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
