"""Groups: alliances, consortia, councils ("AI 원팀", "소재혁신 얼라이언스"),
their mentions in a sentence and which one a count or list belongs to.
"""
from __future__ import annotations

import re

from .mentions import GroupMention
from .tokens import Word, paren_kind
from .wordclass import (
    _ADNOMINAL,
    _DIGITS,
    _LATIN,
    _VERBISH,
    event_kind,
    fused_title,
    group_head,
    is_name,
    rank_of,
)

# "N곳 규모의 G", "N개 단체가 (하나의 조직으로) 뭉친 G", "N개 단체를 하나로 통합한 G",
# "N개 회원사를 거느린 G", "N개 회원사가 있는 G": the group after the count owns it
_OWNER_AFTER = re.compile(r"\s*(?:규모의|(?:이|가)\s*(?:\S+\s+){0,2}?(?:참여하는|참여한|참여 중인|참가하는|모인|뭉친|손잡은|가입한|가입해 있는|속한|소속된|있는)"
                          r"|(?:을|를)\s*(?:\S+\s+){0,1}?(?:통합한|아우르는|아우른|거느린|둔|회원으로 둔)"
                          r"|(?:으로|로)\s*(?:구성된|이뤄진|이루어진|꾸려진|꾸린|구성한|만든|결성한|출범한|발족한|출발한|출발했던))\s")

_SPEAKER = re.compile(r"\s*(?:관계자|대변인|측은|측이|측에)")
# where a clause ends between a count and a group after it: a comma, or a
# quotation closed and handed on ("… 11곳으로 늘었다"며 "…")
_CLAUSE_BREAK = re.compile(r',|["”’\']\s*(?:이?라며|이?라고|하며|며|고)(?=\s)')
_FORMER = re.compile(r"^\s*(?:옛|구|前|전신은?)\s+")
_ADDRESS = re.compile(r"^[가-힣\d]{1,6}(?:동|구|군|읍|면|로|길|가)$")
_PLACE_WORD = re.compile(r"[가-힣\d]{1,6}(?:시|동|구|군|읍|면|로|길|가)")


def _place(word: str) -> bool:
    """A place written before a room ("대전 둔산동 협회 회의실"): a region
    (lexicons/regions.txt) or a word ending as a place name does."""
    from ..lexicons import load
    return word in load().regions or bool(_PLACE_WORD.fullmatch(word))


# what comes before 온 when it is 오다's past form ("나온", "해온", "이어온",
# "지켜온", "펼쳐온"): any other syllable makes a name ("가온", "다온", "누리온")
_CAME = frozenset("나해어아여켜져쳐와려셔혀겨워뤄눠둬줘봐놔돼꿔들이")


def _name_in_on(word: str) -> bool:
    """"가온 협의회", "누리온 얼라이언스": a name ending in 온, not a verb
    form ending so ("이어온", "해온"), right before a group word."""
    return len(word) >= 2 and word.endswith("온") and word[-2] not in _CAME and "가" <= word[0] <= "힣"


def _being_a_body(noun: str) -> bool:
    """"제작사 단체인 한빛협회", "협의체인 …": "being a body of that kind", a
    description before the name, not the first word of it."""
    from ..lexicons import load
    lx = load()
    return noun in lx.body_nouns or noun in lx.descriptors or bool(group_head(noun))


_OWNED_ORDINAL = re.compile(r"\s*(?:\d+|[가-힣]{1,3})\s*번째\s+(?P<noun>[가-힣]+?)(?:이|가|로|으로|는|은)?(?=[\s.,])")  # "의 열 번째 회원사로"
_VERB_LINKS = ("하여", "되어", "하면서", "되면서")
_NUMBER_COUNTER = re.compile(r"^\d[\d,]*\s?개$")
_ORDINAL_EVENT = re.compile(r"^제?\d+(?:회|차)$")
_MAKES_UP = re.compile(r"\s*(?:으로|로)\s")
_FORM_VERB = re.compile(r"\S*?(?:을|를)\s*(?:구성|꾸리|꾸려|결성|만들|발족|출범)")

# what a group holds: "'스텔라브리지' 출범식", "'물빛길' 정기총회"
GROUP_EVENTS = ("출범식", "발족식", "창립총회", "정기총회", "총회", "협약식", "출범", "발족")


