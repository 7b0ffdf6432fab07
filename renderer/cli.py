"""Command line of ``render.py``: parse the arguments, call the pipeline
(:mod:`renderer.pipeline`: discover -> plan -> run -> package) or the preview, and print."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

from renderer.discover import discover
from renderer.pipeline import RenderOptions, preflight
from renderer.plan import QUALITIES, PlanError, resolve_quality, select
from scenes.options import LANGS

__all__ = ["main"]

DEFAULT_OUT = Path("out")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="render.py",
        description="Render lecture scenes to course-ready video. TARGET is a topic, "
                    "TOPIC/SCENE or 'all'. 'render.py new TOPIC/SCENE' starts a new scene.",
    )
    p.add_argument("targets", nargs="*", metavar="TARGET")
    p.add_argument("--list", action="store_true", help="list topics and scenes in lecture order")
    p.add_argument("-q", "--quality", default="high",
                   help=f"{', '.join(QUALITIES)} or manim's l/m/h/p/k (default: high)")
    p.add_argument("--lang", default="en", help="en, zh or en,zh (default: en)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="parallel worker processes (default: number of cores)")
    p.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT,
                   help=f"output folder (default: ./{DEFAULT_OUT})")
    p.add_argument("--voice", default="auto", choices=("auto", "tts", "none"),
                   help="auto: speak each narration line with its recording where there is "
                        "one, synthesis elsewhere (default); tts: synthesis only; none: silent")
    p.add_argument("--force", action="store_true", help="re-render even if cached")
    p.add_argument("--dry-run", action="store_true", help="print the plan, render nothing")
    d = p.add_argument_group("scale-out (Dask)")
    d.add_argument("--scheduler", metavar="ADDRESS",
                   help="send scene jobs to this Dask scheduler (tls://host:8786, or tcp:// on "
                        "a trusted network), or 'local' for a LocalCluster of --jobs workers "
                        "(default: local processes)")
    d.add_argument("--tls-ca", type=Path, metavar="PEM", help="CA certificate(s) to trust")
    d.add_argument("--tls-cert", type=Path, metavar="PEM", help="this machine's certificate")
    d.add_argument("--tls-key", type=Path, metavar="PEM", help="this machine's private key")
    g = p.add_argument_group("authoring")
    g.add_argument("--preview", action="store_true",
                   help="render one scene's last frame at low quality as PNG")
    g.add_argument("--video", action="store_true", help="with --preview: a low-quality MP4")
    g.add_argument("--section", type=int, metavar="N",
                   help="with --preview: stop after section N (1 = the title card)")
    g.add_argument("--sheet", action="store_true",
                   help="with --preview: one PNG with the still at the end of every section")
    g.add_argument("--watch", action="store_true",
                   help="with --preview: keep a warm server that renders again whenever a file "
                        "the scene read is saved; OUT/preview/index.html shows the latest")
    return p


def _fail(msg: str) -> int:
    print(f"render.py: error: {msg}", file=sys.stderr)
    return 2


def _list(topics) -> None:
    for t in topics:
        print(f"{t.name}  —  {t.title[0]} / {t.title[1]}")
        for s in t.scenes:
            print(f"  {s.id:<40} {s.title[0]} / {s.title[1]}")


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise PlanError(f"output path {out} exists and is not a folder")
    probe = out
    while not probe.exists():
        probe = probe.parent
    try:  # really try, as permission bits do not tell the whole story (root, read-only mounts)
        fd, name = tempfile.mkstemp(prefix=".render-probe-", dir=probe)
        os.close(fd)
        os.unlink(name)
    except OSError:
        raise PlanError(f"output folder {out} is not writable") from None


def _new(argv: list[str]) -> int:
    from renderer.scaffold import new_scene

    if len(argv) != 1:
        return _fail("usage: render.py new TOPIC/SCENE")
    try:
        created = new_scene(argv[0])
    except ValueError as e:
        return _fail(str(e))
    for f in created:
        print(f"created {f}")
    print("next: write the scene, then 'python -m pytest tests/scenes --set-control' once")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["new"]:
        return _new(argv[1:])
    if argv[:1] == ["voice-script"]:
        return _voice_script(argv[1:])
    args = _parser().parse_args(argv)
    topics = discover()
    if args.list:
        _list(topics)
        return 0
    if not args.targets:
        return _fail("name a topic, TOPIC/SCENE or 'all' (see: render.py --list)")
    try:
        quality = resolve_quality("low" if args.preview and args.quality == "high"
                                  else args.quality)
        langs = list(dict.fromkeys(x.strip() for x in args.lang.split(",") if x.strip()))
        bad = [x for x in langs if x not in LANGS]
        if bad or not langs:
            raise PlanError(f"unknown language {','.join(bad) or args.lang!r}; use en, zh or en,zh")
        if args.jobs < 1:
            raise PlanError(f"--jobs must be at least 1, got {args.jobs}")
        security = None
        tls = (args.tls_ca, args.tls_cert, args.tls_key)
        if args.scheduler is None and any(tls):
            raise PlanError("--tls-ca, --tls-cert and --tls-key go with --scheduler tls://...")
        if args.scheduler is not None:
            from renderer.cluster import TlsFiles, check_address, insecure_warning, make_security

            try:
                check_address(args.scheduler)
                security = make_security(args.scheduler, TlsFiles(*tls))
            except ValueError as exc:
                raise PlanError(str(exc)) from None
            warning = insecure_warning(args.scheduler)
            if warning:
                print(f"render.py: {warning}", file=sys.stderr)
        if (args.video or args.watch or args.sheet or args.section is not None) \
                and not args.preview:
            raise PlanError("--video, --sheet, --watch and --section go with --preview")
        if args.video and args.sheet:
            raise PlanError("--video and --sheet do not go together")
        if args.section is not None and args.section < 1:
            raise PlanError(f"--section must be at least 1, got {args.section}")
        _check_out(args.out)
        scenes = select(topics, args.targets)
        if args.preview and len(scenes) != 1:
            raise PlanError("--preview takes exactly one scene (TOPIC/SCENE)")
    except PlanError as e:
        return _fail(str(e))
    out = args.out.resolve()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        if args.preview:
            return _preview(scenes[0], langs[0], out, args)
        return _batch(args.targets, RenderOptions(quality, tuple(langs), out, args.jobs,
                                                  args.force, args.dry_run, args.scheduler,
                                                  security, args.voice))
    except Terminated:
        print("render.py: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("render.py: interrupted", file=sys.stderr)
        return 130


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, ``docker stop``): stops a batch exactly as Ctrl-C."""


