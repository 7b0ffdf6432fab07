"""The shared look of every lecture frame: palette, fonts, sizes and layout bands.

Colours are the Okabe-Ito colour-blind-safe palette, each with one fixed meaning in all topics.
"""

from __future__ import annotations

__all__ = [
    "BACKGROUND",
    "BODY_SIZE",
    "CAPTION_BAND_TOP",
    "CODE_SIZE",
    "FONT",
    "FUNCTION",
    "GRADIENT",
    "GRADIENT_BRIGHT",
    "LABEL_SIZE",
    "LOSS",
    "MARGIN",
    "METHOD_COLOURS",
    "MATH_SIZE",
    "MUTED",
    "POINT",
    "SECOND",
    "TEXT",
    "TITLE_SIZE",
    "THIRD",
    "TICK_SIZE",
]

# Palette (Okabe-Ito) with meanings fixed across topics.
FUNCTION = "#56B4E9"  # sky blue: the function / curve / surface being studied
POINT = "#F0E442"  # yellow: the current point, tangent, walker
GRADIENT = "#009E73"  # bluish green: gradient, step, direction of descent
GRADIENT_BRIGHT = "#3DDBA8"  # the same green, lighter: on the dark 3-D surfaces
LOSS = "#D55E00"  # vermillion: loss, error, what is being minimised
SECOND = "#E69F00"  # orange: a second curve or method being compared
THIRD = "#CC79A7"  # reddish purple: a third curve or method
TEXT = "#F2F2F2"  # body text
MUTED = "#9A9A9A"  # axes, grid, secondary labels
BACKGROUND = "#16181D"

# One colour per optimizer, the same in every scene that shows it.
METHOD_COLOURS = {"sgd": SECOND, "momentum": THIRD, "nag": LOSS, "adagrad": POINT,
                  "rmsprop": FUNCTION, "adam": GRADIENT}

# One CJK font that also has good Latin glyphs, shipped by Debian's fonts-noto-cjk.
FONT = "Noto Sans CJK SC"

# Sizes in manim font-size units; at 480p BODY_SIZE text is about 1/20 of the frame height.
TITLE_SIZE = 56
BODY_SIZE = 32
MATH_SIZE = 40
LABEL_SIZE = 28
CODE_SIZE = 22
TICK_SIZE = 32  # tick numbers on axes: digits about 14 px high at 480p

# Layout (manim units: the frame is 8 tall and 14.22 wide).
MARGIN = 0.3  # safe margin around the frame edge
CAPTION_BAND_TOP = -2.75  # narration lives below this line; plots stay above it
