"""The ``factcheck`` command: parse options, call api.py, print.

Exit status, as linters do it: 0 clean, 1 findings at or above --fail-on,
2 bad usage or bad input. JSON goes to stdout; progress and diagnostics to
stderr.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from datetime import date, datetime

import click

from . import __version__, api, i18n
from .errors import FactcheckError
from .i18n import _
from .ingest.dates import parse_date_option
from .nlp.mentions import MENTION_TYPES

SEVERITIES = ("error", "warning", "info", "never")


def _json(obj) -> str:
    def default(o):
        if isinstance(o, (date, datetime)):
            return o.isoformat()
        return str(o)

    return json.dumps(obj, ensure_ascii=False, indent=2, default=default)


def _err(msg) -> None:
    click.echo(_("factcheck: error: {message}", message=i18n.error_text(msg)), err=True)


def _table(rows: list[dict], cols: list[str]) -> str:
    """A terminal table; its column headings in the language asked for."""
    from .tables import render_table

    return render_table(rows, cols, [_header(c) for c in cols])


def _header(col: str) -> str:
    return {
        "id": _("id"), "path": _("path"), "outlet": _("outlet"), "published": _("published"), "version": _("version"),
        "sentences": _("sentences"), "claims": _("claims"), "kind": _("kind"), "subject": _("subject"), "value": _("value"),
        "as_of": _("as_of"), "section": _("section"), "quote": _("quote"), "label": _("label"), "name": _("name"),
        "method": _("method"), "place": _("place"), "type": _("type"), "text": _("text"), "evidence": _("evidence"),
    }.get(col, col)


def _progress(total_hint: int):
    """A progress bar on stderr for many files, quiet when not a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    prog = Progress(TextColumn(_("reading")), BarColumn(), MofNCompleteColumn(), transient=True, console=None)
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
@click.option("--lang", "lang", type=click.Choice(i18n.LANGUAGES, case_sensitive=False), default=None,
              help="Language of messages and reports (default: env FACTCHECK_LANG, else the locale, e.g. LANG=ko_KR.UTF-8).")
@click.pass_context
def cli(ctx: click.Context, db: str | None, lang: str | None) -> None:
    """Check where news sources disagree: titles, member counts, member lists."""
    i18n.set_language(lang)
    ctx.obj = Ctx(api.db_path(db))


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Make a workspace: sources/, claims/, reports/."""
    root = api.init_workspace(directory)
    click.echo(_("workspace ready in {root}: put articles in {sources} and run 'factcheck run'", root=root, sources=root / "sources"), err=True)


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
        _err(e)
    if res.errors and not (res.added or res.updated or res.skipped):
        return  # the error lines say it all
    line = _("added {added}, updated {updated}, unchanged {unchanged}", added=len(res.added), updated=len(res.updated), unchanged=len(res.skipped))
    if res.errors:
        line += _(", failed {failed}", failed=len(res.errors))
    click.echo(line, err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD); overrides front matter.")
@click.option("--outlet", help="The outlet; overrides front matter.")
@click.option("--url", help="The article's URL.")
@click.option("--title", help="The headline.")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N", help="Processes that extract claims (default: every core).")
@click.pass_obj
def add(obj: Ctx, paths, published, outlet, url, title, jobs) -> None:
    """Add files, folders (recursively) or - (stdin) to the store."""
    overrides = _overrides(published, outlet, url, title)
    res = api.add_sources(obj.db, paths, overrides, progress=_progress(len(paths)), jobs=jobs)
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
        click.echo(_table(rows, ["id", "path", "outlet", "published", "version", "sentences", "claims"]) or _("no sources"))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def orgs(obj: Ctx, fmt: str) -> None:
    """List the organisation gazetteer: names confirmed by a stock code, an
    acronym, a counted list or a title, with where."""
    rows = api.list_orgs(obj.db)
    if fmt == "json":
        click.echo(_json({"orgs": rows}))
    else:
        flat = [{"name": r["name"], "sources": r["sources"], **{k: e[k] for k in ("how", "path", "start", "end")}}
                for r in rows for e in r["evidence"]]
        click.echo(_table(flat, ["name", "sources", "how", "path", "start", "end"]) or _("no organisations confirmed yet"))


@cli.command()
@click.argument("source")
@click.pass_obj
def remove(obj: Ctx, source: str) -> None:
    """Drop a source (id or path) and everything derived from it."""
    row = api.remove_source(obj.db, source)
    click.echo(_("removed {id} ({path})", id=row["id"], path=row["path"]), err=True)


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
        click.echo(_table(rows, ["kind", "subject", "value", "as_of", "section", "path", "quote"]) or _("no claims"))


def _print_findings(result, fmt: str) -> None:
    from .report import render

    if fmt == "json":
        for piece in render.iter_json(result):  # a finding at a time
            click.echo(piece, nl=False)
        click.echo()
    elif fmt == "markdown":
        click.echo(render.to_markdown(result, []))
    else:
        click.echo(_findings_table(result.findings) or _("no findings"))
        click.echo(_summary(result.summary), err=True)


def _findings_table(findings) -> str:
    """One aligned row per finding (severity, id, attribute, subject, values),
    its message in full on the line below."""
    from .tables import render_table

    rows = [{"severity": _severity(f.severity).upper() + (_(" (acknowledged)") if f.acknowledged else ""), "id": f.id,
             "attribute": _attribute(f.attribute), "subject": f.subject, "values": " / ".join(f.values)} for f in findings]
    cols = ["severity", "id", "attribute", "subject", "values"]
    lines = render_table(rows, cols, [_("severity"), _("id"), _("attribute"), _("subject"), _("values")]).splitlines()
    if not lines:
        return ""
    out = lines[:1]
    for line, f in zip(lines[1:], findings):
        out += [line, "    " + f.text()]
    return "\n".join(out)


def _severity(sev: str) -> str:
    return {"error": _("error"), "warning": _("warning"), "info": _("info")}.get(sev, sev)


def _attribute(attr: str) -> str:
    return {"title": _("title"), "name": _("name"), "member_count": _("member_count"), "members": _("members")}.get(attr, attr)


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (Hangul takes two)."""
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))


