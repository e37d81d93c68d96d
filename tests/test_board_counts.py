"""People counted as the members of a board (counts.py ``_BOARD_COUNT``):
"부회장단은 18명에서 21명으로 늘어난다" counts the board; "회장단 회의에는 15명이
참석했다" counts people who came, and no organisation's members."""
from datetime import date

from factcheck.nlp.pipeline import process


def _counts(text):
    doc = next(process([(text + "\n", date(2024, 4, 18), None)]))
    return [(c.subject, int(c.value), c.detail.get("role")) for c in doc._.fc_claims if c.kind == "member_count"]


def test_board_grows():
    got = _counts("한빛상의 비상근 부회장단은 현재 18명에서 21명으로 늘어난다.")
    assert ("한빛상의 부회장단", 18, "total") in got
    assert ("한빛상의 부회장단", 21, "planned") in got


def test_board_named_by_its_organisation():
    got = _counts("누리무역협회는 비상근 부회장 9명을 새로 영입해 회장단을 22명으로 확대했다.")
    assert ("누리무역협회 회장단", 22, "total") in got
    assert not [c for c in got if c[0] == "누리무역협회"]  # never the association's own (company) members


def test_people_who_came_are_not_a_board_size():
    assert _counts("회장단 회의에는 15명이 참석했다.") == []
    assert _counts("부회장단은 5명이 회의에 참석해 의견을 냈다.") == []
    assert _counts("누리협회 회원사 직원 50명이 참석했다.") == []


def test_a_committee_counted_by_its_members():
    """"17명의 위원", "18명의 민간위원", "위원 17명": the article's 위원회 by its
    members (people); "4명의 신규 위원" are new ones; reappointed ones and
    people who came are no size."""
    got = _counts("대통령 소속 가람통합위원회가 17일 출범했다. 김 위원장과 함께 선임된 17명의 위원은 각계를 대변한다.")
    assert ("가람통합위원회", 17, "total") in got
    got = _counts("가람통합위원회는 위원 14명을 연임 위촉하고 4명의 신규 위원을 위촉했다.")
    assert got == [("가람통합위원회", 4, "joined")]
    assert _counts("가람통합위원회 회의에는 위원 5명이 참석했다.") == []


def _qualified(text: str):
    doc = next(process([(text, date(2024, 5, 1), None)]))
    return [(int(c.value), (c.detail.get("qualification") or {}).get("what")) for c in doc._.fc_claims if c.kind == "member_count"]


def test_one_kind_of_a_committees_members_is_a_part_never_its_size():
    """"16명의 당연직 위원과 32명의 민간위원": each counts one kind of member
    (lexicons/member_kinds.txt); kept, qualified by the kind, so the checks
    never compare 16 with 32 or with the committee's total as its size."""
    got = _qualified("누리통합위원회에는 16명의 당연직 위원과 32명의 민간위원이 참여한다.")
    assert got == [(16, "당연직위원"), (32, "민간위원")]
    assert _qualified("누리통합위원회에는 당연직 위원 9명과 민간위원 12명이 참여한다.") == [(9, "당연직위원"), (12, "민간위원")]
    assert _qualified("누리통합위원회에는 12명의 위원이 참여한다.") == [(12, None)]  # no kind: the size


def test_a_committee_whose_kinds_of_member_differ_is_no_conflict(run, article, tmp_path):
    import json

    article("a.txt", "2024-05-20", "가온일보", "누리통합위원회 출범\n\n누리통합위원회에는 16명의 당연직 위원과 32명의 민간위원이 참여한다.\n")
    article("b.txt", "2024-05-20", "나래일보", "누리통합위원회 출범\n\n누리통합위원회는 당연직 위원 16명으로 첫 회의를 열었다.\n")
    assert run("add", str(tmp_path)).exit_code in (0, None)
    res = run("check", "--format", "json", "--fail-on", "never")
    assert not [f for f in json.loads(res.output)["findings"] if f["kind"] == "member_count_conflict"], res.output
