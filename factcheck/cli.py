"""The ``factcheck`` command: parse options, call api.py, print.

Exit status, as linters do it: 0 clean, 1 findings at or above --fail-on,
2 bad usage or bad input. JSON goes to stdout; progress and diagnostics to
stderr.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, datetime

import click

from . import __version__, api
from .errors import FactcheckError
from .ingest.dates import parse_date_option

SEVERITIES = ("error", "warning", "info", "never")


def _json(obj) -> str:
    def default(o):
        if isinstance(o, (date, datetime)):
            return o.isoformat()
        return str(o)

    return json.dumps(obj, ensure_ascii=False, indent=2, default=default)


def _err(msg: str) -> None:
    click.echo(f"factcheck: error: {msg}", err=True)


def _table(rows: list[dict], cols: list[str]) -> str:
    if not rows:
        return ""
    cells = [[("" if r.get(c) is None else str(r.get(c))).replace("\n", " ") for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    widths = [min(w, 60) for w in widths]
    out = ["  ".join(c.ljust(w) for c, w in zip(cols, widths))]
    for row in cells:
        out.append("  ".join((v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(row, widths)))
    return "\n".join(out)


def _progress(total_hint: int):
    """A progress bar on stderr for many files, quiet when not a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    prog = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), transient=True, console=None)
    state = {"task": None, "prog": prog}

    def tick(done: int, total: int) -> None:
        if total < 5:
            return
        if state["task"] is None:
            prog.start()
            state["task"] = prog.add_task("read", total=total)
        prog.update(state["task"], completed=done)
        if done >= total:
            prog.stop()

    return tick


