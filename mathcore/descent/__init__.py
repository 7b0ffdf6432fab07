"""Descent: loss surfaces, real torch.optim trajectories, the course's fits and constrained problems."""

from __future__ import annotations

from mathcore.descent.optimizers import OPTIMIZERS, Trajectory, lr_sweep, optimize
from mathcore.descent.surfaces import SURFACES, Surface, get_surface

__all__ = ["OPTIMIZERS", "SURFACES", "Surface", "Trajectory", "get_surface", "lr_sweep", "optimize"]