def _terminate(signum, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once is enough; clean-up is running
    raise Terminated


def _preview(scene, lang: str, out: Path, args) -> int:
    problem = preflight()
    if problem:
        return _fail(problem)
    from renderer.preview import PreviewError, error_line, preview, watch

    if args.watch:
        print(f"watching {scene.id}; live page: {out / 'preview' / 'index.html'} "
              f"(Ctrl-C to stop)", flush=True)
        try:
            watch(scene, lang, out, args.video, args.section,
                  say=lambda m: print(m, flush=True), sheet=args.sheet)
        except KeyboardInterrupt as exc:  # the child is stopped and its files removed by now:
            code = 143 if isinstance(exc, Terminated) else 130  # skip the slow teardown of
            print("render.py: stopped watching", file=sys.stderr, flush=True)  # torch & co.
            sys.stdout.flush()
            os._exit(code)
        return 0
    start = time.monotonic()
    try:
        path, _ = preview(scene, lang, out, args.video, args.section, args.sheet)
    except PreviewError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - the scene's own error, as one line
        print(f"render.py: preview failed: {error_line(exc, scene.path)}", file=sys.stderr)
        return 1
    print(path)
    print(f"({time.monotonic() - start:.1f} s)", file=sys.stderr)
    return 0


def _batch(targets: list[str], options: RenderOptions) -> int:
    from rich.console import Console

    from renderer.pipeline import render

    console = Console(stderr=True)

    def waiting() -> None:
        print(f"render.py: another render.py is writing to {options.out}; waiting for it",
              file=sys.stderr)

    try:
        report = render(targets, options, console, on_wait=waiting)
    except (ConnectionError, PlanError) as exc:
        return _fail(str(exc))
    if options.dry_run:
        for j in report.jobs:
            state = "render" if j in report.todo else "cached"
            print(f"{state:<7} {j.scene.id:<40} {j.lang} {j.quality:<7} {j.output}")
        return 0
    _print_summary(console, report)
    return 1 if report.failed else 0


def _voice_cell(meta: dict) -> str:
    """How a scene's lines were voiced: ``3 recorded, 9 synthesised, 1 stale`` or ``silent``."""
    v = meta.get("voice") or {}
    parts = [f"{v[k]} {word}" for k, word in (("recorded", "recorded"), ("tts", "synthesised"),
                                             ("stale", "stale")) if v.get(k)]
    return ", ".join(parts) or "silent"


def _voice_script(argv: list[str]) -> int:
    """``render.py voice-script TOPIC [--lang zh]``: the recording script of a topic."""
    p = argparse.ArgumentParser(prog="render.py voice-script",
                                description="Write the recording script of a topic: every "
                                            "narration line with its id and where its "
                                            "recording goes.")
    p.add_argument("topic")
    p.add_argument("--lang", default="en", choices=LANGS)
    args = p.parse_args(argv)
    topics = {t.name: t for t in discover()}
    try:
        scenes = select(list(topics.values()), [args.topic])
    except PlanError as e:
        return _fail(str(e))
    from renderer.voicescript import write_voice_script

    script = write_voice_script(scenes, args.lang)
    print(script)
    return 0


def _print_summary(console, report) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="render summary")
    for col in ("scene", "lang", "status", "wall time", "video", "voice"):
        table.add_column(col)
    for j in report.jobs:
        r = report.result_of(j)
        meta = j.read_meta() or {}
        if r is None:
            table.add_row(j.scene.id, j.lang, "[cyan]cached", "-",
                          f"{meta.get('duration', 0):.1f} s", _voice_cell(meta))
        elif r.status == "failed":
            table.add_row(j.scene.id, j.lang, f"[red]failed: {escape(r.error)}",
                          f"{r.seconds:.1f} s", "-", "-")
        else:
            table.add_row(j.scene.id, j.lang, "[green]rendered", f"{r.seconds:.1f} s",
                          f"{r.duration:.1f} s", _voice_cell(meta))
    console.print(table)
    for r in report.failed:
        console.print(f"[red]failed[/] {escape(f'{r.job.scene.id} [{r.job.lang}]: {r.error}')} "
                      f"(log: {escape(r.log)})")
    for g in report.galleries:
        print(g)
    if report.course_page:
        print(report.course_page)
    n, done = len(report.jobs), len(report.results)
    console.print(f"{n} scene renders: {done - len(report.failed)} rendered, {n - done} cached, "
                  f"{len(report.failed)} failed in {report.wall:.1f} s")
