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

__all__ = [
    "DaskExecutor",
    "Shipped",
    "TlsFiles",
    "check_address",
    "insecure_warning",
    "make_security",
    "render_on_worker",
]

ADDRESS = re.compile(r"^(local|((tcp|tls)://)?[\w.\-\[\]:]+:\d+)$")


def check_address(address: str) -> str:
    """``address`` if it looks like a scheduler address (``local``, ``host:port``,
    ``tcp://host:port`` or ``tls://host:port``); else a ``ValueError`` naming the forms."""
    if not ADDRESS.match(address):
        raise ValueError(f"--scheduler expects 'local' or an address like tls://host:8786 or "
                         f"tcp://host:8786, got {address!r}")
    return address


@dataclass(frozen=True)
class TlsFiles:
    """The certificate files of ``--tls-ca``, ``--tls-cert``, ``--tls-key`` (None: not given)."""

    ca: Path | None = None
    cert: Path | None = None
    key: Path | None = None

    def given(self) -> bool:
        return any((self.ca, self.cert, self.key))


def _scheme(address: str) -> str:
    return address.split("://", 1)[0] if "://" in address else "tcp"


def _check_pem(path: Path | str, what: str) -> None:
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{what} {p} does not exist")
    try:
        text = p.read_text(encoding="ascii", errors="strict")
    except (OSError, UnicodeDecodeError):
        text = ""
    if "-----BEGIN " not in text:
        raise ValueError(f"{what} {p} is not a PEM file")


def _check_tls(ca: str, cert: str, key: str) -> None:
    """The three files exist, are PEM, and the key belongs to the certificate."""
    import ssl

    _check_pem(ca, "CA file")
    _check_pem(cert, "certificate")
    _check_pem(key, "key")
    try:
        ssl.create_default_context(cafile=ca)
    except ssl.SSLError as exc:
        raise ValueError(f"CA file {ca} holds no usable certificate ({exc.reason})") from None
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_cert_chain(cert, key)
    except ssl.SSLError as exc:
        reason = "does not match the certificate" if "MISMATCH" in str(exc) else \
            f"cannot be used with the certificate ({exc.reason or exc})"
        raise ValueError(f"key {key} {reason} {cert}") from None


def make_security(address: str, tls: TlsFiles):
    """Dask's ``Security`` for ``address``: from ``tls`` (the command line) or from Dask's own
    configuration (``distributed.comm.tls.*``), with encryption required; None for plain
    ``tcp://`` and ``local``. A ``ValueError`` with a one-line reason for bad input."""
    scheme = "local" if address == "local" else _scheme(address)
    if scheme != "tls":
        if tls.given():
            raise ValueError(f"--tls-ca, --tls-cert and --tls-key go with a tls:// scheduler "
                             f"address, got {address!r}")
        return None
    from distributed.security import Security

    if tls.given():
        missing = [flag for flag, v in (("--tls-ca", tls.ca), ("--tls-cert", tls.cert),
                                        ("--tls-key", tls.key)) if v is None]
        if missing:
            raise ValueError(f"{address} needs {', '.join(missing)} as well")
        files = (str(tls.ca), str(tls.cert), str(tls.key))
    else:
        configured = Security()  # reads distributed.comm.tls.* from Dask's configuration
        files = (configured.tls_ca_file, configured.tls_client_cert,
                 configured.tls_client_key)
        if not files[0] or not files[1]:
            raise ValueError(f"{address} needs certificates: --tls-ca, --tls-cert and --tls-key "
                             f"(or distributed.comm.tls.* in Dask's configuration)")
        files = (files[0], files[1], files[2] or files[1])  # a key may sit in the cert file
    _check_tls(*files)
    return Security(tls_ca_file=files[0], tls_client_cert=files[1], tls_client_key=files[2],
                    require_encryption=True)


def insecure_warning(address: str) -> str | None:
    """A one-line warning when ``address`` is plain tcp:// to a host off the loopback."""
    import ipaddress
    import socket

    if address == "local" or _scheme(address) != "tcp":
        return None
    host = address.split("://", 1)[-1].rsplit(":", 1)[0].strip("[]")
    try:
        loopback = ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        loopback = False
    if loopback:
        return None
    return (f"warning: {address} is plain tcp:// off this machine: anyone who can reach it can "
            f"run code on the workers; use it on a trusted network only, or tls:// (README)")


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
    narration: list = dataclasses.field(default_factory=list)
    audio: bytes | None = None
    duration: float = 0.0


def render_on_worker(job: Job, scene_relpath: str | None) -> Shipped:
    """Run on a Dask worker: render ``job`` in a temporary folder, using the worker's own copy
    of the scene (``scene_relpath`` is relative to the project), and ship the raw render."""
    scene = job.scene
    if scene_relpath is not None:
        scene = dataclasses.replace(scene, path=PROJECT_ROOT / scene_relpath)
    clean_stale_worker_folders()
    with tempfile.TemporaryDirectory(prefix=f"{WORKER_PREFIX}{os.getpid()}-") as tmp:
        folder = Path(tmp) / "out" / scene.topic / job.quality / job.lang
        local = dataclasses.replace(job, scene=scene, folder=folder)
        o = render_job(local)
        if o.raw is None:
            return Shipped(o.seconds, o.error, o.log)
        return Shipped(o.seconds, movie=o.raw.movie.read_bytes(),
                       srt=o.raw.srt.read_bytes() if o.raw.srt else None,
                       sections=o.raw.sections, recorded=o.raw.recorded, deps=o.raw.deps,
                       narration=o.raw.narration, duration=o.raw.duration,
                       audio=o.raw.audio.read_bytes() if o.raw.audio else None)


WORKER_PREFIX = "lecture-worker-"


def clean_stale_worker_folders() -> None:
    """Remove the temporary folders of worker processes on this machine that died mid-scene
    (killed with their cluster): named after their process id."""
    import shutil

    from renderer.executors import alive

    for folder in Path(tempfile.gettempdir()).glob(f"{WORKER_PREFIX}*-*"):
        try:
            pid = int(folder.name[len(WORKER_PREFIX):].split("-")[0])
        except ValueError:
            continue
        if not alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


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
    audio = None
    if shipped.audio is not None:
        audio = work / "narration.m4a"
        audio.write_bytes(shipped.audio)
    raw = RawRender(movie, srt, [tuple(s) for s in shipped.sections], shipped.recorded,
                    shipped.deps, shipped.narration, audio, shipped.duration)
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

    def __init__(self, address: str, workers: int, security=None) -> None:
        self.address, self.workers, self.security = address, workers, security
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
            self.client = Client(self.cluster or self.address, timeout="15s",
                                 security=self.security)
        except OSError as exc:
            self._close()
            why = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            if self.security is not None:
                raise ConnectionError(
                    f"cannot connect to the Dask scheduler at {self.address} over TLS: it is "
                    f"not there, or it refused this machine's certificate, or this machine does "
                    f"not trust the scheduler's (are both signed by the same CA?) "
                    f"[{why.split('. ')[0]}]") from None
            raise ConnectionError(f"cannot reach the Dask scheduler at {self.address}: "
                                  f"{why}") from None
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
            clean_stale_worker_folders()  # of workers stopped mid-scene, on this machine

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
