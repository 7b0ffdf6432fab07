"""Offline narration: voice engines, spoken text, a clip cache, recordings and the narration
track (see the modules for details; the names below are the ones a scene or the renderer
calls)."""

from __future__ import annotations

from voice.clips import CACHE_DIR, Clip, clip_key, synthesize
from voice.engine import EngineMissing, Span, Speech, VoiceEngine, engine_for
from voice.recordings import (
    RECORDINGS_DIR,
    BadRecording,
    Lookup,
    find_recording,
    line_id,
    recording_path,
    write_script_text,
)
from voice.spoken import speakable, spoken_form, unspeakable
from voice.track import Loudness, measure_loudness, write_track

__all__ = [
    "CACHE_DIR",
    "RECORDINGS_DIR",
    "BadRecording",
    "Clip",
    "EngineMissing",
    "Loudness",
    "Lookup",
    "Span",
    "Speech",
    "VoiceEngine",
    "clip_key",
    "engine_for",
    "find_recording",
    "line_id",
    "measure_loudness",
    "recording_path",
    "speakable",
    "spoken_form",
    "synthesize",
    "unspeakable",
    "write_script_text",
    "write_track",
]
