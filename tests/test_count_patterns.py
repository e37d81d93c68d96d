"""Every count rule in factcheck/patterns/counts.json against its own
examples: each example must be read by that rule, each 'not' example must
not be (Duckling's corpus and negative corpus, one parametrised test)."""
import json

import pytest

from factcheck.lexicons import load
from factcheck.nlp.count_model import PATTERNS, read_count, rules

DATA = json.loads(PATTERNS.read_text(encoding="utf-8"))


def _first_count(sentence, at: str | None = None):
    if isinstance(sentence, dict):
        sentence, at = sentence["text"], sentence.get("at")
    ms = [m for m in load().counter_re.finditer(sentence) if at is None or m.group() == at]
    assert ms, f"no count {at or ''} in example: {sentence}"
    m = ms[0]
    return read_count(sentence[: m.start()], sentence[m.end():], m.group("yeo") or "")


CASES = [(section, r["name"], ex, True) for section in ("reject", "role", "as_of", "bound", "qualify", "owner") for r in DATA.get(section, []) for ex in r.get("examples", [])]
CASES += [(section, r["name"], ex, False) for section in ("reject", "role", "as_of", "bound", "qualify", "owner") for r in DATA.get(section, []) for ex in r.get("not", [])]


@pytest.mark.parametrize("section,name,sentence,must", CASES, ids=[f"{c[1]}:{'+' if c[3] else '-'}:{i}" for i, c in enumerate(CASES)])
def test_count_rule_examples(section, name, sentence, must):
    reading = _first_count(sentence)
    read = reading.rules + ([reading.owner_rule] if reading.owner_rule else [])
    if must:
        assert name in read, (sentence, reading)
    else:
        assert name not in read, (sentence, reading)


def test_every_rule_has_examples():
    for section, rs in rules().items():
        for r in rs:
            if section == "reject" and r.name == "ranking":
                continue  # documents what the counter regex already excludes
            assert len(r.examples) >= 1 and len(r.not_examples) >= 1, r.name


def test_readings_of_whole_sentences():
    """Role, date and bound together, as the extractor stores them."""
    assert _first_count("협의체는 2027년까지 참여 기관을 20곳으로 늘린다는 목표를 세웠다.").role == "planned"
    r = _first_count("회원은 기존 11곳에서 14곳이 됐다.")
    assert (r.role, r.as_of) == ("total", "before")
    r = _first_count("지난 7월 10개사로 출범한 얼라이언스")
    assert (r.role, r.as_of) == ("total", "launch")
    assert _first_count("회원사가 200곳을 넘어섰다.").bound == "at_least"
    assert _first_count("회원사가 200여곳에 이른다.").bound == "about"
    assert _first_count("40개 기업에서 120여명이 참석했다.").rejected == "attendees_from_groups"
    assert _first_count("이후 네 곳이 차례로 합류했다.").role == "joined"
    r = _first_count("협의회는 협회를 제외하면 11개 기업으로 구성됐다.")
    assert (r.role, r.qualification) == ("total", {"kind": "excluding", "what": "협회"})


# The counter grammar (lexicons/counter_kinds.txt, counter_modifiers.txt):
# 개 + modifiers + kinds of organisation, joined; what is no kind of member
# (places, countries, projects, people) is no counter.
COUNTED = [
    ("지역 농협연합은 24개 조합으로 출범했다.", "24개 조합"),
    ("협의체에는 9개 국내 기업과 연구기관이 참여한다.", "9개 국내 기업과 연구기관"),
    ("리그는 12개 구단으로 운영된다.", "12개 구단"),
    ("컨소시엄에는 5개 대학병원·제약사가 참여한다.", "5개 대학병원·제약사"),
    ("연합회에는 7개 지역 농협이 가입했다.", "7개 지역 농협"),
    ("네트워크는 11개의 공공기관이 함께 꾸렸다.", "11개의 공공기관"),
]
NOT_COUNTED = [
    "협의회는 10개 과제를 선정했다.",
    "협의체는 3개 지역에서 설명회를 열었다.",
    "얼라이언스는 5개 팀으로 나눠 운영한다.",
    "전국 17개 시·도에서 참가했다.",
]


@pytest.mark.parametrize("sentence,count", COUNTED)
def test_counter_grammar_counts_kinds_of_organisation(sentence, count):
    assert [m.group() for m in load().counter_re.finditer(sentence)] == [count]


@pytest.mark.parametrize("sentence", NOT_COUNTED)
def test_counter_grammar_leaves_other_things(sentence):
    assert not list(load().counter_re.finditer(sentence))
