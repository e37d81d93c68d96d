"""Score extraction on a claim-level gold (shared/corpus/CLAIMS-FORMAT.md).

For each case (the folder of its articles) the articles are added to a fresh
temporary store and every claim is compared, article by article, with the
gold: titles by person and title (spaces and brackets ignored; a title fused
with its organisation equals the bare title there), counts by value, role and
group (the group and the claim's subject contain one another), lists by
group and a member-set Jaccard of at least 0.8 (bracketed parts ignored).
Page furniture is left out; a predicted title that matches only a former or
designate gold entry is a false positive. Recall and precision per kind, per
case and overall; ``show`` keeps every miss and false positive.
"""
from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from pathlib import Path

from .errors import FactcheckError
from .i18n import lazy

KINDS = ("titles", "counts", "lists")
_ROLE = {"state": "total", "launch": "total", "current": "total"}


def _norm(s) -> str:
    return re.sub(r"[\s()\[\]（）]", "", str(s or ""))


def _core(s) -> str:
    return _norm(re.sub(r"[(（][^)）]*[)）]", "", str(s or "")))


def _contains(a, b) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a in b or b in a)


def same_title(pred_title, pred_org, gold_title, gold_org) -> bool:
    p, g = _norm(pred_title), _norm(gold_title)
    if p == g:
        return True
    for org in (pred_org, gold_org):
        o = _norm(org)
        if o and (p == o + g or (g and o.endswith(g[0]) and p == o + g[1:])):
            return True
    return False


def _status(c: dict) -> str:
    d = c.get("detail") or {}
    return d.get("status") or ("former" if d.get("former") else "current")


class Tally:
    def __init__(self) -> None:
        self.hit = self.gold = self.pred = self.tp = 0

    def add(self, o: "Tally") -> None:
        self.hit += o.hit; self.gold += o.gold; self.pred += o.pred; self.tp += o.tp

    def as_json(self) -> dict:
        return {"recall": self.hit / self.gold if self.gold else 1.0, "precision": self.tp / self.pred if self.pred else 1.0,
                "matched": self.hit, "gold": self.gold, "true_positives": self.tp, "predicted": self.pred}


def _title_match(c: dict, g: dict) -> bool:
    d = c.get("detail") or {}
    return _norm(c["subject"]) == _norm(g["person"]) and same_title(d.get("title") or c["value"], d.get("org") or c.get("org"), g["title"], g.get("org"))


def _count_match(c: dict, g: dict) -> bool:
    d = c.get("detail") or {}
    role = d.get("role") or "total"
    role = _ROLE.get(role, role)
    try:
        value = int(d.get("count", c["value"]))
    except (TypeError, ValueError):
        return False
    return value == int(g["value"]) and role == g.get("role", "total") and _contains(c["subject"], g["group"])


def _names(c: dict) -> set[str]:
    ms = (c.get("detail") or {}).get("members") or []
    return {_core(m["name"] if isinstance(m, dict) else m) for m in ms}


def _list_match(c: dict, g: dict) -> bool:
    a, b = _names(c), {_core(m) for m in g["members"]}
    return _contains(c["subject"], g["group"]) and bool(a) and bool(b) and len(a & b) / len(a | b) >= 0.8


