"""Benchmark: ratios measured in one run, never a timed unit test.

    .venv/bin/python bench/bench.py --sizes 1000 4000

Generates a synthetic Korean news corpus (titles, member lists, counts, joins,
planted disagreements) and prints:
- ingest throughput on the seeds repeated to ~1 MB, against bare spaCy
  (blank Korean, rule tokenizer, sentencizer) on the same text;
- `add` + `check` time at N and 4N sources and the growth exponent of check;
- adding one source and re-running (`run`) against a full rebuild;
- peak memory (RSS).
"""
from __future__ import annotations

import argparse
import math
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SURN = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서준도하은지우현수영호진성태경재원석"
ORGS = ["한울반도체", "세진머티리얼즈", "가온정밀화학", "누리오토", "코어텔레콤", "청람중공업", "대해조선", "모아뱅크", "페이온", "다솜제약",
        "새봄대학교", "한결대학교", "해온시", "미르모터스", "서해플랜트", "별빛엔터테인먼트", "오로라픽처스", "세온라이다", "다온맵스", "비전엑스"]
RANKS = ["사장", "부사장", "전무", "상무", "대표"]
ROLES = ["전략본부장", "사업부문장", "연구소장", "안전환경본부장", "글로벌사업본부장"]
GROUPS = ["소재혁신 얼라이언스", "셔틀 컨소시엄", "수소도시 협의회", "인재양성 얼라이언스", "스마트안전 컨소시엄"]


def person(rng):
    return rng.choice(SURN) + rng.choice(GIVEN) + rng.choice(GIVEN)


def article(i: int, rng: random.Random) -> str:
    g = f"{rng.choice(['가람', '새봄', '해온', '청운'])}{i // 7} {rng.choice(GROUPS)}"
    members = rng.sample(ORGS, rng.randint(4, 9))
    n = len(members) + (1 if rng.random() < 0.05 else 0)  # planted count disagreement
    day = 1 + i % 27
    people = []
    for org in members[:4]:
        people.append(f"{person(rng)} {org} {rng.choice(ROLES)}({rng.choice(RANKS)})")
    body = [
        f"'{g}' {n}곳 출범",
        f"[서울=벤치뉴스] {person(rng)} 기자 = '{g}'가 {day}일 출범했다.",
        f"{g}에는 {', '.join(members)} 등 {n}개 기업·기관이 참여한다.",
        f"이날 출범식에는 {', '.join(people)} 등이 참석했다.",
        f"{members[0]}은 {day}일 {rng.choice(ORGS)}와 함께 새로 합류했다고 밝혔다.",
        f"{person(rng)} {members[1]} {rng.choice(RANKS)}은 \"협력을 강화하겠다\"고 말했다.",
        "업계는 이번 협의체가 공급망 안정에 도움이 될 것으로 본다. " * 3,
        "저작권자 © 벤치뉴스 무단전재 및 재배포 금지",
    ]
    return f"---\npublished: 2024-05-{day:02d}\noutlet: 벤치뉴스{i % 13}\n---\n" + "\n\n".join(body) + "\n"


def make_corpus(root: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"{i:06d}.txt").write_text(article(i, rng), encoding="utf-8")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest_vs_bare() -> tuple[float, float, int]:
    from factcheck.ingest.reader import read_path
    from factcheck.nlp.pipeline import blank_korean, process

    texts = [read_path(p) for p in sorted((ROOT / "sources").glob("*.txt"))]
    unit = [(t.text, t.published, t.title) for t in texts]
    size = sum(len(t[0]) for t in unit)
    reps = max(1, (1_000_000 // size) + 1)
    items = unit * reps
    chars = sum(len(t[0]) for t in items)
    bare = blank_korean()
    list(bare.pipe((t[0] for t in items[:4]), batch_size=32))
    list(process(items[:4]))
    t0 = time.perf_counter()
    for _ in bare.pipe((t[0] for t in items), batch_size=32):
        pass
    t_bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in process(items, batch_size=32):
        pass
    t_ours = time.perf_counter() - t0
    return chars / t_ours, chars / t_bare, chars


def timed(fn, *a, **kw):
    t0 = time.perf_counter()
    out = fn(*a, **kw)
    return time.perf_counter() - t0, out


def main() -> None:
    from factcheck import api

    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs=2, default=[1000, 4000], metavar=("N", "4N"))
    args = ap.parse_args()
    ours, bare, chars = ingest_vs_bare()
    print(f"ingest (extraction included), seeds repeated to {chars / 1e6:.2f}M chars: "
          f"{ours:,.0f} chars/s vs bare spaCy {bare:,.0f} chars/s -> ratio {ours / bare:.2f} (target >= 0.5)")
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    rows = []
    try:
        for n in args.sizes:
            corpus = tmp / f"c{n}"
            make_corpus(corpus, n)
            db = str(tmp / f"s{n}.duckdb")
            t_add, _ = timed(api.add_sources, db, [str(corpus)])
            t_check, res = timed(api.run_check, db)
            rows.append((n, t_add, t_check, len(res.findings)))
            print(f"N={n}: add {t_add:.1f} s ({n / t_add:.0f} sources/s), check {t_check:.2f} s, {len(res.findings)} findings")
        (n1, _, c1, _), (n2, _, c2, _) = rows
        print(f"check growth exponent between {n1} and {n2}: {math.log(c2 / c1) / math.log(n2 / n1):.2f} (target <= 1.2)")
        n = args.sizes[0]
        corpus = tmp / f"c{n}"
        db = str(tmp / f"s{n}.duckdb")
        rng = random.Random(99)
        (corpus / "new.txt").write_text(article(n + 1, rng), encoding="utf-8")
        t_inc, _ = timed(api.run, db, str(corpus), str(tmp / "rep"))
        fresh = str(tmp / "fresh.duckdb")
        t_full, _ = timed(api.run, fresh, str(corpus), str(tmp / "rep2"))
        print(f"add one source + run at N={n}: {t_inc:.2f} s vs full rebuild {t_full:.1f} s -> ratio {t_inc / t_full:.3f} (target <= 0.1)")
        print(f"peak RSS: {peak_rss_mb():.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
