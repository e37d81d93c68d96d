"""Each title pattern's precision on the claim-level gold, written back into
the pattern file as its ``confidence``.

    .venv/bin/python bench/pattern_precision.py ../shared/corpus/claims.json [--dry-run]

Runs the extractor over every case of CLAIMS_JSON (one store per case, as
``score_claims.py`` does), attributes each title claim to the pattern that
made it (``detail.pattern``) and counts it right when the gold has the same
person and title (spaces and brackets ignored; a fused title equals the bare
title at its organisation) with the same status. Page furniture is left out.
A pattern's confidence is its precision smoothed towards the confidence the
project gives an unmeasured rule (``DEFAULT_CONFIDENCE``, 0.8) with the weight
of two claims: (right + 2 x 0.8) / (claims + 2). An untested pattern is 0.8
(as sure as any unmeasured rule, so its findings keep their severity), one
right claim makes 0.87, one wrong claim 0.53 (unsure: its findings are
"check this"), 230 right of 230 is 0.99 (no rule is certain). The counts are
stored with it (``measured``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from factcheck import api
from factcheck.evaluate_claims import (  # the scoring rule of CLAIMS-FORMAT.md, in one place
    _norm,
    same_title,
)
from factcheck.nlp.mentions import DEFAULT_CONFIDENCE

PRIOR_WEIGHT = 2  # the prior counts as this many claims
PATTERNS = Path(__file__).resolve().parent.parent / "factcheck" / "patterns" / "titles.json"


def measure(claims_json: str) -> dict[str, list[int]]:
    gold = json.load(open(claims_json, encoding="utf-8"))
    root = os.path.dirname(os.path.abspath(claims_json))
    by_case: dict[str, list[dict]] = defaultdict(list)
    for art in gold["articles"]:
        by_case[os.path.dirname(art["source"])].append(art)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # pattern -> [right, claims]
    with tempfile.TemporaryDirectory() as wd:
        for case, arts in sorted(by_case.items()):
            db = os.path.join(wd, os.path.basename(case) + ".duckdb")
            files = [os.path.join(root, a["source"]) for a in arts]
            api.add_sources(db, files)
            rows = api.list_claims(db, kind="title")
            per: dict[str, list[dict]] = defaultdict(list)
            for r in rows:
                if r["section"] != "furniture":
                    per[os.path.basename(r["path"] or "")].append(r)
            for a in arts:
                gt = a.get("titles", [])
                for r in per.get(os.path.basename(a["source"]), []):
                    d = r["detail"]
                    status = d.get("status") or ("former" if d.get("former") else "current")
                    ok = any(_norm(r["subject"]) == _norm(g["person"]) and g.get("status", "current") == status
                             and same_title(d.get("title") or r["value"], d.get("org"), g["title"], g.get("org")) for g in gt)
                    c = counts[d.get("pattern") or "?"]
                    c[0] += ok
                    c[1] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("claims_json")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the pattern file")
    args = ap.parse_args()
    counts = measure(args.claims_json)
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    print(f"{'pattern':32} right/claims  precision  confidence")
    for p in data["patterns"]:
        right, n = counts.get(p["id"], [0, 0])
        conf = min(0.99, round((right + PRIOR_WEIGHT * DEFAULT_CONFIDENCE) / (n + PRIOR_WEIGHT), 2))
        prec = f"{right / n:.2f}" if n else "-"
        print(f"{p['id']:32} {right:5}/{n:<6} {prec:>9}  {conf:10.2f}")
        p["confidence"] = conf
        p["measured"] = {"right": right, "claims": n, "corpus": os.path.basename(args.claims_json)}
    unknown = {k: v for k, v in counts.items() if k not in {p["id"] for p in data["patterns"]}}
    if unknown:
        print("claims of no pattern:", unknown, file=sys.stderr)
    if not args.dry_run:
        PATTERNS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {PATTERNS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
