"""The ffmpeg work of packaging (through ffmpeg-python): faststart MP4 with chapters, posters, stills,
WebVTT captions and chapters, transcripts, joined lectures and contact sheets."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import ffmpeg

__all__ = [
    "Chapter",
    "chapters_vtt",
    "contact_sheet",
    "extract_frame",
    "finalize_mp4",
    "join_videos",
    "parse_srt",
    "shift_cues",
    "transcript",
    "vtt_from_cues",
]


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float
    end: float


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def _run(stream, metadata: Path | None = None) -> None:
    """Run an ffmpeg-python graph with one output; ``metadata`` (an ffmetadata file: title and
    chapters) is added as the last input, which ffmpeg-python cannot express since no output
    stream comes from it, and the output takes its metadata and chapters from it."""
    args = stream.overwrite_output().compile()
    if metadata is not None:
        index = args.count("-i")
        last = len(args) - 1 - args[::-1].index("-i") + 2
        args[last:last] = ["-f", "ffmetadata", "-i", str(metadata)]
        out = len(args) - (2 if args[-1] == "-y" else 1)  # the output file's place
        args[out:out] = ["-map_metadata", str(index), "-map_chapters", str(index)]
    proc = subprocess.run(args, capture_output=True)
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"ffmpeg failed: {lines[-1] if lines else proc.returncode}")


def _ffmetadata(chapters: list[Chapter], title: str) -> str:
    def esc(s: str) -> str:
        return re.sub(r"([=;#\\\n])", r"\\\1", s)

    out = [";FFMETADATA1", f"title={esc(title)}"]
    for c in chapters:
        out += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(c.start * 1000)}",
                f"END={round(c.end * 1000)}", f"title={esc(c.title)}"]
    return "\n".join(out) + "\n"


def finalize_mp4(src: Path, dst: Path, chapters: list[Chapter], title: str,
                 audio: Path | None = None) -> None:
    """Remux ``src`` to ``dst`` by stream copy with the index in front (+faststart), the
    chapters and the title as metadata, and the narration track ``audio`` (AAC, as long as
    the video) as its sound. No re-encode."""
    meta = dst.with_name(dst.name + ".ffmeta")
    meta.write_text(_ffmetadata(chapters, title), encoding="utf-8")
    try:
        streams = [ffmpeg.input(str(src))["v"]]
        if audio is not None:
            streams.append(ffmpeg.input(str(audio))["a"])
        _run(ffmpeg.output(*streams, str(dst), c="copy", movflags="+faststart", f="mp4"),
             metadata=meta)
    finally:
        meta.unlink(missing_ok=True)


def extract_frame(video: Path, t: float, png: Path) -> None:
    """The frame at time ``t`` (seconds) as a PNG."""
    _run(ffmpeg.input(str(video), ss=max(t, 0.0)).output(str(png), vframes=1, f="image2"))


def join_videos(videos: list[Path], dst: Path, chapters: list[Chapter], title: str,
                with_audio: bool = False) -> None:
    """Concatenate MP4s of identical encoding, faststart, with one chapter per input: the
    video by stream copy (concat demuxer); with ``with_audio``, the sound of every input
    (silence where one has none) cut or padded to exactly its chapter's length and encoded
    once as AAC 48 kHz, so sound and picture stay in step at every boundary."""
    lst = dst.with_name(dst.name + ".concat.txt")
    meta = dst.with_name(dst.name + ".ffmeta")
    lst.write_text("".join(f"file '{v.resolve().as_posix()}'\n" for v in videos))
    meta.write_text(_ffmetadata(chapters, title), encoding="utf-8")
    try:
        streams = [ffmpeg.input(str(lst), f="concat", safe=0)["v"]]
        if with_audio:
            parts = []
            for video, ch in zip(videos, chapters, strict=True):
                length = ch.end - ch.start
                if has_audio(video):
                    a = ffmpeg.input(str(video))["a"]
                else:
                    a = ffmpeg.input("anullsrc=r=48000:cl=mono", f="lavfi")["a"]
                parts.append(a.filter("aresample", 48000).filter("apad")
                             .filter("atrim", duration=f"{length:.6f}")
                             .filter("asetpts", "N/SR/TB"))
            streams.append(ffmpeg.concat(*parts, v=0, a=1))
        audio = {"acodec": "aac", "audio_bitrate": "128k", "ar": 48000, "ac": 1} \
            if with_audio else {}
        _run(ffmpeg.output(*streams, str(dst), vcodec="copy", movflags="+faststart", f="mp4",
                           **audio), metadata=meta)
    finally:
        lst.unlink(missing_ok=True)
        meta.unlink(missing_ok=True)


def has_audio(video: Path) -> bool:
    """Does ``video`` have an audio stream?"""
    return any(s.get("codec_type") == "audio" for s in ffmpeg.probe(str(video))["streams"])


_TIME = re.compile(r"(\d+):(\d+):(\d+)[,.](\d+)")


def _seconds(stamp: str) -> float:
    h, m, s, ms = _TIME.match(stamp.strip()).groups()
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms.ljust(3, "0")[:3]) / 1000


def parse_srt(text: str) -> list[Cue]:
    """Cues of an SRT file (manim's subcaptions)."""
    cues = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.strip().splitlines()
        idx = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if idx is None:
            continue
        a, b = lines[idx].split("-->")
        cues.append(Cue(_seconds(a), _seconds(b), "\n".join(lines[idx + 1:]).strip()))
    return cues


def shift_cues(cues: list[Cue], offset: float) -> list[Cue]:
    return [Cue(c.start + offset, c.end + offset, c.text) for c in cues]


def _stamp(t: float) -> str:
    ms = round(t * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def vtt_from_cues(cues: list[Cue]) -> str:
    """WebVTT text for the cues (the format browsers' <track> elements read)."""
    out = ["WEBVTT", ""]
    for i, c in enumerate(cues, 1):
        text = c.text.replace("-->", "→")
        out += [str(i), f"{_stamp(c.start)} --> {_stamp(c.end)}", text, ""]
    return "\n".join(out)


def chapters_vtt(chapters: list[Chapter]) -> str:
    """WebVTT chapters track."""
    return vtt_from_cues([Cue(c.start, c.end, c.title) for c in chapters])


def transcript(cues: list[Cue]) -> str:
    """Plain-text transcript: one narration line per paragraph, no timings."""
    return "\n\n".join(" ".join(c.text.split("\n")) if c.text.isascii() else c.text.replace(
        "\n", "") for c in cues) + "\n"


def contact_sheet(stills: list[Path], labels: list[str], dst: Path, columns: int = 4,
                  width: int = 480) -> None:
    """A PNG grid of stills, each with its label underneath (a handout or storyboard)."""
    from PIL import Image, ImageDraw, ImageFont

    if not stills:
        raise ValueError("no stills for a contact sheet")
    imgs = [Image.open(p).convert("RGB") for p in stills]
    h = round(width * imgs[0].height / imgs[0].width)
    label_h, pad = 34, 12
    rows = -(-len(imgs) // columns)
    sheet = Image.new("RGB", (columns * (width + pad) + pad, rows * (h + label_h + pad) + pad),
                      "#101114")
    try:
        font = ImageFont.truetype("NotoSansCJK-Regular.ttc", 18)
    except OSError:
        font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 18)
    draw = ImageDraw.Draw(sheet)
    for i, (img, label) in enumerate(zip(imgs, labels, strict=True)):
        x = pad + (i % columns) * (width + pad)
        y = pad + (i // columns) * (h + label_h + pad)
        sheet.paste(img.resize((width, h)), (x, y))
        draw.text((x + 4, y + h + 6), label[:60], fill="#E8E8E8", font=font)
    tmp = dst.with_name(f".{dst.name}.tmp.png")
    sheet.save(tmp)
    os.replace(tmp, dst)
