"""Severity from confidence (SPEC "What is checked"): a disagreement resting
on an unsure claim is at most info, "check this", in either language."""
from factcheck.checks import UNSURE_BELOW, _cap_unsure
from factcheck.checks.base import Finding
from factcheck.i18n import lazy
from factcheck.nlp.count_model import read_count


def _finding():
    msg = lazy("{name} has two titles: {a} vs {b}.", name="김하늘", a="사장", b="부사장")
    return Finding("title_conflict", "title", "error", "김하늘", ["사장", "부사장"], msg,
                   [{"claim": "c1", "quote": "사장"}, {"claim": "c2", "quote": "부사장"}]).finalize()


def test_unsure_claim_makes_at_most_info():
    f = _cap_unsure(_finding(), {"c1": 0.99, "c2": UNSURE_BELOW - 0.2})
    assert f.severity == "info" and f.extra["severity_as_found"] == "error"
    assert f.text("en").startswith("Check this (the extraction behind it is unsure, confidence 0.50)")
    assert f.text("ko").startswith("확인 필요")
    assert "김하늘" in f.text("en")


def test_sure_claims_keep_the_severity():
    f = _cap_unsure(_finding(), {"c1": 0.99, "c2": 0.93})
    assert f.severity == "error" and f.extra["confidence"] == 0.93


def test_count_claims_carry_their_rules_measured_precision():
    plain = read_count("협의회에는 ", "이 참여한다.")
    assert plain.rules == [] and 0.5 <= plain.confidence <= 1.0
    joined = read_count("이후 ", "이 차례로 합류했다.")
    assert joined.rules == ["joined_verb_after"] and joined.confidence < 1.0
