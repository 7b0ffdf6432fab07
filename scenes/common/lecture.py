"""The base class of every lecture scene: title card, narration as subcaptions, sections,
recorded numbers and layout snapshots."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any, ClassVar

import manim as mn
import numpy as np
from manim.utils.exceptions import EndSceneEarlyException

from scenes.common import look
from scenes.common.lang import current_lang, tr
from scenes.common.layout import layout_problems
from scenes.common.surface3d import FastSurface, FastThreeDCamera, projected_box
from scenes.common.widgets import get_caption, get_title_card, wrap_narration
from scenes.options import active_options, topic_info

__all__ = ["LectureMixin", "LectureScene", "LectureThreeDScene"]

_READ_RATE = {"en": 15.0, "zh": 5.0}  # characters per second a viewer comfortably reads
VOICE_BREATH = 0.35  # seconds of quiet after a voiced line before the scene goes on


class LectureMixin:
    """Shared behaviour of 2-D and 3-D lecture scenes (mixed into a manim Scene class).

    Class attribute a scene sets:
        TITLE: (English, Chinese) title shown on the title card and in the lecture's chapters.
    The title card's subtitle is the topic's title, from the ``TITLE`` of the topic's
    ``__init__.py`` (:func:`scenes.options.topic_info`).
    """

    TITLE: ClassVar[tuple[str, str]] = ("Untitled", "未命名")

    def setup(self) -> None:
        super().setup()
        self.camera.background_color = look.BACKGROUND
        self.options = active_options()
        self.lang = current_lang()
        self.recorded: dict[str, list] = {}
        self.layout_snapshots: list[tuple[str, list[str]]] = []
        self._caption: mn.Mobject | None = None
        self._caption_start = 0.0
        self._caption_text = ""
        self._section_name = "start"
        self.section_log: list[tuple[str, float]] = []  # (name, start time in seconds)
        self.section_stills: list[tuple[str, np.ndarray]] = []  # with options.section_stills
        self.narration: list[dict] = []  # every narration line: written, spoken, its voice
        self._voice_clip = None  # the running line's clip (voiced scenes)

    # Title and sections -------------------------------------------------------------------
    def show_title(self) -> None:
        """Open the scene with its title card (its own section)."""
        self.section("Title", "标题")
        topic, _ = topic_info(Path(inspect.getfile(type(self))).parent)
        card = self.overlay(get_title_card(tr(*self.TITLE), tr(*topic)))
        self.play(mn.FadeIn(card, shift=0.3 * mn.UP), run_time=0.8)
        self.wait(1.0)
        self._keep_still()  # the title section's still is its card, not the blank after it
        self.play(mn.FadeOut(card), run_time=0.5)

    def _keep_still(self) -> None:
        """With ``options.section_stills``: keep the current frame as the running section's."""
        if not self.options.section_stills or len(self.section_stills) >= len(self.section_log):
            return  # not asked for, before the first section, or kept already (title card)
        self.renderer.update_frame(self)
        self.section_stills.append((self.section_log[-1][0],
                                    np.array(self.renderer.get_frame())[:, :, :3]))

    def section(self, en: str, zh: str, clear: bool = False) -> None:
        """Start a new step of the lecture: a manim section named in the active language.

        The running narration is held until it has been read, then cleared at the start of
        the new section, so every section ends on a settled frame (used for stills).
        ``clear=True`` also fades out everything else at the start of the new section.
        """
        self._snapshot_layout()
        self._close_caption()  # the viewer gets to read the last narration of the step
        self._keep_still()
        stop = self.options.stop_after_section
        if stop is not None and len(self.section_log) >= stop:
            raise EndSceneEarlyException()
        self._section_name = tr(en, zh)
        self.section_log.append((self._section_name, self.renderer.time))
        self.next_section(self._section_name)
        if clear and self.mobjects:
            self.play(*[mn.FadeOut(m) for m in self.mobjects], run_time=0.6)
            self._caption = None
        elif self._caption is not None:  # each step starts with a clear caption band
            self.play(mn.FadeOut(self._caption), run_time=0.3)
            self._caption = None

    # Narration -----------------------------------------------------------------------------
    def narrate(self, en: str, zh: str, say_en: str | None = None,
                say_zh: str | None = None) -> None:
        """Show a narration line in the caption band, speak it, and record it as a subcaption.

        ``say_en`` / ``say_zh`` give the words spoken where they differ from the written line
        (the rare line the spoken-text normaliser cannot read aloud). Voiced (``options.voice``
        is ``auto`` or ``tts``), the scene holds at the next narration, section or end until
        the voice has finished, plus a breath, and the caption cues follow the voice; silent,
        the caption stays up at least a reading time.
        """
        self._close_caption()
        text = tr(en, zh)
        say = tr(say_en, say_zh) if (say_en, say_zh) != (None, None) else None
        line = {"id": f"{len(self.narration) + 1:03d}", "text": text, "say": say,
                "start": self.renderer.time}
        self.narration.append(line)
        self._voice_clip = self._voice_line(line) if self.options.voice != "none" else None
        cap = self.overlay(get_caption(text))
        if self._caption is not None:
            self.play(mn.FadeOut(self._caption), mn.FadeIn(cap), run_time=0.4)
        else:
            self.play(mn.FadeIn(cap), run_time=0.4)
        self._caption, self._caption_text, self._caption_start = cap, text, line["start"]

    def _voice_line(self, line: dict):
        """The clip that speaks ``line``: its recording (``auto``) or synthesis; notes which in
        the line's record (``source``: recorded, tts or stale)."""
        from voice import engine_for, find_recording, recording_path, spoken_form, synthesize

        topic = Path(inspect.getfile(type(self))).parent.name
        scene = type(self).__name__
        clip, source = None, "tts"
        if self.options.voice == "auto":
            wav = recording_path(self.lang, topic, scene, line["id"])
            for f in (wav, wav.with_suffix(".txt")):  # a recording made later counts
                sys.audit("lecture.depends", str(f))
            found = find_recording(self.lang, topic, scene, line["id"], line["text"])
            if found.status == "recorded":
                clip, source = found.clip, "recorded"
            elif found.status == "stale":
                source = "stale"
                line["warning"] = found.message
                print(f"warning: {found.message}", file=sys.stderr)
        if clip is None:
            spoken = spoken_form(line["text"], self.lang, line["say"])
            clip = synthesize(spoken, self.lang, engine_for(self.lang))
        line.update(source=source, clip=str(clip.path), duration=clip.duration,
                    voice=clip.voice)
        return clip

    def _close_caption(self) -> None:
        if not self._caption_text:
            return
        shown = self.renderer.time - self._caption_start
        clip = self._voice_clip
        need = clip.duration + VOICE_BREATH if clip is not None \
            else len(self._caption_text) / _READ_RATE[self.lang]
        if shown < need and not self.renderer._original_skipping_status:
            self.wait(need - shown)
            shown = need
        back = self.renderer.time - self._caption_start
        for offset, duration, text in self._cues(self._caption_text, clip, max(shown, 0.5)):
            self.add_subcaption(text, duration=duration, offset=offset - back)
        self._caption_text = ""
        self._voice_clip = None

    def _cues(self, text: str, clip, shown: float) -> list[tuple[float, float, str]]:
        """(start from the line's start, duration, text) of the caption cues of one line:
        silent, one cue while it shows; voiced, from the voice's start to its end, split at
        clause boundaries (timed from the engine's clauses) when the line fills two caption
        lines."""
        if clip is None:
            return [(0.0, shown, text)]
        from voice.engine import Span, proportional_spans, split_clauses

        written = [piece.strip() for _, piece in split_clauses(text)]
        if len(wrap_narration(text, self.lang).splitlines()) < 2 or len(written) < 2:
            return [(0.0, clip.duration, text)]
        spoken = list(clip.clauses or ())
        if len(spoken) == len(written):  # the voice's own clause times, the written words
            spans = [Span(w, s.start, s.end) for w, s in zip(written, spoken, strict=True)]
        else:
            spans = list(proportional_spans(text, clip.duration))
        # the clauses in two cues of about equal length
        total = sum(len(s.text) for s in spans)
        acc, cut = 0, len(spans) - 2
        for i, span in enumerate(spans[:-1]):
            acc += len(span.text)
            if acc >= total / 2:
                cut = i
                break
        joiner = " " if self.lang == "en" else ""
        return [(g[0].start, g[-1].end - g[0].start, joiner.join(s.text for s in g))
                for g in (spans[:cut + 1], spans[cut + 1:])]

    def overlay(self, mob: mn.Mobject) -> mn.Mobject:
        """Prepare a mobject that belongs to the frame, not the world (text, captions).

        Nothing to do in 2-D; 3-D scenes fix it in the frame so the camera does not move it.
        """
        return mob

    # Recorded numbers ----------------------------------------------------------------------
    def record(self, key: str, value) -> None:
        """Record a value the scene shows (a counter value, a trajectory, a slope) for tests."""
        arr = np.asarray(value, dtype=np.float64)
        self.recorded.setdefault(key, []).append(arr.tolist())

    # Layout --------------------------------------------------------------------------------
    def _snapshot_layout(self) -> None:
        mobs = self.layout_mobjects()
        if mobs:
            self.layout_snapshots.append((self._section_name, self.layout_problems(mobs)))

    def layout_mobjects(self) -> list[mn.Mobject]:
        """Mobjects the layout check covers (3-D scenes: only those fixed in the frame)."""
        return list(self.mobjects)

    def layout_problems(self, mobs: list[mn.Mobject]) -> list[str]:
        """What the layout check finds wrong on screen now (see :func:`layout_problems`)."""
        return layout_problems(mobs)

    def tear_down(self) -> None:
        self._close_caption()
        self._snapshot_layout()
        self._keep_still()
        super().tear_down()