def _summary(s: dict) -> str:
    return _("{sources} sources, {claims} claims: {errors} errors, {warnings} warnings, {info} info",
             sources=s["sources"], claims=s["claims"], errors=s["errors"], warnings=s["warnings"], info=s["info"])


@cli.command()
@click.argument("files", nargs=-1)
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Exit 1 when an unacknowledged finding at or above this level exists.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table")
@click.option("--full", is_flag=True, help="Recompute every finding (after an add, only the new sources' blocks are).")
@click.option("--columns", type=click.Choice(["char", "byte"]), default="char", show_default=True,
              help="With FILE: count columns in characters (VS Code) or UTF-8 bytes (Vim, gcc).")
@click.pass_obj
def check(obj: Ctx, files, fail_on: str, fmt: str, full: bool, columns: str) -> None:
    """Run every consistency check and print the findings.

    With FILE... (or - for stdin): check just those articles, in memory, with
    no workspace or store (copy desk), one line per finding and place:
    path:line:col: severity: message [kind].
    """
    if files:
        _copy_desk(files, fail_on, fmt, columns)
        return
    result = api.run_check(obj.db, full=full)
    _print_findings(result, fmt)
    if result.any_failing(fail_on):
        sys.exit(1)


def _read_articles(fn, files):
    """``fn(files)`` over articles read in memory (copy desk, mentions); bad
    input: one line each on stderr, exit 2."""
    from .copydesk import CopyDeskError

    try:
        return fn(files)
    except CopyDeskError as exc:
        for line in exc.lines:
            _err(line)
        sys.exit(2)


def _copy_desk(files, fail_on: str, fmt: str, columns: str) -> None:
    from .copydesk import lines, markdown

    res = _read_articles(api.check_articles, files)
    if fmt == "json":
        from .report import render

        click.echo(render.to_json(res.result))
    elif fmt == "markdown":
        click.echo(markdown(res))
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        for line in lines(res, columns, colour):
            click.echo(line, color=colour)
        s = res.summary
        click.echo(i18n.ngettext("{n} file, {claims} claims: {errors} errors, {warnings} warnings, {info} info",
                                 "{n} files, {claims} claims: {errors} errors, {warnings} warnings, {info} info", s["sources"],
                                 claims=s["claims"], errors=s["errors"], warnings=s["warnings"], info=s["info"]), err=True)
    if res.failing(fail_on):
        sys.exit(1)


