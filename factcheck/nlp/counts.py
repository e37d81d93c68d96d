"""Counts, member lists and events: "9개 기업·기관", "A, B, C 등",
"…를 비롯해", joins, launches and departures, with their dates.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load
from .count_model import default_precision, read_count
from .mentions import Claim
from .tokens import BULLETS, Word, paren_kind
from .wordclass import (
    _ADNOMINAL,
    _DIGITS,
    _LATIN,
    _LETTER,
    _is_member_cue,
    cue_possible,
    event_kind,
    group_head,
    is_list_link,
    is_name,
    is_org_word,
    is_title_word,
    rank_of,
)

_ADMIT_NOUN = re.compile(r"^(?:가입|합류|가입\s*신청|참여)$")
_ADMIT_VERB = re.compile(r"^(?:승인|받아들|맞아들|맞|영입|의결)")


_COMPANY_NOUNS = ("회사", "업체", "기업", "기업체", "사")
_SUBGROUP = re.compile(r"^(?:제?\d+|[가-힣A-Za-z]{1,8})분과(?:위원회)?$")  # "1분과", "보안분과"
_BIG_N = re.compile(r"^\d대$")  # "4대 그룹", "5대 건설사": the big N, a description
_GLUED_DEUNG = re.compile(r"[A-Za-z0-9)]등$")
_LIST_PARTICLES = ("와", "과", "이나", "나", "까지", "부터")  # particles a list item can end in


def _ordinal_re():
    from ..lexicons import load
    words = "|".join(sorted(map(re.escape, load().count_words), key=len, reverse=True))
    return re.compile(r"(?P<num>\d{1,4}|(?<![가-힣])(?:" + words + r"))\s*번째\s*(?:회원사|회원 기관|회원|참여사|참여 기관|멤버)")


_ORDINAL = _ordinal_re()
# people counted as a board's members: "부회장단은 18명에서 21명으로 늘어난다",
# "회장단을 23명으로 확대했다" (a count of people is members only of a board of people)
_BOARD_HEADS = ("부회장단", "회장단")
_BOARD_COUNT = re.compile(r"(?P<num>\d{1,3})\s?(?P<counter>명|인)(?=\s*(?:에서\s*\d|(?:으로|로)\s*(?:늘|확대|증가|줄|감소|재편|구성|확장)|(?:이|가)\s*(?:된다|됐|되었|돼|되게)))")
# a committee counted by its members, people: "17명의 위원", "18명의 민간위원", "위원 17명",
# "4명의 신규 위원" (new ones: joined); the count is the article's 위원회's
# "16명의 당연직 위원", "당연직 위원 16명": one kind of member (lexicons/member_kinds.txt), a part
@lru_cache(maxsize=1)
def _committee_count() -> re.Pattern:
    kinds = "|".join(sorted(map(re.escape, load().member_kinds), key=len, reverse=True))
    return re.compile(r"(?<![\d,])(?:(?P<num>\d{1,3})\s?(?:명|인)의\s+(?P<new>신규\s*|새\s*)?(?:(?P<kind>" + kinds + r")\s*)?위원"
                      r"|(?<![가-힣])(?:(?P<kind2>" + kinds + r")\s*)?위원\s+(?P<num2>\d{1,3})\s?명)(?=[은는이가을를과와의도]?(?:\s|[,.]|$))")
_LATIN_NAME_PART = re.compile(r"^[A-Z][A-Za-z0-9&+.\-]*$")


def _is_and(w: Word) -> bool:
    """The word 및 (or 그리고) alone between two listed names ("A·B 및 C", "A, B 그리고 C")."""
    return w.base in ("및", "그리고") and not w.particle and not w.sep_after


_CORPORATE_TAIL = re.compile(r"^(?:[A-Z]{1,3}&[A-Z]{1,3}|[A-Z]{1,3}\+)$")  # "C&C", "E&M", "KT&G", "U+": written after a name


# the topic of a copula list that names the new members
_NEW_MEMBERS_TOPIC = re.compile(r"(?:신규|새|새로운|새로)\s*(?:회원사?|회원\s*기관)?\s*(?:(?:으로|로)\s*)?(?:이름을\s*올린|가입한|합류한|등록한|입회한)|(?:신규|새로|새롭게|이번에)\s*(?:가입|합류|입회)한|(?:가입|합류|입회)한\s+(?:신규|새)")
_COPULAS = ("이다", "이었다", "였다", "입니다", "이었습니다", "였습니다")  # "회원사는 A, B, C입니다": the list as the predicate
_CLAUSE_ENDS = ("하면서", "되면서", "하며", "되며", "했고", "됐고", "하고", "되고")  # a clause that ends before a count
_AHEAD = ("할", "하기로", "될", "되기로", "하려", "시킬", "하면", "되면", "한다면", "된다면")  # a verb form of what is yet to happen, or may: "합류하면"


_NOT_UNIVERSITY = ("세대", "시대", "부대", "무대", "기대", "반대", "상대", "최대", "확대", "증대", "지대", "교대", "군대", "연대")


def _university(b: str) -> bool:
    """"가람대", "누리과기대": a university's short name (a joiner of its own)."""
    return 3 <= len(b) <= 8 and b.endswith("대") and not b.endswith(_NOT_UNIVERSITY) and all("가" <= ch <= "힣" for ch in b)


_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,4}$")
_CLAUSE_LINK = re.compile(r"(?:많|있|없|크|적|되|됐|였|이었|했|왔|높|낮|같|좋|늘었|줄었)고$")  # "A가 5곳으로 가장 많고, …": a clause that ends, no name
_KIND_COUNT = re.compile(r"(?:\d[\d,]*|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?:개|곳)")  # "2개 (시와)": a count before the kind it counts
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*[ \t]?(?:[천만억조][ \t]?)*[\d,.]*[ \t]?(?:원|달러|명|개|곳|년|배|%|톤|건)[ \t]+$")  # "1천억원 ", "30% ": an amount before a noun of measure
_DATE_WORD = re.compile(r"^(?:\d{2,4}년|\d{1,2}월|\d{1,2}일|지난해|올해|작년|지난달|이달)$")


def _counted(name: str) -> bool:
    """A number with or without its counter ("2개", "3곳"), not a name."""
    rest = name.lstrip("0123456789,")
    return rest != name and (not rest or rest in _bare_counters())


@lru_cache(maxsize=1)
def _bare_counters() -> frozenset[str]:
    """Counters on their own ("곳", "개사"): "네 곳이 합류했다" names no member."""
    return frozenset(c.replace(" ", "") for c in load().counters) | {"곳", "개", "개사", "군데", "명", "인"}


def _kind_of_company(name: str, lx) -> bool:
    """"전자회사", "통신업체", "부품사", "제조업체들", "통신사업자", "통신장비기업":
    an industry (or a compound ending in one) and a company noun, a kind of member."""
    name = name.removesuffix("들")
    for noun in _COMPANY_NOUNS + ("사업자",):
        if not name.endswith(noun):
            continue
        prefix = name[: -len(noun)]
        if prefix in lx.category_prefixes:
            return True
        if noun != "사" and 2 < len(prefix) <= 4 and any(prefix.endswith(c) for c in lx.category_prefixes if len(c) >= 2):
            return True
    return False


_ONE_SYLLABLE = re.compile(r"[가-힣]")
_SET_OF_FIRMS = re.compile(r"[가-힣]\s?\d+\s?(?:사|개사)$")  # "통신3사", "배터리 3사": a set of firms, not one name


def _not_a_name(name: str, lx) -> bool:
    """A listed word that names no one: a kind ("공급기업", "협단체"), a
    describing word ("수요", "공급"), an industry or field ("물류", "에너지";
    "식품, 의료, 유통 등 22개 기업": what the members do), a count ("156개"),
    a set ("통신3사")."""
    return (name in lx.generic_nouns or name in lx.descriptors or name in lx.category_prefixes or _kind_of_company(name, lx) or _counted(name)
            or bool(_SET_OF_FIRMS.search(name)))


def _admission_verb(words: list[Word], i: int) -> int | None:
    """The verb that admits a list ending at word ``i`` as new members:
    "A, B, C의 가입을 승인했다" (the list ends in 의, then 가입을/합류를, then the
    verb), "A, B, C를 (신규) 회원사로 받아들였다" (the list ends in 를/을, then a
    member noun in 로, then the verb)."""
    w = words[i]
    if w.sep_after or i + 2 >= len(words):
        return None
    if w.particle == "의" and _ADMIT_NOUN.match(words[i + 1].base) and words[i + 1].particle in ("을", "를"):
        for k in range(i + 2, min(len(words), i + 4)):
            if _ADMIT_VERB.match(words[k].base):
                return k
    if w.particle in ("을", "를"):
        k = i + 1
        if words[k].base in ("신규", "새", "정식"):
            k += 1
        if k < len(words) and words[k].particle in ("로", "으로") and (words[k].base in ("회원사", "회원", "참여사", "이사사", "회원 기관", "식구", "파트너", "파트너사") or words[k].base.endswith("회원사")):
            for j in range(k + 1, min(len(words), k + 3)):
                if _ADMIT_VERB.match(words[j].base):
                    return j
    return None


