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
from ..i18n import _, language, message_text


def payload(result: CheckResult) -> dict:
    return {
        "findings": [f.as_json() for f in result.findings],
        "summary": result.summary,
        "gone": gone_json(result.gone),
    }


def gone_json(gone: list[dict]) -> list[dict]:
    """Findings gone since the last run, their messages in the language asked for."""
    out = []
    for g in gone:
        item = {k: (json.loads(v) if k == "values" else v) for k, v in g.items() if k != "extra"}
        item["message"] = message_text(g.get("message") or "", g.get("extra"))
        out.append(item)
    return out


def _default(o):
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    return str(o)


def to_json(result: CheckResult) -> str:
    return "".join(iter_json(result))


def _dumps(value, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``depth`` levels down."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=_default).replace("\n", "\n" + "  " * depth)


def iter_json(result: CheckResult, sources: list[dict] | None = None):
    """``json.dumps(payload(result) (+ sources), indent=2)`` in pieces, a
    finding at a time: the findings are never all in memory at once
    (``checks.FindingPages``), nor is their JSON."""
    yield '{\n  "findings": '
    first = True
    for f in result.findings:
        yield ("[" if first else ",") + "\n    " + _dumps(f.as_json(), 2)
        first = False
    yield "[]" if first else "\n  ]"
    rest = {"summary": result.summary, "gone": gone_json(result.gone)}
    if sources is not None:
        rest["sources"] = sources
    for k, v in rest.items():
        yield ",\n  " + json.dumps(k) + ": " + _dumps(v, 1)
    yield "\n}"


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


def severity_label(sev: str) -> str:
    return {"error": _("error"), "warning": _("warning"), "info": _("info")}.get(sev, sev)


def attribute_label(attr: str) -> str:
    return {"title": _("title"), "name": _("name"), "member_count": _("member_count"), "members": _("members")}.get(attr, attr)


def kind_label(kind: str) -> str:
    return {
        "title_conflict": _("title conflict"), "title_variant": _("title spelling"), "count_vs_list": _("count vs list"),
        "member_count_conflict": _("member count conflict"), "member_count_change": _("member count change"),
        "member_list_diff": _("member list difference"), "name_spelling": _("name spelling"),
    }.get(kind, kind)


def section_label(section: str | None) -> str:
    return {"headline": _("headline"), "byline": _("byline"), "caption": _("caption"), "body": _("body"),
            "quote": _("quote"), "furniture": _("furniture")}.get(section or "", section or "")


def event_label(event: str) -> str:
    return {"launch": _("launched"), "join": _("joined"), "leave": _("left")}.get(event, event)


def status_key(f) -> str:
    return "ack" if f.acknowledged else f.status


def status_label(key: str) -> str:
    return {"new": _("new"), "unchanged": _("unchanged"), "ack": _("acknowledged")}.get(key, key)


def facets(findings: list) -> dict:
    """The filter checkboxes: each severity, kind and status present, with its count."""
    def facet(keys: list[str], label) -> list[dict]:
        counts: dict[str, int] = {}
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        return [{"key": _css_key(k), "label": label(k), "count": n} for k, n in counts.items()]

    order = {"error": 0, "warning": 1, "info": 2}
    return {
        "severity": facet(sorted((f.severity for f in findings), key=lambda s: order.get(s, 9)), severity_label),
        "kind": facet(sorted(f.kind for f in findings), kind_label),
        "status": facet(sorted((status_key(f) for f in findings), key=lambda s: ("new", "unchanged", "ack").index(s) if s in ("new", "unchanged", "ack") else 9), status_label),
    }


def _css_key(value: str) -> str:
    """A value as a CSS identifier piece: kinds and severities are code names; anything else is dropped."""
    return "".join(ch for ch in value if ch.isascii() and (ch.isalnum() or ch in "_-"))


def source_rows(result: CheckResult, sources: list[dict]) -> list[dict]:
    """Each source with its claim count and the findings that cite it."""
    cited: dict[str, list] = {}
    for f in result.findings:
        for sid in dict.fromkeys(ev.get("source") for ev in f.evidence):
            cited.setdefault(sid, []).append(f)
    return [{**s, "findings": cited.get(s["id"], [])} for s in sources]


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def to_markdown(result: CheckResult, sources: list[dict]) -> str:
    s = result.summary
    counts = _("{sources} sources, {claims} claims: **{errors} errors**, **{warnings} warnings**, {info} info",
               sources=s["sources"], claims=s["claims"], errors=s["errors"], warnings=s["warnings"], info=s["info"])
    if s.get("acknowledged"):
        counts += _(", {n} acknowledged", n=s["acknowledged"])
    lines = ["# " + _("factcheck report"), "", counts + ".", ""]
    if result.gone:
        lines += [_("Gone since the last run:") + " " + ", ".join(f"`{g['id']}` {md_escape(g['message'])}" for g in gone_json(result.gone)), ""]
    for f in result.findings:
        tag = severity_label(f.severity).upper() + (" " + _("(acknowledged)") if f.acknowledged else "") + (" " + _("NEW") if f.status == "new" else "")
        lines += [f"## {tag} · {md_escape(f.subject)} · {attribute_label(f.attribute)}", "", f"`{f.id}` ({f.kind}) {md_escape(f.text())}", ""]
        if f.acknowledged:
            lines += ["> " + _("acknowledged: {note}", note=md_escape(f.acknowledged["note"])), ""]
        if f.extra and f.extra.get("timeline"):
            lines += [_md_row([_("date"), _("members"), _("how")]), "| --- | ---: | --- |"]
            for pt in f.extra["timeline"]:
                if "count" in pt:
                    how = _("planned") if pt.get("planned") else _("derived") if pt.get("derived") else _("stated")
                    lines.append(_md_row([pt["date"], str(pt["count"]), how]))
                else:
                    when = f"≤ {pt['before']}" if pt.get("before") else pt["date"]
                    lines.append(_md_row([when, "", f"{event_label(pt['event'])} {md_escape(', '.join(pt.get('members') or []))}"]))
            lines.append("")
        lines += [_md_row([_("source"), _("date"), _("evidence")]), "| --- | --- | --- |"]
        for ev in f.evidence:
            sent = ev["sentence"] or ""
            a, b = ev["start"] - ev["sentence_start"], ev["end"] - ev["sentence_start"]
            body = md_escape(sent[:a]) + "**" + md_escape(sent[a:b]) + "**" + md_escape(sent[b:]) if 0 <= a <= b <= len(sent) else md_escape(sent)
            lines.append(f"| {md_escape(ev.get('outlet') or '')} `{md_escape(ev['path'])}` | {ev.get('published') or '?'} | {body.replace(chr(10), ' ')} |")
        lines.append("")
    lines += ["## " + _("Sources"), "",
              _md_row([_("outlet"), _("published"), _("claims"), _("cited in findings"), _("path")]),
              "| --- | --- | ---: | --- | --- |"]
    for src in source_rows(result, sources):
        cited = ", ".join(f"`{f.id}`" for f in src["findings"]) or "–"
        lines.append(f"| {md_escape(src.get('outlet') or '')} | {src.get('published') or '?'} | {src.get('claims', '')} | {cited} | {md_escape(src['path'])} |")
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
                g["events"].append({**pt, "date": f"≤ {pt['before']}" if pt.get("before") else pt["date"]})
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
        laid.append({"x": round(x, 1), "y": round(y, 1), "count": p["count"], "date": p["date"],
                     "derived": bool(p.get("derived")), "planned": bool(p.get("planned"))})
    return {**g, "svg": laid, "width": w, "height": h}


def to_html(result: CheckResult, sources: list[dict]) -> str:
    from jinja2 import (  # only HTML needs the templates
        Environment,
        PackageLoader,
        select_autoescape,
    )

    env = Environment(loader=PackageLoader("factcheck.report", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["highlight"] = highlight
    env.globals.update(_=_, severity_label=severity_label, attribute_label=attribute_label, section_label=section_label,
                       event_label=event_label, status_key=status_key)
    tpl = env.get_template("report.html.j2")
    return tpl.render(result=result, summary=result.summary, findings=result.findings, sources=source_rows(result, sources),
                      gone=gone_json(result.gone), facets=facets(result.findings), lang=language(),
                      timelines=timelines(result), version=__version__, generated=datetime.now().isoformat(timespec="seconds"))


def render(fmt: str, result: CheckResult, sources: list[dict]) -> str:
    if fmt == "json":
        return "".join(iter_json(result, sources))
    if fmt == "markdown":
        return to_markdown(result, sources)
    return to_html(result, sources)


def pieces(fmt: str, result: CheckResult, sources: list[dict]):
    """``render`` in pieces to write one after another (JSON a finding at a time)."""
    if fmt == "json":
        return iter_json(result, sources)
    return iter([render(fmt, result, sources)])
