"""What the extractor produces: claims, and the group mentions it resolves
claims against."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# the types of the mention layer (mention_layer.py), what `factcheck mentions` shows
MENTION_TYPES = ("PERSON", "ORG", "GROUP", "ROLE", "RANK", "COUNT", "DATE")

# how sure an extraction is when its rule has not measured it (titles carry
# their pattern's measured precision: factcheck/patterns/titles.json)
DEFAULT_CONFIDENCE = 0.8


def claim_confidence(detail: dict | None) -> float:
    """A claim's confidence (0-1): ``detail.confidence`` where its rule set one."""
    c = (detail or {}).get("confidence")
    return float(c) if c is not None else DEFAULT_CONFIDENCE


@dataclass
class Claim:
    kind: str
    subject: str
    value: str
    start: int
    end: int
    sentence_idx: int
    as_of: date | None = None
    as_of_precision: str = "unknown"
    detail: dict = field(default_factory=dict)


@dataclass
class GroupMention:
    name: str  # as written, spaces kept: "반도체 소재혁신 얼라이언스"
    head: str
    start: int
    end: int
    word_i: int
    bare: bool
    variants: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    proper: str | None = None  # the group's proper name, when apposed: '스텔라브리지'
    quoted: bool = False  # written in quotes: "'AI 얼라이언스'를 띄웠다"