def _adjunct(w: Word) -> bool:
    """A word that only says where or how ("입찰에", "공동으로", "함께")."""
    return not w.sep_after and (w.particle in ("에", "에서", "으로", "로") or w.base in ("공동", "함께", "각각", "모두", "새로", "나란히"))


def _negated(words: list[Word], i: int) -> bool:
    """"가입 신청서를 제출하지 않은", "합류하지 않았다", "참여 안 해": the act the
    word names did not happen (a negation within the next few words, before
    the clause ends)."""
    for k in range(i, min(len(words), i + 4)):
        w = words[k]
        if k > i and w.base.startswith(("않", "못하", "못했", "못한")) or w.base.endswith("지") and k + 1 < len(words) and words[k + 1].base.startswith("않") \
                or k > i and w.base == "안" and k + 1 < len(words) and words[k + 1].base.startswith(("해", "했", "한", "하")):
            return True
        if w.sep_after:
            break
    return False


_BOX_COLON = re.compile(r"^\)\s*[:：]\s*")
_LAUNCH_AFTER_DATE = re.compile(r"\s*(?:에\s*)?(?:출범|발족|창립|결성|설립)(?:한|된|됐던|했던|해|돼|하며|되며|하면서|되면서|했고|됐고|했으며|됐으며)(?=[\s,])")
_DURATION = re.compile(r"^(?:\d+|[한두세네]|다섯|여섯|일곱|여덟|아홉|열)\s*(?:(?:년|개월|달|주년|돌)(?:째|만|만에|만의|을|를|이|가|은|는|의)?|일(?:째|만|만에|만의))$|^(?:이후|후|뒤|만에)$")


def _since_launch(words: list[Word], i: int, text: str) -> bool:
    """"출범 2년 만에", "창립 1주년", "출범한 지 100일", "출범 이후": a time
    counted from the launch, not the launch itself."""
    w = words[i]
    if w.sep_after or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if text[w.core_end:nxt.core_start].strip():
        return False  # "출범…2025년 상용": a headline's break, then another phrase
    if w.base.endswith("한") and nxt.text == "지" and i + 2 < len(words):
        nxt = words[i + 2]
    elif w.particle or event_kind(w.base) != "launch" or w.base not in load().launch_stems:
        return False  # only the noun ("출범 2년"): "출범한다고 4일 밝혔다" is a date
    return bool(_DURATION.match(nxt.text.rstrip(".,")))


_ANNOUNCE = re.compile(r"(?:다음과|아래와)\s*같(?:다|습니다)\s*[.:]?\s*$")  # "참여 기업은 다음과 같다."
_LIST_MARKS = BULLETS + "·-–"
_ITEM_TAIL = re.compile(r"\s+[—–-]\s|\s*[:：]\s|\s*\(")  # "- 가온텍 — 소재 공급": the name ends before a dash, a colon or a bracket
# "○ 행정·공공(3): A, B, C": a notice's line of one kind of member, its count, its names
_KIND_LINE = re.compile(r"^\s*[" + re.escape(BULLETS + "·-") + r"]\s*[^:：()\n]{1,15}\(\s*\d{1,3}\s*\)\s*[:：]\s*(?P<names>\S.*?)\s*$")


