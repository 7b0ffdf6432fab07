#!/usr/bin/env python3
"""What the voice costs: the same topic rendered cold twice in one run, silent
(``--voice none``) and voiced (``--voice tts``, with an empty clip cache, so every line is
synthesised), then warm with voice. Prints both times, the CPU time each used, the ratio and
each scene's render time in both runs::

    .venv/bin/python bench/voice_cost.py descent --quality m
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "voice"
TIMINGS = ".render-timings.json"  # renderer.executors.TIMINGS: each scene's last render time


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _render(target: str, quality: str, out: Path, voice: str, langs: str
            ) -> tuple[float, float]:
    """Wall and CPU seconds of one ``render.py`` run."""
    start, cpu = time.monotonic(), _cpu()
    subprocess.run([sys.executable, str(ROOT / "render.py"), target, "-q", quality, "--lang",
                    langs, "--voice", voice, "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    return time.monotonic() - start, _cpu() - cpu


def _scene_times(out: Path) -> dict[str, float]:
    try:
        return json.loads((out / TIMINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("target", nargs="?", default="descent")
    ap.add_argument("--quality", "-q", default="m")
    ap.add_argument("--lang", default="en")
    args = ap.parse_args()
    kept = CACHE.with_name("voice.bench-kept")
    with tempfile.TemporaryDirectory(prefix="bench-voice-") as tmp:
        tmp = Path(tmp)
        silent = _render(args.target, args.quality, tmp / "silent", "none", args.lang)
        if CACHE.exists():  # cold: nothing synthesised yet (the real cache is put back after)
            os.replace(CACHE, kept)
        try:
            voiced = _render(args.target, args.quality, tmp / "voiced", "tts", args.lang)
            warm = _render(args.target, args.quality, tmp / "voiced", "tts", args.lang)
        finally:
            if kept.exists():
                shutil.rmtree(CACHE, ignore_errors=True)
                os.replace(kept, CACHE)
        quiet, spoken = _scene_times(tmp / "silent"), _scene_times(tmp / "voiced")
    print(f"{args.target} -q {args.quality} --lang {args.lang}, cold:")
    print(f"  --voice none: {silent[0]:7.1f} s  (CPU {silent[1]:7.1f} s)")
    print(f"  --voice tts:  {voiced[0]:7.1f} s  (CPU {voiced[1]:7.1f} s; every line synthesised)")
    print(f"  warm re-run:  {warm[0]:7.2f} s")
    print(f"ratio {voiced[0] / silent[0]:.2f} (CPU {voiced[1] / silent[1]:.2f})")
    if quiet and spoken:
        print("scene render seconds, silent → voiced:")
        for key in sorted(quiet, key=quiet.get, reverse=True):
            if key in spoken:
                print(f"  {key:<48} {quiet[key]:6.1f} → {spoken[key]:6.1f}")


if __name__ == "__main__":
    main()
