"""Scale-out: scene jobs on a Dask cluster instead of the local process pool.

The client plans as usual (cached scenes are never sent) and submits one task per job. A
worker (any machine with this project installed) renders the job in a private temporary
folder with its own copy of the scene file and ships the raw render back as bytes; the client
lands them in a work folder of this batch, and the package step handles them exactly as a
local render. A worker killed mid-job is replaced by Dask, which runs the task again on
another worker; a scene that raises comes back as a failed outcome with its one-line reason
and log, like a local failure.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from renderer.plan import Job
from renderer.worker import Outcome, RawRender, render_job, work_prefix
from scenes.options import PROJECT_ROOT

__all__ = ["DaskExecutor", "Shipped", "check_address", "render_on_worker"]

ADDRESS = re.compile(r"^(local|([a-z]+://)?[\w.\-\[\]:]+:\d+)$")


def check_address(address: str) -> str:
    """``address`` if it looks like a scheduler address (``local``, ``host:port`` or
    ``tcp://host:port``); else a ``ValueError`` naming the expected forms."""
    if not ADDRESS.match(address):
        raise ValueError(f"--scheduler expects 'local' or an address like tcp://host:8786, "
                         f"got {address!r}")
    return address


@dataclass(frozen=True)
class Shipped:
    """A job's outcome as it travels back from a worker: the outcome's fields, and when it
    rendered, the raw movie and captions as bytes."""

    seconds: float
    error: str = ""
    log: str = ""
    movie: bytes = b""
    srt: bytes | None = None
    sections: list = dataclasses.field(default_factory=list)
    recorded: dict = dataclasses.field(default_factory=dict)
    deps: dict = dataclasses.field(default_factory=dict)


def render_on_worker(job: Job, scene_relpath: str | None) -> Shipped:
    """Run on a Dask worker: render ``job`` in a temporary folder, using the worker's own copy
    of the scene (``scene_relpath`` is relative to the project), and ship the raw render."""
    scene = job.scene
    if scene_relpath is not None:
        scene = dataclasses.replace(scene, path=PROJECT_ROOT / scene_relpath)
    with tempfile.TemporaryDirectory(prefix="lecture-worker-") as tmp:
        folder = Path(tmp) / "out" / scene.topic / job.quality / job.lang
        local = dataclasses.replace(job, scene=scene, folder=folder)
        o = render_job(local)
        if o.raw is None:
            return Shipped(o.seconds, o.error, o.log)
        return Shipped(o.seconds, movie=o.raw.movie.read_bytes(),
                       srt=o.raw.srt.read_bytes() if o.raw.srt else None,
                       sections=o.raw.sections, recorded=o.raw.recorded, deps=o.raw.deps)


def land(shipped: Shipped, job: Job, owner: int) -> Outcome:
    """Write a worker's raw render into a work folder of this batch, as a local worker would."""
    if not shipped.movie:
        return Outcome(job, None, None, shipped.seconds, shipped.error, shipped.log)
    job.folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=work_prefix(owner) + f"{job.scene.name}-",
                                 dir=job.folder))
    movie = work / f"{job.scene.name}.mp4"
    movie.write_bytes(shipped.movie)
    srt = None
    if shipped.srt is not None:
        srt = movie.with_suffix(".srt")
        srt.write_bytes(shipped.srt)
    raw = RawRender(movie, srt, [tuple(s) for s in shipped.sections], shipped.recorded,
                    shipped.deps)
    return Outcome(job, work, raw, shipped.seconds)


def _relpath(path: Path) -> str | None:
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return None  # outside the project: workers must see the same path


class _DaskHandle:
    def __init__(self, future, job: Job, owner: int) -> None:
        self.future, self.job, self.owner = future, job, owner

    def done(self) -> bool:
        return self.future.done()

    def result(self) -> Outcome:
        return land(self.future.result(), self.job, self.owner)


class DaskExecutor:
    """Jobs on the Dask scheduler at ``address`` (``local``: a LocalCluster of ``workers``
    single-threaded worker processes, stopped with the batch)."""

    def __init__(self, address: str, workers: int) -> None:
        self.address, self.workers = address, workers
        self.client = None
        self.cluster = None
        self._keys: dict[str, str] = {}
        self._futures: list = []

    def __enter__(self) -> DaskExecutor:
        from dask.distributed import Client, LocalCluster

        if self.address == "local":
            os.environ.setdefault("PYTHONWARNINGS",
                                  "ignore::UserWarning:multiprocessing.resource_tracker")
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                        processes=True, dashboard_address=None,
                                        silence_logs=logging.CRITICAL)
        try:
            self.client = Client(self.cluster or self.address, timeout="15s")
        except OSError as exc:
            self._close()
            raise ConnectionError(f"cannot reach the Dask scheduler at {self.address}: "
                                  f"{exc}") from None
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is not None:
            self.stop()
        self._close()

    def _close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def submit(self, job: Job, owner: int) -> _DaskHandle:
        fut = self.client.submit(render_on_worker, job, _relpath(job.scene.path), pure=False,
                                 key=f"render-{job.scene.id}-{job.lang}-{job.key[:10]}")
        self._keys[fut.key] = f"{job.scene.id} [{job.lang}]"
        self._futures.append(fut)
        return _DaskHandle(fut, job, owner)

    def active(self) -> dict[str, str]:
        processing = self.client.processing() if self.client is not None else {}
        return {addr: ", ".join(self._keys[k] for k in keys if k in self._keys)
                for addr, keys in processing.items() if keys}

    def stop(self) -> None:
        if self.client is not None and self._futures:
            self.client.cancel(self._futures)
