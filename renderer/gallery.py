"""The gallery page: every video of a topic with poster, captions, a clickable chapter list
and a copyable embed snippet; works opened straight from disk (captions are data: URLs)."""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path

from renderer.discover import Topic
from renderer.files import write_text_atomic

__all__ = ["write_course_page", "write_gallery"]

LANG_NAMES = {"en": "English", "zh": "中文"}

CSS = """
body{background:#16181d;color:#eee;font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;
margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:28px}h2{font-size:22px;margin-top:36px}
.card{background:#1f2229;border-radius:10px;padding:16px;margin:18px 0}
video{width:100%;border-radius:6px;background:#000}
.chapters button{background:#2b2f38;color:#eee;border:0;border-radius:4px;margin:3px;
padding:4px 9px;cursor:pointer}.chapters button:hover{background:#56B4E9;color:#000}
pre{background:#111;padding:10px;border-radius:6px;overflow-x:auto;font-size:13px}
.langs button{font-size:16px;margin-right:8px;padding:6px 14px;border-radius:6px;border:0;
cursor:pointer}.langs button.on{background:#56B4E9;color:#000}
.lang{display:none}.lang.on{display:block}a{color:#56B4E9}.meta{color:#aaa;font-size:14px}
"""

JS = """
function seek(id,t){const v=document.getElementById(id);v.currentTime=t;v.play();}
function lang(l){document.querySelectorAll('.lang').forEach(e=>e.classList.toggle('on',
e.dataset.lang===l));document.querySelectorAll('.langs button').forEach(b=>
b.classList.toggle('on',b.dataset.lang===l));document.querySelectorAll('.lang:not(.on) video')
.forEach(v=>v.pause());}
function copy(id){navigator.clipboard.writeText(document.getElementById(id).textContent);}
document.querySelectorAll('video').forEach(v=>{for(const t of v.querySelectorAll('track')){
if(t.kind==='chapters')t.track.mode='hidden';t.addEventListener('load',()=>{
v.dataset[t.kind]=t.track.cues.length;});}});
"""


