"""Hangul helpers: syllable finals, jamo decomposition, particle stripping."""
from __future__ import annotations

from functools import lru_cache

from ..lexicons import load

_BASE = 0xAC00
_LAST = 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


def is_syllable(ch: str) -> bool:
    return len(ch) == 1 and _BASE <= ord(ch) <= _LAST


def is_hangul_word(s: str) -> bool:
    return bool(s) and all(is_syllable(c) for c in s)


def has_final(ch: str) -> bool | None:
    """True if the syllable ends in a consonant, None for non-Hangul."""
    if not is_syllable(ch):
        return None
    return (ord(ch) - _BASE) % 28 != 0


def final_of(ch: str) -> str:
    if not is_syllable(ch):
        return ""
    return _FINALS[(ord(ch) - _BASE) % 28]


@lru_cache(maxsize=65536)
def jamo(s: str) -> str:
    """Decompose Hangul syllables into jamo (전홍범 -> ㅈㅓㄴㅎㅗㅇㅂㅓㅁ)."""
    out = []
    for ch in s:
        if is_syllable(ch):
            code = ord(ch) - _BASE
            out.append(_INITIALS[code // 588])
            out.append(_MEDIALS[(code % 588) // 28])
            fin = _FINALS[code % 28]
            if fin:
                out.append(fin)
        else:
            out.append(ch)
    return "".join(out)


def strip_particle(word: str) -> tuple[str, str]:
    """Split a trailing particle off a word: 부사장은 -> (부사장, 은).

    Respects Korean phonology: 은/이/을/과 follow a consonant, 는/가/를/와
    follow a vowel, so 한결페이 keeps its 이 and 머니트리가 loses its 가.
    Latin or digit-final words (KT를, ETRI와) take either form.
    """
    lx = load()
    for particle, need in lx.particles:
        if len(word) <= len(particle) or not word.endswith(particle):
            continue
        stem = word[: -len(particle)]
        if particle == "가" and len(stem) == 1 and "가" <= stem <= "힣":
            continue  # "추가", "주가", "평가": a noun ending in 가, not one syllable and a particle
        if particle == "의" and len(word) == 4 and word.endswith("상의"):
            continue  # "대한상의", "서울상의": a chamber of commerce (상공회의소), not 서울상 + 의
        prev = stem[-1]
        fin = has_final(prev)
        if fin is None:
            if prev.isalnum() or prev in ")+":
                return stem, particle
            continue
        if need == "C" and not fin:
            continue
        if need == "V" and fin and not (particle in ("로", "로는", "로서", "로써") and final_of(prev) == "ㄹ"):
            continue
        return stem, particle
    return word, ""
