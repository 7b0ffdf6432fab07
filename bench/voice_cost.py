#!/usr/bin/env python3
"""What the voice costs: the same topic rendered cold twice in one run, silent
(``--voice none``) and voiced (``--voice tts``, with an empty clip cache, so every line is
synthesised), then warm with voice. Prints both times and the ratio::

    .venv/bin/python bench/voice_cost.py descent --quality m
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "voice"


def _render(target: str, quality: str, out: Path, voice: str, langs: str) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, str(ROOT / "render.py"), target, "-q", quality, "--lang",
                    langs, "--voice", voice, "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    return time.monotonic() - start


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
    print(f"{args.target} -q {args.quality} --lang {args.lang}, cold:")
    print(f"  --voice none: {silent:7.1f} s")
    print(f"  --voice tts:  {voiced:7.1f} s (every line synthesised)")
    print(f"  warm re-run:  {warm:7.2f} s")
    print(f"ratio {voiced / silent:.2f}")


if __name__ == "__main__":
    main()
