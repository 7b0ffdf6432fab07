#!/usr/bin/env python3
"""Render lecture scenes to MP4: ``python render.py descent --quality high``; see ``--help``."""

from __future__ import annotations

import sys

from renderer.cli import main

if __name__ == "__main__":
    sys.exit(main())