@cli.command()
@click.option("--out", "out", default="reports", show_default=True, type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["html", "markdown", "json", "all"]), default="all", show_default=True)
@click.pass_obj
def report(obj: Ctx, out: str, fmt: str) -> None:
    """Write the discrepancy report."""
    formats = ("html", "markdown", "json") if fmt == "all" else (fmt,)
    for p in api.write_reports(obj.db, out, formats):
        click.echo(_("wrote {path}", path=p), err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--type", "types", multiple=True, type=click.Choice(MENTION_TYPES), help="Only mentions of this type (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def mentions(files, types, fmt: str) -> None:
    """Show the typed mentions of articles and what typed each.

    PERSON, ORG, GROUP, ROLE, RANK, COUNT and DATE spans of FILE... (or - for
    stdin), read in memory like the copy desk, each with its place in the
    file and its evidence: why the checker read a word as it did.
    """
    got = _read_articles(api.article_mentions, files)
    rows = []
    for article, ms in got:
        for m in ms:
            if types and m.type not in types:
                continue
            at = article.span(m.start, m.end)
            rows.append({"path": article.display, "line": at["line"], "col": at["col"], "place": f"{article.display}:{at['line']}:{at['col']}",
                         "type": m.type, "text": m.text, "start": m.start, "end": m.end, "evidence": m.evidence})
    if fmt == "json":
        click.echo(_json({"mentions": [{k: r[k] for k in ("path", "line", "col", "start", "end", "type", "text", "evidence")} for r in rows]}))
    else:
        click.echo(_table(rows, ["place", "type", "text", "evidence"]))


@cli.command()
@click.argument("finding")
@click.option("--note", required=True, help="Why this is not a problem.")
@click.pass_obj
def ack(obj: Ctx, finding: str, note: str) -> None:
    """Mark a finding as explained: it stays in reports, no longer fails check."""
    row = api.ack(obj.db, finding, note)
    click.echo(_("acknowledged {id}: {message}", id=row["id"], message=i18n.message_text(row["message"], row.get("extra"))), err=True)


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
        click.echo(_json({"aliases": rows}) if fmt == "json" else (_table(rows, ["kind", "label", "name", "method"]) or _("no aliases")))
        return
    if len(names) != 2:
        raise click.UsageError(_("alias takes two names"))
    got = api.alias(obj.db, names[0], names[1], split, kind)
    click.echo(_("{kind}: {a} {op} {b} (kept across re-runs; run 'factcheck check')", kind=got["kind"], a=got["a"], op="≠" if split else "=", b=got["b"]), err=True)


@cli.command()
@click.argument("finding")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def explain(obj: Ctx, finding: str, fmt: str) -> None:
    """Show a finding with each evidence sentence, its source and date."""
    from .report import render

    f = api.get_finding(obj.db, finding)
    if fmt == "json":
        click.echo(_json(f))
        return
    click.echo(click.style(f"{_severity(f['severity']).upper()} {f['id']} {_attribute(f['attribute'])} · {f['subject']}", bold=True))
    click.echo(f["message"])
    if f.get("acknowledged"):
        click.echo(_("acknowledged: {note}", note=f["acknowledged"]["note"]))
    for ev in f["evidence"]:
        click.echo("")
        published = ev.get("published") or _("date unknown")
        click.echo(f"  {ev.get('outlet') or ''} {published} · {ev['path']} [{ev['start']}:{ev['end']}] ({render.section_label(ev['section'])})")
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
    from .report import render

    summary = api.run(obj.db, directory, reports_dir, progress=_progress(0))
    res, added = summary.result, summary.added
    for e in added.errors:
        _err(e)
    s = res.summary
    if fmt == "json":
        click.echo(_json({"read": added.added + added.updated, "unchanged": len(added.skipped),
                          "failed": [str(e) for e in added.errors], "summary": s,
                          "new": [f.as_json() for f in res.findings if f.status == "new"],
                          "gone": render.gone_json(res.gone), "reports": [str(p) for p in summary.reports]}))
    else:
        line = _("read {read} source(s) ({new} new, {changed} changed), {unchanged} unchanged",
                 read=added.read, new=len(added.added), changed=len(added.updated), unchanged=len(added.skipped))
        if added.errors:
            line += _(", failed {failed}", failed=len(added.errors))
        click.echo(line)
        click.echo(_summary(s))
        new = (f for f in res.findings if f.status == "new")  # read twice, never all held (checks.FindingPages)
        click.echo(_("since the last run: {new} new, {gone} gone", new=sum(1 for _f in new), gone=len(res.gone)))
        for f in (f for f in res.findings if f.status == "new"):
            click.echo(f"  + {_pad(_severity(f.severity), 7)} {f.id} {f.subject}: {' / '.join(f.values)}")
            click.echo(f"              {f.text()}")
        for g in res.gone:
            click.echo(f"  - {_pad(_severity(g['severity']), 7)} {g['id']} {g['subject']}: {i18n.message_text(g['message'], g.get('extra'))}")
        click.echo(_("reports: {paths}", paths=", ".join(str(p) for p in summary.reports)))
    if added.errors:
        sys.exit(2)
    if res.any_failing(fail_on):
        sys.exit(1)


@cli.command()
@click.option("--out", "out", default=None, type=click.Path(file_okay=False),
              help="Folder to write (default export/ in the workspace, beside claims/).")
@click.pass_obj
def export(obj: Ctx, out) -> None:
    """Write sources, claims, entities and findings as Parquet."""
    for table, got in api.export_parquet(obj.db, out).items():
        shown = os.path.relpath(got["path"])
        click.echo(_("wrote {path} ({rows} rows)", path=got["path"] if shown.startswith("..") else shown, rows=got["rows"]), err=True)


@cli.command(name="eval")
@click.argument("gold_json", type=click.Path(dir_okay=False))
@click.option("--claims", "claims_json", type=click.Path(dir_okay=False), default=None,
              help="A claim-level gold (CLAIMS-FORMAT.md): also score extraction per kind.")
@click.option("--show", is_flag=True, help="With --claims: list every missed and every false claim.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--min-recall", type=float, default=None, help="Exit 1 below this overall recall.")
@click.option("--min-precision", type=float, default=None, help="Exit 1 below this overall precision.")
@click.option("--min-claims", "min_claims", multiple=True, metavar="KIND=R/P",
              help="With --claims: exit 1 when a kind's extraction recall or precision is below R/P (e.g. titles=0.88/0.95).")
@click.option("--case", "cases", multiple=True, help="Only these cases.")
def eval_cmd(gold_json: str, claims_json, show: bool, fmt: str, min_recall, min_precision, min_claims, cases) -> None:
    """Score the checker on an annotated corpus (recall, false alarms, precision),
    and with --claims its extraction per kind (titles, counts, lists)."""
    from .evaluate import evaluate, format_text

    res = evaluate(gold_json, only=cases or None)
    claims_res = None
    if claims_json:
        from .evaluate_claims import evaluate_claims, format_claims_text

        claims_res = evaluate_claims(claims_json, only=cases or None)
    if fmt == "json":
        click.echo(_json({**res, "claims": claims_res} if claims_res else res))
    else:
        click.echo(format_text(res))
        if claims_res:
            click.echo(format_claims_text(claims_res, show))
    o = res["overall"]
    below = []
    if (min_recall is not None and o["recall"] < min_recall) or (min_precision is not None and o["precision"] < min_precision):
        below.append(f"findings recall {o['recall']:.3f}, precision {o['precision']:.3f}")
    for spec in min_claims:
        try:
            kind, bar = spec.split("=")
            r, p = (float(x) for x in bar.split("/"))
        except ValueError:
            raise click.BadParameter(f"{spec!r}: use KIND=RECALL/PRECISION, e.g. titles=0.88/0.95", param_hint="--min-claims") from None
        if claims_res is None or kind not in claims_res["overall"]:
            raise click.BadParameter(f"{spec!r}: needs --claims and a kind of titles, counts, lists", param_hint="--min-claims")
        t = claims_res["overall"][kind]
        if t["recall"] < r or t["precision"] < p:
            below.append(f"{kind} recall {t['recall']:.3f}, precision {t['precision']:.3f}")
    if below:
        _err(_("below the bar: {what}", what="; ".join(below)))
        sys.exit(1)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except FactcheckError as exc:
        _err(exc)
        sys.exit(2)
    except click.exceptions.Abort:
        _err(_("aborted"))
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except KeyboardInterrupt:
        _err(_("interrupted"))
        sys.exit(130)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
