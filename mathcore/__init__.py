"""mathcore: the pure numeric core behind every lecture scene (numpy and torch, no manim, no I/O).

Subpackages:

* :mod:`mathcore.functions` -- elementary functions, their properties, pole-aware sampling.
* :mod:`mathcore.calculus` -- limits, derivatives, tangents, Taylor series, Hessians, integrals.
* :mod:`mathcore.descent` -- loss surfaces and trajectories of real ``torch.optim`` optimizers.

Conventions (settled once):

* ``arccot`` has range (0, pi).
* ``x ** (1/3)`` means the real cube root, so it is defined for x < 0.
* "convex" (凸) means f(t x + (1 - t) y) <= t f(x) + (1 - t) f(y), the optimisation convention.
"""

from __future__ import annotations

__all__ = ["calculus", "descent", "functions"]
