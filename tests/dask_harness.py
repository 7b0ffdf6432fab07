"""Dask scaffolding for tests and benchmarks: a real ``dask scheduler`` and ``dask worker``
processes on localhost, started as a user would start them."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from scenes.options import PROJECT_ROOT

ROOT = PROJECT_ROOT

__all__ = ["free_port", "scheduler_processes"]


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def scheduler_processes(workers: int, pin: bool = False, certs: Path | None = None
                        ) -> Iterator[tuple[str, dict[str, subprocess.Popen]]]:
    """A ``dask scheduler`` and ``workers`` single-threaded ``dask worker`` processes (named
    w1, w2, ...; each pinned to core i with taskset when ``pin``) on localhost, as a user
    would start them; yields the scheduler address and the processes, stops them after.

    With ``certs`` (a folder made by ``scripts/make-certs.sh DIR 127.0.0.1``) everything runs
    over TLS with encryption required, the scheduler and the workers using the certificate
    of 127.0.0.1."""

    def spawn(*args: str) -> subprocess.Popen:
        return subprocess.Popen(list(args), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)

    port = free_port()
    tls: tuple[str, ...] = ()
    if certs is not None:
        tls = ("--tls-ca-file", str(certs / "ca.pem"), "--tls-cert",
               str(certs / "127.0.0.1.pem"), "--tls-key", str(certs / "127.0.0.1.key"))
    address = f"{'tls' if certs else 'tcp'}://127.0.0.1:{port}"
    procs = {"scheduler": spawn(sys.executable, "-m", "distributed.cli.dask_scheduler",
                                "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
                                *(("--protocol", "tls", *tls) if certs else ()))}
    try:
        for i in range(workers):
            pin_args = ("taskset", "-c", str(i % (os.cpu_count() or 1))) if pin else ()
            procs[f"w{i + 1}"] = spawn(*pin_args, sys.executable, "-m",
                                       "distributed.cli.dask_worker", address, "--nthreads",
                                       "1", "--no-nanny", "--name", f"w{i + 1}",
                                       "--no-dashboard", *tls)
        yield address, procs
    finally:
        for p in procs.values():
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs.values():
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:  # a busy machine: do not leave it running
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(5)