def is_proper_name(s: str) -> bool:
    """A word that can be a group's own name: not a descriptor, a generic or
    time word, a number or a title."""
    from ..lexicons import load
    lx = load()
    if not s or len(s) < 2 or len(s) > 20 or re.fullmatch(r"[\d,.%]+", s):
        return False
    if s in lx.descriptors or s in lx.generic_nouns or s in lx.stopwords or s in lx.generic_group_modifiers or rank_of(s):
        return False
    return " " not in s.strip() or len(s.split()) <= 3


class GroupRules:
    """Methods of ``claims.Extractor`` (self.text, self.claims, self.lx, ...)."""

    # -- groups -----------------------------------------------------------
    def _groups(self, sent, words: list[Word]) -> None:
        lx = self.lx
        out = []
        # "구본하 협의회 사무총장은": a person titled in this sentence is no part of a group's name
        titled = {c.subject for c in self.claims if c.kind == "title" and c.sentence_idx == sent.idx}
        for i, w in enumerate(words):
            b = w.base
            head = group_head(b)
            if head is None:
                continue
            prefix = b[: -len(head)]
            if prefix and (prefix in lx.surnames or fused_title(b)):
                continue
            if prefix.endswith("·"):
                continue  # "유관기관·협회", "대학·연구소": kinds of organisation, not a group
            if not w.particle and not w.sep_after and not (w.closes_quote and not w.opens_quote) and i + 1 < len(words) and group_head(words[i + 1].base) and not words[i + 1].opens_quote:
                continue  # "바이오헬스 클러스터 협의회": the last group word is the head
            parts = [w]
            k = i - 1
            if w.closes_quote or (w.text and w.text[-1:] in "'’\"”") or "'" in w.text or "’" in w.text:
                # quoted name: take every word back to the opening quote
                q = i
                if w.opens_quote:
                    k = -1
                while not w.opens_quote and q >= 0 and not words[q].opens_quote and i - q < 6:
                    q -= 1
                if q >= 0 and words[q].opens_quote and q < i:
                    parts = words[q : i + 1]
                    k = -1
                    cut = next((j for j, p in enumerate(parts) if j and _ORDINAL_EVENT.match(p.base)), None)
                    if cut is not None:
                        parts = parts[:cut]  # "'누리망 제3회 본 협의체'": a meeting of the group named before the ordinal
            while k >= 0 and len(parts) < 4:
                p = words[k]
                pb = p.base
                if p.particle or p.sep_after or not pb or pb[0] in "[【" or pb in titled or pb in lx.stopwords or pb in lx.time_words or len(pb) == 1 and "가" <= pb <= "힣" or _DIGITS.search(pb) and not _LATIN.match(pb) or pb.endswith(_VERBISH) and not _LATIN.match(pb) and not (k == i - 1 and pb.endswith("인") and not pb.endswith("적인") and len(pb) >= 3 and not _being_a_body(pb[:-1])) and not (k == i - 1 and _name_in_on(pb)) or rank_of(pb) or is_name(pb) and k > 0 and rank_of(words[k + 1].base or ""):
                    break
                if pb.endswith(_VERB_LINKS) or k > 0 and _NUMBER_COUNTER.search(words[k - 1].base):
                    break  # "참여하여 다솜상생협의체", "12개 사가 미래산업연합회": a verb, a count's own noun
                if pb.endswith("인") and k > 0 and words[k - 1].particle in ("이", "가") and not words[k - 1].sep_after:
                    break  # "한빛협회가 주축인 가온협의회": "of which X is the core", a clause, not part of the name
                if pb.endswith("인") and k > 0 and words[k - 1].particle == "의":
                    break  # "한빛협회의 전신인 미래경제연합회": "being X's predecessor", not part of the name
                if pb.endswith("인") and any(pb[:-1] in ws for ws in (lx.descriptors, lx.generic_nouns, lx.member_heads)):
                    break  # "유관 단체인 가람협의체": "which is a related body", a description, not part of the name
                if pb.endswith(lx.group_words) and pb not in lx.generic_group_modifiers:
                    # "디지털금융혁신협회 이사회": the owner is part of the name
                    parts.insert(0, p)
                    break
                parts.insert(0, p)
                k -= 1
            names = [p.base for p in parts]
            modifiers = names[:-1] + ([prefix] if prefix else [])
            bare = all(m in lx.generic_group_modifiers for m in modifiers) if modifiers else True
            name = " ".join(names)
            variants, aliases = [], []
            # "인공지능(AI) 원팀(AI One Team)": bracketed forms are aliases
            alt = []
            for p in parts:
                if p.paren and paren_kind(p.paren) in ("acronym", "alias") and p is not w:
                    alt.append(p.paren)
                else:
                    alt.append(p.base)
            if alt != names:
                variants.append(" ".join(alt))
            if w.paren and paren_kind(w.paren) in ("acronym", "alias"):
                # "한빛협회(한협·옛 미래연합회)": a short name and a former name, each the group's
                if "·" in w.paren:
                    aliases.extend(a for a in (_FORMER.sub("", x).strip() for x in w.paren.split("·")) if len(a) >= 2)
                else:
                    aliases.append(w.paren)
            elif w.paren and w.paren.startswith("이하"):
                # "'K-AI 미래차 얼라이언스(이하 K-얼라이언스)'": the short name the article uses from here on
                short = w.paren[2:].strip(" ,'\"‘’“”")
                if short and short != head:
                    aliases.append(short)
            if not bare and not parts[0].opens_quote and len(parts) > 1 and i + 1 < len(words) and not w.particle \
                    and words[i + 1].base.startswith(lx.premises) and all(_place(p.base) for p in parts[:-1]) \
                    and any(_ADDRESS.match(p.base) for p in parts[:-1]):
                # "대전 둔산동 협회 회의실에서": where the (article's) 협회 meets, no group named 대전 둔산동 협회
                bare, name, parts = True, head if not prefix else w.base, [w]
            gm = GroupMention(name, head, parts[0].core_start, w.base_end, i, bare, variants, aliases)
            gm.proper = self._apposed_name(words, i, parts)
            gm.quoted = parts[0].opens_quote
            out.append(gm)
        # "'스텔라브리지' 출범식", "'물빛길' 정기총회": a quoted name holding a group's event
        for i, w in enumerate(words[:-1]):
            nxt = words[i + 1].base
            if w.opens_quote and w.closes_quote and w.base and not w.particle and nxt.startswith(GROUP_EVENTS) and not group_head(w.base):
                if is_proper_name(w.base):
                    out.append(GroupMention(w.base, "", w.core_start, w.base_end, i, False, [], [], proper=w.base))
        self.group_mentions[sent.idx] = out

    def _apposed_name(self, words: list[Word], i: int, parts: list[Word]) -> str | None:
        """The proper name a group word is apposed to (SPEC: groups are
        entities): "얼라이언스 '스텔라브리지'" (quoted, after), "'그린타이드'
        얼라이언스" (quoted, before), "연합체 스텔라브리지(StellarBridge)" (a
        name with its English form, after), "연합체 '행복 얼라이언스'" (a
        quoted group name, after)."""
        w = words[i]
        if not w.particle and not w.sep_after and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt.opens_quote and nxt.closes_quote and nxt.base and not group_head(nxt.base) and is_proper_name(nxt.base):
                return nxt.base
            if nxt.opens_quote and not nxt.closes_quote:
                # "사회공헌 연합체 '행복 얼라이언스'가": a descriptor before a
                # quoted name that is a group of its own is that group
                for k in range(i + 1, min(i + 6, len(words))):
                    if k > i + 1 and words[k].opens_quote:
                        break
                    if words[k].closes_quote:
                        quoted = words[i + 1 : k + 1]
                        if group_head(words[k].base) and all(not q.particle and not q.sep_after for q in quoted[:-1]):
                            return " ".join(q.base for q in quoted)
                        break
            if nxt.paren and paren_kind(nxt.paren) in ("acronym", "alias") and _LATIN.match(nxt.paren) and is_proper_name(nxt.base) and not group_head(nxt.base):
                return nxt.base
        if i > 0 and not words[i - 1].particle and not words[i - 1].sep_after:
            prev = words[i - 1]
            raw = self.text[prev.start:prev.end]
            if prev.opens_quote and re.match(r"^[^가-힣A-Za-z0-9]*['\"‘“][^'\"’”]+['\"’”]", raw) and is_proper_name(prev.base):
                return prev.base
        return None

    def _nearest_group(self, groups: list[GroupMention], pos: int, member_noun: str | None, after_end: int | None = None) -> str | None:
        want_head = self.lx.member_nouns.get(member_noun or "", "") or None
        if after_end is not None and groups:
            # "회원사 23곳 규모의 'K-후공정 포럼'", "9개 기관이 참여하는 '물빛길' 협의회": the group follows
            m = _OWNER_AFTER.match(self.text, after_end)
            if m:
                nxt = [g for g in groups if m.end() <= g.start <= m.end() + 2]
                if nxt:
                    return self._group_ref(nxt[0])
            # "5개 업체로 운영위원회를 구성키로": the group the count makes up
            m = _MAKES_UP.match(self.text, after_end)
            if m:
                nxt = [g for g in groups if m.end() <= g.start <= m.end() + 2]
                if nxt and _FORM_VERB.match(self.text, nxt[0].end):
                    return self._group_ref(nxt[0])
        # "G 관계자는 …": the speaker's organisation, not what the quote counts
        cands = [g for g in groups if not _SPEAKER.match(self.text, g.end)]
        if want_head:
            same = [g for g in cands if g.head == want_head]
            if same:
                cands = same
            else:
                return f"@{want_head}"
        if not cands:
            return None
        before = [g for g in cands if g.end <= pos]
        if not before and after_end is not None and all(_CLAUSE_BREAK.search(self.text, after_end, g.start) for g in cands):
            # "829개 기관이 참여하고 있으며, 한빛협회가 사무국을 맡는다", "… 11곳으로
            # 늘었다"며 "누리랩을 …": another clause's group
            return None
        g = before[-1] if before else min(cands, key=lambda g: abs(g.start - pos))
        return self._group_ref(g)

    def _group_ref(self, g: GroupMention) -> str:
        if g.proper:
            return g.proper
        return f"@{g.head}" if g.bare else g.name

    def _proper_mentions(self) -> None:
        """Once every sentence's group words are read: the article's proper
        group names, and each word that is one of them ("스텔라브리지에는",
        "물빛길은") as a mention of that group."""
        propers = set()
        owners = set()  # names right before a member noun and a count: groups where a description is apposed to them
        named_owners, topics = set(), set()
        short_names = set()  # "미래산업연합회(이하 미산련)", "(HBA)": the article's short names for a group
        for sent in self.sentences:
            if sent.section == "furniture":
                continue
            propers.update(g.proper for g in self.group_mentions.get(sent.idx, []) if g.proper)
            defined = self._defined_name(self.words_of.get(sent.idx, []))
            if defined:
                propers.add(defined)
            owners.update(self._counted_owners(self.words_of.get(sent.idx, [])))
            named_owners.update(self._named_owners(self.words_of.get(sent.idx, [])))
            ws = self.words_of.get(sent.idx, [])
            if ws and ws[0].particle in ("은", "는", "이", "가", "에는", "에선") and not ws[0].opens_quote:
                topics.add(ws[0].base)
            short_names.update(a for g in self.group_mentions.get(sent.idx, []) if not g.bare for a in g.aliases
                               if len(a) >= 2 and not group_head(a) and a not in self.lx.generic_nouns)
        # "현재 가온링크 회원사는 …", "가온링크의 열 번째 회원사": a name that owns
        # members, and that the article also takes as a sentence's topic
        # ("가온링크는 …"), is a group's own name
        owners |= named_owners & topics
        # "소재 연합체 테라셀은 … 테라셀 회원사 9곳": a description apposed to a name that owns
        # members ("협회 해외 회원사", a kind of member after the group, is no apposition)
        for sent in self.sentences:
            words = self.words_of.get(sent.idx, [])
            for g in self.group_mentions.get(sent.idx, []):
                w = words[g.word_i] if g.word_i < len(words) else None
                if w is None or w.particle or w.sep_after or g.word_i + 1 >= len(words):
                    continue
                nxt = words[g.word_i + 1]
                if nxt.base in owners and nxt.particle in ("은", "는", "이", "가", "을", "를", "의", "에", "에는", "와", "과", "도"):
                    propers.add(nxt.base)
        self.propers = propers
        short_names -= propers
        if not propers and not short_names:
            return
        # "수소 얼라이언스 H2링크가": a group word directly before one of the
        # article's proper names (quoted or defined elsewhere) is apposed to it
        for sent in self.sentences:
            words = self.words_of.get(sent.idx, [])
            for g in self.group_mentions.get(sent.idx, []):
                w = words[g.word_i] if g.word_i < len(words) else None
                if g.proper or w is None or w.particle or w.sep_after or g.word_i + 1 >= len(words):
                    continue
                if words[g.word_i + 1].base in propers:
                    g.proper = words[g.word_i + 1].base
        for sent in self.sentences:
            ms = self.group_mentions.get(sent.idx)
            if ms is None:
                continue
            taken = {(g.start, g.end) for g in ms}
            for i, w in enumerate(self.words_of.get(sent.idx, [])):
                if any(s <= w.core_start < e for s, e in taken):
                    continue
                if w.base in propers:
                    ms.append(GroupMention(w.base, "", w.core_start, w.base_end, i, False, [], [], proper=w.base))
                elif w.base in short_names:  # "미산련은": the group by the short name the article gave it
                    ms.append(GroupMention(w.base, "", w.core_start, w.base_end, i, False, [], []))
            ms.sort(key=lambda g: g.start)

    def _named_by_descriptor(self, ref: str, own_names: set[str]) -> str | None:
        """"수소 협의체" in an article whose one fitting proper group is "'가람
        수소산업 협의회'": a description (words and a bare group word) refers to
        the article's proper group when each of its words is a generic
        modifier ("산학연", "민관") or part of that group's name, and exactly one
        proper group fits ("동해 수소 협의체" stays another group). ``own_names``:
        the groups the article names by a proper or quoted name."""
        words = ref.split()
        if len(words) < 2 or group_head(words[-1]) != words[-1]:
            return None
        mods = words[:-1]
        if any(group_head(m) for m in mods):
            return None

        def fits(p: str) -> bool:
            flat = p.replace(" ", "")
            return group_head(p.split()[-1]) is not None and all(m in self.lx.generic_group_modifiers or m in flat for m in mods)

        flat_ref = ref.replace(" ", "")
        if any(p.replace(" ", "") == flat_ref for p in own_names):
            return None  # "AI 원팀" / "AI원팀": the name itself, spaced otherwise
        fitting = [p for p in own_names if fits(p)]
        return fitting[0] if len(fitting) == 1 else None

    def _counted_owners(self, words: list[Word]) -> list[str]:
        """"테라셀 회원사 9곳으로": a name right before a member noun and its
        count owns those members, so it is a group's own name (the article may
        call it by that name alone, or after a description: "소재 연합체 테라셀은")."""
        lx = self.lx
        out = []
        for i in range(len(words) - 2):
            w, noun, num = words[i], words[i + 1], words[i + 2]
            if w.particle or w.sep_after or noun.particle or noun.sep_after or noun.base not in lx.member_nouns:
                continue
            if lx.counter_re.match(num.text) and self._owner_word(w):  # not "합류 회원사 8곳"
                out.append(w.base)
        return out

    def _owner_word(self, w: Word) -> bool:
        """A word that can be the name of a group owning members (not "합류", "국내", a person, a rank)."""
        lx = self.lx
        b = w.base
        return bool(is_proper_name(b) and not group_head(b) and not rank_of(b) and not _DIGITS.search(b) and b not in lx.time_words
                    and not b.endswith(_VERBISH) and b not in lx.member_nouns and b not in lx.org_units and not is_name(b)
                    and not event_kind(b) and b not in lx.stopwords and b not in lx.generic_nouns and b not in lx.descriptors
                    and b not in lx.category_prefixes and b not in lx.count_adverbs and not w.opens_quote and not w.closes_quote)

    def _named_owners(self, words: list[Word]) -> list[str]:
        """"가온링크 회원사는", "가온링크의 열 번째 회원사": a name owning
        members by a member noun (the caller wants it confirmed as a topic)."""
        lx = self.lx
        out = []
        for i in range(len(words) - 1):
            w, noun = words[i], words[i + 1]
            if not w.particle and not w.sep_after and noun.base in lx.member_nouns and noun.particle in ("은", "는", "이", "가") and self._owner_word(w):
                out.append(w.base)
            elif w.particle == "의" and not w.sep_after and _OWNED_ORDINAL.match(self.text, w.end) and self._owner_word(w):
                m = _OWNED_ORDINAL.match(self.text, w.end)
                if m.group("noun") in lx.member_nouns:
                    out.append(w.base)
        return out

    def _defined_name(self, words: list[Word]) -> str | None:
        """"H2링크는 … 출범한 민간 수소 협력체다", "길잇다은 … 모인 데이터
        공유 협의체다": a sentence whose topic is defined as a group names
        that group; the topic is its proper name."""
        if len(words) < 3:
            return None
        first, last = words[0], words[-1]
        if first.particle not in ("은", "는") or first.sep_after or not is_proper_name(first.base) or group_head(first.base):
            return None
        b = last.base
        if last.particle in ("이다", "다") or (b.endswith("다") and not last.particle):
            b = b[:-1] if not last.particle else b
        else:
            return None
        head = group_head(b)
        if head is None or len(b) == len(head) and b in self.lx.generic_group_modifiers:
            return None
        if rank_of(first.base) or is_name(first.base) or first.base in self.known_orgs or first.base in self.orgs:
            return None  # "한빛에너지는 … 기업이다" is no group; a person or a confirmed company neither
        return first.base

    # -- article-level group resolution --------------------------------------
    def _resolve_groups(self) -> None:
        """Each count, list and event gets the group it is about: a group's
        proper name where the article gives one (descriptors apposed to it
        anywhere in the article name it too), else its fullest name; a bare
        descriptor ("얼라이언스는") the article's group with that head, else
        the article's main group."""
        counts: dict[str, int] = {}
        by_head: dict[str, dict[str, int]] = {}
        label_of: dict[str, str] = {}
        # a group written among the members a list names ("A, B, 하늘영화협회
        # 등 6개 단체는"): a member, never the group they make up
        listed = [(c.start, c.end) for c in self.claims if c.kind == "members"]
        if listed:
            for idx, gs in self.group_mentions.items():
                self.group_mentions[idx] = [g for g in gs if not any(a <= g.start < b for a, b in listed)]
        mentions = [g for sent in self.sentences if sent.section != "furniture" for g in self.group_mentions.get(sent.idx, [])]
        for g in mentions:
            if g.proper and not g.bare and g.name != g.proper:
                label_of.setdefault(g.name, g.proper)
        for g in mentions:
            if g.bare:
                continue
            for a in g.aliases:  # "(이하 K-얼라이언스)", "(KSA)": the article's short names for it
                label_of.setdefault(a, g.proper or label_of.get(g.name, g.name))
        for g in mentions:
            if g.bare and not g.proper:
                continue
            label = g.proper or label_of.get(g.name, g.name)
            counts[label] = counts.get(label, 0) + 1
            if g.head:
                by_head.setdefault(g.head, {})
                by_head[g.head][label] = by_head[g.head].get(label, 0) + 1
            for v in g.variants:
                self.aliases.append(("group", label, v, "parenthetical"))
            for a in g.aliases:
                self.aliases.append(("group", label, a, "parenthetical"))
            if g.proper and g.name != g.proper and not g.bare:
                self.aliases.append(("group", g.proper, g.name, "apposition"))

        def best(names: dict[str, int]) -> str:
            return max(names, key=lambda n: (names[n], n in self.propers, len(n)))

        # a bare descriptor ("이 얼라이언스는") refers to the article's group with that head: it
        # counts for that group when the main group is chosen ("한빛협회는 … 얼라이언스 포럼을 열었다")
        weight = dict(counts)
        for g in mentions:
            if g.bare and not g.proper and g.head in by_head:
                top = best(by_head[g.head])
                weight[top] = weight.get(top, 0) + 1
        main = best(weight) if weight else None
        # "한빛반찬협회장 김하람 … 둔산동 협회 회의실에서": an article that names its group only in a
        # title's organisation ("한빛반찬협회장") and calls it by the bare word
        bare_heads = {g.head for g in mentions if g.bare and not g.proper and g.head}
        named_orgs = [c.detail["org"] for c in self.claims if c.kind == "title" and c.detail.get("org")]  # the titles' organisations
        org_of_head: dict[str, dict[str, int]] = {}
        for org in named_orgs:
            head = group_head(org.replace(" ", ""))
            if head in bare_heads and head not in by_head and len(org.replace(" ", "")) > len(head):  # a name, not the bare word
                org_of_head.setdefault(head, {})
                org_of_head[head][org] = org_of_head[head].get(org, 0) + 1
        if main is None and org_of_head:
            main = best({o: n for orgs in org_of_head.values() for o, n in orgs.items()})

        own_names = {g.proper or label_of.get(g.name, g.name) for g in mentions if g.proper or g.quoted and not g.bare}
        # "인근 동해 수소 협의체": a description with a word before it that
        # may be part of another group's name never stands for the named group
        lx = self.lx
        loose = set()
        for sent in self.sentences:
            words = self.words_of.get(sent.idx, [])
            for g in self.group_mentions.get(sent.idx, []):
                first = next((k for k, w in enumerate(words) if w.core_start == g.start), None)
                if g.proper or first is None or first == 0:
                    continue
                prev = words[first - 1]
                b = prev.base
                if not prev.particle and not prev.sep_after and b and not _DIGITS.search(b) and not b.endswith(_ADNOMINAL) \
                        and not any(b in s for s in (lx.descriptors, lx.generic_nouns, lx.generic_group_modifiers, lx.stopwords, lx.time_words)):
                    loose.add(g.name)

        title_orgs = set(named_orgs)

        def resolve(ref: str | None) -> str | None:
            got = resolve_name(ref)
            named = self._named_by_descriptor(got, own_names) if got and got not in loose else None
            return named or got

        def resolve_name(ref: str | None) -> str | None:
            if not ref:
                return main
            if ref.startswith("@"):
                head = ref[1:]
                if head in by_head:
                    return best(by_head[head])
                # "협회는 …" where the article names its 협회 only in a title
                # ("문하늘 가람물류협회장"): that organisation, not another group
                owners = {o for o in title_orgs if o.endswith(head) and len(o) > len(head)}
                if len(owners) == 1:
                    return owners.pop()
                if head in org_of_head:  # several such organisations: the one the titles name most often
                    return best(org_of_head[head])
                return main
            if ref in label_of:
                return label_of[ref]
            if ref in self.propers:
                return ref
            # the fullest name in this article that ends with this one
            key = ref.replace(" ", "")
            longer = [n for n in counts if n.replace(" ", "").endswith(key) and len(n) > len(ref) and counts[n] >= counts.get(ref, 0)]
            if longer:
                return max(longer, key=lambda n: (counts[n], len(n)))
            return ref

        # a sentence that names no group: the group named last before it in
        # the same paragraph by its own name (quoted, or a proper name: not "첫
        # 운영위원회를 열고"), else the article's main group
        before: dict[int, str | None] = {}
        last, last_end = None, -1
        for sent in self.sentences:
            if sent.section == "furniture":
                continue
            if last is not None and "\n\n" in self.text[last_end:sent.start]:
                last = None  # a new paragraph
            before[sent.idx] = last
            named = [g for g in self.group_mentions.get(sent.idx, []) if g.proper or g.quoted and not g.bare]
            if named:
                g = named[-1]
                last = g.proper or label_of.get(g.name, g.name)
            last_end = sent.end

        for c in self.claims:
            if c.kind in ("member_count", "members", "event"):
                ref = c.detail.get("group")
                g = resolve(ref) if ref or not before.get(c.sentence_idx) else resolve(before[c.sentence_idx])
                sub = c.detail.get("subgroup")
                if sub:  # "G 1분과": a part of G, a block of its own
                    if ref and ref.startswith("@") and ref[1:] not in by_head:
                        g = ref[1:]  # the article's unnamed "얼라이언스", not another group it names
                    g = f"{g} {sub}" if g else None
                c.detail["group"] = g
                c.subject = g or ""
        self.claims = [c for c in self.claims if c.kind == "title" or c.subject]
