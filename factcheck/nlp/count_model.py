"""How a stated number of members is read (SPEC "What is extracted", member_count).

The rules are data: ``factcheck/patterns/counts.json``, each a regular
expression over the clause before the count and/or the text after it, with
the sentences it must match and must leave alone (tests/test_count_patterns.py
runs them). Four sections, each read independently, first match wins:

- ``reject``: not a member count at all (attendees from 40 organisations);
  a rule marked ``names_a_part`` rejects a part of the members ("회원사 9곳
  중 상장사는 A와 B, C 3곳이다"), and the names listed with it are a
  partial member list;
- ``role``: ``planned`` (a target or a hypothetical), ``joined``, ``left``;
  otherwise ``total``;
- ``as_of``: the date a total belongs to: ``launch`` (a founding count),
  ``before`` (the first number of "A에서 B로"), else the sentence's date;
- ``bound``: ``about`` ("200여곳", "약 200곳"), ``at_least`` ("200곳을
  넘어섰다"), ``at_most``;
- ``qualify``: what the count leaves out ("협회를 제외하면 11개 기업");
- ``owner``: the sentence's topic owns the count ("누리연대에는 A, B 등 9개
  단체가 가입했다"): the caller takes that topic as the count's group.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PATTERNS = Path(__file__).resolve().parent.parent / "patterns" / "counts.json"
DEFAULT_PRECISION = 0.9


@dataclass(frozen=True)
class Rule:
    section: str
    name: str
    value: str | None  # the role, as_of or bound it gives
    before: re.Pattern | None
    after: re.Pattern | None
    number_suffix: str | None
    precision: float
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    names_a_part: bool = False  # a rejected count whose list before it names some members

    def matches(self, before: str, after: str, suffix: str) -> bool:
        if self.number_suffix is not None and suffix != self.number_suffix:
            return False
        if self.before is not None and not self.before.search(before):
            return False
        if self.after is not None and not self.after.search(after):
            return False
        return self.before is not None or self.after is not None or self.number_suffix is not None


@dataclass
class CountReading:
    role: str = "total"
    as_of: str | None = None  # launch | before | None (the sentence's date)
    bound: str | None = None
    rejected: str | None = None  # the reject rule's name
    part_list: bool = False  # the rejected count is a part; a list before it names some of the members
    qualification: dict | None = None  # {"kind": "excluding", "what": "협회"}
    owner: str | None = None  # "topic": the topic at the clause's start owns the members counted
    owner_rule: str | None = None  # the owner rule that said so
    rules: list[str] = field(default_factory=list)
    confidence: float = DEFAULT_PRECISION


_VALUE_KEY = {"reject": None, "role": "role", "as_of": "as_of", "bound": "bound", "qualify": "qualify", "owner": "owner"}


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(PATTERNS.read_text(encoding="utf-8"))


def default_precision() -> float:
    """The measured precision of a count no rule read (a plain total)."""
    return float(_data().get("default_precision", DEFAULT_PRECISION))


@lru_cache(maxsize=1)
def rules() -> dict[str, list[Rule]]:
    data = _data()
    out: dict[str, list[Rule]] = {}
    for section, key in _VALUE_KEY.items():
        out[section] = [
            Rule(section, r["name"], r.get(key) if key else None,
                 re.compile(r["before"]) if r.get("before") else None,
                 re.compile(r["after"]) if r.get("after") else None,
                 r.get("number_suffix"), float(r.get("precision", DEFAULT_PRECISION)),
                 tuple(r.get("examples", [])), tuple(r.get("not", [])), bool(r.get("names_a_part")))
            for r in data.get(section, [])
        ]
    return out


def _clause(before: str) -> str:
    """The clause the count stands in: from the last sentence-like break."""
    cut = max(before.rfind(". "), before.rfind("…"), before.rfind("\n"))
    return before[cut + 1:] if cut >= 0 else before


def read_count(before: str, after: str, suffix: str = "") -> CountReading:
    """Read a count from the text before it (same sentence), the text after
    it, and what stands between the number and its counter ("여")."""
    before = _clause(before)
    reading = CountReading(confidence=default_precision())
    confidences = []
    for section, rs in rules().items():
        for r in rs:
            if r.matches(before, after, suffix):
                if section == "owner":
                    # says whose count it is, not how it is read: no rule of the reading
                    reading.owner, reading.owner_rule = r.value, r.name
                    break
                reading.rules.append(r.name)
                confidences.append(r.precision)
                if section == "reject":
                    reading.rejected = r.name
                    reading.part_list = r.names_a_part
                elif section == "role":
                    reading.role = r.value
                elif section == "as_of":
                    reading.as_of = r.value
                elif section == "bound":
                    reading.bound = r.value
                elif section == "qualify":
                    m = r.before.search(before) if r.before is not None else None
                    what = m.group("what") if m and "what" in m.groupdict() else None
                    reading.qualification = {"kind": r.value, "what": what}
                break
        if reading.rejected:
            break
    if confidences:
        reading.confidence = min(confidences)
    return reading