class Ctx:
    def __init__(self, db: str):
        self.db = db


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
@click.option("--db", "db", metavar="PATH", default=None, help="The claim store (default claims/factcheck.duckdb; env FACTCHECK_DB).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Check where news sources disagree: titles, member counts, member lists."""
    ctx.obj = Ctx(api.db_path(db))


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Make a workspace: sources/, claims/, reports/."""
    root = api.init_workspace(directory)
    click.echo(f"workspace ready in {root}: put articles in {root / 'sources'} and run 'factcheck run'", err=True)


def _overrides(published, outlet, url, title) -> dict:
    out = {}
    if published:
        out["published"] = parse_date_option(published)
    for k, v in (("outlet", outlet), ("url", url), ("title", title)):
        if v:
            out[k] = v
    return out


def _report_add(res) -> None:
    for e in res.errors:
        _err(str(e))
    if res.errors and not (res.added or res.updated or res.skipped):
        return  # the error lines say it all
    click.echo(f"added {len(res.added)}, updated {len(res.updated)}, unchanged {len(res.skipped)}"
               + (f", failed {len(res.errors)}" if res.errors else ""), err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD); overrides front matter.")
@click.option("--outlet", help="The outlet; overrides front matter.")
@click.option("--url", help="The article's URL.")
@click.option("--title", help="The headline.")
@click.pass_obj
def add(obj: Ctx, paths, published, outlet, url, title) -> None:
    """Add files, folders (recursively) or - (stdin) to the store."""
    overrides = _overrides(published, outlet, url, title)
    res = api.add_sources(obj.db, paths, overrides, progress=_progress(len(paths)))
    _report_add(res)
    if res.errors:
        sys.exit(2)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def sources(obj: Ctx, fmt: str) -> None:
    """List sources: id, path, outlet, date, sentences, claims."""
    rows = api.list_sources(obj.db)
    if fmt == "json":
        click.echo(_json({"sources": rows}))
    else:
        click.echo(_table(rows, ["id", "path", "outlet", "published", "version", "sentences", "claims"]) or "no sources")


@cli.command()
@click.argument("source")
@click.pass_obj
def remove(obj: Ctx, source: str) -> None:
    """Drop a source (id or path) and everything derived from it."""
    row = api.remove_source(obj.db, source)
    click.echo(f"removed {row['id']} ({row['path']})", err=True)


@cli.command()
@click.option("--subject", help="Only claims whose subject contains this.")
@click.option("--kind", type=click.Choice(["title", "member_count", "members", "event"]))
@click.option("--source", "source", help="Only claims of this source (id or path).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.pass_obj
def claims(obj: Ctx, subject, kind, source, fmt) -> None:
    """List claims with their spans."""
    rows = api.list_claims(obj.db, subject, kind, source)
    fields = ["id", "kind", "subject", "value", "source", "start", "end", "quote", "sentence_start", "sentence_end", "section", "as_of", "confidence"]
    if fmt == "json":
        click.echo(_json({"claims": [{k: r[k] for k in fields} | {"path": r["path"], "org": r["org"], "detail": r["detail"]} for r in rows]}))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=fields + ["path", "org"], extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(_table(rows, ["kind", "subject", "value", "as_of", "section", "path", "quote"]) or "no claims")


def _print_findings(result, fmt: str) -> None:
    from .report import render

    if fmt == "json":
        click.echo(render.to_json(result))
    elif fmt == "markdown":
        click.echo(render.to_markdown(result, []))
    else:
        for f in result.findings:
            flag = " (acknowledged)" if f.acknowledged else ""
            click.echo(f"{f.severity.upper():8} {f.id}  {f.attribute:12} {f.subject}: {' / '.join(f.values)}{flag}")
            click.echo(f"         {f.message}")
        s = result.summary
        click.echo(f"{s['sources']} sources, {s['claims']} claims: {s['errors']} errors, {s['warnings']} warnings, {s['info']} info", err=True)


@cli.command()
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Exit 1 when an unacknowledged finding at or above this level exists.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table")
@click.option("--full", is_flag=True, help="Recompute every finding (after an add, only the new sources' blocks are).")
@click.pass_obj
def check(obj: Ctx, fail_on: str, fmt: str, full: bool) -> None:
    """Run every consistency check and print the findings."""
    result = api.run_check(obj.db, full=full)
    _print_findings(result, fmt)
    if result.failing(fail_on):
        sys.exit(1)


@cli.command()
@click.option("--out", "out", default="reports", show_default=True, type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["html", "markdown", "json", "all"]), default="all", show_default=True)
@click.pass_obj
def report(obj: Ctx, out: str, fmt: str) -> None:
    """Write the discrepancy report."""
    formats = ("html", "markdown", "json") if fmt == "all" else (fmt,)
    for p in api.write_reports(obj.db, out, formats):
        click.echo(f"wrote {p}", err=True)


@cli.command()
@click.argument("finding")
@click.option("--note", required=True, help="Why this is not a problem.")
@click.pass_obj
def ack(obj: Ctx, finding: str, note: str) -> None:
    """Mark a finding as explained: it stays in reports, no longer fails check."""
    row = api.ack(obj.db, finding, note)
    click.echo(f"acknowledged {row['id']}: {row['message']}", err=True)


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--split", is_flag=True, help="The two names are NOT one entity.")
@click.option("--kind", type=click.Choice(["org", "group"]), default=None, help="What the names are (guessed when omitted).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def alias(obj: Ctx, names, split: bool, kind, fmt) -> None:
    """Confirm two names as one entity (or --split them). Without names: list aliases."""
    if not names:
        rows = api.list_aliases(obj.db)
        click.echo(_json({"aliases": rows}) if fmt == "json" else (_table(rows, ["kind", "label", "name", "method"]) or "no aliases"))
        return
    if len(names) != 2:
        raise click.UsageError("alias takes two names")
    got = api.alias(obj.db, names[0], names[1], split, kind)
    click.echo(f"{got['kind']}: {got['a']} {'≠' if split else '='} {got['b']} (kept across re-runs; run 'factcheck check')", err=True)


@cli.command()
@click.argument("finding")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def explain(obj: Ctx, finding: str, fmt: str) -> None:
    """Show a finding with each evidence sentence, its source and date."""
    f = api.get_finding(obj.db, finding)
    if fmt == "json":
        click.echo(_json(f))
        return
    click.echo(click.style(f"{f['severity'].upper()} {f['id']} {f['attribute']} · {f['subject']}", bold=True))
    click.echo(f["message"])
    if f.get("acknowledged"):
        click.echo(f"acknowledged: {f['acknowledged']['note']}")
    for ev in f["evidence"]:
        click.echo("")
        click.echo(f"  {ev.get('outlet') or ''} {ev.get('published') or 'date unknown'} · {ev['path']} [{ev['start']}:{ev['end']}] ({ev['section']})")
        sent = ev["sentence"]
        a, b = ev["start"] - ev["sentence_start"], ev["end"] - ev["sentence_start"]
        click.echo("  " + sent[:a] + click.style(sent[a:b], fg="yellow", bold=True, underline=True) + sent[b:])


@cli.command()
@click.argument("directory", default="sources", type=click.Path())
@click.option("--reports", "reports_dir", default="reports", show_default=True, type=click.Path(file_okay=False))
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def run(obj: Ctx, directory: str, reports_dir: str, fail_on: str, fmt: str) -> None:
    """The main job: add what is new, check, write reports, say what changed."""
    summary = api.run(obj.db, directory, reports_dir, progress=_progress(0))
    res, added = summary.result, summary.added
    for e in added.errors:
        _err(str(e))
    s = res.summary
    if fmt == "json":
        click.echo(_json({"read": added.added + added.updated, "unchanged": len(added.skipped),
                          "failed": [str(e) for e in added.errors], "summary": s,
                          "new": [f.as_json() for f in res.findings if f.status == "new"],
                          "gone": res.gone, "reports": [str(p) for p in summary.reports]}))
    else:
        click.echo(f"read {added.read} source(s) ({len(added.added)} new, {len(added.updated)} changed), {len(added.skipped)} unchanged"
                   + (f", {len(added.errors)} failed" if added.errors else ""))
        click.echo(f"{s['sources']} sources, {s['claims']} claims: {s['errors']} errors, {s['warnings']} warnings, {s['info']} info")
        new = [f for f in res.findings if f.status == "new"]
        click.echo(f"since the last run: {len(new)} new, {len(res.gone)} gone")
        for f in new:
            click.echo(f"  + {f.severity:7} {f.id} {f.subject}: {' / '.join(f.values)}")
        for g in res.gone:
            click.echo(f"  - {g['severity']:7} {g['id']} {g['subject']}")
        click.echo("reports: " + ", ".join(str(p) for p in summary.reports))
    if added.errors:
        sys.exit(2)
    if res.failing(fail_on):
        sys.exit(1)


@cli.command(name="eval")
@click.argument("gold_json", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--min-recall", type=float, default=None, help="Exit 1 below this overall recall.")
@click.option("--min-precision", type=float, default=None, help="Exit 1 below this overall precision.")
@click.option("--case", "cases", multiple=True, help="Only these cases.")
def eval_cmd(gold_json: str, fmt: str, min_recall, min_precision, cases) -> None:
    """Score the checker on an annotated corpus (recall, false alarms, precision)."""
    from .evaluate import evaluate, format_text

    res = evaluate(gold_json, only=cases or None)
    click.echo(_json(res) if fmt == "json" else format_text(res))
    o = res["overall"]
    if (min_recall is not None and o["recall"] < min_recall) or (min_precision is not None and o["precision"] < min_precision):
        _err(f"below the bar: recall {o['recall']:.3f}, precision {o['precision']:.3f}")
        sys.exit(1)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except FactcheckError as exc:
        _err(str(exc))
        sys.exit(2)
    except click.exceptions.Abort:
        _err("aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
