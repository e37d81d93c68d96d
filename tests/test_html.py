"""An HTML page: the article is read, the page around it (menus, scripts,
ads, "most read" lists, footer) is not."""
from pathlib import Path

DATA = Path(__file__).parent / "data"


def test_html_article_is_read_without_the_page_around_it(run):
    res = run("add", DATA / "article.html")
    assert res.exit_code in (0, None), res.output
    src = run.json("sources")["sources"][0]
    assert src["published"] == "2023-05-16" and src["date_from"] == "html"
    assert src["outlet"] == "테스트경제"
    import duckdb

    con = duckdb.connect(run.db, read_only=True)
    text = con.execute("SELECT text FROM sources").fetchone()[0]
    con.close()
    assert "오태식 세진머티리얼즈 사장은" in text and "가온정밀화학 등 9개 기업·기관" in text
    for chrome in ("광고 문의", "많이 본 뉴스", "다른 기사 제목", "dataLayer", "Copyright", "경제</a>"):
        assert chrome not in text
    claims = run.json("claims")["claims"]
    got = {(c["kind"], c["subject"], c["value"]) for c in claims}
    assert ("title", "오태식", "사장") in got
    assert ("member_count", "소재혁신 얼라이언스", "9") in got
    for c in claims:
        assert text[c["start"]:c["end"]] == c["quote"]
