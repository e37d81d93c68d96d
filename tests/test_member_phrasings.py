"""Member counts, lists and titles in phrasings the press uses beside the
usual ones: members counted by the noun the group is named for, polite
copulas, bullet and notice layouts, signers of a launch pact, lists by kind,
prospective members, designate titles. Made-up sentences only."""
from datetime import date

from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2025, 3, 5)):
    doc = next(process([(text, published, None)]))
    for c in doc._.fc_claims:
        assert 0 <= c.start <= c.end <= len(text)
        for m in c.detail.get("members", []) if c.kind == "members" else []:
            assert text[m["start"]:m["end"]] == m["name"]
    return doc._.fc_claims


def counts(cs):
    return [(c.detail["count"], c.detail["role"], c.detail.get("bound")) for c in cs if c.kind == "member_count"]


def test_cooperative_members_counted_by_their_noun():
    text = ("세움정밀기술연구조합은 9일 창립총회를 열었다.\n\n"
            "조합은 내년까지 3개 기관을 더 받아 조합원을 21곳으로 늘릴 계획이다.\n")
    assert (21, "planned", None) in counts(claims_of(text))


def test_noun_a_group_is_named_for_counts_its_members():
    text = ("가람 바이오 펀드에 돈을 댄 기관들이 만든 출자자협의회가 2일 출범했다.\n\n"
            "협의회 의장은 \"3호 펀드를 만들면 출자자가 19곳 안팎으로 늘어날 수 있다\"고 말했다.\n")
    assert (19, "planned", "about") in counts(claims_of(text))


def test_a_noun_no_group_is_named_for_counts_nothing():
    text = ("가람 바이오 펀드에 돈을 댄 기관들이 만든 출자자협의회가 2일 출범했다.\n\n"
            "협의회는 올해 심사역 19곳을 더 뽑는다.\n")
    assert 19 not in [n for n, _, _ in counts(claims_of(text))]

