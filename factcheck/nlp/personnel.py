"""Personnel announcements ("[인사] …"): a header line names the post and
what happens ("◇부사장 승진", "◇대표이사 내정", "◇상무 신규 선임"), the
bulleted items under it name the people with their organisation and unit
("▲한빛전자 반도체사업부장 김하늘 ▲누리화학 박서준 이도윤").

Each person of an item gets the header's post, at the item's organisation,
with the status the header's action gives (내정: designate, 직무대행: acting,
otherwise current); a post written in the item itself ("▲한빛전자 대표이사
사장 김하늘") is the title as written. A bracket after a name notes an
earlier post ("▲김하늘(전 한빛그룹 부회장)"): a former title. The claim's
span is the item (organisation to name), so every quote is a slice of the
text; the header is recorded in the claim's detail with its offsets.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .mentions import DEFAULT_CONFIDENCE, Claim
from .tokens import Word, split_words
from .wordclass import is_name, is_title_word, rank_of
from .wordtypes import _not_names

HEADER_MARKS = "◇◆■□【<"
ITEM_MARKS = "▲△"


@lru_cache(maxsize=1)
def _action_rows() -> tuple[tuple[str, ...], ...]:
    """lexicons/personnel_actions.tsv, read once: word, status[, change]."""
    from ..lexicons import table
    return tuple(tuple(row) for row in table("personnel_actions.tsv") if len(row) >= 2)


@lru_cache(maxsize=1)
def _actions() -> dict[str, str]:
    """What the header says happens to the post: word -> status; the rest of
    the header is the post."""
    return {row[0]: row[1] for row in _action_rows()}


@lru_cache(maxsize=1)
def _changes() -> frozenset[str]:
    """Actions that move a person up to the post (a third column "change":
    "승진"): the post is new, a lower rank of theirs elsewhere is the old one."""
    return frozenset(row[0] for row in _action_rows() if len(row) >= 3 and row[2] == "change")


# a roster's lead-in: "다음은 위원 명단.", "민간위원 명단은 다음과 같다.", "이사 명단:": the post
# every bulleted person after it holds
_ROSTER_HEADER = re.compile(r"^\s*(?:다음은\s+)?(?:신임\s+|새\s+)?(?P<post>[가-힣]{1,8})\s*명단(?:은\s*다음과\s*같다|이다)?\s*[.:]?\s*$")
_AGE_NOTE = re.compile(r"^\s*(?:[남여]\s*[·,]?\s*)?\d{1,3}(?:세)?(?:\s*[·,]\s*[가-힣]{1,4})?\s*$")  # "(74)", "(74·경북)"
_HEADER = re.compile(r"^\s*[" + re.escape(HEADER_MARKS) + r"]\s*(?P<body>[^◇◆■□【<▲△\n]{2,30}?)\s*[>】]?\s*$")


class PersonnelRules:
    """Methods of ``claims.Extractor`` (self.text, self.claims, ...)."""

    def _personnel_lists(self, per_sentence) -> None:
        # the list's state: the organisation of an "◇한빛전자" header, the post
        # of an "◇부사장 승진" header, the status of the action ("<내정>")
        state = None
        for sent, words, dates, context in per_sentence:
            text = self.text[sent.start : sent.end]
            m = _HEADER.match(text)
            if m:
                state = self._personnel_header(m.group("body"), sent.start + m.start("body"), state)
                continue
            r = _ROSTER_HEADER.match(text)
            if r and _roster_post(r.group("post")):
                start = sent.start + r.start("post")
                state = {"org": None, "post": (r.group("post"), start, start + len(r.group("post"))), "status": "current", "change": False}
                continue
            if not text.lstrip().startswith(tuple(ITEM_MARKS)):
                state = None  # the list ends at the first line that is neither header nor item
                continue
            if state is None or not (state["post"] or state["org"]):
                continue
            # an item line may hold nothing the pre-screen looks for ("▲한빛화학 김하늘")
            for item in _items(words or split_words(text, sent.start)):
                self._personnel_item(sent, item, state, dates, context)

    def _personnel_header(self, body: str, at: int, state):
        parts = body.split()
        status = None
        post = []
        actions = _actions()
        change = False
        for p in parts:
            if p in actions:
                status = actions[p] if status in (None, "current") else status
                change = change or p in _changes()
            else:
                post.append(p)
        state = dict(state) if state else {"org": None, "post": None, "status": "current"}
        if not post:  # "<승진>", "<내정>": the action of the items below
            state.update(status=status or "current", change=change)
            return state
        if all(rank_of(p) or is_title_word_text(p) for p in post):  # "◇부사장 승진"
            start = self.text.find(post[0], at)
            end = self.text.find(post[-1], start) + len(post[-1])
            state.update(post=(" ".join(post), start, end), status=status or "current", change=change)
            return state
        if len(post) <= 3 and not any(rank_of(p) for p in post):  # "◇한빛전자": the organisation of what follows
            return {"org": " ".join(post), "post": None, "status": status or "current", "change": change}
        return None

    def _personnel_item(self, sent, item: list[Word], state, dates, context) -> None:
        names = []
        k = len(item) - 1
        while k >= 0 and is_name(item[k].base) and not item[k].particle and item[k].base not in _not_names():
            names.insert(0, item[k])
            k -= 1
        if not names:
            first = item[0]
            if state["post"] and is_name(first.base) and not first.particle and (first.paren is None or _AGE_NOTE.match(first.paren)):
                # a roster's item opens with the name ("△김하늘 소설가(74·경북)", "▲김하늘(74) 한빛재단
                # 이사장"): the person holds the roster's post; a post after the name is read by the title patterns
                self._roster_member(sent, first, state, dates, context)
            return
        head = item[: k + 1]
        org_w = head[0] if head and not is_title_word(head[0]) and not rank_of(head[0].base) else None
        rest = head[1:] if org_w is not None else head
        post_words = [w for w in rest if rank_of(w.base)]
        role_words = [w for w in rest if not rank_of(w.base)]
        org = org_w.base if org_w is not None else state["org"]
        status = state["status"]
        header = None
        qualified = _qualified_post(rest)
        if qualified is not None:
            # "▲은행장 내정자 김하늘", "▲리스크관리그룹장 직무대행 상무 김하늘": a status
            # word after a post qualifies that post; a rank after it is the person's own
            q_words, q_status, after = qualified
            post_words = [w for w in after if rank_of(w.base)]
            role_words = [w for w in after if not rank_of(w.base)]
        if post_words:  # the item's own post, as written with its unit ("메모리사업부장 부사장")
            first = role_words[0] if role_words and role_words[0].i < post_words[0].i and is_title_word(role_words[0]) else post_words[0]
            title = self.text[first.core_start : post_words[-1].base_end]
        elif state["post"]:
            title, h_start, h_end = state["post"]
            header = {"text": title, "start": h_start, "end": h_end}
        else:
            title = None
        role = self.text[role_words[0].core_start : role_words[-1].base_end] if role_words else None
        posts = [(title, status)] if title else []
        if qualified is not None:
            posts.insert(0, (self.text[q_words[0].core_start : q_words[-1].base_end], q_status))
        for person in names:
            start = (org_w or item[0]).core_start
            end = person.base_end
            for t, status in posts:
                same = [c for c in self.claims if c.kind == "title" and c.subject == person.base and c.value.replace(" ", "") == t.replace(" ", "")]
                if same:
                    for c in same:  # read by a title pattern already: the header gives its organisation
                        if org and not c.detail.get("org") and c.sentence_idx == sent.idx:
                            c.detail["org"], c.detail["org_from"] = org, "personnel header"
                    continue
                as_of, prec = self._as_of(start, dates, context)
                detail = {"person": person.base, "org": org, "org_alias": None, "role": role if t == title else None,
                          "rank": rank_of(t.split()[-1]) or None, "title": t, "status": status,
                          "former": status == "former", "pattern": "personnel_list", "confidence": DEFAULT_CONFIDENCE}
                if header and t == title:
                    detail["header"] = header
                if state.get("change") and status == "current":
                    detail["promoted"] = True  # "<승진>": the post is new, an earlier rank is the one left
                self.claims.append(Claim("title", person.base, t, start, end, sent.idx, as_of, prec, detail))
            if person.paren and person.paren.startswith(("전 ", "前 ", "前")):
                self._personnel_former(sent, person, dates, context)

    def _roster_member(self, sent, person: Word, state, dates, context) -> None:
        title, h_start, h_end = state["post"]
        if any(c.kind == "title" and c.subject == person.base and c.value == title for c in self.claims):
            return
        as_of, prec = self._as_of(person.core_start, dates, context)
        detail = {"person": person.base, "org": state["org"], "org_alias": None, "role": None, "rank": rank_of(title) or None,
                  "title": title, "status": state["status"], "former": False, "pattern": "personnel_list",
                  "header": {"text": title, "start": h_start, "end": h_end}, "confidence": DEFAULT_CONFIDENCE}
        self.claims.append(Claim("title", person.base, title, person.core_start, person.base_end, sent.idx, as_of, prec, detail))

    def _personnel_former(self, sent, person: Word, dates, context) -> None:
        """"김하늘(전 한빛그룹 부회장)": the earlier post the bracket notes."""
        note = person.paren.lstrip("前전 ").split()
        if not note or not (rank_of(note[-1]) or is_title_word_text(note[-1])):
            return
        at = self.text.find(person.paren, person.core_start, person.end)
        start, end = at, at + len(person.paren)
        as_of, prec = self._as_of(start, dates, context)
        org = " ".join(note[:-1]) or None
        detail = {"person": person.base, "org": org, "org_alias": None, "role": None, "rank": rank_of(note[-1]) or None,
                  "title": note[-1], "status": "former", "former": True, "pattern": "personnel_list", "confidence": DEFAULT_CONFIDENCE}
        self.claims.append(Claim("title", person.base, note[-1], start, end, sent.idx, as_of, prec, detail))


@lru_cache(maxsize=1)
def _status_marks() -> dict[str, str]:
    """The status words of the title patterns: word -> designate or acting."""
    from .titles import patterns
    lex = patterns()[1]
    return {**{w: "designate" for w in lex.get("designate", ())}, **{w: "acting" for w in lex.get("acting", ())}}


def _qualified_post(words: list[Word]) -> tuple[list[Word], str, list[Word]] | None:
    """A post and the status word after it in an item ("은행장 내정자",
    "그룹장 직무대행"): (the post's words, designate or acting, the words after
    the status word); None when the item has no such pair."""
    marks = _status_marks()
    for j, w in enumerate(words):
        if j > 0 and w.base in marks and not w.particle and all(is_title_word(x) or rank_of(x.base) for x in words[:j]):
            return words[:j], marks[w.base], words[j + 1:]
    return None


def _roster_post(s: str) -> bool:
    """A roster's post: a title word, or a kind of one ("민간위원", "사외이사": a rank after a qualifier)."""
    from ..lexicons import load
    lx = load()
    return is_title_word_text(s) or bool(rank_of(s)) or len(s) > 2 and (s[-2:] in lx.ranks or s[-3:] in lx.ranks)


def is_title_word_text(s: str) -> bool:
    from ..lexicons import load
    lx = load()
    return s in lx.ranks or s.endswith(lx.role_suffixes)


def _items(words: list[Word]) -> list[list[Word]]:
    """The bulleted items of a line: "▲A B ▲C D" -> [[A, B], [C, D]]; a mark
    written apart ("▲ 부사장 김하늘") opens an item and is no word of it."""
    out: list[list[Word]] = []
    for w in words:
        if w.text[:1] in ITEM_MARKS or not out:
            out.append([])
        if w.text.strip() and not w.text.strip(ITEM_MARKS + " "):
            continue
        out[-1].append(w)
    return [it for it in out if it]
