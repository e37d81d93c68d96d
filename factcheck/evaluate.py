"""Score the checker on an annotated corpus (format: shared/corpus/FORMAT.md).

Each case gets a fresh temporary store; its sources are added, every check
runs, and the findings of severity error or warning are scored:

- a finding matches a gold entry when the attribute is the same, subject and
  gold subject contain one another (spaces ignored), and every gold value
  appears (spaces ignored) in one of the finding's values or in one of its
  evidence sentences or quotes; for member_count the gold counts must be
  among the numbers written in the finding's values;
- recall: share of ``expect`` entries some finding matches;
- a false alarm: a scored finding matching no ``expect`` and no ``either``;
- precision: share of scored findings that are not false alarms.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from .checks import check
from .errors import FactcheckError
from .i18n import lazy
from .ingest.add import add
from .store.db import open_store

SCORED = ("error", "warning")


def _ns(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def matches(finding: dict, gold: dict) -> bool:
    if finding["attribute"] != gold["attribute"]:
        return False
    fs, gs = _ns(finding["subject"]), _ns(gold["subject"])
    if not fs or not gs or not (fs in gs or gs in fs):
        return False
    if gold["attribute"] == "member_count":
        numbers = {n for v in finding["values"] for n in re.findall(r"\d+", str(v))}
        return all(str(v) in numbers for v in gold["values"])
    hay = [_ns(v) for v in finding["values"]]
    for ev in finding.get("evidence", []):
        hay.append(_ns(ev.get("sentence") or ""))
        hay.append(_ns(ev.get("quote") or ""))
    return all(any(_ns(v) in h for h in hay if h) for v in gold["values"])


def _gold_problem(gold) -> str | None:
    """What makes ``gold`` not a gold file (FORMAT.md), or None."""
    if not isinstance(gold, dict) or not isinstance(gold.get("cases"), list):
        return "expected an object with a list of 'cases'"
    for i, case in enumerate(gold["cases"], 1):
        if not isinstance(case, dict) or not isinstance(case.get("name"), str):
            return f"case {i} has no 'name'"
        if not isinstance(case.get("sources"), list) or not all(isinstance(s, str) for s in case["sources"]):
            return f"case {case['name']}: 'sources' must be a list of paths"
        for key in ("expect", "either", "forbid"):
            entries = case.get(key, [])
            if not isinstance(entries, list):
                return f"case {case['name']}: '{key}' must be a list"
            for g in entries:
                if not isinstance(g, dict) or not all(k in g for k in ("attribute", "subject", "values")) or not isinstance(g["values"], list):
                    return f"case {case['name']}: each '{key}' entry needs attribute, subject and a list of values"
    return None


def read_json(path: str, bad: str) -> object:
    """A JSON file, or a one-line FactcheckError naming it (``bad`` is the
    message for a file that is not JSON, with a {reason})."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FactcheckError(lazy("no such file"), path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FactcheckError(lazy(bad, reason=str(exc)), path) from None


def evaluate(gold_path: str, only: list[str] | None = None) -> dict:
    gp = Path(gold_path)
    gold = read_json(gold_path, "not a gold file: {reason}")
    problem = _gold_problem(gold)
    if problem:
        raise FactcheckError(lazy("not a gold file: {reason}", reason=problem), gold_path)
    root = gp.parent
    cases_out = []
    tot = {"expect": 0, "matched": 0, "scored": 0, "false_alarms": 0}
    for case in gold["cases"]:
        if only and case["name"] not in only:
            continue
        with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
            db = str(Path(tmp) / "eval.duckdb")
            store = open_store(db)
            try:
                res = add(lambda: store, [str(root / s) for s in case["sources"]])
                if res.errors:
                    raise FactcheckError("; ".join(str(e) for e in res.errors), case["name"])
                result = check(store, "eval")
            finally:
                store.close()
        findings = [f.as_json() for f in result.findings]
        scored = [f for f in findings if f["severity"] in SCORED]
        expect, either = case.get("expect", []), case.get("either", [])
        missed = [g for g in expect if not any(matches(f, g) for f in scored)]
        alarms = [f for f in scored if not any(matches(f, g) for g in expect + either)]
        forbidden_hit = [g for g in case.get("forbid", []) if any(matches(f, g) for f in alarms)]
        matched = len(expect) - len(missed)
        cases_out.append({
            "name": case["name"],
            "expect": len(expect), "matched": matched, "scored": len(scored), "false_alarms": len(alarms),
            "recall": matched / len(expect) if expect else 1.0,
            "precision": (len(scored) - len(alarms)) / len(scored) if scored else 1.0,
            "misses": [{k: g.get(k) for k in ("attribute", "subject", "values", "why")} for g in missed],
            "false_alarm_findings": [{k: f[k] for k in ("id", "kind", "attribute", "severity", "subject", "values", "message")} for f in alarms],
            "forbid_violated": [{k: g[k] for k in ("attribute", "subject", "values")} for g in forbidden_hit],
        })
        tot["expect"] += len(expect)
        tot["matched"] += matched
        tot["scored"] += len(scored)
        tot["false_alarms"] += len(alarms)
    overall = {
        **tot,
        "recall": tot["matched"] / tot["expect"] if tot["expect"] else 1.0,
        "precision": (tot["scored"] - tot["false_alarms"]) / tot["scored"] if tot["scored"] else 1.0,
    }
    return {"cases": cases_out, "overall": overall}


def format_text(res: dict) -> str:
    lines = []
    for c in res["cases"]:
        lines.append(f"{c['name']:36} recall {c['recall']:.2f} ({c['matched']}/{c['expect']})  precision {c['precision']:.2f}  false alarms {c['false_alarms']}")
        for m in c["misses"]:
            lines.append(f"    miss: {m['attribute']} {m['subject']} {m['values']}")
        for f in c["false_alarm_findings"]:
            lines.append(f"    false alarm: {f['severity']} {f['attribute']} {f['subject']} {f['values']} ({f['kind']})")
    o = res["overall"]
    lines.append(
        f"overall: recall {o['recall']:.3f} ({o['matched']}/{o['expect']}), precision {o['precision']:.3f}, "
        f"false alarms {o['false_alarms']} of {o['scored']} scored findings"
    )
    return "\n".join(lines)
