"""Reading sources: dates, sections, furniture, repeated captions."""
from datetime import date
from pathlib import Path

from conftest import SEED_000, SEED_001

from factcheck.ingest.dates import find_dateline
from factcheck.ingest.reader import read_path
from factcheck.nlp.pipeline import process


def _doc(path: Path, drop_front_matter_date=False):
    src = read_path(path)
    published = None if drop_front_matter_date else src.published
    if drop_front_matter_date:
        published = find_dateline(src.text)
    return src, next(process([(src.text, published, src.title)]))


def test_seed_000_date_comes_from_its_dateline_not_the_2025_block():
    src = read_path(SEED_000)
    assert find_dateline(src.text).isoformat() == "2020-06-03"


def test_best_articles_block_is_furniture():
    src, doc = _doc(SEED_000)
    start = src.text.index("[뉴스핌 베스트 기사]")
    after = [s for s in doc._.fc_sentences if s.start >= start]
    assert after and all(s.section == "furniture" for s in after)


def test_menu_lines_are_furniture_and_headline_found():
    src, doc = _doc(SEED_000)
    first = {src.text[s.start:s.end]: s.section for s in doc._.fc_sentences[:8]}
    assert first["전체기사 최신뉴스 GAM"] == "furniture"
    assert first["기사입력 : 2020년06월03일 10:38"] == "byline"


def test_caption_repeat_is_recognised():
    src, doc = _doc(SEED_001)
    sents = doc._.fc_sentences
    repeats = [s for s in sents if s.repeat_of is not None]
    assert repeats and all(sents[s.repeat_of].section == "caption" for s in repeats)
    for s in repeats:
        assert src.text[s.start:s.end] == src.text[sents[s.repeat_of].start:sents[s.repeat_of].end]


def test_named_body_sentences_are_body():
    for path, needle in ((SEED_000, "전홍범 KT AI·DX사업부문장"), (SEED_001, "권봉석 LG전자 사장"), (SEED_001, "산학연 9곳")):
        src, doc = _doc(path)
        pos = src.text.index(needle)
        sent = next(s for s in doc._.fc_sentences if s.start <= pos < s.end)
        assert sent.section in ("body", "quote"), (needle, sent.section)


def test_byline_prefix_is_its_own_sentence():
    src, doc = _doc(SEED_000)
    by = [src.text[s.start:s.end] for s in doc._.fc_sentences if s.section == "byline"]
    assert "[서울=뉴스핌] 김지나 기자 =" in by


def test_share_bar_with_reporter_email_above_the_body_is_not_the_end():
    """A page header with a share bar and "승인 | 기자 | e-mail" above the first
    paragraph: the article below it is body, not furniture."""
    from factcheck.nlp.sections import classify_lines

    text = ("> 경제\n가온상의 부회장에 세 명 선임\n승인 | 나기자 기자 | desk@example.org\n"
            "글씨키우기 글씨줄이기 인쇄하기\n승인 2019-02-20 10:00:00\n\n"
            "[한빛경제=나기자 기자] 가온상공회의소는 20일 김하늘 가온전자 부회장을 새 부회장으로 선임했다고 밝혔다.\n\n"
            "나기자 기자 desk@example.org\n\nⓒ 한빛경제 무단전재 및 재배포 금지\n")
    labels = classify_lines(text)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    body = [lab for ln, lab in zip(lines, labels) if "선임했다고" in ln]
    assert body == ["body"]
    assert labels[-1] == "furniture" and labels[-2] == "furniture"  # the sign-off and copyright at the end still are


def test_dateline_with_a_time_word_after_its_label_is_read():
    # wire copy pasted without front matter: "송고시간 …", "입력일시 …", "등록일 …"
    for line in ("송고시간 2023-05-17 09:40", "입력일시 : 2023.05.17 09:40", "등록일 2023년 5월 17일"):
        text = f"한빛 얼라이언스, 두 곳 합류\n\n{line}\n\n(서울=가람통신) 박도윤 기자 = 한빛 얼라이언스에 두 곳이 새로 합류했다.\n"
        assert find_dateline(text).isoformat() == "2023-05-17", line
        doc = next(process([(text, find_dateline(text), None)]))
        first = {text[s.start:s.end]: s.section for s in doc._.fc_sentences[:3]}
        assert first[line] == "byline", line


def test_a_columns_byline_is_no_title():
    text = ("[데스크 칼럼] 작은 기업들의 연대\n\n이하람 경제부장\n\n"
            "가람 얼라이언스를 이끄는 박서준 의장은 지난달 기자와 만났다.\n")
    doc = next(process([(text, date(2025, 3, 5), None)]))
    got = {(c.subject, c.detail.get('title') or c.value) for c in doc._.fc_claims if c.kind == 'title'}
    assert ("이하람", "경제부장") not in got
    assert ("박서준", "의장") in got


def test_reader_rights_notice_closes_the_article():
    """"… 고충처리인을 운영하고 있습니다. 정정·반론보도 청구는 …": the
    outlet's standing notice, page furniture (a committee in it is no group)."""
    from factcheck.nlp.sections import classify_lines

    text = ("[정정]\n\n지난 2일자 경제면 기사에 실린 바다숲 조성 협의회의 회원 수 '9곳'은 확인 결과 '8곳'의 잘못입니다.\n\n"
            "한빛일보는 고충처리인을 운영하고 있습니다. 정정·반론보도 청구는 누리집 독자센터와 "
            "고충처리인 전화로 받습니다.\n")
    labels = classify_lines(text)
    assert labels[-1] == "furniture" and labels[-2] == "body"
