"""The ``factcheck_claims`` component: mentions and claims from sentences.

Claim kinds (SPEC "What is extracted"):

- ``title``: person, organisation, title (role and rank) in every order the
  press uses: "KT AI·DX융합사업부문장 전홍범 부사장", "권봉석 LG전자 사장",
  "KT 구현모 대표", "한승우 한국첨단소재연구원장", "김 사장은" (resolved to the
  full name in the same article);
- ``member_count``: a group and a stated number ("산학연 9곳", "12개사");
- ``members``: a group and the names enumerated for it, with the stated count;
- ``event``: launch, join or leave, with members and a date.

Every claim carries document offsets (``start``/``end``), the index of its
sentence and an as-of date. Everything here is rules over lexicons
(``factcheck/lexicons``); nothing names a person or an organisation.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..ingest.dates import DateExpr
from ..lexicons import load
from .counts import CountRules
from .doctext import doc_text
from .gazetteer import KnownOrgs, confirmations
from .groups import GroupRules
from .personnel import PersonnelRules
from .mentions import Claim, GroupMention
from .titles import TitleRules
from .tokens import Word
from .wordclass import rank_of

# what stands between people listed together before a promotion: joiners,
# "등 2명", "각각"; the last stretch may also carry the list's own particle
_LIST_GLUE = re.compile(r"(?:\s|,|와|과|및|등|각각|모두|나란히|\d+\s*명(?:은|는|이|가|을|를)?|을|를)*")
_LIST_END = re.compile(r"(?:\s|,|와|과|및|등|각각|모두|나란히|\d+\s*명(?:은|는|이|가|을|를)?|은|는|이|가|을|를)*(?:(?:대표이사|각자\s*대표|공동\s*대표|사내이사|등기이사)\s+)?")
# "전무로 승진했다", "부사장으로 각각 승진시켰다": the rank a sentence promotes to
# (after a board role: "부사장을 대표이사 사장으로 승진시키는")
_PROMOTED_TO = re.compile(r"(\S+?)(?:으로|로)\s+(?:각각\s+|모두\s+|나란히\s+)?승진")


class Extractor(TitleRules, GroupRules, CountRules, PersonnelRules):
    """One document's claims: sentence by sentence, titles and groups first,
    then counts, lists and events, then back-references and group names
    resolved across the article. The rules live in titles.py, groups.py and
    counts.py; word classes in wordclass.py."""

    def __init__(self, doc: Doc, gazetteer: frozenset[str] = frozenset()):
        self.doc = doc
        self.text = doc_text(doc)
        self.published: date | None = doc._.fc_published
        self.sentences = doc._.fc_sentences or []
        self.lx = load()
        self.claims: list[Claim] = []
        self.aliases: list[tuple[str, str, str, str]] = []  # (kind, a, b, method)
        # what the article names as organisations, and behind it the names
        # other sources confirmed (gazetteer.py)
        self.known_orgs: set[str] = KnownOrgs(gazetteer)
        self.orgs: dict[str, str] = {}  # organisation -> how the article confirms it (shown by the mention layer)
        self.backrefs: list[tuple[int, Word, Word, DateExpr | None]] = []
        self.group_mentions: dict[int, list[GroupMention]] = {}
        self.words_of: dict[int, list[Word]] = {}
        self.propers: set[str] = set()
        self._people_seen, self._people_set = -1, set()

    # -- driver -----------------------------------------------------------
    def run(self) -> None:
        # the mention layer (factcheck_mentions) has read every sentence's
        # words and dates, and the organisations the article confirms
        per_sentence = [(sw.sent, sw.words, sw.dates, sw.context) for sw in self.doc._.fc_words]
        self.orgs = self.doc._.fc_orgs if self.doc._.fc_orgs is not None else {}
        self.known_orgs.update(self.orgs)
        for sent, words, dates, context in per_sentence:
            if sent.section != "byline":  # "김하늘 경제부장" over a column is who wrote it
                self._titles(sent, words, dates, context)
            self._groups(sent, words)
            self.words_of[sent.idx] = words
        self._personnel_lists(per_sentence)
        self._proper_mentions()
        for sent, words, dates, context in per_sentence:
            self._counts_lists_events(sent, words, dates, context)
        self._laid_out_lists(per_sentence)
        for sent, words, dates, context in per_sentence:
            if sent.section == "headline":
                self._headline_dot_list(sent, words)
        self._resolve_backrefs()
        self._promoted_in_the_sentence()
        self._org_from_the_article()
        self._resolve_groups()
        self._headline_of_a_plan()
        self._drop_nested_titles()
        self._names_as_written()

    def _headline_of_a_plan(self) -> None:
        """A headline cut short ("회원사 20곳으로…") sums up the body: a
        count of the headline that the body states only as a plan ("20곳까지
        늘리는 게 목표다") is that plan, not the group's number."""
        section = {s.idx: s.section for s in self.sentences}
        counts = [c for c in self.claims if c.kind == "member_count"]
        body: dict[tuple[str, str], set] = {}
        for c in counts:
            if section.get(c.sentence_idx) != "headline":
                body.setdefault((c.subject, c.value), set()).add(c.detail.get("role"))
        for c in counts:
            if section.get(c.sentence_idx) == "headline" and c.detail.get("role") == "total" \
                    and body.get((c.subject, c.value)) == {"planned"}:
                c.detail["role"] = "planned"
                c.detail["rules"] = list(c.detail.get("rules") or []) + ["headline_of_a_plan"]
                c.as_of, c.as_of_precision = None, "planned"

    def _promoted_in_the_sentence(self) -> None:
        """"A 상무 등 2명은 전무로 승진했다", "A 상무, B 상무를 각각 부사장으로
        승진시켰다": a sentence that promotes to a rank says the people it
        names at a lower rank of the same ladder held that rank before, so
        those titles are former (and the checks read the change as announced)."""
        lx = self.lx
        promoted: dict[int, list[tuple[int, object]]] = {}
        for sent in self.sentences:
            text = self.text[sent.start : sent.end]
            for m in _PROMOTED_TO.finditer(text):
                r = rank_of(m.group(1))
                rank = lx.ranks.get(r) if r else None
                if rank is not None and rank.ladder != "position":
                    promoted.setdefault(sent.idx, []).append((sent.start + m.start(), rank))
        if not promoted:
            return
        for c in self.claims:
            if c.kind != "title" or c.sentence_idx not in promoted or (c.detail.get("status") or "current") != "current":
                continue
            own = lx.ranks.get(c.detail.get("rank") or "")
            if own is None or own.ladder == "position":
                continue
            for at, rank in promoted[c.sentence_idx]:
                if c.end <= at and own.ladder == rank.ladder and own.level < rank.level and self._promoted_one(c, at):
                    c.detail["status"] = "former"
                    c.detail["former"] = True
                    break

    def _promoted_one(self, c: Claim, at: int) -> bool:
        """Whether only other people of the same list stand between a title
        and the promotion ("A 상무와 B 상무 등 2명은 전무로"), not a clause of
        its own ("A 전무는 B 상무가 부사장으로": A is the speaker)."""
        others = sorted((o.start, o.end) for o in self.claims
                        if o.kind == "title" and o.sentence_idx == c.sentence_idx and c.end <= o.start and o.end <= at)
        pos, rest = c.end, []
        for st, en in others:
            rest.append(self.text[pos:st])
            pos = max(pos, en)
        rest.append(self.text[pos:at])
        # a subject or topic particle only on the last one: the list's own
        # ("A, B는 각각 전무로"); earlier, a clause of its own ("A는 B가 …")
        return all(_LIST_GLUE.fullmatch(r) for r in rest[:-1]) and _LIST_END.fullmatch(rest[-1]) is not None

    def _org_from_the_article(self) -> None:
        """"국영진 남녘관광공사 섬관광사업본부장이 …" then "국영진 섬관광마케팅본부장은
        …": a title written without its organisation is at the one organisation
        the article gives that person elsewhere (none when it gives two: two
        posts), so the two titles are compared. Back-references stay as they are."""
        orgs: dict[str, set[str]] = {}
        ranks: dict[tuple[str, str], set] = {}
        for c in self.claims:
            if c.kind == "title" and c.detail.get("org") and (c.detail.get("status") or "current") == "current":
                orgs.setdefault(c.subject, set()).add(c.detail["org"])
                ranks.setdefault((c.subject, c.detail["org"]), set()).add(c.detail.get("rank"))
        for c in self.claims:
            if c.kind != "title" or c.detail.get("org") or c.detail.get("backref"):
                continue
            got = orgs.get(c.subject)
            if not got or len(got) != 1:
                continue
            org = next(iter(got))
            # the same rank (or none) as there: "송하늘 누리증권 사장" and "부회장에는 …
            # 송하늘" are two posts (the association's 부회장), not a conflict
            if c.detail.get("rank") in ranks[(c.subject, org)]:
                c.detail["org"] = org
                c.detail["org_from"] = "article"

    def _names_as_written(self) -> None:
        """A member's name is what its span says: a name with a quote inside
        ('한"국투자증권') keeps it, so ``text[start:end] == name`` always holds
        (resolution ignores the quote: resolve/normalize.py)."""
        for c in self.claims:
            members = c.detail.get("members")
            if not members:
                continue
            changed = False
            for m in members:
                written = self.text[m["start"]:m["end"]]
                if written != m["name"]:
                    m["name"], changed = written, True
            if changed and c.kind == "members":
                c.value = ", ".join(m["name"] for m in members)

    def _drop_nested_titles(self) -> None:
        """"최고기술책임자(CTO) 사장" read both as the title up to the bracket
        and as the whole: one person, one mention, so the longest reading wins."""
        longest: dict[tuple, int] = {}
        for c in self.claims:
            if c.kind == "title":
                k = (c.subject, c.sentence_idx, c.start, c.detail.get("pattern"))
                longest[k] = max(longest.get(k, c.end), c.end)
        self.claims = [c for c in self.claims if c.kind != "title" or c.end == longest[(c.subject, c.sentence_idx, c.start, c.detail.get("pattern"))]]

    # -- dates ------------------------------------------------------------
    def _as_of(self, pos: int, dates: list[DateExpr], context: date | None, consumed: set[int] = frozenset()) -> tuple[date | None, str]:
        before = [d for d in dates if d.end <= pos and d.usable and d.start not in consumed]
        if before:
            d = before[-1]
            if d.precision == "recent":
                return d.date, "approx"
            return d.date, "day" if d.precision in ("day", "context", "now") else d.precision
        after = [d for d in dates if d.start >= pos and d.usable and d.start not in consumed]
        if after:
            d = after[0]
            return d.date, "day" if d.precision in ("day", "context", "now") else d.precision
        if context is not None:
            return context, "day"
        return self.published, "day" if self.published else "unknown"


class ClaimExtractor:
    """Sets ``doc._.fc_claims`` (list of Claim), ``doc._.fc_aliases``,
    ``doc._.fc_org_evidence`` (the organisations the document confirms for
    the store's gazetteer, list of gazetteer.OrgEvidence) and
    ``doc._.fc_org_lookups`` (name -> answer, for each name the gazetteer was
    asked about). Input: ``doc.user_data["fc_gazetteer"]``, names other
    sources confirmed; ``doc.user_data["fc_confirm"] = False`` skips the
    confirmations (a re-extraction: they never change)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        gazetteer = doc.user_data.get("fc_gazetteer") or frozenset()
        ex = Extractor(doc, gazetteer)
        ex.run()
        if doc.user_data.get("fc_confirm", True):
            plain = ex
            if ex.known_orgs.consulted:
                plain = Extractor(doc)  # confirmations never depend on the gazetteer
                plain.run()
            doc._.fc_org_evidence = confirmations(plain)
        doc._.fc_org_lookups = ex.known_orgs.decisive()
        section = {s.idx: s.section for s in (doc._.fc_sentences or [])}
        for c in ex.claims:
            c.detail["section"] = section.get(c.sentence_idx, "body")
        doc._.fc_claims = ex.claims
        doc._.fc_aliases = sorted(set(ex.aliases))
        doc.user_data["fc_group_mentions"] = [g for gs in ex.group_mentions.values() for g in gs]
        return doc


@Language.factory("factcheck_claims")
def make_claims(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name)
