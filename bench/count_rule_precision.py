"""Each count rule's precision on the claim-level gold, written back into
factcheck/patterns/counts.json as its ``precision`` (a count claim's
``confidence`` is the lowest precision of the rules that read it; a count
no rule read gets ``default_precision``).

    .venv/bin/python bench/count_rule_precision.py ../shared/corpus/claims.json [--dry-run]

Runs the extractor over every case (one store per case, as score_claims.py
does), attributes each member_count claim to the rules in ``detail.rules``
(or to the default reading) and counts it right when the gold has a count
with the same value, role and group (factcheck.evaluate_claims). Smoothed
like the title patterns: (right + 1) / (claims + 2), so an untested rule is 0.5.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from factcheck import api
from factcheck.evaluate_claims import _count_match
from factcheck.nlp.count_model import PATTERNS


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("claims_json")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    gold = json.loads(Path(args.claims_json).read_text(encoding="utf-8"))
    root = Path(args.claims_json).parent
    by_case = defaultdict(list)
    for art in gold["articles"]:
        by_case[str(Path(art["source"]).parent)].append(art)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # rule -> [right, claims]
    for case, arts in sorted(by_case.items()):
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "p.duckdb")
            api.add_sources(db, [str(root / a["source"]) for a in arts])
            claims = [c for c in api.list_claims(db, kind="member_count") if c.get("section") != "furniture"]
        golds = {Path(a["source"]).name: a.get("counts", []) for a in arts}
        for c in claims:
            right = any(_count_match(c, g) for g in golds.get(Path(c["path"]).name, []))
            for rule in (c["detail"].get("rules") or ["(default)"]):
                tally[rule][0] += right
                tally[rule][1] += 1
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    for rule, (right, n) in sorted(tally.items()):
        print(f"{rule:32} {right:3}/{n:<3} precision {(right + 1) / (n + 2):.2f}")
    for section in ("reject", "role", "as_of", "bound"):
        for r in data.get(section, []):
            right, n = tally.get(r["name"], (0, 0))
            r["precision"] = round((right + 1) / (n + 2), 2)
            r["measured"] = {"right": right, "claims": n}
    right, n = tally.get("(default)", (0, 0))
    data["default_precision"] = round((right + 1) / (n + 2), 2)
    data["default_measured"] = {"right": right, "claims": n}
    if not args.dry_run:
        PATTERNS.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