class LectureScene(LectureMixin, mn.Scene):
    """A 2-D lecture scene."""


class LectureThreeDScene(LectureMixin, mn.ThreeDScene):
    """A 3-D lecture scene: text, formulas and captions are fixed in the frame, and the layout
    check covers exactly those fixed-in-frame mobjects. Its camera draws
    :class:`~scenes.common.surface3d.FastSurface` in bulk."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("camera_class", FastThreeDCamera)
        super().__init__(**kwargs)

    def set_view(self, phi: float, theta: float, zoom: float = 1.0,
                 shift: np.ndarray = mn.ORIGIN) -> None:
        """Orient the camera and place the 3-D view ``shift`` frame units off centre (for
        example beside a text panel); the view stays there as the camera turns."""
        self.set_camera_orientation(phi=phi, theta=theta, zoom=zoom)
        self.renderer.camera.view_shift = np.array(shift, dtype=float)

    def layout_mobjects(self) -> list[mn.Mobject]:
        fixed = self.renderer.camera.fixed_in_frame_mobjects
        return [m for m in self.mobjects if m in fixed]

    def layout_problems(self, mobs: list[mn.Mobject]) -> list[str]:
        """Text problems, and every surface on screen must lie inside the frame margin and
        above the caption band, as the camera shows it now."""
        problems = super().layout_problems(mobs)
        w = mn.config.frame_width / 2 - look.MARGIN
        h = mn.config.frame_height / 2 - look.MARGIN
        surfaces = [s for m in self.mobjects for s in m.get_family()
                    if isinstance(s, FastSurface) and np.any(s.get_fill_opacities() > 0)]
        for s in surfaces:
            x0, y0, x1, y1 = projected_box(self.renderer.camera, s)
            if x0 < -w or x1 > w or y1 > h or y0 < look.CAPTION_BAND_TOP:
                problems.append(f"3-D surface {s.resolution} reaches ({x0:.2f}, {y0:.2f}) - "
                                f"({x1:.2f}, {y1:.2f}): outside the frame margin or into the "
                                f"caption band")
        return problems

    def overlay(self, mob: mn.Mobject) -> mn.Mobject:
        self.add_fixed_in_frame_mobjects(mob)
        self.remove(mob)  # fixed in frame, but only on screen once an animation shows it
        return mob
