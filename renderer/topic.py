"""Per-topic packaging: the joined lecture, its chapters and captions, a contact sheet, the
manifest and the gallery page. Skipped entirely when nothing it depends on changed."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from renderer import package
from renderer.discover import Topic
from renderer.files import write_text_atomic
from renderer.gallery import write_gallery
from renderer.plan import Job, read_record

__all__ = ["package_topic"]

LECTURE = "lecture"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _lecture(folder: Path, metas: list[dict], lang: str, topic: Topic) -> dict:
    """Join the scenes of one language into lecture.mp4 (stream copy) with one chapter per
    scene, joined captions and a contact sheet; reuse them when the scene keys are unchanged."""
    key = hashlib.sha256("".join(m["key"] for m in metas).encode()).hexdigest()[:32]
    record_path = folder / f"{LECTURE}.json"
    record = read_record(record_path, key)
    if record is not None:
        return record
    record_path.unlink(missing_ok=True)
    title = topic.title[1 if lang == "zh" else 0]
    chapters, cues, t = [], [], 0.0
    for m in metas:
        chapters.append(package.Chapter(m["title"][1 if lang == "zh" else 0], t,
                                        t + m["duration"]))
        srt = (folder / f"{m['name']}.srt").read_text(encoding="utf-8")
        cues += package.shift_cues(package.parse_srt(srt), t)
        t += m["duration"]
    tmp = folder / f".{LECTURE}.tmp.mp4"
    package.join_videos([folder / f"{m['name']}.mp4" for m in metas], tmp, chapters, title)
    os.replace(tmp, folder / f"{LECTURE}.mp4")
    write_text_atomic(folder / f"{LECTURE}.chapters.vtt", package.chapters_vtt(chapters))
    write_text_atomic(folder / f"{LECTURE}.vtt", package.vtt_from_cues(cues))
    write_text_atomic(folder / f"{LECTURE}.txt", package.transcript(cues))
    stills = [(folder / s["file"], f"{m['name']}: {s['title']}") for m in metas
              for s in m["stills"]]
    package.contact_sheet([p for p, _ in stills], [label for _, label in stills],
                          folder / "contact-sheet.png")
    files = [f"{LECTURE}.mp4", f"{LECTURE}.chapters.vtt", f"{LECTURE}.vtt", f"{LECTURE}.txt",
             "contact-sheet.png"]
    record = {"key": key, "title": title, "duration": t, "width": metas[0]["width"],
              "height": metas[0]["height"], "fps": metas[0]["fps"],
              "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in chapters],
              "files": {f: (folder / f).stat().st_size for f in files}}
    write_text_atomic(record_path, json.dumps(record, ensure_ascii=False, indent=1))
    return record


def package_topic(out: Path, topic: Topic, quality: str, jobs: list[Job]) -> Path | None:
    """Package everything of ``topic`` at ``quality`` that is complete on disk.

    ``jobs`` are the plan's jobs for every scene of the topic in every language wanted.
    Returns the gallery path, or None when no scene of the topic has been rendered yet.
    """
    base = out / topic.name / quality
    per_lang: dict[str, dict] = {}
    for lang in dict.fromkeys(j.lang for j in jobs):
        folder = base / lang
        metas = [m for j in jobs if j.lang == lang and (m := j.read_meta()) is not None]
        if not metas:
            continue
        lecture = _lecture(folder, metas, lang, topic) if len(metas) == len(topic.scenes) \
            else None
        per_lang[lang] = {"scenes": metas, "lecture": lecture}
    if not per_lang:
        return None
    state = hashlib.sha256(json.dumps(
        {lang: [m["key"] for m in d["scenes"]] + [d["lecture"]["key"] if d["lecture"] else ""]
         for lang, d in per_lang.items()}, sort_keys=True).encode()).hexdigest()
    manifest_path, gallery = base / "manifest.json", base / "index.html"
    try:
        if json.loads(manifest_path.read_text(encoding="utf-8"))["state"] == state \
                and gallery.is_file():
            return gallery
    except (OSError, ValueError, KeyError):
        pass
    entries = []
    for lang, d in per_lang.items():
        records = [(m, m["files"], m["name"], m["title"]) for m in d["scenes"]]
        if d["lecture"]:
            lec = d["lecture"]
            records.append((lec, lec["files"], LECTURE, [topic.title[0], topic.title[1]]))
        for rec, files, name, title in records:
            for f in files:
                path = base / lang / f
                entries.append({
                    "file": f"{lang}/{f}", "topic": topic.name, "scene": name, "lang": lang,
                    "title": title[1 if lang == "zh" else 0], "duration": rec["duration"],
                    "resolution": [rec.get("width"), rec.get("height")]
                    if f.endswith(".mp4") else None,
                    "fps": rec.get("fps") if f.endswith(".mp4") else None,
                    "size": path.stat().st_size, "sha256": _sha256(path),
                })
    write_text_atomic(manifest_path, json.dumps({"state": state, "topic": topic.name,
                                             "quality": quality, "files": entries},
                                            ensure_ascii=False, indent=1))
    write_gallery(gallery, topic, quality, per_lang)
    return gallery