def _data_url(path: Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode()
    return f"data:text/vtt;base64,{data}"


def _fmt(t: float) -> str:
    return f"{int(t // 60)}:{int(t % 60):02d}"


def _video_card(folder: Path, lang: str, name: str, title: str, chapters: list[dict],
                duration: float, poster: str | None, vid: str) -> str:
    e = html.escape
    src = f"{lang}/{name}.mp4"
    cap = _data_url(folder / f"{name}.vtt")
    chap = _data_url(folder / f"{name}.chapters.vtt")
    poster_attr = f' poster="{e(lang + "/" + poster)}"' if poster else ""
    buttons = "".join(
        f'<button onclick="seek(\'{vid}\',{c["start"]:.3f})">{_fmt(c["start"])} '
        f'{e(c["title"])}</button>' for c in chapters)
    embed = (f'<video controls preload="metadata" playsinline{poster_attr} src="{e(src)}">\n'
             f'  <track kind="captions" src="{e(lang)}/{e(name)}.vtt" srclang="{lang}" '
             f'label="{LANG_NAMES[lang]}" default>\n'
             f'  <track kind="chapters" src="{e(lang)}/{e(name)}.chapters.vtt" '
             f'srclang="{lang}">\n</video>')
    return f"""
<div class="card"><h2>{e(title)}</h2>
<p class="meta">{_fmt(duration)} · <a href="{e(src)}">MP4</a> ·
<a href="{e(lang)}/{e(name)}.txt">transcript</a></p>
<video id="{vid}" controls preload="metadata" playsinline{poster_attr} src="{e(src)}">
<track kind="captions" src="{cap}" srclang="{lang}" label="{LANG_NAMES[lang]}" default>
<track kind="chapters" src="{chap}" srclang="{lang}"></video>
<div class="chapters">{buttons}</div>
<details><summary>Embed</summary><pre id="{vid}-embed">{e(embed)}</pre>
<button onclick="copy('{vid}-embed')">Copy</button></details></div>"""


def write_gallery(path: Path, topic: Topic, quality: str, per_lang: dict[str, dict]) -> None:
    """Write ``index.html`` next to the language folders (atomically)."""
    e = html.escape
    langs = list(per_lang)
    first = langs[0]
    body = []
    if len(langs) > 1:
        body.append('<div class="langs">' + "".join(
            f'<button data-lang="{lang}" class="{"on" if lang == first else ""}" '
            f'onclick="lang(\'{lang}\')">{LANG_NAMES[lang]}</button>' for lang in langs)
            + "</div>")
    for lang, d in per_lang.items():
        folder = path.parent / lang
        cards = []
        if d["lecture"]:
            lec = d["lecture"]
            heading = f"{lec['title']} — {'完整课程' if lang == 'zh' else 'full lecture'}"
            poster = d["scenes"][0]["stills"][0]["file"] if d["scenes"][0]["stills"] else None
            cards.append(_video_card(folder, lang, "lecture", heading, lec["chapters"],
                                     lec["duration"], poster, f"{lang}-lecture"))
            cards.append(f'<p><a href="{lang}/contact-sheet.png">Contact sheet</a></p>')
        for n, m in enumerate(d["scenes"]):
            title = m["title"][1 if lang == "zh" else 0]
            cards.append(_video_card(folder, lang, m["name"], title, m["chapters"],
                                     m["duration"], f"{m['name']}.png", f"{lang}-s{n}"))
        body.append(f'<div class="lang{" on" if lang == first else ""}" data-lang="{lang}">'
                    + "".join(cards) + "</div>")
    title = " / ".join(dict.fromkeys(topic.title))
    page = f"""<!doctype html>
<html lang="{first}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(title)} ({e(quality)})</title><style>{CSS}</style></head>
<body><h1>{e(title)}</h1>
{"".join(body)}
<script>{JS}</script>
<script type="application/json" id="gallery-data">{e(json.dumps({"topic": topic.name,
    "quality": quality, "langs": langs}))}</script>
</body></html>
"""
    write_text_atomic(path, page)


def write_course_page(path: Path, rows: list[dict]) -> None:
    """Write the course page ``OUT/index.html``: one row per topic, quality and language with
    its scene count, running time and links to the topic's gallery and joined lecture."""
    e = html.escape
    trs = []
    for row in rows:
        folder = row["folder"]
        for lang, d in row["langs"].items():
            title = d["title"] or row["topic"]
            lecture = (f'<a href="{e(folder)}/{e(d["lecture"])}">{"课程视频" if lang == "zh" else "lecture"}</a>'
                       if d["lecture"] else "—")
            trs.append(
                f'<tr><td><a href="{e(folder)}/index.html">{e(title)}</a></td>'
                f'<td>{e(row["topic"])}</td><td>{e(row["quality"])}</td>'
                f'<td>{LANG_NAMES.get(lang, e(lang))}</td><td>{d["scenes"]}</td>'
                f'<td>{_fmt(d["duration"])}</td><td>{lecture}</td></tr>')
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Math for Deep Learning — lectures</title><style>{CSS}
table{{border-collapse:collapse;width:100%}}td,th{{padding:8px 10px;border-bottom:1px solid #333;
text-align:left}}</style></head>
<body><h1>Math for Deep Learning · 深度学习中的数学</h1>
<p class="meta">Every topic rendered into this folder so far. Open a topic for its scenes,
captions, chapters and embed snippets.</p>
<table id="topics"><thead><tr><th>topic</th><th>folder</th><th>quality</th><th>language</th>
<th>scenes</th><th>duration</th><th>lecture</th></tr></thead>
<tbody>{"".join(trs)}</tbody></table>
</body></html>
"""
    write_text_atomic(path, page)
