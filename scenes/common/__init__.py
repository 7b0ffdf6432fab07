"""Scene support shared by every topic: look, language, narration, sections, layout, widgets."""

from __future__ import annotations

from scenes.common import look
from scenes.common.lang import LANGS, current_lang, tr
from scenes.common.lecture import LectureScene, LectureThreeDScene
from scenes.common.plots import (
    get_contour_plane,
    get_contours,
    get_legend,
    get_loss_readout,
    get_polyline,
    get_trajectory,
)
from scenes.common.surface3d import FastSurface, FastThreeDAxes, FastThreeDCamera, surface_dot
from scenes.common.widgets import (
    code_block,
    get_axes,
    get_caption,
    get_counter,
    get_line_in_axes,
    get_log_label,
    get_math,
    get_text,
    get_title_card,
    plain_number,
    round_sig,
    tex_number,
)

__all__ = [
    "FastSurface",
    "FastThreeDAxes",
    "FastThreeDCamera",
    "LANGS",
    "LectureScene",
    "LectureThreeDScene",
    "code_block",
    "current_lang",
    "get_axes",
    "get_log_label",
    "get_caption",
    "get_contour_plane",
    "get_contours",
    "get_legend",
    "get_loss_readout",
    "get_polyline",
    "get_trajectory",
    "get_counter",
    "get_line_in_axes",
    "get_math",
    "get_text",
    "get_title_card",
    "look",
    "plain_number",
    "round_sig",
    "surface_dot",
    "tex_number",
    "tr",
]
