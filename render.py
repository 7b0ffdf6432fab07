#!/usr/bin/env python3
"""Render lecture scenes to MP4: ``python render.py descent --quality high``; see ``--help``."""

from __future__ import annotations

import os
import sys

from renderer.cli import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `render.py --list | head`: the reader left; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
