"""render.py end to end on a tiny fixture topic: packaged outputs, caching, failures, preview,
the gallery in headless Chromium."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import ffmpeg
import pytest

from renderer.probe import probe_video
from scenes.options import PROJECT_ROOT
from tests.scene_harness import wait_until_rendering

ROOT = PROJECT_ROOT
FIXTURES = ROOT / "tests" / "fixtures" / "scenes"

pytestmark = pytest.mark.slow


def run(*args: str, scenes: Path = FIXTURES) -> subprocess.CompletedProcess:
    env = {**os.environ, "LECTURE_SCENES_DIR": str(scenes), "COLUMNS": "200"}
    return subprocess.run([sys.executable, str(ROOT / "render.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level box types in file order."""
    boxes, data = [], path.read_bytes()
    i = 0
    while i + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[i : i + 8])
        if size == 1:
            size = struct.unpack(">Q", data[i + 8 : i + 16])[0]
        boxes.append(kind.decode("latin-1"))
        if size < 8:
            break
        i += size
    return boxes


def vtt_cues(text: str) -> list[tuple[str, str]]:
    assert text.startswith("WEBVTT")
    return re.findall(r"(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})", text)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    r = run("tiny", "-q", "l", "--lang", "en,zh", "--out", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    return out, r


def test_scene_outputs_are_web_ready(tiny):
    out, _ = tiny
    for lang in ("en", "zh"):
        folder = out / "tiny" / "low" / lang
        for name, narrations in (("Dot1", 2), ("Dot2", 1)):
            mp4 = folder / f"{name}.mp4"
            info = probe_video(mp4)
            assert (info.codec, info.pix_fmt) == ("h264", "yuv420p")
            assert (info.width, info.height) == (854, 480)
            boxes = top_level_boxes(mp4)
            assert boxes.index("moov") < boxes.index("mdat"), boxes  # faststart
            chapters = ffmpeg.probe(str(mp4), show_chapters=None)["chapters"]
            meta = json.loads((folder / f"{name}.json").read_text())
            assert [c["tags"]["title"] for c in chapters] == [c["title"] for c in meta["chapters"]]
            assert len(chapters) == 2
            cues = vtt_cues((folder / f"{name}.vtt").read_text())
            assert len(cues) == narrations and cues == sorted(cues)
            assert len(vtt_cues((folder / f"{name}.chapters.vtt").read_text())) == 2
            assert (folder / f"{name}.txt").read_text().strip()
            assert (folder / f"{name}.png").read_bytes()[:4] == b"\x89PNG"
            assert len(meta["stills"]) == 2
    zh = (out / "tiny/low/zh/Dot1.txt").read_text()
    assert "一个点" in zh and "A dot" not in zh


def test_lecture_is_joined_by_stream_copy_with_a_chapter_per_scene(tiny):
    out, _ = tiny
    folder = out / "tiny" / "low" / "en"
    parts = [probe_video(folder / f"{n}.mp4").duration for n in ("Dot1", "Dot2")]
    lecture = folder / "lecture.mp4"
    assert probe_video(lecture).duration == pytest.approx(sum(parts), abs=0.15)
    chapters = ffmpeg.probe(str(lecture), show_chapters=None)["chapters"]
    assert [c["tags"]["title"] for c in chapters] == ["A <script>alert(1)</script> dot", "Words"]
    boxes = top_level_boxes(lecture)
    assert boxes.index("moov") < boxes.index("mdat")
    # stream copy: the lecture's packets are the scenes' packets
    n = sum(int(ffmpeg.probe(str(folder / f"{s}.mp4"), count_packets=None)["streams"][0]
                ["nb_read_packets"]) for s in ("Dot1", "Dot2"))
    assert int(ffmpeg.probe(str(lecture), count_packets=None)["streams"][0]
               ["nb_read_packets"]) == n


def test_contact_sheet_has_one_still_per_section(tiny):
    from PIL import Image

    out, _ = tiny
    sheet = Image.open(out / "tiny/low/en/contact-sheet.png")
    assert sheet.size == (4 * (480 + 12) + 12, 1 * (270 + 34 + 12) + 12)


def test_manifest_lists_every_file_with_its_sha256(tiny):
    out, _ = tiny
    base = out / "tiny" / "low"
    manifest = json.loads((base / "manifest.json").read_text())
    files = {e["file"] for e in manifest["files"]}
    assert {"en/Dot1.mp4", "zh/Dot2.vtt", "en/lecture.mp4", "zh/contact-sheet.png"} <= files
    for e in manifest["files"]:
        data = (base / e["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == e["sha256"] and len(data) == e["size"]
        if e["file"].endswith(".mp4"):
            assert e["resolution"] == [854, 480] and e["fps"] == pytest.approx(15)


def test_gallery_escapes_titles_and_loads_captions_in_chromium(tiny, tmp_path):
    out, _ = tiny
    page = out / "tiny" / "low" / "index.html"
    text = page.read_text()
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text
    assert "<b>topic</b>" not in text
    chromium = shutil.which("chromium")
    assert chromium, "chromium is installed by scripts/setup.sh"
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path}", "--virtual-time-budget=8000",
         "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    videos = re.findall(r"<video[^>]*>", dom)
    assert len(videos) == 6  # lecture + 2 scenes, in 2 languages
    for v in videos:  # every caption and chapter track loaded from its data: URL
        assert re.search(r'data-captions="[1-9]', v) and re.search(r'data-chapters="[1-9]', v), v


def test_course_page_lists_every_topic_rendered_so_far(tiny, tmp_path):
    out, _ = tiny
    r = run("broken/Fine", "-q", "l", "--out", str(out))  # a second topic into the same folder
    assert r.returncode == 0, r.stderr
    page = out / "index.html"
    assert str(page) in r.stdout
    chromium = shutil.which("chromium")
    assert chromium, "chromium is installed by scripts/setup.sh"
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120).stdout
    rows = re.findall(r"<tr><td>(.*?)</tr>", dom, re.S)
    cells = [re.findall(r"<td>(.*?)</td>", "<td>" + row, re.S) for row in rows]
    by_key = {(c[1], c[3]): c for c in cells}  # (topic folder, language)
    assert set(by_key) == {("tiny", "English"), ("tiny", "中文"), ("broken", "English")}
    tiny_en = by_key[("tiny", "English")]
    assert 'href="tiny/low/index.html"' in tiny_en[0] and "&lt;b&gt;" in tiny_en[0]
    assert tiny_en[4] == "2" and 'href="tiny/low/en/lecture.mp4"' in tiny_en[6]
    total = sum(probe_video(out / f"tiny/low/en/{n}.mp4").duration for n in ("Dot1", "Dot2"))
    assert tiny_en[5] == f"{int(total // 60)}:{int(total % 60):02d}"
    assert by_key[("broken", "English")][4] == "1"  # one of its three scenes rendered
    for link in re.findall(r'href="([^"]+)"', dom):
        assert (out / link).is_file(), link


def test_second_run_is_all_cached_and_touches_nothing(tiny):
    out, _ = tiny
    mp4 = out / "tiny/low/en/Dot1.mp4"
    before = mp4.stat().st_mtime_ns
    r = run("tiny", "-q", "l", "--lang", "en,zh", "--out", str(out))
    assert r.returncode == 0 and "0 rendered, 4 cached" in r.stderr
    assert mp4.stat().st_mtime_ns == before
    report = json.loads((out / "render-report.json").read_text())
    assert {j["status"] for j in report["jobs"]} == {"cached"}


def test_editing_one_scene_rerenders_only_that_scene(tmp_path):
    scenes = tmp_path / "scenes"
    shutil.copytree(FIXTURES / "tiny", scenes / "tiny")
    out = tmp_path / "out"
    assert run("tiny", "-q", "l", "--out", str(out), scenes=scenes).returncode == 0
    f = scenes / "tiny" / "dots.py"
    f.write_text(f.read_text().replace('"Hello."', '"Hello again."'))
    r = run("tiny", "-q", "l", "--out", str(out), scenes=scenes)
    assert r.returncode == 0 and "2 rendered" in r.stderr  # both classes live in dots.py
    assert "Hello again." in (out / "tiny/low/en/Dot2.vtt").read_text()
    r = run("tiny", "-q", "l", "--out", str(out), scenes=scenes)
    assert "0 rendered, 2 cached" in r.stderr


def test_failing_scenes_are_reported_and_the_rest_completes(tmp_path):
    r = run("broken", "-q", "l", "--out", str(tmp_path))
    assert r.returncode == 1
    err = " ".join(r.stderr.split())
    assert "broken/Raises [en]: RuntimeError: deliberate failure in the fixture scene" in err
    assert "broken/BadLatex [en]: LaTeX error: Undefined control sequence" in err
    assert "\\undefinedmacro" in err and "Traceback" not in r.stderr
    folder = tmp_path / "broken/low/en"
    assert probe_video(folder / "Fine.mp4").duration > 0
    assert not (folder / "Raises.mp4").exists() and (folder / "Raises.log").is_file()
    assert not list(folder.glob(".work-*"))


def test_preview_png_of_the_last_frame_and_of_a_section(tmp_path):
    from PIL import Image

    r = run("tiny/Dot1", "--preview", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    png = Path(r.stdout.strip().splitlines()[-1])
    assert png.is_file() and Image.open(png).size == (854, 480)
    end = Image.open(png).convert("RGB")
    r = run("tiny/Dot1", "--preview", "--section", "1", "--out", str(tmp_path))
    first = Image.open(Path(r.stdout.strip().splitlines()[-1])).convert("RGB")
    # the dot is at the centre after section 1 and 2 units right at the end
    w, h = first.size
    yellow = (240, 228, 66)

    def near(img, x, y):
        return sum(abs(a - b) for a, b in zip(img.getpixel((x, y)), yellow, strict=True)) < 60

    assert near(first, w // 2, h // 2) and not near(end, w // 2, h // 2)
    assert near(end, w // 2 + round(2 * w / 14.222), h // 2)


def _processes_with(marker: str) -> list[int]:
    pids = []
    for env in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in env.read_bytes():
                pids.append(int(env.parent.name))
        except OSError:
            pass
    return pids


@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c", "sigint-to-main"])
def test_sigint_stops_workers_cleans_up_and_exits_130(tmp_path, whole_group):
    import signal
    import time
    import uuid

    marker = f"LECTURE_TEST_MARK={uuid.uuid4().hex}"
    env = {**os.environ, marker.split("=")[0]: marker.split("=")[1]}
    p = subprocess.Popen([sys.executable, str(ROOT / "render.py"), "descent/GradientDescent1D",
                          "-q", "l", "--out", str(tmp_path)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    folder = tmp_path / "descent/low/en"
    wait_until_rendering(folder, p)
    if whole_group:
        os.killpg(p.pid, signal.SIGINT)
    else:
        p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 130 and err.strip() == "render.py: interrupted", err
    # no orphan workers: helpers (multiprocessing's resource tracker) may take a moment to
    # notice the parent is gone, a worker left running would stay
    deadline = time.monotonic() + 10
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:120]
            for pid in _processes_with(marker)]
    assert left == []
    assert not list(folder.glob(".work-*")) and not (folder / "GradientDescent1D.mp4").exists()
    assert not list(folder.glob("*.json"))


def test_warm_run_imports_neither_manim_nor_torch(tiny):
    out, _ = tiny
    code = ("import sys; from renderer.cli import main; "
            f"rc = main(['tiny', '-q', 'l', '--lang', 'en,zh', '--out', {str(out)!r}]); "
            "heavy = sorted({'manim', 'torch'} & set(sys.modules)); "
            "print('HEAVY', heavy); sys.exit(rc)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "LECTURE_SCENES_DIR": str(FIXTURES)}, timeout=120)
    assert r.returncode == 0 and "HEAVY []" in r.stdout, r.stdout + r.stderr


@pytest.mark.parametrize("keep,package", [((), "ffmpeg"), (("ffmpeg", "ffprobe"),
                                                          "texlive-latex-base")])
def test_preflight_names_the_missing_package(tmp_path, keep, package):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in keep:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    env = {**os.environ, "PATH": str(bin_dir), "LECTURE_SCENES_DIR": str(FIXTURES)}
    r = subprocess.run([sys.executable, str(ROOT / "render.py"), "tiny", "-q", "l", "--out",
                        str(tmp_path / "out")], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 2 and f"install the Debian package {package}" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()