def score_article(gold: dict, preds: list[dict]) -> tuple[dict[str, Tally], list[str]]:
    out = {k: Tally() for k in KINDS}
    lines: list[str] = []
    every = gold.get("titles", [])
    cur = [g for g in every if g.get("status", "current") == "current"]
    pt = [c for c in preds if c["kind"] == "title" and _status(c) == "current"]
    t = out["titles"]
    t.gold, t.pred = len(cur), len(pt)
    for g in cur:
        if any(_title_match(c, g) for c in pt):
            t.hit += 1
        else:
            lines.append(f"miss  title  {g['person']} | {g['title']} ({g.get('org')})")
    seen = set()
    for c in pt:
        if any(_title_match(c, g) for g in cur):
            t.tp += 1
        elif (c["subject"], c["value"]) not in seen:
            seen.add((c["subject"], c["value"]))
            why = "status" if any(_title_match(c, g) for g in every) else "false"
            lines.append(f"{why:5} title  {c['subject']} | {c['value']}   «{c['quote']}»")
    for kind, claim_kind, match, show_gold, show_pred in (
        ("counts", "member_count", _count_match,
         lambda g: f"{g['group']} {g['value']} {g.get('role', 'total')} {g.get('as_of')}",
         lambda c: f"{c['subject']} {c['value']} {(c.get('detail') or {}).get('role')}   «{c['quote']}»"),
        ("lists", "members", _list_match,
         lambda g: f"{g['group']}: {', '.join(g['members'])}",
         lambda c: f"{c['subject']}: {c['value']}"),
    ):
        gs = gold.get(kind, [])
        ps = [c for c in preds if c["kind"] == claim_kind]
        k = out[kind]
        k.gold, k.pred = len(gs), len(ps)
        label = kind[:-1]
        for g in gs:
            if any(match(c, g) for c in ps):
                k.hit += 1
            else:
                lines.append(f"miss  {label:6} {show_gold(g)}")
        for c in ps:
            if any(match(c, g) for g in gs):
                k.tp += 1
            else:
                lines.append(f"false {label:6} {show_pred(c)}")
    return out, lines


def evaluate_claims(claims_path: str, only: list[str] | None = None) -> dict:
    from .api import add_sources, list_claims
    from .evaluate import read_json

    cp = Path(claims_path)
    gold = read_json(claims_path, "not a claims gold file: {reason}")
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
        raise FactcheckError(lazy("not a claims gold file: expected an object with a list of 'articles'"), claims_path)
    root = cp.parent
    by_case: dict[str, list[dict]] = defaultdict(list)
    for art in gold["articles"]:
        case = str(Path(art["source"]).parent)
        if only and Path(case).name not in only:
            continue
        by_case[case].append(art)
    total = {k: Tally() for k in KINDS}
    cases = []
    for case, arts in sorted(by_case.items()):
        with tempfile.TemporaryDirectory(prefix="factcheck-eval-claims-") as tmp:
            db = str(Path(tmp) / "eval.duckdb")
            res = add_sources(db, [str(root / a["source"]) for a in arts])
            if res.errors:
                raise FactcheckError("; ".join(str(e) for e in res.errors), case)
            preds = list_claims(db)
        per: dict[str, list[dict]] = defaultdict(list)
        for c in preds:
            if c.get("section") == "furniture":
                continue
            per[Path(c["path"]).name].append(c)
        case_t = {k: Tally() for k in KINDS}
        shown = []
        for a in arts:
            got, lines = score_article(a, per.get(Path(a["source"]).name, []))
            for k in KINDS:
                case_t[k].add(got[k])
            if lines:
                shown.append({"source": a["source"], "lines": lines})
        for k in KINDS:
            total[k].add(case_t[k])
        cases.append({"name": Path(case).name, **{k: case_t[k].as_json() for k in KINDS}, "show": shown})
    return {"cases": cases, "overall": {k: total[k].as_json() for k in KINDS}}


def format_claims_text(res: dict, show: bool = False) -> str:
    def fmt(t: dict) -> str:
        return f"recall {t['recall']:.2f} ({t['matched']}/{t['gold']}) precision {t['precision']:.2f} ({t['true_positives']}/{t['predicted']})"

    lines = []
    for c in res["cases"]:
        lines.append(f"{c['name']:36} " + "; ".join(f"{k} {fmt(c[k])}" for k in KINDS))
        if show:
            for art in c["show"]:
                lines.append(f"  {art['source']}")
                lines.extend(f"    {line}" for line in art["lines"])
    o = res["overall"]
    lines.append("claims overall: " + "; ".join(f"{k} {fmt(o[k])}" for k in KINDS))
    return "\n".join(lines)
