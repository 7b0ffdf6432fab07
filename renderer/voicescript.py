"""``render.py voice-script TOPIC --lang zh``: the recording script of a topic, for an author
who replaces synthesised lines with recordings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from renderer.discover import SceneInfo
from scenes.options import PROJECT_ROOT, SceneOptions

__all__ = ["narration_lines", "write_voice_script"]


def narration_lines(scene: SceneInfo, lang: str) -> list[dict]:
    """Every narration line of ``scene`` in ``lang`` (id, written text, spoken override), from
    a render with animations skipped."""
    from renderer.worker import render_scene

    with tempfile.TemporaryDirectory(prefix="voice-script-") as tmp:
        s = render_scene(scene.path, scene.name, SceneOptions(lang), "low", Path(tmp),
                         {"skip_animations": True, "write_to_movie": False})
    return list(s.narration)


def write_voice_script(scenes: list[SceneInfo], lang: str,
                       root: Path = PROJECT_ROOT / "voice") -> Path:
    """Write ``<root>/<lang>/<topic>/SCRIPT.md`` (every line with its id, its text and the
    file its recording goes to) and, for each line not recorded yet, the ``<id>.txt`` the
    recording will be checked against. Returns the script's path."""
    from voice.recordings import recording_path, write_script_text

    topic = scenes[0].topic
    folder = root / lang / topic
    out = [f"# Recording script: {topic} ({lang})", "",
           "Record each line as a WAV file (any common sample rate) at the path given; a line",
           "whose text changes after it was recorded is reported stale and synthesised again.",
           ""]
    for scene in scenes:
        out += [f"## {scene.name}", ""]
        for line in narration_lines(scene, lang):
            wav = recording_path(lang, topic, scene.name, line["id"], root)
            if not wav.is_file():
                write_script_text(wav, line["text"])
            state = "recorded" if wav.is_file() else "to record"
            out += [f"- `{line['id']}` ({state}) → `{wav.relative_to(root.parent)}`",
                    f"  > {line['text']}", ""]
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "SCRIPT.md"
    script.write_text("\n".join(out), encoding="utf-8")
    return script