class CountRules:
    """Methods of ``claims.Extractor`` (self.text, self.claims, self.lx, ...)."""

    # -- counts, lists, events ---------------------------------------------
    def _counts_lists_events(self, sent, words: list[Word], dates, context) -> None:
        lx = self.lx
        text = self.text[sent.start : sent.end]
        counts = []
        for m in lx.counter_re.finditer(text):
            raw = m.group("num")
            digits = raw.replace(",", "")
            n = int(digits) if digits.isdigit() else lx.count_words.get(raw)
            if n is None or n < 2 and not digits.isdigit():
                continue
            if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,만억천조"):  # "4만2000곳" is no 2000
                continue
            s, e = m.start() + sent.start, m.end() + sent.start
            counts.append((s, e, n, m.group("counter"), m.group("yeo") or ""))
        groups = self.group_mentions.get(sent.idx, [])
        board_of: dict[int, str] = {}
        for g in groups:
            if g.head not in _BOARD_HEADS:
                continue
            nxt = min((h.start for h in groups if h.start > g.start), default=sent.end)
            for m in _BOARD_COUNT.finditer(self.text, g.end, min(nxt, g.end + 40)):
                s, e = m.start(), m.end()
                counts.append((s, e, int(m.group("num")), m.group("counter"), ""))
                board_of[s] = self._board_name(g, groups)
        committee_of: dict[int, str] = {}
        kind_of_member: dict[int, str] = {}  # "16명의 당연직 위원": a part, qualified by its kind
        if "위원" in text:
            for m in _committee_count().finditer(text):
                num = m.group("num") or m.group("num2")
                s, e = sent.start + m.start(), sent.start + m.end()
                if any(c[0] <= s < c[1] for c in counts):
                    continue
                own = [g for g in groups if g.head == "위원회"]
                counts.append((s, e, int(num), "명", ""))
                committee_of[s] = self._group_ref(own[-1]) if own else "@위원회"
                if m.group("new"):
                    committee_of[-s - 1] = "joined"  # "4명의 신규 위원": the new ones
                if m.group("kind") or m.group("kind2"):
                    kind_of_member[s] = (m.group("kind") or m.group("kind2")) + "위원"
        counts.sort()
        consumed_dates: set[int] = set()
        handled_words: set[int] = set()
        event_words = self._event_words(words)
        if not counts and not event_words and " 등" not in text and not (cue_possible(text) and (any(_is_member_cue(w) for w in words)
                                                                                                or any(self._member_topic(w, words) for w in words))):
            return  # nothing below can fire: no count, no join/launch verb, no cue closing a list, no member noun as a topic
        joined = "\x00".join(w.text for w in words)
        has_cue = any(cue in joined for cue in lx.membership_cues)
        # dates of a launch ("2021년 5월 출범한"): they date the launch and a founding count, not a later one
        launch_dates = {d.start for d in dates if _LAUNCH_AFTER_DATE.match(self.text, d.end)}
        for s, e, n, counter, yeo in counts:
            wi = next((w.i for w in words if w.core_start <= s < w.end), None)
            if wi is None:
                continue
            after = self.text[e : sent.end]
            reading = read_count(self.text[sent.start : s], after, yeo)
            if reading.part_list and s not in board_of:
                # "회원사 6곳 중 상장사는 A와 B, C 3곳이다": the count is a part, and
                # so are the names it counts (a list of some members, no total)
                lst = self._list_before(words, wi)
                if lst and len(lst[0]) >= 2:
                    members, _, style, first_i = lst
                    handled_words.update(range(first_i, wi + 1))
                    as_of, prec = self._as_of(members[0][1], dates, context, consumed_dates)
                    self._emit_members(sent, self._nearest_group(groups, s, None, after_end=e), members, members[-1][2], as_of, prec, None, True, style, "total")
                continue
            if reading.rejected and not (s in board_of and reading.rejected == "attendees_from_groups"):
                continue  # (a board's "18명에서 21명으로" is a change of size, not people sent from 18 places)
            if s in committee_of:
                role = committee_of.get(-s - 1) or reading.role
                as_of, prec = self._as_of(s, dates, context, consumed_dates | launch_dates)
                self.claims.append(Claim("member_count", committee_of[s], str(n), s, e, sent.idx, as_of, prec,
                                         {"count": n, "counter": "명", "role": role, "group": committee_of[s], "member_noun": "위원",
                                          "as_of_basis": reading.as_of, "rules": reading.rules + ["committee_members"],
                                          "confidence": reading.confidence,
                                          **({"qualification": {"kind": "kind_of_member", "what": kind_of_member[s]}} if s in kind_of_member else {})}))
                continue
            member_noun = words[wi - 1].base if wi > 0 and words[wi - 1].base in lx.member_nouns else None
            # a count of bodies ("9개 단체", "12개 협회") may close a list naming groups among them
            bodies = counter.replace(" ", "").removesuffix("들").endswith(lx.body_kinds)
            lst = self._list_before(words, wi, keep_groups=bodies) if s not in board_of else None  # a board's people are no list of organisations
            changed_to = re.match(r"^\)?\s*(?:으로|로)\s*(?:늘|증가|확대|재편|확장|줄|감소|바뀌|불)", after) or re.match(r"^\s*(?:이|가)\s*(?:됐|되었|돼)", after)
            # "6개사로 발족해 … 74개사로 확대됐다": a count of members that makes or grows
            # a group stands on its own, in a sentence that names no group
            forms_group = counter.replace(" ", "") not in ("곳", "개") and (reading.as_of == "launch" or changed_to)
            if not groups and not has_cue and not member_noun and not lst and not forms_group:
                continue
            if not lst and not self._counts_members(words, wi, counter, groups):
                continue  # "지상국 11곳", "유인도는 모두 47곳": something else is counted
            # a group named as one of the listed members ("…, 하늘영화협회 등 6개
            # 단체") is a member, not the group they make up
            outside = [g for g in groups if not words[lst[3]].start <= g.start < s] if lst else groups
            # "누리협의회에는 한빛연대를 비롯해 … 150여 개 단체가": a group that opens a list
            # (G를 비롯해, G를 포함해) is among the members counted, not their owner
            outside = [g for g in outside if not (g.word_i + 1 < len(words) and g.start < s and words[g.word_i].particle in ("을", "를")
                                                  and words[g.word_i + 1].base.startswith(("비롯", "포함")))]
            group = board_of.get(s) or self._nearest_group(outside, s, member_noun, after_end=e)
            if reading.owner == "topic" and s not in board_of:
                # "별빛링크는 이달 기준 A, B 등 19개 항공사로 구성됐다", "누리연대에는 …, 바다학생연합 등
                # 9개 단체가 가입했다": the topic owns the members, whatever it is called, and a
                # group word among the listed members is no owner
                group = self._owning_topic(words, lst[3] if lst else wi, groups) or group
            if reading.as_of == "launch":
                before = [d for d in dates if d.end <= s and d.usable and d.start not in consumed_dates]
                if before:
                    consumed_dates.add(before[-1].start)
                    as_of, prec = before[-1].date, before[-1].precision if before[-1].precision == "month" else "day"
                else:
                    as_of, prec = None, "launch"
            elif reading.as_of == "before":
                as_of, prec = None, "before"
            elif reading.role == "planned":
                target = [d for d in dates if d.end <= s and d.future]
                as_of, prec = (target[-1].date, target[-1].precision) if target else (None, "planned")
            elif changed_to and reading.role == "total":
                nowish = [d for d in dates if d.end <= s and d.usable and d.precision == "now" and d.start not in consumed_dates]
                as_of, prec = (nowish[-1].date, "day") if nowish else (self.published, "day")
                later = [d for d in dates if d.end <= s and d.usable and d.start not in consumed_dates | launch_dates]
                # a date between an earlier count and this one ("5곳에서 지난달 9곳으로"),
                # or before this count when it is the sentence's first ("지난해 8월 … 430곳으로")
                earlier = [c for c in counts if c[0] < s]
                if later and not nowish and (not earlier or any(c[1] <= later[-1].start for c in earlier)):
                    as_of, prec = later[-1].date, later[-1].precision if later[-1].precision == "month" else "day"
            else:
                # "2021년 5월 출범한 협의체로, … 14개 기관이 참여하고 있다": the date is the launch's
                as_of, prec = self._as_of(s, dates, context, consumed_dates | launch_dates)
            stated = {"count": n, "counter": counter.replace(" ", ""), "role": reading.role, "group": group, "member_noun": member_noun,
                      "as_of_basis": reading.as_of, "rules": reading.rules, "confidence": reading.confidence}
            if reading.bound:
                stated["bound"] = reading.bound
            if reading.qualification:
                stated["qualification"] = reading.qualification
            if reading.role in ("joined", "left"):
                members = lst[0] if lst else []
                self.claims.append(Claim("member_count", group or "", str(n), s, e, sent.idx, as_of, prec, dict(stated)))
                self._emit_event(sent, "join" if reading.role == "joined" else "leave", group, members, n,
                                 s if not members else members[0][1], e, dates, context, consumed_dates)
                if members and len(members) >= 2:
                    self._emit_members(sent, group, members, e, as_of, prec, n, lst[1], lst[2], reading.role)
                handled_words.update(range((lst[3] if lst else wi) - 6 if not lst else lst[3], wi + 1))
                continue
            self.claims.append(Claim("member_count", group or "", str(n), s, e, sent.idx, as_of, prec, dict(stated)))
            if lst and reading.role == "total":
                members, partial, style, first_i = lst
                handled_words.update(range(first_i, wi + 1))
                if members:
                    self._emit_members(sent, group, members, e, as_of, prec, n, partial, style, "launch" if reading.as_of == "launch" else "total")
            elif reading.role == "total" and (member_noun or group or words[wi].base in lx.member_nouns) and _BOX_COLON.match(after):
                # a fact box: "◆회원 기관(10곳): A, B, C, …" lists the members after the colon
                box = self._list_after_colon(words, e + _BOX_COLON.match(after).end())
                if box is not None:
                    members, partial, style, first_i = box
                    handled_words.update(range(wi, len(words)))
                    self._emit_members(sent, group, members, members[-1][2], as_of, prec, n, partial, style, "total")
        # "서리물류가 열두 번째 회원사로": an ordinal member is the total at that date
        for m in _ORDINAL.finditer(text):
            raw = m.group("num")
            n = int(raw) if raw.isdigit() else lx.count_words.get(raw)
            if not n or n < 2 or not groups and not has_cue:
                continue
            s, e = m.start() + sent.start, m.end() + sent.start
            if any(c.kind == "member_count" and c.sentence_idx == sent.idx and c.detail.get("count") == n for c in self.claims):
                continue  # "… 열두 번째 회원사로 … 12곳이 됐다": said once is enough
            as_of, prec = self._as_of(s, dates, context, consumed_dates)
            group = self._nearest_group(groups, s, None)
            self.claims.append(Claim("member_count", group or "", str(n), s, e, sent.idx, as_of, prec,
                                     {"count": n, "counter": "번째", "role": "total", "group": group, "rules": ["ordinal"],
                                      "confidence": default_precision()}))
        self._subgroup_lists(sent, words, groups, handled_words, dates, context, consumed_dates)
        # lists closed by a cue ("…, 머니트리가 이사사로 이름을 올렸다")
        for i, w in enumerate(words):
            if i in handled_words or w.sep_after:
                continue
            if self._list_with(sent, words, i, event_words, groups, handled_words, dates, context, consumed_dates):
                continue
            verb = _admission_verb(words, i)
            if verb is not None:  # "A, B, C의 가입을 승인했다", "A, B를 신규 회원사로 받아들였다"
                lst = self._list_ending_at(words, i, allow_single=False)
                if lst and len(lst[0]) >= 2:
                    handled_words.update(range(lst[3], i + 1))
                    group = self._nearest_group(groups, w.start, None)
                    self._emit_event(sent, "join", group, lst[0], None, lst[0][0][1], words[verb].core_end, dates, context, consumed_dates, verb_at=words[verb])
                    continue
            end_i, etc, copula = self._etc_end(words, i)
            if not copula and w.particle in _COPULAS and i > 0 and words[i - 1].sep_after == ",":
                copula = True  # "회원사는 A, B, C이다": the last name and the copula
            glued = not copula and not w.particle and w.base.endswith("다") and len(w.base) > 2 and i > 0 and (words[i - 1].sep_after == "," or w.text[:1] in BULLETS)
            if copula or glued:
                # "회원사는 A, B, C 등이다": a member noun as the topic, the list as its predicate
                lst = self._list_ending_at(words, end_i, allow_single=False)
                if lst and len(lst[0]) >= (3 if glued else 2) and lst[3] > 0 and self._member_topic(words[lst[3] - 1], words):
                    members, _, style, first_i = lst
                    if glued:  # "…, 봄내대학교다.": the copula is glued to the last name
                        name, st, en = members[-1]
                        cut = 2 if name.endswith("이다") else 1
                        members = members[:-1] + [(name[:-cut], st, en - cut)]
                    handled_words.update(range(first_i, i + 1))
                    as_of, prec = self._as_of(members[0][1], dates, context, consumed_dates)
                    # "신규 회원사로 이름을 올린 기업은 A, B, C 등이다": the new members
                    topic = self.text[sent.start : words[first_i].start]
                    role = "joined" if _NEW_MEMBERS_TOPIC.search(topic) else "total"
                    self._emit_members(sent, self._nearest_group(groups, w.start, None), members, members[-1][2], as_of, prec, None, etc, style, role)
                continue
            if w.particle not in ("가", "이", "는", "은") and not (i + 1 < len(words) and words[i + 1].base in ("이", "가")):
                continue  # "A와 B가 합류했다": the list ends at B, not at A
            tail = words[i + 1 : i + 4]
            join = any(t.i in event_words and event_words[t.i] in ("join", "leave") for t in tail)
            if not join and w.particle in ("는", "은", "이", "가"):
                far = self._join_verb_ahead(words, i, event_words)
                if far is not None:  # "X는 전날 소재 얼라이언스에 합류했다"
                    join, tail = True, words[i + 1 : far + 1]
            member_cue = any(_is_member_cue(t) for t in tail[:2]) and not _negated(words, i + 1)
            if not member_cue and len(tail) == 3 and _is_member_cue(tail[2]) and all(_adjunct(t) for t in tail[:2]):
                member_cue = not _negated(words, i + 1)  # "A, B 등이 입찰에 공동으로 참여했다"
            # "A와 B 등 기존 회원사들은": the list is named as members by its own noun
            member_cue = member_cue or etc and self._member_topic(w, words)
            member_of = None
            if not (join or member_cue) and w.particle in ("은", "는", "도"):
                # "A, B, C는 … 'K-후공정 포럼' 회원사이기도 하다", "… 협회에도 가입해 있다"
                member_of = self._membership_ahead(words, i, groups)
                member_cue = member_of is not None
            if not (join or member_cue):
                continue
            lst = self._list_ending_at(words, end_i, allow_single=join and not etc)
            if not lst:
                continue
            members, partial, style, first_i = lst
            partial = partial or etc
            if len(members) < 2 and not (join and (self._org_like(words[first_i]) or self._org_like(words[end_i]) or _university(words[end_i].base))):
                continue  # one joiner must look like an organisation, not "그는"
            handled_words.update(range(first_i, i + 1))
            group = self._nearest_group(groups, w.start, None)
            if join:
                verb = next(t for t in tail if t.i in event_words and event_words[t.i] in ("join", "leave"))
                self._emit_event(sent, event_words[verb.i], group, members, None, members[0][1], verb.core_end, dates, context, consumed_dates, verb_at=verb)
                continue
            if member_of is not None:
                group, partial = member_of, True
            elif w.particle in ("는", "은") and not (etc and member_cue):
                continue
            as_of, prec = self._as_of(members[0][1], dates, context, consumed_dates)
            self._emit_members(sent, group, members, members[-1][2], as_of, prec, None, partial, style, "total")
        # "최근 AI 원팀에 합류한 동원그룹은": joiner after an adnominal verb
        for i, kind in event_words.items():
            w = words[i]
            if kind in ("join", "leave") and w.base.endswith("한") and i + 1 < len(words) and i + 1 not in handled_words:
                nxt = words[i + 1]
                if is_org_word(nxt, self.known_orgs) or nxt.particle in ("은", "는", "이", "가") and nxt.base and not _DIGITS.search(nxt.base) and nxt.base not in self.lx.stopwords and not is_title_word(nxt):
                    if nxt.base in self.lx.generic_nouns or nxt.base in self.lx.descriptors or self.lx.counter_re.search(nxt.text) or self._kind_noun(nxt.base):
                        continue
                    group = self._nearest_group(groups, w.start, None)
                    self._emit_event(sent, kind, group, [(nxt.base, nxt.core_start, nxt.base_end)], None, w.core_start, nxt.base_end, dates, context, consumed_dates, verb_at=w)
            elif kind == "launch" and groups:
                group = self._nearest_group(groups, w.start, None)
                if not any(c.kind == "event" and c.sentence_idx == sent.idx and c.value == "launch" for c in self.claims):
                    self._emit_event(sent, "launch", group, [], None, w.core_start, w.core_end, dates, context, consumed_dates, verb_at=w)

    def _laid_out_lists(self, per_sentence) -> None:
        """Member lists laid out on lines of their own: bullet lines after
        "회원사는 다음과 같다" (a member noun as the topic: "▲A ▲B ▲C", "· A · B",
        one "- A — what it does" a line), and a notice's lines of kinds of
        member with their counts ("○ 공공(3): A, B, C" / "○ 민간(2): D, E"),
        which make one list. Items must be names (at most three words each),
        else nothing is read."""
        seq = list(per_sentence)

        def line_text(k: int) -> str:
            return self.text[seq[k][0].start : seq[k][0].end].strip()

        i = 0
        while i < len(seq):
            sent, words, dates, context = seq[i]
            text = self.text[sent.start : sent.end].strip()
            lines, kinds = [], False
            if _ANNOUNCE.search(text) and any(self._member_topic(w, words) for w in words):
                k = i + 1
                while k < len(seq) and line_text(k)[:1] and line_text(k)[:1] in _LIST_MARKS:
                    lines.append(seq[k][0])
                    k += 1
            elif _KIND_LINE.match(text):
                k = i
                while k < len(seq) and _KIND_LINE.match(line_text(k)):
                    lines.append(seq[k][0])
                    k += 1
                kinds = len(lines) >= 2
                if not kinds:
                    lines = []
            if not lines:
                i += 1
                continue
            members = []
            for line in lines:
                got = self._line_items(line, kinds)
                if got is None:
                    members = []
                    break
                members += got
            i = k
            if len(members) < 2 or any(c.kind == "members" and c.start <= members[0][1] < c.end for c in self.claims):
                continue
            first = next(x for x in seq if x[0] is lines[0])
            as_of, prec = self._as_of(members[0][1], first[2], first[3])
            groups = self.group_mentions.get(sent.idx, [])
            group = self._nearest_group(groups, sent.start, None) if groups else self._group_just_before(sent)
            if group is None and not any(ms for idx, ms in self.group_mentions.items() if idx < lines[0].idx):
                continue  # no group named before the lines: whose members they are is not known
            self._emit_members(lines[0], group, members, members[-1][2], as_of, prec, None, False, "layout", "total")

    def _line_items(self, line, kinds: bool) -> list[tuple[str, int, int]] | None:
        """The names of one layout line, with their offsets; None when an item is no name."""
        lx = self.lx
        raw = self.text[line.start : line.end]
        if kinds:
            m = _KIND_LINE.match(raw)
            base = line.start + m.start("names")
            pieces = [(x.group(), base + x.start()) for x in re.finditer(r"[^,，]+", m.group("names"))]
        else:
            lead = raw.lstrip()[:1]
            if lead in "-–":
                pieces = [(raw.lstrip()[1:], line.start + len(raw) - len(raw.lstrip()) + 1)]
            else:
                pieces = [(x.group(), line.start + x.start()) for x in re.finditer("[^" + re.escape(lead) + "]+", raw)]
        out = []
        for piece, at in pieces:
            if not kinds and lead in "-–":
                cut = _ITEM_TAIL.search(piece)
                piece = piece[: cut.start()] if cut else piece
            name = piece.strip().rstrip(".")
            if not name:
                continue
            st = at + piece.find(name)
            parts = name.split()
            if len(parts) > 3 or not _LETTER.search(name) or name in lx.generic_nouns or name in lx.stopwords or _not_a_name(name, lx) \
                    or any(rank_of(p) for p in parts) or re.search(r"[.!?。]$|다$", name):
                return None
            out.append((name, st, st + len(name)))
        return out

    def _subgroup_lists(self, sent, words: list[Word], groups, handled: set[int], dates, context, consumed) -> None:
        """"1분과에는 A와 B, C 등이, 2분과에는 D, E 등이 참여한다": each list
        belongs to its subgroup ("G 1분과", ``detail.subgroup``), never to the
        group as a whole."""
        for si, w in enumerate(words):
            if not _SUBGROUP.match(w.base) or w.particle not in ("에는", "엔", "는", "은", "에"):
                continue
            end, partial = None, False
            for k in range(si + 1, min(len(words), si + 40)):
                t = words[k]
                if _SUBGROUP.match(t.base):
                    break
                if t.base == "등" and t.particle in ("이", "가", "은", "는"):
                    end, partial = k - 1, True
                    break
                if t.particle in ("이", "가") and not t.sep_after:
                    end = k
                    break
            if end is None or end <= si:
                continue
            lst = self._list_ending_at(words, end, allow_single=False)
            if not lst or lst[3] != si + 1:
                continue
            members, part, style, _ = lst
            handled.update(range(si, end + 2))
            as_of, prec = self._as_of(members[0][1], dates, context, consumed)
            parent = self._nearest_group(groups, w.start, None) if groups else self._group_just_before(sent)
            self._emit_members(sent, parent, members, members[-1][2], as_of, prec, None, partial or part, style, "total")
            self.claims[-1].detail["subgroup"] = w.base

    def _group_just_before(self, sent) -> str | None:
        """The group the sentences just before this one in its paragraph
        mention last, by name or by a bare descriptor ("…이 얼라이언스에 참여한다.
        1분과에는 …"), or None."""
        for idx in range(sent.idx - 1, max(-1, sent.idx - 4), -1):
            ms = self.group_mentions.get(idx)
            if ms is None:
                continue
            prev = next((x for x in self.sentences if x.idx == idx), None)
            if prev is None or "\n\n" in self.text[prev.end:sent.start]:
                return None
            if ms:
                return self._group_ref(ms[-1])
        return None

    def _headline_dot_list(self, sent, words: list[Word]) -> None:
        """A headline's "A·B·C (등) 합류" or "A·B 등 '그룹'": once the whole article is
        read, names joined by · that the article names as organisations elsewhere
        are a partial member list (joiners before 합류/가입); "항법·관제·배터리"
        (kinds of business, never named as organisations) is not."""
        covered = [(c.start, c.end) for c in self.claims if c.kind == "members" and c.sentence_idx == sent.idx]
        groups = self.group_mentions.get(sent.idx, [])
        for i, w in enumerate(words):
            if "·" not in w.base or any(s <= w.core_start < e for s, e in covered):
                continue
            pieces = [p.strip() for p in self.text[w.core_start:w.base_end].split("·")]
            if len(pieces) < 2 or not all(p in self.known_orgs for p in pieces):
                continue
            k = i + 1
            etc = k < len(words) and words[k].base == "등"
            k += etc
            if k >= len(words):
                continue
            nxt = words[k]
            joins = any(t.base.startswith(("합류", "가입", "가세", "동참")) for t in words[k:k + 4])
            names_group = nxt.base.startswith(("참여", "참가")) or any(g.start <= nxt.core_start < g.end for g in groups)
            if not (joins or names_group):
                continue
            members, pos = [], w.core_start
            for p in pieces:
                st = self.text.find(p, pos, w.base_end)
                members.append((p, st, st + len(p)))
                pos = st + len(p)
            group = self._nearest_group(groups, w.start, None) if groups else None
            self._emit_members(sent, group, members, members[-1][2], self.published, "day", None, True, "dot", "joined" if joins else "total")

    def _board_name(self, g, groups) -> str:
        """A board named by its organisation: "한국무역협회는 … 회장단을" ->
        "한국무역협회 회장단"; "서울상의 비상근 부회장단" -> "서울상의 부회장단".
        Never the organisation alone: its members are companies, not people."""
        owner = [h for h in groups if h.end <= g.start and h.head not in _BOARD_HEADS]
        if owner:
            return f"{self._group_ref(owner[-1]).lstrip('@')} {g.head}"
        # the organisation written in the board's own name: "서울상의 비상근 부회장단"
        own = [w for w in g.name.split()[:-1] if w not in ("비상근", "상근", "신임")]
        if own and len(own[-1]) >= 2 and not _DIGITS.search(own[-1]):
            return f"{own[-1]} {g.head}"
        before = self.text[max(0, g.start - 30) : g.start].split()
        while before and before[-1] in ("비상근", "상근", "신임"):
            before.pop()
        org = before[-1] if before else ""
        if org and not org.endswith(("은", "는", "이", "가", "을", "를", "에", "도")) and len(org) >= 2 and not _DIGITS.search(org):
            return f"{org} {g.head}"
        return g.head

    def _membership_ahead(self, words: list[Word], i: int, groups) -> str | None:
        """The group a topic list is said to belong to a few words on: "G
        회원사이기도 하다", "G 회원사다", "G에도 가입해 있다" (the group named
        between), or None."""
        for k in range(i + 1, min(len(words), i + 9)):
            t = words[k]
            said = t.text.startswith(("회원사이", "회원이", "회원사다", "회원사로", "회원으로")) or (
                t.base.startswith(("가입해", "가입되어", "가입돼")) and k + 1 < len(words) and words[k + 1].base.startswith("있"))
            if said:
                named = [g for g in groups if words[i].end <= g.start and g.end <= t.core_end]
                return self._group_ref(named[-1]) if named else None
            if t.sep_after:
                return None
        return None

    def _etc_end(self, words: list[Word], i: int) -> tuple[int, bool, bool]:
        """Where a list closed by 등 ends: "A, B, KT 등이 참여했다" (at KT),
        "A, B 등 국내 기업들이 참여한다" (at B), "회원사는 A, B 등이다" (at B,
        a copula). Returns (last item, partial, copula); (i, False, False) when
        word ``i`` closes no such list."""
        w = words[i]
        lx = self.lx
        copula = w.base.startswith("등이") and w.base[2:] in ("다", "었다", "며", "고", "라고") or w.base == "등" and w.particle in ("이며", "이고", *_COPULAS)
        if copula and i > 0 and not words[i - 1].sep_after:
            return i - 1, True, True
        if w.base == "등" and w.particle in ("이", "가", "은", "는") and i > 0 and not words[i - 1].sep_after:
            return i - 1, True, False
        noun = w.base.removesuffix("들")
        if w.particle in ("이", "가", "은", "는") and (noun in lx.descriptors or noun in lx.member_heads or noun in lx.member_nouns):
            for back in (1, 2):
                k = i - back
                if back == 2 and (_DIGITS.search(words[i - 1].text) and not _BIG_N.match(words[i - 1].base) or lx.counter_re.search(words[i - 1].text + " " + w.text)):
                    break  # "등 3개 기관이": the count's own list, read with the count ("등 4대 그룹이" is no count)
                if k > 0 and words[k].base == "등" and not words[k].particle and not words[k - 1].sep_after:
                    return k - 1, True, False
        return i, False, False

    def _member_topic(self, w: Word, words: list[Word] | None = None) -> bool:
        """"회원사는", "참여 기관은", "참여한 곳은": a member noun as the sentence's topic
        ("곳" only after a joining verb: "좋아하는 곳은" names no members)."""
        noun = w.base.removesuffix("들")
        prev = words[w.i - 1].base if words is not None and w.i > 0 else ""
        if prev.startswith(("참석", "방문")):
            return False  # "주요 참석 기업은 A·B·C 등이다": who came to the event, not the members
        joined_by = prev.startswith(("참여", "가입", "합류", "참가", "동참"))
        if noun == "곳":
            return w.particle in ("은", "는", "이", "가") and joined_by
        if noun.endswith(("회사", "기업", "업체")) and len(noun) <= 4 and joined_by and prev.endswith(("한", "하는")):
            return w.particle in ("은", "는", "이", "가")  # "이번에 가입한 신규회사는 …": what joined, by a plain noun
        if prev in ("회원", "참여", "창립", "가입") and noun and not noun.endswith(_ADNOMINAL) and not is_title_word(w):
            return w.particle in ("은", "는", "이", "가")  # "회원 거래소는", "참여 명단은", "창립 회원은"
        return w.particle in ("은", "는", "이", "가") and (noun in self.lx.member_nouns or noun in self.lx.member_heads or noun.endswith(("회원사", "참여사", "이사사")))

    def _counts_members(self, words: list[Word], wi: int, counter: str, groups) -> bool:
        """Whether the count counts members: a counter that names them ("12개사",
        "9개 기관"), or "곳"/"개" after a member noun ("회원사 23곳", "참여 기관이
        9곳으로"); not after another noun ("지상국 11곳", "후보지 4곳",
        "유인도는 모두 47곳")."""
        lx = self.lx
        if counter.replace(" ", "") not in ("곳", "개", "개국"):
            return True  # ("개국" too: "조달처를 9개국으로", countries of something else)
        k = wi - 1
        while k >= 0 and not words[k].sep_after and (words[k].base in lx.count_adverbs or words[k].base in lx.time_words
                                                      or _DATE_WORD.match(words[k].base) and not words[k].particle):
            k -= 1  # "지난해 11월 9곳으로 출범한": the date is no noun counted
        if k < 0 or words[k].sep_after or words[k].base in ("등", "등의"):
            return True  # "A, B 등 12곳": the list is what is counted
        w = words[k]
        b = w.base
        if k < wi - 1 and not w.particle and b in lx.launch_stems:
            return True  # "출범 때 6곳이던", "창립 당시 12곳": the founding members
        if w.particle not in ("", "은", "는", "이", "가", "을", "를", "의", "도"):
            return True
        if not b or not _LETTER.search(b) or _LATIN.match(b) or "·" in b:
            return True
        if b in lx.member_nouns or b in lx.descriptors or b in lx.generic_group_modifiers or b in lx.member_heads or b.endswith(lx.group_words):
            return True
        if b.endswith("사") or any(b == g.name.split()[-1] or b in g.aliases for g in groups):
            return True
        if any(self._named_for_members(b, g) for g in groups):
            return True  # "출자자협의회 … 출자자가 15곳": a group named for what its members are
        if b.endswith(_ADNOMINAL) or b.endswith(("며", "고", "면", "서", "해", "게")):
            return True  # a verb form: "협상 중인 두 곳이"
        return b in self.known_orgs  # last: only where it decides (gazetteer.KnownOrgs)

    def _named_for_members(self, noun: str, g) -> bool:
        """A group whose name is its members' noun and its group word
        ("출자자협의회", "수요기업 협의체"): that noun counts its members."""
        if len(noun) < 2:
            return False
        # a bare "협의회" stands for the article's group of that head: its names count too
        same_head = [h for ms in self.group_mentions.values() for h in ms if h.head == g.head] if g.bare else [g]
        for name in {n for h in same_head for n in (h.name, h.proper or "", *h.aliases)}:
            last = name.lstrip("@").replace(" ", "")
            if last.endswith(g.head) and last[: -len(g.head)].endswith(noun) and last[: -len(g.head)] != "":
                return True
        return False

    def _join_verb_ahead(self, words: list[Word], i: int, event_words: dict[int, str], reach: int = 8) -> int | None:
        """The join/leave verb a few words after a subject, when only its
        date, group and place stand between ("전날 소재 얼라이언스에 합류했다")."""
        for k in range(i + 1, min(len(words), i + 1 + reach)):
            if event_words.get(k) in ("join", "leave"):
                # "X는 … 얼라이언스에 합류한 기업과": the verb describes the noun
                # after it, not what X did
                adnominal = words[k].base.endswith(("한", "된", "하는", "할")) and not words[k].particle and k + 1 < len(words)
                return None if adnominal else k
            m = words[k]
            if m.sep_after or m.particle not in ("", "에", "의", "로", "으로", "에서"):
                return None  # quotes may stand between: "'수소도시 협의회'에 새로 합류했다"
        return None

    def _list_with(self, sent, words: list[Word], i: int, event_words: dict[int, str], groups, handled: set[int],
                   dates, context, consumed) -> bool:
        """"청람중공업은 대해조선, …, 동남해양대학교와 함께 컨소시엄을 출범시켰다":
        the topic and the list it acted with launched (or joined) together.
        One event with every name, and the list as the group's members."""
        w = words[i]
        if w.particle not in ("와", "과") or i + 1 >= len(words):
            return False
        if words[i + 1].base == "함께":
            verb = next((k for k in range(i + 2, min(len(words), i + 7)) if event_words.get(k) in ("launch", "join")), None)
        else:
            verb = self._launch_pact(words, i, event_words)
        if verb is None:
            return False
        lst = self._list_ending_at(words, i, allow_single=True)
        if not lst:
            return False
        members, partial, style, first_i = lst
        t = first_i - 1
        if words[i + 1].base != "함께":
            # "X는 … 출범식을 열고 A, B, C와 협약을 맺었다": the topic at the head of the sentence
            t = next((k for k in range(first_i) if words[k].particle in ("은", "는", "이", "가")), -1)
        if t >= 0 and words[t].particle in ("은", "는", "이", "가") and self._org_like(words[t]) and not is_title_word(words[t]):
            members = [(words[t].base, words[t].core_start, words[t].base_end)] + members
        if len(members) < 2:
            return False
        kind = event_words[verb]
        group = self._nearest_group(groups, words[verb].start, None)
        self._emit_event(sent, kind, group, members, None, members[0][1], words[verb].core_end, dates, context, consumed, verb_at=words[verb])
        if kind == "launch":
            launch = self.claims[-1]
            self._emit_members(sent, group, members, members[-1][2], launch.as_of, launch.as_of_precision, None, False, "with", "launch")
        handled.update(range(max(t, 0), verb + 1))
        return True

    def _launch_pact(self, words: list[Word], i: int, event_words: dict[int, str]) -> int | None:
        """"… 출범식을 열고 A, B, C와 (공동 개발) 협약을 맺었다": the list signed the
        founding pact at the launch. The launch word (earlier in the sentence) is
        returned as the event's verb; None unless both are there."""
        pact = next((k for k in range(i + 1, min(len(words), i + 4)) if words[k].base.endswith(("협약", "협약서", "MOU")) and words[k].particle in ("을", "를")), None)
        if pact is None or not any(words[k].base.startswith(("맺", "체결")) for k in range(pact + 1, min(len(words), pact + 3))):
            return None
        launch = [k for k, kind in event_words.items() if kind == "launch" and k < i]
        return launch[-1] if launch else None

    def _emit_members(self, sent, group, members, end: int, as_of, prec, stated: int | None, partial: bool, style: str, role: str) -> None:
        """A member list: from its first name to ``end`` (the list, or the list and its count)."""
        self.claims.append(
            Claim("members", group or "", ", ".join(m[0] for m in members), members[0][1], end, sent.idx, as_of, prec,
                  {"group": group, "members": [{"name": m[0], "start": m[1], "end": m[2]} for m in members], "stated_count": stated,
                   "partial": partial, "style": style, "role": role})
        )

    def _emit_event(self, sent, kind, group, members, count, start, end, dates, context, consumed, verb_at: Word | None = None) -> None:
        if kind in ("join", "leave") and verb_at is not None and verb_at.base.endswith(_AHEAD):
            return  # "합류할 예정이다", "가입하기로 했다": not done yet (the counts say planned)
        named = [m for m in members if not _counted(m[0])]  # "업체 2개가 합류", "3명이 합류": no one named
        if members and not named and count is None:
            return
        members = named
        pos = verb_at.core_start if verb_at is not None else start
        as_of, prec = self._as_of(pos, dates, context, consumed)
        if kind == "launch":
            # "2021년 5월 6개 기관으로 출범한": the founding count took the launch date
            founding = [c for c in self.claims if c.kind == "member_count" and c.sentence_idx == sent.idx
                        and c.detail.get("as_of_basis") == "launch" and c.as_of is not None]
            if founding:
                as_of, prec = founding[-1].as_of, founding[-1].as_of_precision
        if kind in ("join", "leave") and len(members) >= 2 and count is None:
            # "미르모터스와 서해플랜트가 합류했다": the joiners are a member list too
            self._emit_members(sent, group, members, members[-1][2], as_of, prec, None, False, "join", "joined" if kind == "join" else "left")
        if kind == "launch" and verb_at is not None:
            start, end = min(start, verb_at.core_start), max(end, verb_at.core_end)
        self.claims.append(
            Claim("event", group or "", kind, start, end, sent.idx, as_of, prec,
                  {"event": kind, "group": group, "members": [{"name": m[0], "start": m[1], "end": m[2]} for m in members], "count": count})
        )

    def _event_words(self, words: list[Word]) -> dict[int, str]:
        out = {}
        for w in words:
            kind = event_kind(w.base)
            if kind == "launch" and _since_launch(words, w.i, self.text):
                continue  # "출범 2년", "발족 1주년", "출범한 지 100일": time since the launch, not the launch
            if kind and not (kind in ("join", "leave") and _negated(words, w.i)):
                out[w.i] = kind
        return out

    def _count_is_joiners(self, words: list[Word], wi: int, event_words: dict[int, str]) -> bool:
        # "3개사가 얼라이언스에 가입했다", "새로 합류한 3개사는"
        if wi > 0 and event_words.get(wi - 1) in ("join", "leave") and words[wi - 1].base.endswith("한"):
            return True
        for k in range(wi, min(len(words), wi + 4)):
            if event_words.get(k) in ("join", "leave"):
                return True
            if k > wi and words[k].particle in ("은", "는") and k != wi:
                break
        return False

    # -- lists --------------------------------------------------------------
    def _list_before(self, words: list[Word], wi: int, keep_groups: bool = False):
        """The enumeration that ends right before the count at word ``wi``.

        "A, B, C 등 9곳", "A, B 등 AI 원팀에 참여 중인 9개 기관" (partial
        marker 등 a few words back), or "A, B, C 5개 기업" (directly before).
        """
        lx = self.lx
        partial = False
        k = None
        for back in range(1, 7):
            j = wi - back
            if j < 0 or words[j].sep_after:
                break
            if words[j].base == "등" or words[j].text.startswith("등") and words[j].base in ("등", "등의"):
                if back > 1 and words[j].particle in ("을", "를", "에", "에서", "으로", "로", "과", "와"):
                    return None  # "확대 등을 논의하는 자리에서 10개 기관을": the list is another verb's object
                partial, k = True, j - 1
                break
            if back == 1 and _GLUED_DEUNG.search(words[j].base):
                partial, k = True, j  # "HNT·GRT·MRT등 5개사": 등 glued to a Latin name
                break
            if words[j].base.endswith(_CLAUSE_ENDS) and not (j + 1 < len(words) and words[j + 1].base.startswith("있")):
                return None  # "A, B 등 4대 그룹이 재가입하면서 다시 430곳으로": the list belongs to another clause
        if k is None:
            k = wi - 1
            while k >= 0 and words[k].base in (set(lx.member_nouns) | lx.generic_group_modifiers | {"모두", "총"}):
                k -= 1
            if k < 0 or words[k].particle not in ("", "까지"):
                return None  # "…, 솔빛과학기술원까지 9개 기업·기관": the list ends at 까지
            # the last item before the count may be two or three words
            # ("…, 동남해운, 한국해양대 산학협력단 9개사"), the comma before it
            comma = next((j for j in range(k - 1, max(k - 4, -1), -1) if words[j].sep_after or words[j].particle), None)
            if comma is not None and comma < k - 1 and not self._one_name(words[comma + 1 : k + 1]):
                comma = None
            if not (comma is not None and (words[comma].sep_after == "," or words[comma].particle in ("와", "과") and not words[comma].sep_after
                                           and self._org_like(words[comma]) and not _DIGITS.search(words[comma].base))) \
                    and "·" not in words[k].base and not (k >= 2 and _is_and(words[k - 1]) and words[k - 2].sep_after != "."):
                return None  # "A, B 2곳" and "A와 B 두 곳" end a list; "투자자와 만나 2곳" is checked by the list's own rules
        if k < 0:
            return None
        # a list a count of bodies closes may name groups among them ("…, 바다학생연합 등 9개 단체")
        got = self._list_ending_at(words, k, allow_single=partial, keep_groups=keep_groups)
        if not got:
            return None
        members, part, style, first_i = got
        return members, partial or part, style, first_i

    def _one_name(self, ws: list[Word]) -> bool:
        """Words that make one listed name: an acronym and a word ("KS
        네트웍스"), an organisation and its unit ("한국해양대 산학협력단"), a
        kind of member before a name ("완성차 업체 한빛모터스"), Latin words
        ("SK C&C")."""
        lx = self.lx
        if all(_LATIN_NAME_PART.match(w.base) for w in ws):
            return True
        if len(ws) == 2 and (_ACRONYM.match(ws[0].base) or ws[1].base in lx.org_units):
            return True
        return all(w.base in lx.descriptors or self._kind_noun(w.base) for w in ws[:-1])

    def _list_ending_at(self, words: list[Word], end_i: int, allow_single: bool = False, keep_groups: bool = False):
        """Walk left from ``end_i`` collecting list items; None if no list."""
        lx = self.lx
        items: list[list[Word]] = []
        cur: list[Word] = []
        k = end_i
        style = "dot"
        first_i = end_i

        def closes_item(w: Word) -> bool:
            # "▷A ▷B ▷C": a bullet before the next word ends an item as a comma does
            bullet = w.i + 1 < len(words) and words[w.i + 1].text[:1] in BULLETS and not w.particle
            # "A·B 및 C": 및 between two items
            and_word = w.i + 1 < len(words) and _is_and(words[w.i + 1]) and not w.particle and not w.sep_after
            return w.sep_after == "," or (w.particle in ("와", "과") and not w.sep_after) or bullet or and_word

        while k >= 0:
            w = words[k]
            if k != end_i and _is_and(w) and cur and k > 0:
                k -= 1  # "및" itself: the word before it closes the next item
                continue
            if k != end_i and closes_item(w):
                if w.sep_after == "," and w.particle and w.particle not in _LIST_PARTICLES and not w.paren and not self._particle_is_name(w):
                    break  # "…억원 가량으로, A 3곳이": a clause ends at the comma, no item
                # the word before starts a new item
                if cur:
                    items.insert(0, cur)
                cur = [w]
                if w.sep_after == ",":
                    style = "comma"
                first_i = k
                k -= 1
                continue
            if k != end_i and is_list_link(w) and k - 1 >= 0 and words[k - 1].particle in ("를", "을"):
                # "KT를 비롯해 A, B" / "누리오토를 주관사로 A, B"
                if cur:
                    items.insert(0, cur)
                cur = []
                k -= 1
                continue
            if k == end_i:
                cur = [w]
                first_i = k
                k -= 1
                continue
            # a word inside the current item (a descriptor or a second word)
            b = w.base
            # "이스라엘의 자율주행 원격 관제 솔루션 기업 드라이브유": a name after a
            # kind of company takes a longer description, "X의" included
            if len(cur) == 1 and b and not w.particle and not w.sep_after and self._kind_noun(b) and cur[0].base not in lx.stopwords:
                cur.insert(0, w)  # "… 기업 드라이브온": the kind of company before a name
                first_i = k
                k -= 1
                continue
            described = len(cur) >= 2 and self._kind_noun(cur[-2].base)
            if described and w.particle == "의" and not w.sep_after and len(cur) < 7 and b and not is_title_word(w) \
                    and not _DIGITS.search(b) and b not in lx.stopwords and b not in lx.time_words:
                cur.insert(0, w)
                first_i = k
                k -= 1
                continue
            if w.particle in ("를", "을") and k + 1 <= end_i and is_list_link(words[k + 1]):
                cur.insert(0, w)
                first_i = k
                k -= 1
                continue
            if len(cur) == 1 and cur[0].particle in ("와", "과") and k >= 1 and words[k - 1].base == "등" and not words[k - 1].sep_after \
                    and _KIND_COUNT.fullmatch(b) and items:
                # "A, B 등 2개 시와 C, D 등 3개 대학": the kind counted ("2개 시")
                # is no item; the names listed before it are
                cur = []
                k -= 2
                continue
            if (w.particle or w.sep_after or not b or b in lx.stopwords or _DIGITS.search(b) and not _LATIN.match(b) and not re.search(r"\(\d{6}\)", w.text)
                    or b in lx.time_words or is_title_word(w) or (b.endswith(_ADNOMINAL) and not b.endswith("인")
                                                              and not (cur and _CORPORATE_TAIL.match(cur[0].base.split("·")[0])))):
                if b.endswith("인") and b[:-1] in lx.descriptors and not w.particle:
                    cur.insert(0, w)
                    first_i = k
                    k -= 1
                    continue
                break
            if len(cur) >= (7 if described else 4):
                break  # "산업용 가스 기업 너울가스": a name and up to three words describing it (six after a kind of company)
            cur.insert(0, w)
            first_i = k
            k -= 1
        if cur:
            items.insert(0, cur)
        if any(w.base in lx.sector_nouns for w in items[-1][1:]) if items else False:
            return None  # "항법, 관제, 배터리 분야 기업이": the list names fields of the members
        members: list[tuple[str, int, int]] = []
        for item in items:
            for name, s, e in self._item_names(item):
                members.append((name, s, e))
        # people with titles make an attendee list, not a member list
        if any(is_title_word(w) for item in items for w in item):
            return None
        people = self._people()
        generic = [m for m in members if _not_a_name(m[0], lx)]
        if generic and len(generic) * 2 >= len(members):
            return None  # "개발사와 부품사, 금융사 등": kinds of member, not members
        # "A, B와 지역 기업 5곳이 참여한다": members a number stands for, unnamed,
        # beside the names: the names are part of the membership
        unnamed = any(_counted(m[0]) for m in generic)
        members = [m for m in members if not _not_a_name(m[0], lx) and m[0] not in lx.stopwords and m[0] not in people
                   and (not m[0].endswith(lx.group_words) or keep_groups and len(members) >= 3 and group_head(m[0]) != m[0])
                   and (_LATIN.match(m[0]) or not m[0].endswith(("지만", "면서", "하고", "했고", "하며", "했다", "이다", "였다")) and not _CLAUSE_LINK.search(m[0]))]
        if any(not _LETTER.search(m[0]) or "," in m[0] or lx.counter_re.fullmatch(m[0]) or m[0] in _bare_counters() for m in members):
            return None  # a number ("2곳"), or two names glued by a comma ("SW,통신"): not a list read right
        if any(_ONE_SYLLABLE.fullmatch(m[0]) for m in members):
            return None  # "영·호남": one syllable of Hangul names no organisation, the words are abbreviated places
        if len(members) < 2 and not (allow_single and members):
            return None
        for name, _, _ in members if len(members) >= 2 else ():  # one word alone ("그룹이 재가입") is no evidence
            self.known_orgs.add(name)
            self.orgs.setdefault(name, f"member in a list of {len(members)}")
        # "중소기업으로는 A, B, C가 참여하고": the members of one kind, a part of the whole
        part = first_i > 0 and words[first_i - 1].particle in ("으로는", "로는") and not words[first_i - 1].sep_after
        return members, part or unnamed, style, first_i

    def _people(self) -> set[str]:
        """Names with a title so far (claims are only ever appended)."""
        if self._people_seen != len(self.claims):
            self._people_set = {c.subject for c in self.claims if c.kind == "title"}
            self._people_seen = len(self.claims)
        return self._people_set

    def _item_names(self, item: list[Word]) -> list[tuple[str, int, int]]:
        lx = self.lx
        ws = [w for w in item if not is_list_link(w)]
        named = self._kind_with_names(ws[-1]) if ws else None
        if named:
            return named  # "전자회사(누리전자)", "소프트웨어 회사(다솜소프트·바람랩)"
        # drop descriptors in front ("완성차 업체 누리오토", "수요 기업인 한울반도체")
        while len(ws) > 1 and (ws[0].base in lx.descriptors or (ws[0].base.endswith("인") and ws[0].base[:-1] in lx.descriptors) or ws[0].base in lx.generic_nouns):
            ws = ws[1:]
        if len(ws) > 1 and all(_LATIN_NAME_PART.match(w.base) for w in ws) and not any(w.paren for w in ws[:-1]):
            # "SK C&C", "KT DS", "SK On", "LG CNS": one name written in Latin words
            first, last = ws[0], ws[-1]
            return [(self.text[first.core_start:last.base_end], first.core_start, last.base_end)]
        if len(ws) == 2 and not ws[0].paren and not ws[0].particle and _CORPORATE_TAIL.match(ws[1].base) and _LETTER.search(ws[0].base) \
                and not _DIGITS.search(ws[0].base) and ws[0].base not in lx.descriptors and ws[0].base not in lx.generic_nouns \
                and ws[0].base not in lx.stopwords and ws[0].base not in lx.time_words and not self._kind_noun(ws[0].base):
            # "누리 C&C", "한솔 E&M", "다온 U+": a Hangul name and its Latin
            # corporate tail, one name (as "SK C&C" is)
            first, last = ws
            return [(self.text[first.core_start:last.base_end], first.core_start, last.base_end)]
        if len(ws) == 2 and not ws[0].paren and (_ACRONYM.match(ws[0].base) and _LETTER.search(ws[1].base) and not _LATIN.match(ws[1].base)
                                                 and ws[1].base not in lx.descriptors and ws[1].base not in lx.generic_nouns and not self._kind_noun(ws[1].base)
                                                 or ws[1].base in lx.org_units and _LETTER.search(ws[0].base) and ws[0].base not in lx.descriptors and ws[0].base not in lx.generic_nouns):
            # "KS 네트웍스": an acronym and a word, one name; "한국해양대학교
            # 산학협력단": an organisation and its unit, one member
            first, last = ws
            return [(self.text[first.core_start:last.base_end], first.core_start, last.base_end)]
        if len(ws) > 1 and any("·" in w.base for w in ws[1:]):
            dotted = self._dot_names(ws)
            if dotted:
                return dotted  # "하람 C&C·소담 U+", "… 한솔 E&M·새봄모빌리티"
        if len(ws) > 1 and all(self._org_like(w) for w in ws):
            pass  # "동원그룹 KAIST": a missing comma, two names
        elif len(ws) > 1:
            ws = ws[-1:]
        out = []
        for w in ws:
            if w.paren and paren_kind(w.paren) == "acronym":
                self.aliases.append(("org", w.base, w.paren, "parenthetical"))
            if w.paren and paren_kind(w.paren) == "code":
                self.aliases.append(("org", w.base, "code:" + w.paren, "stock_code"))
            if "·" in w.base:
                pos = w.core_start
                raw_end = w.core_end if self._particle_is_name(w) else w.base_end  # "가온·미르세라미로 등"
                raw = self.text[w.core_start : raw_end]
                if _GLUED_DEUNG.search(raw):
                    raw = raw[:-1]
                if any(_ONE_SYLLABLE.fullmatch(piece.strip()) for piece in raw.split("·")):
                    # "한·누리영농조합법인": a piece of one syllable names no one, the dot is the name's own
                    out.append((raw, w.core_start, w.core_start + len(raw)))
                    continue
                for piece in raw.split("·"):
                    p = piece.strip()
                    if p:
                        st = self.text.find(p, pos, raw_end)
                        if st >= 0:
                            out.append((p, st, st + len(p)))
                            pos = st + len(p)
                continue
            if w.base and _GLUED_DEUNG.search(w.base) and not w.particle:
                out.append((w.base[:-1], w.core_start, w.base_end - 1))
            elif w.base and self._particle_is_name(w):
                out.append((self.text[w.core_start:w.core_end], w.core_start, w.core_end))  # "미르세라미로, …": not 미르세라미 + 로
            elif w.base:
                out.append((w.base, w.core_start, w.base_end))
        return [o for o in out if o[0] and not o[0].isdigit()]

    def _dot_names(self, ws: list[Word]) -> list[tuple[str, int, int]] | None:
        """Names joined by middle dots where a name has a space in it: "누리
        C&C·다온 U+", "한빛소재·바른 E&M·가람텍". Each piece is one name when
        it is one word, or a word and its Latin corporate tail; None when a
        piece is anything else (a description, not a list of names)."""
        lx = self.lx
        start, end = ws[0].core_start, ws[-1].base_end
        raw = self.text[start:end]
        if _GLUED_DEUNG.search(raw):
            raw, end = raw[:-1], end - 1
        out, pos = [], start
        for piece in raw.split("·"):
            cut = piece.rfind("…") + 1  # "출범…누리 C&C": the headline's ellipsis ends what came before
            st = pos + cut + (len(piece[cut:]) - len(piece[cut:].lstrip()))
            name = piece[cut:].strip()
            pos += len(piece) + 1
            parts = name.split()
            if not name or len(parts) > 2 or len(parts) == 2 and not (_CORPORATE_TAIL.match(parts[1]) and parts[0] not in lx.descriptors
                                                                    and parts[0] not in lx.generic_nouns and not self._kind_noun(parts[0])):
                return None
            out.append((name, st, st + len(name)))
        return out if len(out) >= 2 else None

    def _particle_is_name(self, w: Word) -> bool:
        """A list item that looks as if it ended in a particle where no particle
        can stand: before the comma of a list ("미르세라미로, 미르세라믹") or right
        before 등 ("…, 미르세라미로 등"). Its last syllable is the name's own."""
        if not w.particle or w.paren or w.particle in _LIST_PARTICLES:
            return False
        if w.base in self.lx.generic_nouns or w.base in self.lx.stopwords or w.base in self.lx.time_words \
                or _AMOUNT_BEFORE.search(self.text, max(0, w.start - 20), w.start):
            return False  # "1천억원 가량으로, …": a noun of measure after an amount ends a clause, no name
        return bool(w.sep_after == "," or re.match(r"\s+등(?:\s|$|[이은의을도과])", self.text[w.end : w.end + 4]))

    def _kind_noun(self, b: str) -> bool:
        """A word for a kind of member: "기업", "부품사", "전자회사", "업체"."""
        return b in self.lx.descriptors or b.endswith(_COMPANY_NOUNS) or _kind_of_company(b, self.lx)

    def _kind_with_names(self, w: Word) -> list[tuple[str, int, int]] | None:
        """The members a kind of member names in its bracket: "완성차
        기업(한빛모터스)", "소프트웨어 회사(다솜소프트·바람랩)" -> the names
        inside, with their offsets; None when the word is not a kind of
        member or its bracket is not names."""
        lx = self.lx
        b = w.base
        if not w.paren or paren_kind(w.paren) not in ("alias", "acronym"):
            return None
        if not (_kind_of_company(b, lx) or b in lx.descriptors or b in lx.generic_nouns or b.endswith(_COMPANY_NOUNS)):
            return None
        at = self.text.find("(", w.core_start, w.end)
        close = self.text.find(")", at + 1, w.end) if at >= 0 else -1
        if at < 0 or close < 0:
            return None
        out = []
        for m in re.finditer(r"[^·,\s][^·,]*", self.text[at + 1 : close]):
            name = m.group().strip()
            st = at + 1 + m.start()
            if not name or name in lx.generic_nouns or _kind_of_company(name, lx) or rank_of(name):
                return None
            out.append((name, st, st + len(name)))
        return out or None

    def _list_after_colon(self, words: list[Word], start: int):
        """The comma list that runs from ``start`` to the end of the sentence
        (at least two names), or None."""
        first = next((w.i for w in words if w.core_start >= start), None)
        if first is None or first + 1 >= len(words):
            return None
        lst = self._list_ending_at(words, len(words) - 1, allow_single=False)
        if not lst or len(lst[0]) < 2 or lst[2] != "comma" or lst[0][0][1] < start or lst[0][0][1] > words[first].core_end:
            return None  # the list must start right after the colon
        return lst[0], lst[1], lst[2], first

    def _owning_topic(self, words: list[Word], upto: int, groups) -> str | None:
        """The topic that owns a count a counts.json ``owner`` rule read: the first
        word of the sentence's first two marked as a topic (은/는/에는/엔/에; "지난주
        닻을 올린 누리항로는 A, B …" too, right before the list), when it is a group
        word (its mention's name) or can be a group's name whatever it is called."""
        from .groups import is_proper_name
        lx = self.lx
        cands = [w for w in words[: max(1, min(2, upto))]]  # (a topic in 엔 may be read as the list's first word)
        if upto > 0 and words[upto - 1] not in cands:
            cands.append(words[upto - 1])  # "지난주 닻을 올린 누리항로는 A, B, C 등 다섯 곳으로"
        for w in cands:
            if not w.particle and not w.sep_after and w.base.endswith("엔") and group_head(w.base[:-1]):
                return w.base[:-1]  # "별빛얼라이언스엔 …": 엔 is 에는 written short
            if w.particle not in ("은", "는", "에는", "엔", "에") or w.sep_after:
                continue
            if w.i >= upto:
                return None
            mention = next((g for g in groups if g.word_i == w.i), None)
            if mention is not None:
                return self._group_ref(mention)
            if w.particle in ("에는", "엔", "에"):
                return None  # "이번 협약에는 … 11개 기관이 참여했다": a place or an occasion, unless a group word
            b = w.base
            if group_head(b) is None and (event_kind(b) or b.endswith(lx.occasion_ends)):
                return None  # "전날 출범식에는 … 아홉 곳이 참여했다": where they took part, not a group
            if (is_proper_name(b) and not is_title_word(w) and not _DIGITS.search(b) and b not in lx.time_words
                    and not self._kind_noun(b) and b not in lx.member_nouns and b not in lx.member_heads
                    and not is_name(b) and b not in self._people()):
                return b
            return None  # another topic: a place, a time, a person
        return None

    def _org_like(self, w: Word) -> bool:
        b = w.base
        return bool(b) and (bool(_LATIN.match(b)) or any(b.endswith(s) and b != s for s in self.lx.org_suffixes if len(s) >= 2) or bool(w.paren and paren_kind(w.paren) in ("code", "acronym")) or b in self.known_orgs)
