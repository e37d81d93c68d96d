"""Render a CheckResult as JSON, Markdown or one self-contained HTML page.

Source text is untrusted: the HTML goes through Jinja2 with autoescaping, and
highlighted spans are built from escaped pieces, never from raw text.
"""
from __future__ import annotations

import json
from datetime import date, datetime

from markupsafe import Markup, escape

from .. import __version__
from ..checks import CheckResult


def payload(result: CheckResult) -> dict:
    return {
        "findings": [f.as_json() for f in result.findings],
        "summary": result.summary,
        "gone": [{k: (json.loads(v) if k == "values" else v) for k, v in g.items()} for g in result.gone],
    }


def _default(o):
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    return str(o)


def to_json(result: CheckResult) -> str:
    return json.dumps(payload(result), ensure_ascii=False, indent=2, default=_default)


def highlight(ev: dict) -> Markup:
    """The evidence sentence, escaped, with the quoted span marked."""
    sent = ev.get("sentence") or ""
    s = ev["start"] - ev["sentence_start"]
    e = ev["end"] - ev["sentence_start"]
    if not (0 <= s <= e <= len(sent)):
        return escape(sent)
    return escape(sent[:s]) + Markup("<mark>") + escape(sent[s:e]) + Markup("</mark>") + escape(sent[e:])


def md_escape(s: str) -> str:
    out = str(s)
    for ch in "\\`*_{}[]<>()#+!|":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(result: CheckResult, sources: list[dict]) -> str:
    s = result.summary
    lines = ["# factcheck report", "",
             f"{s['sources']} sources, {s['claims']} claims: **{s['errors']} errors**, **{s['warnings']} warnings**, {s['info']} info"
             + (f", {s['acknowledged']} acknowledged" if s.get("acknowledged") else "") + ".", ""]
    if result.gone:
        lines += ["Gone since the last run: " + ", ".join(f"`{g['id']}` {md_escape(g['message'])}" for g in result.gone), ""]
    for f in result.findings:
        tag = f"{f.severity.upper()}" + (" (acknowledged)" if f.acknowledged else "") + (" NEW" if f.status == "new" else "")
        lines += [f"## {tag} · {md_escape(f.subject)} · {f.attribute}", "", f"`{f.id}` ({f.kind}) {md_escape(f.message)}", ""]
        if f.acknowledged:
            lines += [f"> acknowledged: {md_escape(f.acknowledged['note'])}", ""]
        lines += ["| source | date | evidence |", "| --- | --- | --- |"]
        for ev in f.evidence:
            sent = ev["sentence"] or ""
            a, b = ev["start"] - ev["sentence_start"], ev["end"] - ev["sentence_start"]
            body = md_escape(sent[:a]) + "**" + md_escape(sent[a:b]) + "**" + md_escape(sent[b:]) if 0 <= a <= b <= len(sent) else md_escape(sent)
            lines.append(f"| {md_escape(ev.get('outlet') or '')} `{md_escape(ev['path'])}` | {ev.get('published') or '?'} | {body.replace(chr(10), ' ')} |")
        lines.append("")
    lines += ["## Sources", "", "| id | path | outlet | published |", "| --- | --- | --- | --- |"]
    for src in sources:
        lines.append(f"| `{src['id']}` | {md_escape(src['path'])} | {md_escape(src.get('outlet') or '')} | {src.get('published') or '?'} |")
    return "\n".join(lines) + "\n"


def timelines(result: CheckResult) -> list[dict]:
    """Per group, the count points of its member_count_change findings, for the SVG."""
    groups: dict[str, dict] = {}
    for f in result.findings:
        for pt in f.extra.get("timeline", []) if f.extra else []:
            g = groups.setdefault(f.subject, {"group": f.subject, "points": [], "events": []})
            if "count" in pt:
                if not any(p["date"] == pt["date"] for p in g["points"]):
                    g["points"].append(pt)
            elif pt not in g["events"]:
                g["events"].append(pt)
    out = []
    for g in groups.values():
        g["points"].sort(key=lambda p: p["date"])
        # derived counts after joins between points ("5 -> +2 -> 7 -> 9")
        out.append(_svg_layout(g))
    return out


def _svg_layout(g: dict) -> dict:
    pts = g["points"]
    w, h, pad = 640, 180, 40
    if not pts:
        return {**g, "svg": []}
    counts = [p["count"] for p in pts]
    lo, hi = min(counts + [0]), max(counts) or 1
    n = len(pts)
    laid = []
    for i, p in enumerate(pts):
        x = pad + (w - 2 * pad) * (i / max(1, n - 1))
        y = h - pad - (h - 2 * pad) * ((p["count"] - lo) / max(1, hi - lo))
        laid.append({"x": round(x, 1), "y": round(y, 1), "count": p["count"], "date": p["date"]})
    return {**g, "svg": laid, "width": w, "height": h}


def to_html(result: CheckResult, sources: list[dict]) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape  # only HTML needs the templates

    env = Environment(loader=PackageLoader("factcheck.report", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["highlight"] = highlight
    tpl = env.get_template("report.html.j2")
    return tpl.render(result=result, summary=result.summary, findings=result.findings, sources=sources,
                      timelines=timelines(result), version=__version__, generated=datetime.now().isoformat(timespec="seconds"))


def render(fmt: str, result: CheckResult, sources: list[dict]) -> str:
    if fmt == "json":
        data = payload(result)
        data["sources"] = sources
        return json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    if fmt == "markdown":
        return to_markdown(result, sources)
    return to_html(result, sources)
