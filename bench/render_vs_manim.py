"""Benchmark: render.py against plain ``manim`` on the same scenes, in one run.

    .venv/bin/python bench/render_vs_manim.py [TARGET ...] [--quality l|m|h]

Every measurement starts cold (fresh media and output folders); render.py renders silent
(``--voice none``), the same videos plain manim makes (see ``bench/voice_cost.py`` for the voice). Prints wall times, bytes per
second of video for both, the preview time against ``manim -s -ql``, and the line
``ratio R`` = render.py cold time / sum of the plain manim runs one after another.
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
from renderer.plan import QUALITIES, resolve_quality, select  # noqa: E402
from renderer.probe import probe_video  # noqa: E402


def timed(cmd: list[str]) -> float:
    t0 = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.monotonic() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("targets", nargs="*", default=["descent"])
    ap.add_argument("--quality", default="m")
    args = ap.parse_args()
    quality = resolve_quality(args.quality)
    letter = QUALITIES[quality][1]
    scenes = select(discover(), args.targets)
    manim = str(Path(sys.executable).parent / "manim")
    with tempfile.TemporaryDirectory() as tmp:
        plain, plain_bytes, plain_secs = 0.0, 0, 0.0
        for s in scenes:
            media = Path(tmp) / "manim" / s.name
            plain += timed([manim, f"-q{letter}", "--media_dir", str(media), "--progress_bar",
                            "none", "-v", "WARNING", str(s.path), s.name])
            mp4 = next(media.rglob(f"{s.name}.mp4"))
            plain_bytes += mp4.stat().st_size
            plain_secs += probe_video(mp4).duration
        out = Path(tmp) / "out"
        # silent, as plain manim renders them (LECTURE_VOICE unset): the same videos
        cmd = [sys.executable, str(ROOT / "render.py"), *args.targets, "-q", quality,
               "--voice", "none", "--out", str(out)]
        ours = timed(cmd)
        warm = timed(cmd)
        mp4s = [p for p in out.rglob("*.mp4") if p.name != "lecture.mp4"]
        our_bytes = sum(p.stat().st_size for p in mp4s)
        our_secs = sum(probe_video(p).duration for p in mp4s)
        s = scenes[0]
        manim_s = timed([manim, "-s", "-ql", "--media_dir", str(Path(tmp) / "m2"),
                         "--progress_bar", "none", "-v", "WARNING", str(s.path), s.name])
        preview = timed([sys.executable, str(ROOT / "render.py"), s.id, "--preview",
                         "--out", str(Path(tmp) / "pv")])
    print(f"scenes: {len(scenes)} ({' '.join(args.targets)}), quality {quality}")
    print(f"plain manim, one after another: {plain:7.1f} s")
    print(f"render.py cold:                 {ours:7.1f} s  (ratio {ours / plain:.2f})")
    print(f"render.py warm (all cached):    {warm:7.2f} s")
    print(f"bytes per second of video:      manim {plain_bytes / plain_secs:,.0f}, "
          f"render.py {our_bytes / our_secs:,.0f} (x{(our_bytes / our_secs) / (plain_bytes / plain_secs):.2f})")
    print(f"preview of {s.id}: render.py {preview:.1f} s, manim -s -ql {manim_s:.1f} s "
          f"(ratio {preview / manim_s:.2f})")
    print(f"ratio {ours / plain:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
