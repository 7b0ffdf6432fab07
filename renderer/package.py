"""The package step: a raw manim render becomes a scene's course files (faststart MP4 with
chapters, poster, section stills, captions, transcript, record); the scenes of a topic become
its lecture, contact sheet, manifest and gallery; the topics become the course page."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from renderer import media
from renderer.discover import Topic
from renderer.files import write_text_atomic
from renderer.gallery import write_course_page, write_gallery
from renderer.plan import Job, read_record
from renderer.probe import probe_video
from renderer.worker import Outcome, work_prefix

__all__ = ["LECTURE", "Result", "install", "package_course", "package_scene", "package_topic",
           "voice_summary"]

LECTURE = "lecture"


@dataclass(frozen=True)
class Result:
    """How one job of the batch ended."""

    job: Job
    status: str  # "rendered" or "failed"
    seconds: float = 0.0
    duration: float = 0.0
    error: str = ""
    log: str = ""


def _chapters(section_log: list[tuple[str, float]], duration: float) -> list[media.Chapter]:
    starts = [t for _, t in section_log] + [duration]
    return [media.Chapter(name, starts[i], starts[i + 1])
            for i, (name, _) in enumerate(section_log) if starts[i + 1] > starts[i]]


def install(job: Job, stage: Path, files: list[str], meta: dict) -> None:
    """Move a finished scene's ``files`` from ``stage`` into ``job.folder``: the old record
    goes first, the files are renamed into place, the new record is written last."""
    job.meta_path.unlink(missing_ok=True)
    for f in files:
        (job.folder / f).parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / f, job.folder / f)
    write_text_atomic(job.meta_path, json.dumps(meta, ensure_ascii=False, indent=1))


def _failed(outcome: Outcome, error: str, log: str) -> Result:
    job = outcome.job
    log_path = job.folder / f"{job.scene.name}.log"
    job.folder.mkdir(parents=True, exist_ok=True)
    log_path.write_text(log or error, encoding="utf-8")
    return Result(job, "failed", outcome.seconds, error=error, log=str(log_path))


def package_scene(outcome: Outcome) -> Result:
    """Package a rendered job into its output folder (nothing partial under a final name; the
    record last) and remove its work folder; a failed render leaves its log and the last good
    output untouched."""
    job, raw = outcome.job, outcome.raw
    if raw is None:
        return _failed(outcome, outcome.error, outcome.log)
    stage = Path(tempfile.mkdtemp(prefix=work_prefix(os.getpid()) + "stage-", dir=job.folder))
    try:
        name = job.scene.name
        chapters = _chapters(raw.sections, raw.duration)
        title = job.scene.title[1 if job.lang == "zh" else 0]
        mp4 = stage / f"{name}.mp4"
        media.finalize_mp4(raw.movie, mp4, chapters, title, raw.audio)
        info = probe_video(mp4)
        frame = 1.0 / (info.fps or 30)
        media.extract_frame(mp4, info.duration - 2 * frame, stage / f"{name}.png")
        stills = []
        (stage / ".stills").mkdir()
        for i, ch in enumerate(chapters):
            still = f".stills/{name}-{i:02d}.png"
            # A section's last frame sums it up; the title card fades out, so take its middle.
            t = ch.start + 0.6 * (ch.end - ch.start) if i == 0 else ch.end - 2 * frame
            media.extract_frame(mp4, t, stage / still)
            stills.append({"file": still, "title": ch.title})
        srt = raw.srt.read_text(encoding="utf-8") if raw.srt else ""
        cues = media.parse_srt(srt)
        (stage / f"{name}.srt").write_text(srt, encoding="utf-8")
        (stage / f"{name}.vtt").write_text(media.vtt_from_cues(cues), encoding="utf-8")
        (stage / f"{name}.txt").write_text(media.transcript(cues), encoding="utf-8")
        (stage / f"{name}.chapters.vtt").write_text(media.chapters_vtt(chapters),
                                                    encoding="utf-8")
        files = sorted(p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file())
        meta = {
            "scene": job.scene.id, "topic": job.scene.topic, "name": name,
            "title": list(job.scene.title), "lang": job.lang, "quality": job.quality,
            "key": job.key, "duration": info.duration, "width": info.width,
            "height": info.height, "fps": info.fps, "codec": info.codec,
            "pix_fmt": info.pix_fmt,
            "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in chapters],
            "stills": stills, "recorded": raw.recorded, "deps": raw.deps,
            "narration": raw.narration, "voice": voice_summary(raw.narration),
            # what the scene was made from: changes whenever a traced file did
            "inputs": hashlib.sha256(json.dumps(raw.deps, sort_keys=True).encode()
                                     ).hexdigest()[:32],
            "files": {f: (stage / f).stat().st_size for f in files},
        }
        install(job, stage, files, meta)
        (job.folder / f"{name}.log").unlink(missing_ok=True)
        return Result(job, "rendered", outcome.seconds, info.duration)
    except Exception as exc:  # packaging failed: report it like a failing render
        import traceback

        from renderer.worker import one_line

        return _failed(outcome, one_line(exc), traceback.format_exc())
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        if outcome.work is not None:
            shutil.rmtree(outcome.work, ignore_errors=True)


def voice_summary(narration: list[dict]) -> dict:
    """What spoke a scene: the voices used and how many lines were recorded, synthesised, or
    synthesised because their recording is stale (none at all: a silent scene)."""
    counts = {k: sum(1 for line in narration if line.get("source") == k)
              for k in ("recorded", "tts", "stale")}
    voices = sorted({line["voice"] for line in narration if line.get("voice")})
    return {"voices": voices, **counts}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
def _lecture(folder: Path, metas: list[dict], lang: str, topic: Topic) -> dict:
    """Join the scenes of one language into lecture.mp4 (stream copy) with one chapter per
    scene, joined captions and a contact sheet; reuse them when the scene keys are unchanged."""
    key = hashlib.sha256("".join(m["key"] + m.get("inputs", "") for m in metas).encode()
                         ).hexdigest()[:32]
    record_path = folder / f"{LECTURE}.json"
    record = read_record(record_path, key)
    if record is not None:
        return record
    record_path.unlink(missing_ok=True)
    title = topic.title[1 if lang == "zh" else 0]
    chapters, cues, t = [], [], 0.0
    for m in metas:
        chapters.append(media.Chapter(m["title"][1 if lang == "zh" else 0], t,
                                        t + m["duration"]))
        srt = (folder / f"{m['name']}.srt").read_text(encoding="utf-8")
        cues += media.shift_cues(media.parse_srt(srt), t)
        t += m["duration"]
    tmp = folder / f".{LECTURE}.tmp.mp4"
    voiced = any(m.get("voice", {}).get("voices") for m in metas)
    media.join_videos([folder / f"{m['name']}.mp4" for m in metas], tmp, chapters, title,
                      with_audio=voiced)
    os.replace(tmp, folder / f"{LECTURE}.mp4")
    write_text_atomic(folder / f"{LECTURE}.chapters.vtt", media.chapters_vtt(chapters))
    write_text_atomic(folder / f"{LECTURE}.vtt", media.vtt_from_cues(cues))
    write_text_atomic(folder / f"{LECTURE}.txt", media.transcript(cues))
    stills = [(folder / s["file"], f"{m['name']}: {s['title']}") for m in metas
              for s in m["stills"]]
    media.contact_sheet([p for p, _ in stills], [label for _, label in stills],
                          folder / "contact-sheet.png")
    files = [f"{LECTURE}.mp4", f"{LECTURE}.chapters.vtt", f"{LECTURE}.vtt", f"{LECTURE}.txt",
             "contact-sheet.png"]
    record = {"key": key, "title": title, "duration": t, "width": metas[0]["width"],
              "height": metas[0]["height"], "fps": metas[0]["fps"],
              "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in chapters],
              "voice": {"voices": sorted({v for m in metas
                                          for v in m.get("voice", {}).get("voices", [])})},
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
        {lang: [m["key"] + m.get("inputs", "") for m in d["scenes"]]
         + [d["lecture"]["key"] if d["lecture"] else ""]
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
                    "voice": rec.get("voice") if f.endswith(".mp4") else None,
                    "size": path.stat().st_size, "sha256": _sha256(path),
                })
    write_text_atomic(manifest_path, json.dumps({"state": state, "topic": topic.name,
                                             "quality": quality, "files": entries},
                                            ensure_ascii=False, indent=1))
    write_gallery(gallery, topic, quality, per_lang)
    return gallery


def package_course(out: Path) -> Path | None:
    """Write ``OUT/index.html``: every topic rendered so far in ``out`` (each quality and
    language: scene count, duration, links to its gallery and lecture). None when ``out`` has
    no topic yet."""
    rows = []
    for manifest in sorted(out.glob("*/*/manifest.json")):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        by_lang: dict[str, dict] = {}
        for entry in data.get("files", []):
            if not entry["file"].endswith(".mp4"):
                continue
            d = by_lang.setdefault(entry["lang"], {"scenes": 0, "duration": 0.0,
                                                   "lecture": None, "title": ""})
            if entry["scene"] == LECTURE:
                d["lecture"] = entry["file"]
                d["title"] = entry["title"]
            else:
                d["scenes"] += 1
                d["duration"] += entry["duration"] or 0.0
        if by_lang:
            rows.append({"topic": data.get("topic", manifest.parents[1].name),
                         "quality": data.get("quality", manifest.parent.name),
                         "folder": manifest.parent.relative_to(out).as_posix(),
                         "langs": by_lang})
    if not rows:
        return None
    page = out / "index.html"
    write_course_page(page, rows)
    return page
