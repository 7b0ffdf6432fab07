"""A faster manim for still previews (``--preview``, ``--watch``, ``--sheet``), same picture.

With animations skipped, most of manim's time goes into work a still never shows:

- every animation begins by deep-copying its mobjects, and Python's generic ``deepcopy``
  walks each glyph's parsed SVG path (``svgelements`` points and curves, which nothing
  changes after parsing) and each colour through ``__reduce_ex__``;
- every ``Text`` is parsed from its SVG file again (manim caches the parsed SVG of formulas,
  not of text);
- every skipped ``play`` still paints its static mobjects as a background for frames it
  does not draw, and its last frame, which it drops.

:func:`quick_stills` changes exactly these while it is active: ``svgelements`` objects
are shared by copies instead of copied, colours and mobjects copy their arrays directly, text
uses manim's own SVG cache, and a skipped ``play`` paints nothing. Animations still begin,
update and finish as manim runs them, so the last frame (and each section's still) is the
picture plain ``manim -s`` gives; ``tests/test_quickstill.py`` compares them pixel for pixel.
Previews render inside it; video renders never do.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import PosixPath, PurePosixPath

__all__ = ["quick_stills"]


@contextmanager
def quick_stills() -> Iterator[None]:
    """Within the block, this process's manim makes stills faster (see the module's text);
    afterwards it is manim again. Nested use is allowed."""
    undo = _install()
    try:
        yield
    finally:
        undo()


def _install():
    import numpy as np
    import svgelements
    from manim.animation.animation import Animation
    from manim.animation.fading import FadeIn, FadeOut
    from manim.animation.numbers import ChangingDecimal
    from manim.animation.transform import Transform
    from manim.mobject.mobject import Mobject
    from manim.mobject.text.text_mobject import Text
    from manim.renderer.cairo_renderer import CairoRenderer
    from manim.scene.scene import Scene
    from manim.utils.color.core import ManimColor

    dispatch = copy._deepcopy_dispatch  # noqa: SLF001  (the copy module's own extension point)
    before_dispatch = dict(dispatch)
    before = {(owner, name): owner.__dict__.get(name)
              for owner, name in [(Mobject, "__deepcopy__"), (Text, "__init__"),
                                  (Transform, "begin"), (ChangingDecimal, "interpolate_mobject"),
                                  (FadeIn, "begin"), (FadeOut, "begin"),
                                  (Scene, "begin_animations"), (CairoRenderer, "play"),
                                  (CairoRenderer, "render"),
                                  (CairoRenderer, "save_static_frame_data"),
                                  (CairoRenderer, "update_frame")]}

    def undo() -> None:
        dispatch.clear()
        dispatch.update(before_dispatch)
        for (owner, name), value in before.items():
            if value is None:  # inherited before: inherit again
                delattr(owner, name)
            else:
                setattr(owner, name, value)

    # parsed SVG geometry is read once, when a glyph's points are made: share it
    def share(x, memo):
        return x

    shared_svg = [cls for cls in vars(svgelements).values()
                  if inspect.isclass(cls) and cls.__module__.startswith("svgelements")]
    for cls in shared_svg:
        dispatch[cls] = share

    def copy_color(color, memo):
        new = object.__new__(type(color))
        new.__dict__.update(color.__dict__)
        new._ManimColor__value = color._ManimColor__value.copy()
        return new

    dispatch[ManimColor] = copy_color

    from manim.utils.tex import TexTemplate

    # values a copy may share: immutable ones, and those nothing changes once a mobject is made
    # (parsed SVG geometry, the TeX template a formula was typeset with)
    atomic = {int, float, str, bool, type(None), np.float64, np.int64, PurePosixPath,
              PosixPath, TexTemplate, *shared_svg}
    ndarray = np.ndarray
    deepcopy = copy.deepcopy

    def copy_value(value, memo):
        kind = type(value)
        if kind in atomic or isinstance(value, Enum):
            return value
        done = memo.get(id(value))
        if done is not None:
            return done
        if kind is ndarray and value.dtype != object:
            done = memo[id(value)] = value.copy()
        elif kind is list:
            done = memo[id(value)] = []
            done.extend(copy_value(item, memo) for item in value)
        elif kind is dict:
            done = memo[id(value)] = {}
            for key, item in value.items():
                done[key] = copy_value(item, memo)
        elif kind is ManimColor:
            done = memo[id(value)] = copy_color(value, memo)
        elif isinstance(value, Mobject):
            done = mobject_deepcopy(value, memo)
        else:
            done = deepcopy(value, memo)
        return done

    def mobject_deepcopy(self, memo):
        # Mobject.__deepcopy__, with values, arrays, lists and submobjects copied directly
        # (the originals stay referenced by ``self`` meanwhile, so their ids are not reused)
        cls = self.__class__
        result = cls.__new__(cls)
        memo[id(self)] = result
        state = self.__dict__.copy()
        for key, value in state.items():
            if type(value) not in atomic:
                state[key] = copy_value(value, memo)
        result.__dict__.update(state)
        result.original_id = str(id(self))
        return result

    Mobject.__deepcopy__ = mobject_deepcopy

    # The shortcuts below hold only where a play is skipped (drawn at its end alone); a play
    # that draws its frames (a --video preview, or a section played in full) runs as manim's
    skipping = [False]
    begin_animations = before[(Scene, "begin_animations")]
    play = before[(CairoRenderer, "play")]

    def watched_begin(self):
        skipping[0] = bool(self.renderer.skip_animations)
        begin_animations(self)

    def watched_play(self, scene, *args, **kwargs):
        try:
            play(self, scene, *args, **kwargs)
        finally:
            skipping[0] = False
        if self.skip_animations and not scene.is_current_animation_frozen_frame():
            self.__dict__.pop("_still_static", None)  # manim drops the static image here too

    Scene.begin_animations = watched_begin
    CairoRenderer.play = watched_play

    transform_begin = before[(Transform, "begin")]

    def plain_interpolation(kind) -> bool:
        """In a skipped play, and ``kind`` only interpolates start to target as Transform does."""
        return (skipping[0] and kind.interpolate is Animation.interpolate
                and kind.interpolate_mobject is Animation.interpolate_mobject
                and kind.interpolate_submobject is Transform.interpolate_submobject)

    def still_begin(self):
        # Transform.begin without the copy of the starting point, for transforms that draw
        # nothing but interpolate(start, target, alpha): a still shows alpha = 1 only, where
        # the start weighs nothing (and at alpha = 0 the mobject is its own start)
        kind = type(self)
        if not plain_interpolation(kind) or \
                kind.get_all_families_zipped is not Transform.get_all_families_zipped or \
                kind.clean_up_from_scene is not Transform.clean_up_from_scene:
            return transform_begin(self)
        self.target_mobject = self.create_target()
        self.target_copy = self.target_mobject.copy()
        self.mobject.align_data(self.target_copy)
        self.starting_mobject = self.mobject
        if self.suspend_mobject_updating:
            self.mobject.suspend_updating()
        self.interpolate(0)

    Transform.begin = still_begin

    def still_fade(self):
        # a fade ends as its mobject is: FadeIn shows it unchanged, FadeOut removes it and
        # restores it (interpolate(0) as it cleans up); only the scene's membership changes,
        # so nothing is copied and each interpolation leaves the mobject as it is
        if not plain_interpolation(type(self)):
            return transform_begin(self)  # a fade with its own motion
        self.target_mobject = self.target_copy = self.starting_mobject = self.mobject
        if self.suspend_mobject_updating:
            self.mobject.suspend_updating()

    FadeIn.begin = FadeOut.begin = still_fade

    def still_decimal(self, alpha):
        # a skipped animation sets each value up to three times (at its start, at its end, and
        # at its end again when it finishes): set only values the number does not show yet
        value = self.number_update_func(self.rate_func(alpha))
        if not skipping[0] or value != self.mobject.number:
            self.mobject.set_value(value)

    ChangingDecimal.interpolate_mobject = still_decimal

    text_init = before[(Text, "__init__")]

    def cached_text_init(self, *args, use_svg_cache: bool = True, **kwargs):
        text_init(self, *args, use_svg_cache=use_svg_cache, **kwargs)

    Text.__init__ = cached_text_init

    # A skipped play paints its static mobjects as the background for its frames; the image
    # outlives the play only after a wait, until the next play. Paint it when a frame is
    # next drawn, if one is (as manim would have painted it: nothing changed in between)
    save_static = before[(CairoRenderer, "save_static_frame_data")]
    update_frame = before[(CairoRenderer, "update_frame")]

    def lazy_static(self, scene, static_mobjects):
        if not self.skip_animations:
            return save_static(self, scene, static_mobjects)
        self.static_image = None
        self._still_static = (scene, list(static_mobjects))
        return None

    def drawn_frame(self, scene, *args, **kwargs):
        pending = self.__dict__.pop("_still_static", None)
        if pending is not None:
            save_static(self, *pending)
        return update_frame(self, scene, *args, **kwargs)

    CairoRenderer.save_static_frame_data = lazy_static
    CairoRenderer.update_frame = drawn_frame

    paint = before[(CairoRenderer, "render")]

    def lean_render(self, scene, time, moving_mobjects=None):
        if self.skip_animations:  # the frame would be dropped: the still is painted at the end
            return
        paint(self, scene, time, moving_mobjects)

    CairoRenderer.render = lean_render
    return undo
