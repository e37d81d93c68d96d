"""Benchmark: ratios measured in one run, never a timed unit test.

    make bench        # = .venv/bin/python bench/bench.py --sizes 1000 4000
    make bench-scale  # = .venv/bin/python bench/bench.py --sizes 25000 100000 (11–20 minutes on 2 busy cores, 2026-12-01)

Generates a synthetic Korean news corpus (titles, member lists, counts, joins,
planted disagreements) and prints, in one run:

- ingest throughput of our pipeline against bare spaCy (blank Korean, rule
  tokenizer, sentencizer) over the same texts, as a ratio: on the synthetic
  corpus, on the seeds repeated to ~1M characters, and on ``--texts DIR`` if
  given (any folder of articles, e.g. ../shared/corpus/cases);
- ``add`` and ``check`` time at N and 4N sources, and the growth exponent of
  ``check``;
- ``add`` one source + ``check`` against a full rebuild (``add`` + ``check``
  of everything), as a ratio; the same with ``run`` (which also writes the
  three reports);
- peak memory (RSS) of ``add`` and of ``check`` at N and 4N, each measured in
  a process of its own;
- the copy desk: ``factcheck check ARTICLE`` on one seed in a fresh process
  (wall and CPU time), and where its start-up goes (``python -X importtime``,
  per heavy dependency). ``--copy-desk`` prints only this.

Every phase that is timed runs in a child process (``--child``) so that its
peak RSS is its own; timings are wall clock on whatever machine runs it, which
is why only the ratios are targets.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SURN = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민"
SYL = "가나다라마바사아자차카타파하한서진해온누리솔빛별새봄결울람청미르세다모코오태윤은도경"
ORG_SUFFIXES = ["반도체", "전자", "바이오", "제약", "화학", "모빌리티", "중공업", "텔레콤", "뱅크", "증권", "대학교", "연구원",
                "머티리얼즈", "로보틱스", "에너지", "시", "페이", "그룹"]
RANKS = ["사장", "부사장", "전무", "상무", "대표", "원장", "총장", "시장"]
ROLES = ["전략본부장", "사업부문장", "연구소장", "안전환경본부장", "글로벌사업본부장", "미래기술센터장", "디지털혁신실장"]
TOPICS = ["소재혁신", "셔틀", "수소도시", "인재양성", "스마트안전", "배터리순환", "양자통신", "해상풍력", "바이오헬스", "자율주행"]
HEADS = ["얼라이언스", "컨소시엄", "협의회", "원팀", "연합"]
SOURCES_PER_GROUP = 7
INGEST_SAMPLE = 5_000  # the ingest ratio is measured on at most this many synthetic articles
REBUILD_UP_TO = 20_000  # above this, the rebuild a re-run is compared with is the add and check already measured


SYLLABLES = "".join(dict.fromkeys(SYL))  # the distinct syllables, in order: the digits of generated names
BIG_ORG = "한빛전자"  # one organisation whose people are named in thousands of articles over the years
BIG_GROUP = "한빛 반도체동맹 얼라이언스"  # one alliance covered by thousands of articles
BIG_GROUP_EVERY = 25  # one article in this many is about the big alliance
BIG_ORG_SHARE = 0.06  # share of articles that also name a person of the big organisation
BIG_GROUP_JOIN_EVERY = 150  # a new member joins the big alliance every this many of its articles
YEARS = 10  # the corpus covers this many years, from FIRST_DAY
FIRST_DAY = date(2015, 1, 1)


def distinct_names(rng: random.Random, count: int, suffixes: list[str], min_syllables: int = 2) -> list[str]:
    """``count`` distinct names: syllables + one suffix, drawn without
    replacement from every such name, with a syllable more whenever two would
    not leave room (four times ``count``): names never run out, and a world
    of any size is made in time linear in its size."""
    k = min_syllables
    while len(SYLLABLES) ** k * len(suffixes) < 4 * count:
        k += 1
    base = len(SYLLABLES)
    out = []
    for code in rng.sample(range(base ** k * len(suffixes)), count):
        code, suffix = divmod(code, len(suffixes))
        digits = []
        for _ in range(k):
            code, d = divmod(code, base)
            digits.append(SYLLABLES[d])
        out.append("".join(digits) + suffixes[suffix])
    return out


class World:
    """A fictional world sized for n articles: organisations with their people,
    groups with their members. Articles are written about it, so the same
    person, organisation and group recur across sources, as in real news.
    Dates run over YEARS years; names are drawn without replacement, so any
    size works.

    Planted disagreements: a wrong rank (3%), a misspelt name (2%), a count
    one off the list (5%); groups grow by a joiner over their sources.

    Large blocks, as a long-running story makes them: one organisation
    (BIG_ORG) whose people are named in BIG_ORG_SHARE of all articles, with a
    promotion each over the years (thousands of title claims at 100,000
    articles), and one alliance (BIG_GROUP) that one article in
    BIG_GROUP_EVERY is about, gaining a member every BIG_GROUP_JOIN_EVERY of
    its articles (thousands of counts and lists).
    """

    def __init__(self, n: int, seed: int = 7):
        rng = random.Random(seed)
        self.n = max(n, 1)
        self.orgs = sorted(distinct_names(rng, max(60, n // 2), ORG_SUFFIXES))
        self.people = {}
        for org in self.orgs:
            crew = []
            for _ in range(3):
                person = rng.choice(SURN) + rng.choice(SYL) + rng.choice(SYL)
                crew.append((person, rng.choice(ROLES), rng.choice(RANKS)))
            self.people[org] = crew
        self.groups = []
        group_names = distinct_names(rng, n // SOURCES_PER_GROUP + 1, [f" {t} {h}" for t in TOPICS for h in HEADS])
        for name in group_names:
            members = rng.sample(self.orgs, rng.randint(5, 9))
            joiner = rng.choice(self.orgs)
            while joiner in members:  # a draw again, not a list of the others: linear in the world's size
                joiner = rng.choice(self.orgs)
            self.groups.append((name, members, joiner))
        # the big organisation: its people are promoted (부사장 -> 사장, 상무 -> 전무) in a year of their own
        self.big_crew = [(rng.choice(SURN) + rng.choice(SYL) + rng.choice(SYL), role, low, high, FIRST_DAY.year + rng.randrange(1, YEARS))
                         for role, low, high in [("전략본부장", "부사장", "사장"), ("연구소장", "상무", "전무"),
                                                 ("사업부문장", "전무", "부사장"), ("디지털혁신실장", "상무", "전무")]]
        # the big alliance: founders, then one joiner after another
        others = [o for o in self.orgs if o != BIG_ORG]
        self.big_founders = rng.sample(others, 8)
        rest = [o for o in others if o not in self.big_founders]
        self.big_joiners = rng.sample(rest, min(len(rest), self.n // BIG_GROUP_EVERY // BIG_GROUP_JOIN_EVERY + 1))

    def day(self, i: int) -> date:
        """Articles run in order over YEARS years."""
        return FIRST_DAY + timedelta(days=i * 365 * YEARS // self.n)

    def article(self, i: int) -> str:
        rng = random.Random(i * 7919 + 1)
        if i % BIG_GROUP_EVERY == BIG_GROUP_EVERY - 1:
            return self._big_group_article(i, rng)
        g = i // SOURCES_PER_GROUP
        name, members, joiner = self.groups[g]
        k = i % SOURCES_PER_GROUP
        if k >= 4:  # later sources: the joiner is in
            members = members + [joiner]
        n = len(members) + (1 if rng.random() < 0.05 else 0)
        when = self.day(g * SOURCES_PER_GROUP) + timedelta(days=k * 4)
        mentioned = []
        for org in rng.sample(members, min(4, len(members))):
            person, role, rank = rng.choice(self.people[org])
            if rng.random() < 0.03:
                rank = rng.choice(RANKS)
            if rng.random() < 0.02:
                person = person[:-1] + rng.choice(SYL)
            mentioned.append(f"{person} {org} {role}({rank})")
        if rng.random() < BIG_ORG_SHARE:
            mentioned.append(self._big_org_person(when, rng))
        quoted_org = rng.choice(members)
        qp, _, qrank = rng.choice(self.people[quoted_org])
        body = [
            f"'{name}' {n}곳으로 확대",
            f"[서울=벤치뉴스] {rng.choice(SURN)}{rng.choice(SYL)}{rng.choice(SYL)} 기자 = '{name}'가 {when.day}일 회의를 열었다.",
            f"{name}에는 {', '.join(members)} 등 {n}개 기업·기관이 참여한다.",
            f"이날 회의에는 {', '.join(mentioned)} 등이 참석했다.",
        ]
        if k == 4:
            body.append(f"{joiner}은 {when.day}일 {name}에 새로 합류했다고 밝혔다.")
        body += [
            f"{qp} {quoted_org} {qrank}은 \"협력을 강화하겠다\"고 말했다.",
            "업계는 이번 협의체가 공급망 안정에 도움이 될 것으로 본다. 참여 기관들은 하반기에 공동 과제를 발표할 계획이다.",
            "저작권자 © 벤치뉴스 무단전재 및 재배포 금지",
        ]
        return self._front(i, when) + "\n\n".join(body) + "\n"

    def _front(self, i: int, when: date) -> str:
        return f"---\npublished: {when.isoformat()}\noutlet: 벤치뉴스{i % 13}\n---\n"

    def _big_org_person(self, when: date, rng: random.Random) -> str:
        person, role, low, high, promoted = rng.choice(self.big_crew)
        rank = high if when.year >= promoted else low
        if rng.random() < 0.03:
            rank = rng.choice(RANKS)
        return f"{person} {BIG_ORG} {role}({rank})"

    def _big_group_article(self, i: int, rng: random.Random) -> str:
        j = i // BIG_GROUP_EVERY  # the j-th article about the big alliance
        joined = j // BIG_GROUP_JOIN_EVERY
        members = self.big_founders + self.big_joiners[:joined]
        n = len(members) + (1 if rng.random() < 0.05 else 0)
        when = self.day(i)
        listed = list(members)
        if rng.random() < 0.02:  # one member misspelt: another source's complete list lacks it
            m = rng.randrange(len(listed))
            listed[m] = rng.choice(SYLLABLES) + listed[m][1:]
        mentioned = [self._big_org_person(when, rng)]
        for org in rng.sample(members, 3):
            person, role, rank = rng.choice(self.people[org])
            mentioned.append(f"{person} {org} {role}({rank})")
        body = [
            f"'{BIG_GROUP}' {n}곳 체제",
            f"[서울=벤치뉴스] {rng.choice(SURN)}{rng.choice(SYL)}{rng.choice(SYL)} 기자 = '{BIG_GROUP}'가 {when.day}일 정기 회의를 열었다.",
            f"{BIG_GROUP}에는 {', '.join(listed)} 등 {n}개 기업·기관이 참여한다.",
            f"이날 회의에는 {', '.join(mentioned)} 등이 참석했다.",
        ]
        if joined and j % BIG_GROUP_JOIN_EVERY == 0:
            body.append(f"{self.big_joiners[joined - 1]}은 {when.day}일 {BIG_GROUP}에 새로 합류했다고 밝혔다.")
        body += [
            "업계는 이번 협의체가 공급망 안정에 도움이 될 것으로 본다.",
            "저작권자 © 벤치뉴스 무단전재 및 재배포 금지",
        ]
        return self._front(i, when) + "\n\n".join(body) + "\n"


def make_corpus(root: Path, n: int, seed: int = 7) -> World:
    world = World(n, seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"{i:06d}.txt").write_text(world.article(i), encoding="utf-8")
    return world


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ChildPeaks:
    """The largest peak RSS (VmHWM) of this process's children (``add``'s
    workers), read from /proc while they run. ``RUSAGE_CHILDREN`` will not
    do: a child that is forked and then execs keeps its parent's RSS at the
    fork as its peak, so a worker started late by a large parent looks as
    large as the parent."""

    def __init__(self, every: float = 0.2):
        import threading

        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, args=(every,), daemon=True)
        self._thread.start()

    def _watch(self, every: float) -> None:
        me = str(os.getpid())
        while not self._stop.wait(every):
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    with open(f"/proc/{pid}/stat") as fh:
                        if fh.read().rsplit(")", 1)[1].split()[1] != me:
                            continue
                    # a worker only once it runs as one (its command line read
                    # first): between the fork and the exec of a new worker,
                    # /proc shows the parent's memory (a worker replaced at
                    # 100,000 sources read as 335 MB, the writing process's size)
                    if "spawn_main" not in _cmdline(pid):
                        continue
                    with open(f"/proc/{pid}/status") as fh:
                        hwm = next((int(line.split()[1]) for line in fh if line.startswith("VmHWM")), 0)
                except (OSError, IndexError, ValueError):
                    continue
                self.peak_kb = max(self.peak_kb, hwm)

    def stop_mb(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def _cmdline(pid: str) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().decode(errors="replace")
    except OSError:
        return ""


def timed(fn, *a, **kw):
    t0 = time.perf_counter()
    out = fn(*a, **kw)
    return time.perf_counter() - t0, out


def ingest_ratio(paths: list[Path], min_chars: int = 0) -> dict:
    """Our pipeline (sections + claims) vs bare spaCy over the same texts.

    Texts are read first (reading is not timed for either side); with
    ``min_chars`` the texts are repeated until there are that many characters.
    """
    from factcheck.ingest.reader import read_path
    from factcheck.nlp.pipeline import blank_korean, process

    unit = [read_path(p) for p in paths]
    items = [(t.text, t.published, t.title) for t in unit]
    if min_chars:
        size = sum(len(t[0]) for t in items)
        items = items * max(1, min_chars // max(size, 1) + 1)
    chars = sum(len(t[0]) for t in items)
    bare = blank_korean()
    list(bare.pipe((t[0] for t in items[:4]), batch_size=32))  # warm up both
    list(process(items[:4]))
    t_bare, _ = timed(lambda: [None for _ in bare.pipe((t[0] for t in items), batch_size=32)])
    t_ours, _ = timed(lambda: [None for _ in process(items, batch_size=32)])
    return {"docs": len(items), "chars": chars, "ours": chars / t_ours, "bare": chars / t_bare, "ratio": t_bare / t_ours,
            "stages": stage_ratios(items, t_bare)}


def stage_ratios(items: list[tuple], t_bare: float) -> dict:
    """Where the ratio goes: our pipeline cut after each stage, timed the
    same way, as a ratio to bare spaCy (each run after the full one, so
    every cache is as warm as it was for the full pipeline)."""
    from factcheck.nlp.pipeline import EOJEOL_TOKENIZER, blank_korean, make_doc

    out = {}
    nlp = blank_korean(EOJEOL_TOKENIZER)
    for stage in ("tokenizer+sentencizer", "factcheck_sections", "factcheck_mentions"):
        if stage.startswith("factcheck"):
            nlp.add_pipe(stage)
        list(nlp.pipe((make_doc(nlp, *t[:3]) for t in items[:4])))
        t, _ = timed(lambda: [None for _ in nlp.pipe((make_doc(nlp, *t[:3]) for t in items), batch_size=32)])
        out[stage] = t_bare / t
    return out


def child(task: str, args: list[str]) -> dict:
    """One timed phase in this (child) process; prints a JSON line."""
    from factcheck import api

    if task == "ingest":
        root, min_chars = Path(args[0]), int(args[1])
        paths = sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md"))
        return ingest_ratio(paths, min_chars)
    if task == "add":
        db, corpus, *jobs = args
        workers = ChildPeaks()
        t, res = timed(api.add_sources, db, [corpus], jobs=int(jobs[0]) if jobs else None)
        return {"seconds": t, "read": res.read, "rss_mb": peak_rss_mb(), "worker_rss_mb": workers.stop_mb()}
    if task == "check":
        (db,) = args
        t, res = timed(api.run_check, db)
        return {"seconds": t, "findings": len(res.findings), "rss_mb": peak_rss_mb()}
    if task in ("add+check", "warm add+check"):
        db, corpus = args
        if task.startswith("warm"):  # a long-lived process: spaCy and the pipeline already loaded
            from factcheck.nlp.pipeline import build_nlp

            build_nlp()
        t_add, res = timed(api.add_sources, db, [corpus])
        t_check, _ = timed(api.run_check, db)
        return {"seconds": t_add + t_check, "add": t_add, "check": t_check, "read": res.read, "rss_mb": peak_rss_mb()}
    if task == "run":
        db, corpus, reports = args
        t, summ = timed(api.run, db, corpus, reports)
        return {"seconds": t, "read": summ.added.read, "rss_mb": peak_rss_mb()}
    raise SystemExit(f"unknown child task {task}")


def spawn(task: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", task, *map(str, args)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


HEAVY = ("spacy", "duckdb", "pyarrow", "numpy", "rapidfuzz", "jinja2", "trafilatura", "yaml", "click", "rich", "charset_normalizer")
FACTCHECK = Path(sys.executable).parent / "factcheck"


def copy_desk(article: Path, repeat: int = 5) -> dict:
    """``factcheck check ARTICLE`` (copy desk) in a fresh process, in an empty
    folder, ``repeat`` times: median wall time and CPU time (user + sys) of
    the child."""
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="factcheck-desk-") as cwd:
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            res = subprocess.run([str(FACTCHECK), "check", str(article)], cwd=cwd, capture_output=True)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if res.returncode not in (0, 1) or os.listdir(cwd):
                raise SystemExit(f"copy desk failed or wrote into its folder: {res.stderr.decode()}")
    walls.sort(), cpus.sort()
    return {"wall": walls[len(walls) // 2], "cpu": cpus[len(cpus) // 2], "chars": len(article.read_text(encoding="utf-8")),
            "findings": sum(1 for line in res.stdout.decode().splitlines() if line)}


def import_breakdown(article: Path) -> dict:
    """``python -X importtime`` of the copy desk on one article: the time of
    each heavy dependency with everything it imported first (a module counts
    for the outermost heavy dependency that pulled it in), factcheck's own
    modules, and the rest. -X importtime itself slows imports down; the
    shares are what matter."""
    with tempfile.TemporaryDirectory(prefix="factcheck-desk-") as cwd:
        res = subprocess.run([sys.executable, "-X", "importtime", "-m", "factcheck", "check", str(article)],
                             cwd=cwd, capture_output=True, text=True)
    recs = []
    for line in res.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cum, name = line[len("import time:"):].split("|")
        recs.append(((len(name) - len(name.lstrip()) - 1) // 2, name.strip(), int(self_us)))
    totals: dict[str, float] = {}
    pulled: dict[str, set] = {}  # heavy dependencies that came in with another one
    stack: list[str] = []
    for depth, name, self_us in reversed(recs):  # reversed post-order: each parent before its children
        del stack[depth:]
        chain = stack + [name]
        owner = next((m.split(".")[0] for m in chain if m.split(".")[0] in HEAVY), None)
        if owner is None:
            owner = "factcheck (own code)" if any(m.split(".")[0] == "factcheck" for m in chain) else "python and the rest"
        totals[owner] = totals.get(owner, 0) + self_us / 1e6
        top = name.split(".")[0]
        if top in HEAVY and top != owner:
            pulled.setdefault(owner, set()).add(top)
        stack.append(name)
    return {"seconds": dict(sorted(totals.items(), key=lambda kv: -kv[1])), "with": pulled,
            "imported": {name.split(".")[0] for _, name, _ in recs}}


def copy_desk_lines() -> list[str]:
    out = []
    for article in sorted((ROOT / "sources").glob("*.txt")):
        r = copy_desk(article)
        out.append(f"copy desk, one article in a fresh process (`factcheck check {article.relative_to(ROOT)}`, {r['chars']:,} chars): "
                   f"{r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU  (median of 5; target well under 2 s)")
    imp = import_breakdown(ROOT / "sources" / "2020-06-03-newspim-ai-one-team.txt")
    total = sum(imp["seconds"].values())
    parts = ", ".join(f"{k} {v:.2f}" + (f" (with {', '.join(sorted(imp['with'][k]))})" if imp["with"].get(k) else "")
                      for k, v in imp["seconds"].items() if v >= 0.005)
    missing = [m for m in HEAVY if m not in imp["imported"]]
    out.append(f"    its imports under -X importtime: {total:.2f} s = {parts}" + (f"; not imported: {', '.join(missing)}" if missing else ""))
    out.append(f"    (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus: wall time grows with the load, CPU time much less)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[1000, 4000], metavar=("N", "4N"))
    ap.add_argument("--texts", help="also measure the ingest ratio on this folder of articles")
    ap.add_argument("--copy-desk", action="store_true", help="only the copy desk line (one article, fresh process, imports)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1:])))
        return
    if args.copy_desk:
        for line in copy_desk_lines():
            print(line, flush=True)
        return
    n1, n2 = args.sizes
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    lines = []

    def say(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    try:
        for n in (n1, n2):
            make_corpus(tmp / f"c{n}", n)
        say(f"factcheck benchmark, sizes N={n1} and 4N={n2}, python {sys.version.split()[0]}, {os.cpu_count()} cpus")
        say("")
        say("ingest (sections + claims) vs bare spaCy (blank ko + rule tokenizer + sentencizer), same texts:")
        sets = [("synthetic corpus", tmp / f"c{n1}", 0), ("seeds x repeated", ROOT / "sources", 1_000_000)]
        if n1 > INGEST_SAMPLE:  # a ratio needs no more than this many articles
            sample = tmp / "ingest-sample"
            sample.mkdir()
            for i in range(INGEST_SAMPLE):
                shutil.copy(tmp / f"c{n1}" / f"{i:06d}.txt", sample)
            sets[0] = (f"synthetic (first {INGEST_SAMPLE})", sample, 0)
        if args.texts:
            sets.append((f"{args.texts}", Path(args.texts), 0))
        for label, folder, min_chars in sets:
            r = spawn("ingest", folder, min_chars)
            say(f"  {label:<22} {r['docs']:>6} docs {r['chars'] / 1e6:6.2f}M chars  ours {r['ours']:>10,.0f} chars/s  "
                f"bare {r['bare']:>10,.0f} chars/s  ratio {r['ratio']:.2f}  (target >= 0.5)")
            say("  " + " " * 24 + "cut after: " + ", ".join(f"{k} {v:.2f}" for k, v in r["stages"].items()) + ", claims (all) "
                f"{r['ratio']:.2f}")
        say("")
        rows = {}
        cpus = os.cpu_count() or 1
        for n in (n1, n2):
            db = tmp / f"s{n}.duckdb"
            a = spawn("add", db, tmp / f"c{n}")
            c = spawn("check", db)
            rows[n] = (a, c)
            say(f"N={n:>6}: add {a['seconds']:7.2f} s ({n / a['seconds']:5.0f} sources/s, peak RSS {a['rss_mb']:4.0f} MB, workers {a['worker_rss_mb']:4.0f} MB)   "
                f"check {c['seconds']:6.2f} s ({c['findings']} findings, peak RSS {c['rss_mb']:4.0f} MB)")
        c1, c2 = rows[n1][1]["seconds"], rows[n2][1]["seconds"]
        say(f"check growth exponent {n1} -> {n2}: {math.log(c2 / c1) / math.log(n2 / n1):.2f}  (target <= 1.2)")
        a1, a2 = rows[n1][0]["rss_mb"], rows[n2][0]["rss_mb"]
        w1, w2 = rows[n1][0]["worker_rss_mb"], rows[n2][0]["worker_rss_mb"]
        say(f"add peak RSS {n1} -> {n2}: {a1:.0f} -> {a2:.0f} MB (x{a2 / a1:.2f}), workers {w1:.0f} -> {w2:.0f} MB  (target <= x1.3)")
        k1, k2 = rows[n1][1]["rss_mb"], rows[n2][1]["rss_mb"]
        say(f"check peak RSS {n1} -> {n2}: {k1:.0f} -> {k2:.0f} MB (x{k2 / k1:.2f})  (target < 1 GB, <= x1.3)")
        if cpus > 1:
            one = spawn("add", tmp / f"one{n1}.duckdb", tmp / f"c{n1}", 1)
            say(f"add at N={n1} on one core (--jobs 1): {one['seconds']:.2f} s ({n1 / one['seconds']:.0f} sources/s, peak RSS {one['rss_mb']:.0f} MB)"
                f" -> {cpus} cores {one['seconds'] / rows[n1][0]['seconds']:.2f}x as fast  (target >= 1.6x on 2)")
            (tmp / f"one{n1}.duckdb").unlink(missing_ok=True)
        say("")
        # one more source: add + check against a rebuild from scratch
        extra = World(n2 + 14)
        for n in (n1, n2):
            corpus = tmp / f"c{n}"
            (corpus / "new-one.txt").write_text(extra.article(n + 1), encoding="utf-8")
            for name in ("cold", "warm", "run"):
                shutil.copy(tmp / f"s{n}.duckdb", tmp / f"{name}{n}.duckdb")
            cold = spawn("add+check", tmp / f"cold{n}.duckdb", corpus)
            warm = spawn("warm add+check", tmp / f"warm{n}.duckdb", corpus)
            if n <= REBUILD_UP_TO:
                full = spawn("add+check", tmp / f"full{n}.duckdb", corpus)
                rebuilt = "rebuild"
            else:  # a rebuild is the add and check just measured (plus one source): not run again
                a, c = rows[n]
                full = {"seconds": a["seconds"] + c["seconds"], "add": a["seconds"], "check": c["seconds"]}
                rebuilt = "rebuild (the add and check above)"
            for name in ("cold", "warm", "full"):
                (tmp / f"{name}{n}.duckdb").unlink(missing_ok=True)
            say(f"add one source + check at N={n}: {cold['seconds']:.2f} s (add {cold['add']:.2f}, check {cold['check']:.2f}) "
                f"vs {rebuilt} {full['seconds']:.2f} s (add {full['add']:.2f}, check {full['check']:.2f}) -> ratio {cold['seconds'] / full['seconds']:.3f}  (target <= 0.1)")
            say(f"    the same in a process that has spaCy loaded already: {warm['seconds']:.2f} s (add {warm['add']:.2f}, check {warm['check']:.2f}) "
                f"-> ratio {warm['seconds'] / full['seconds']:.3f}")
        n = n1
        if n <= REBUILD_UP_TO:
            corpus = tmp / f"c{n}"
            (corpus / "new-two.txt").write_text(extra.article(n + 2), encoding="utf-8")
            inc_run = spawn("run", tmp / f"run{n}.duckdb", corpus, tmp / "rep")
            full_run = spawn("run", tmp / "full-run.duckdb", corpus, tmp / "rep2")
            say(f"at N={n} through `run` (add + check + three reports): {inc_run['seconds']:.2f} s vs {full_run['seconds']:.2f} s -> ratio {inc_run['seconds'] / full_run['seconds']:.3f}")
        say("")
        for line in copy_desk_lines():
            say(line)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
