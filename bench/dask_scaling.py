"""Speed-up per added Dask worker: a local `dask scheduler` and N `dask worker` processes, each
pinned to its own core (taskset), render the same topic cold through `render.py --scheduler`.

    python bench/dask_scaling.py descent --quality l --max-workers 2
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dask_harness import scheduler_processes  # noqa: E402


def timed_render(target: str, quality: str, workers: int) -> float:
    """Wall time of one cold render of ``target`` on ``workers`` pinned workers."""
    from dask.distributed import Client

    with scheduler_processes(workers, pin=True) as (address, _):
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=120)
        with tempfile.TemporaryDirectory(prefix="dask-bench-") as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "render.py"), target, "-q", quality,
                            "--scheduler", address, "--out", out], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", default="descent")
    parser.add_argument("--quality", "-q", default="l")
    parser.add_argument("--max-workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    times = {}
    for n in range(1, args.max_workers + 1):
        times[n] = timed_render(args.target, args.quality, n)
        print(f"{n} worker(s): {times[n]:.1f} s, speed-up {times[1] / times[n]:.2f}x "
              f"({times[1] / times[n] / n:.0%} per worker)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
