"""The ``factcheck_sections`` component: sentences with offsets and a section.

Sections: ``headline``, ``byline``, ``caption``, ``body``, ``quote`` and
``furniture`` (menus, related or best-article blocks, copyright, tip-off
lines, reporter e-mails). Furniture is kept with its source but yields no
findings. A caption printed twice is recognised: the second copy's sentences
point at the first (``repeat_of``).

Sentence boundaries are spaCy's sentencizer plus paragraph breaks; the
by-line that starts a lede ("[서울=뉴스핌] 김지나 기자 =") is its own sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import load
from .doctext import doc_text


@dataclass
class Sentence:
    idx: int
    start: int
    end: int
    section: str
    repeat_of: int | None = None


for _name, _default in (("fc_sentences", None), ("fc_published", None), ("fc_claims", None), ("fc_aliases", None), ("fc_org_evidence", None), ("fc_org_lookups", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

_BYLINE = re.compile(
    r"^\s*(?:"
    r"[\[【][^\]】\n]{0,40}(?:기자|특파원|통신원|에디터)\s*[\]】]\s*=?"
    r"|[\[(【][^\])】\n]{1,30}[\])】]\s*[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*\s*(?:기자|특파원|통신원|에디터)\s*="
    r")\s*"
)
_PHOTO_MARKS = ("▲", "△", "◇", "◆", "■")  # a line under a photo: "▲ 회의 모습 ⓒ 한빛일보"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_QUOTE = re.compile(r"[\"“][^\"”]{6,}[\"”]\s*(?:라?고|라며|며|이라며|이라고|라는|면서)")
_SPACES = re.compile(r"\s+")
_BARE_DATETIME = re.compile(r"^\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?\s+\d{1,2}:\d{2}\s*$")
_SENT_END = re.compile(r"(?:다|요|음|함|임)[.!?…]?[\"”’']?\s*$")


class _Patterns:
    def __init__(self) -> None:
        fur = load().furniture
        self.block = fur.get("block", [])
        self.end = fur.get("end", [])
        self.menu = fur.get("menu", [])
        self.caption = fur.get("caption", [])
        self.dateline = [re.compile(p[3:]) for p in fur.get("dateline", []) if p.startswith("re:")]

    def is_block(self, s: str) -> bool:
        return len(s) <= 40 and any(p in s for p in self.block)

    def is_end(self, s: str) -> bool:
        if len(s) <= 160 and any(p in s for p in self.end):
            # "▲ © 한빛 얼라이언스 총회": a photo's credit under its caption marker, not the closing line
            return not (s.startswith(_PHOTO_MARKS) and all(p in ("©", "ⓒ") for p in self.end if p in s))
        # a reporter's sign-off: a short line with an e-mail address
        return len(s) <= 90 and bool(_EMAIL.search(s)) and not _SENT_END.search(s)

    def is_menu(self, s: str) -> bool:
        if len(s) <= 40 and any(p in s for p in self.menu):
            return True
        if " > " in s or s.count("|") >= 2:
            return True
        return len(s) < 12 and not _SENT_END.search(s)

    def is_caption(self, s: str) -> bool:
        return any(p in s for p in self.caption)

    def is_dateline(self, s: str) -> bool:
        return any(rx.search(s) for rx in self.dateline) or bool(_BARE_DATETIME.match(s))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Built once: the furniture lexicon and its compiled datelines."""
    return _Patterns()


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where the sentencizer starts a sentence, read as
    two arrays (no Token or Span object per token or sentence)."""
    if len(doc) == 0:
        return []
    arr = doc.to_array(["IDX", "SENT_START"])
    return arr[arr[:, 1] == 1, 0].tolist()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _norm(s: str) -> str:
    return _SPACES.sub("", s)


def classify_lines(text: str, title: str | None = None) -> list[str]:
    """A section for every non-blank line of ``text`` (same order as _lines)."""
    pat = _patterns()
    lines = _lines(text)
    labels: list[str] = ["body"] * len(lines)
    strings = [text[s:e] for s, e in lines]

    # 1. the tail: from the first closing line (copyright, sign-off, block
    #    heading) everything is furniture.
    tail = len(lines)
    body_seen = False  # a sign-off or share bar above the first paragraph is page chrome, not the end
    for i, s in enumerate(strings):
        if i > 0 and (pat.is_block(s) or (pat.is_end(s) and body_seen)):
            tail = i
            break
        if len(s) >= 50 and _SENT_END.search(s) and not pat.is_end(s):
            body_seen = True
    for i in range(tail, len(lines)):
        labels[i] = "furniture"

    # 2. the head: menus, the headline and its subheads, datelines.
    lede = None
    for i in range(min(tail, len(lines))):
        if _BYLINE.match(strings[i]):
            lede = i
            break
    title_n = _norm(title) if title else None
    head_end = lede if lede is not None else 0
    if lede is None:
        # no by-line: the headline, if any, is the first line that is not menu.
        for i in range(min(tail, len(lines))):
            s = strings[i]
            if pat.is_caption(s) or pat.is_dateline(s):
                break
            if pat.is_menu(s):
                continue
            if not _SENT_END.search(s) and len(s) <= 120 and i + 1 < tail:
                head_end = i + 1
            break
    seen_headline = False
    for i in range(head_end):
        s = strings[i]
        if pat.is_dateline(s):
            labels[i] = "byline"
        elif pat.is_caption(s):
            labels[i] = "caption"
        elif title_n and _norm(s) == title_n:
            labels[i] = "headline"
            seen_headline = True
        elif not seen_headline and pat.is_menu(s):
            labels[i] = "furniture"
        elif not seen_headline and title_n and i + 1 < head_end and any(_norm(strings[j]) == title_n for j in range(i + 1, head_end)):
            labels[i] = "furniture"  # above the known headline: page chrome
        else:
            labels[i] = "headline"
            seen_headline = True

    # 3. the body: captions.
    for i in range(head_end, tail):
        if pat.is_caption(strings[i]):
            labels[i] = "caption"
        elif pat.is_dateline(strings[i]):
            labels[i] = "byline"
    return labels


def segment(doc: Doc, title: str | None = None) -> list[Sentence]:
    text = doc_text(doc)
    lines = _lines(text)
    labels = classify_lines(text, title)
    # sentence starts from the sentencizer (token offsets)
    starts = sentence_starts(doc)
    sentences: list[Sentence] = []
    first_of_line: dict[str, list[int]] = {}
    for li, ((ls, le), label) in enumerate(zip(lines, labels)):
        cuts = starts[bisect_right(starts, ls) : bisect_left(starts, le)]
        pieces = []
        prev = ls
        for c in cuts:
            # never leave an opening bracket at the end of a sentence
            while c > prev and (text[c - 1] in " [(【“‘" or text[c - 1] in "'\"" and (c - 1 == prev or text[c - 2].isspace())):
                c -= 1  # nor a straight quote that opens the next word: "… 합류했다. '바다 협의회'에는"
            if c <= prev:
                continue
            pieces.append((prev, c))
            prev = c
        pieces.append((prev, le))
        # the by-line prefix of a lede is a sentence of its own
        m = _BYLINE.match(text[ls:le])
        if m and label == "body" and m.end() < le - ls:
            s0, e0 = pieces[0]
            cut = ls + m.end()
            if s0 < cut < e0:
                pieces[0:1] = [(s0, cut), (cut, e0)]
        key = _norm(text[ls:le])
        original = first_of_line.get(key) if len(key) >= 20 else None
        line_sents: list[int] = []
        for k, (s, e) in enumerate(pieces):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            section = label
            if m and label == "body" and k == 0:
                section = "byline"
            elif section == "body" and _QUOTE.search(text[s:e]):
                section = "quote"
            rep = None
            if original is not None and len(line_sents) < len(original):
                rep = original[len(line_sents)]
                section = sentences[rep].section
            sentences.append(Sentence(len(sentences), s, e, section, rep))
            line_sents.append(len(sentences) - 1)
        if original is None and len(key) >= 20:
            first_of_line[key] = line_sents
    return sentences


class SectionTagger:
    """Sets ``doc._.fc_sentences`` (list of Sentence)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        title = (doc.user_data or {}).get("fc_title")
        doc._.fc_sentences = segment(doc, title)
        return doc


@Language.factory("factcheck_sections")
def make_sections(nlp: Language, name: str) -> SectionTagger:
    return SectionTagger(nlp, name)
