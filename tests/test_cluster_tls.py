"""Scale-out over TLS: a real `dask scheduler` and two `dask worker` processes started with
certificates made by scripts/make-certs.sh; only clients with a certificate from the same CA
get in; bad certificate input is one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scenes.options import PROJECT_ROOT
from tests.dask_harness import scheduler_processes
from tests.test_reliability import FIXTURES, framemd5

pytestmark = pytest.mark.slow


def make_certs(folder: Path, *names: str) -> Path:
    subprocess.run(["bash", str(PROJECT_ROOT / "scripts/make-certs.sh"), str(folder), *names],
                   check=True, capture_output=True)
    return folder


def tls_args(certs: Path, name: str = "client") -> list[str]:
    return ["--tls-ca", str(certs / "ca.pem"), "--tls-cert", str(certs / f"{name}.pem"),
            "--tls-key", str(certs / f"{name}.key")]


def render(*args: str, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES)}
    return subprocess.run([sys.executable, str(PROJECT_ROOT / "render.py"), *args, "-q", "l",
                           "--out", str(out)], cwd=PROJECT_ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def tls_cluster(tmp_path_factory):
    certs = make_certs(tmp_path_factory.mktemp("certs"), "127.0.0.1", "client")
    with scheduler_processes(2, certs=certs) as (address, procs):
        assert address.startswith("tls://")
        yield address, certs


def one_line_error(r: subprocess.CompletedProcess) -> str:
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("render.py: error:") and \
        "Traceback" not in r.stderr, r.stderr
    return lines[0]


def test_render_over_tls_has_the_frames_of_a_local_render(tls_cluster, tmp_path):
    address, certs = tls_cluster
    remote = render("tiny", "--scheduler", address, *tls_args(certs), out=tmp_path / "remote")
    assert remote.returncode == 0, remote.stderr
    assert "warning" not in remote.stderr
    local = render("tiny", out=tmp_path / "local")
    assert local.returncode == 0, local.stderr
    for scene in ("Dot1", "Dot2", "lecture"):
        assert framemd5(tmp_path / f"remote/tiny/low/en/{scene}.mp4") == \
            framemd5(tmp_path / f"local/tiny/low/en/{scene}.mp4")


def test_clients_without_a_certificate_of_the_cluster_are_refused(tls_cluster, tmp_path):
    address, _ = tls_cluster
    other = make_certs(tmp_path / "other", "client")  # another CA altogether
    refused = one_line_error(render("tiny", "--scheduler", address, *tls_args(other),
                                    out=tmp_path / "o1"))
    assert "refused this machine's certificate" in refused and "same CA" in refused
    # a client that speaks plain TCP to the TLS port is refused by the scheduler too
    plain = one_line_error(render("tiny", "--scheduler", address.replace("tls://", "tcp://"),
                                  out=tmp_path / "o2"))
    assert "cannot reach the Dask scheduler" in plain
    # and without certificates render.py does not even try
    none = one_line_error(render("tiny", "--scheduler", address, out=tmp_path / "o3"))
    assert "needs certificates" in none
    for name in ("o1", "o2", "o3"):
        assert not list((tmp_path / name).rglob("*.mp4"))


def test_bad_certificate_input_is_one_line_and_exit_2(tmp_path):
    certs = make_certs(tmp_path / "certs", "client", "other")
    not_pem = tmp_path / "junk.pem"
    not_pem.write_text("not a certificate\n")
    address = "tls://127.0.0.1:1"  # nothing is contacted: the input is checked first
    cases = {
        "does not exist": ["--tls-ca", str(tmp_path / "nope.pem"), "--tls-cert",
                           str(certs / "client.pem"), "--tls-key", str(certs / "client.key")],
        "is not a PEM file": ["--tls-ca", str(certs / "ca.pem"), "--tls-cert", str(not_pem),
                              "--tls-key", str(certs / "client.key")],
        "does not match the certificate": ["--tls-ca", str(certs / "ca.pem"), "--tls-cert",
                                           str(certs / "client.pem"), "--tls-key",
                                           str(certs / "other.key")],
        "needs --tls-key": ["--tls-ca", str(certs / "ca.pem"), "--tls-cert",
                            str(certs / "client.pem")],
    }
    for message, args in cases.items():
        line = one_line_error(render("tiny", "--scheduler", address, *args, out=tmp_path / "o"))
        assert message in line, line
    line = one_line_error(render("tiny", "--scheduler", "tcp://127.0.0.1:1", *tls_args(certs),
                                 out=tmp_path / "o"))
    assert "go with a tls:// scheduler address" in line
    assert not (tmp_path / "o").exists()


def test_plain_tcp_off_the_loopback_warns(tmp_path):
    from renderer.cluster import insecure_warning

    assert insecure_warning("tcp://127.0.0.1:8786") is None
    assert insecure_warning("localhost:8786") is None
    assert insecure_warning("tls://10.1.2.3:8786") is None
    assert insecure_warning("local") is None
    warning = insecure_warning("tcp://10.1.2.3:8786")
    assert warning and "trusted network" in warning and "\n" not in warning
