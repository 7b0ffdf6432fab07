#!/usr/bin/env bash
# Install everything this project needs on a Debian machine, idempotently.
#   system packages (apt) when missing, then a virtual environment in .venv
#   with the project installed from pyproject.toml (pip install -e .[dev]).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.installed-pyproject.sha256"

say()  { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[setup] FAILED:\033[0m %s\n' "$*" >&2; exit 1; }

APT_PACKAGES=(
    build-essential pkg-config python3-dev
    libcairo2-dev libpango1.0-dev
    ffmpeg
    texlive-latex-base texlive-latex-recommended texlive-latex-extra
    texlive-fonts-recommended texlive-science dvisvgm
    fonts-noto-cjk
    chromium
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if ! python3 -m venv --help >/dev/null 2>&1; then
    missing+=(python3-venv)
fi

if ((${#missing[@]})); then
    SUDO=""
    if [[ $EUID -ne 0 ]]; then
        command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install: ${missing[*]}"
        SUDO="sudo"
    fi
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq || fail "apt-get update"
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "apt-get install ${missing[*]}"
else
    say "system packages: all present"
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    say "creating virtual environment in .venv"
    python3 -m venv "$VENV" || fail "python3 -m venv (is python3-venv installed?)"
fi

want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
    say "installing Python packages from pyproject.toml (pip install -e .[dev])"
    "$VENV/bin/python" -m pip install -q --upgrade pip || fail "pip upgrade"
    "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]" || fail "pip install -e .[dev]"
    echo "$want" > "$STAMP"
else
    say "Python packages: up to date"
fi
say "ready (.venv/bin/python)"
