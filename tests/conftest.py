import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

# Tests read English unless they ask for Korean (--lang ko / FACTCHECK_LANG=ko),
# whatever the locale of the machine running them.
os.environ["FACTCHECK_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SEED_000 = SOURCES / "2020-06-03-newspim-ai-one-team.txt"
SEED_001 = SOURCES / "2020-09-27-enewstoday-ai-one-team-summit.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def news_articles() -> list[Path]:
    """The seeds, and the development corpus's articles when it is here."""
    paths = sorted(SOURCES.glob("*.txt"))
    if (CORPUS / "cases").is_dir():
        paths += sorted(p for p in (CORPUS / "cases").rglob("*") if p.suffix in (".txt", ".md"))
    return paths


class Runner:
    """Runs the CLI through click's CliRunner against a store in tmp_path."""

    def __init__(self, tmp_path: Path):
        self.tmp = tmp_path
        self.db = str(tmp_path / "claims" / "factcheck.duckdb")
        self.runner = CliRunner()

    def __call__(self, *args, input=None):
        from factcheck.errors import FactcheckError

        result = self.runner.invoke(cli, ["--db", self.db, *map(str, args)], input=input, standalone_mode=False, catch_exceptions=True)
        # mirror main(): FactcheckError -> exit 2 with one line
        if isinstance(result.exception, FactcheckError):
            result.exit_code = 2
            result.error_line = f"factcheck: error: {result.exception}"
        elif isinstance(result.exception, SystemExit):
            result.exit_code = result.exception.code
            result.error_line = None
        else:
            result.error_line = None
        return result

    def json(self, *args):
        res = self(*args, "--format", "json")
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
        return json.loads(res.stdout)


@pytest.fixture(autouse=True)
def _language_from_the_environment():
    """A test that chose a language (--lang) leaves none chosen for the next."""
    yield
    from factcheck import i18n

    i18n.set_language(None)


@pytest.fixture
def run(tmp_path):
    return Runner(tmp_path)


@pytest.fixture
def article(tmp_path):
    """Writes an article with front matter into tmp_path and returns its
    path: ``article("a.txt", "2024-05-20", "가온일보", "headline\n\nbody")``."""
    def write(name: str, published: str, outlet: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(f"---\npublished: {published}\noutlet: {outlet}\n---\n{text}", encoding="utf-8")
        return path
    return write


@pytest.fixture(scope="session")
def seeded(tmp_path_factory):
    """A store with both seeds, checked once (read-only use)."""
    tmp = tmp_path_factory.mktemp("seeds")
    r = Runner(tmp)
    res = r("add", SEED_000, SEED_001)
    assert res.exit_code in (0, None), res.output
    return r


def store_snapshot(db: str):
    """Everything a user could see in the store, to compare before/after."""
    import duckdb

    if not os.path.exists(db):
        return None
    con = duckdb.connect(db, read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("sources", "sentences", "claims", "findings", "runs")
        }
    finally:
        con.close()


def has_open(pid: int, path) -> bool:
    """Whether process ``pid`` has ``path`` open (Linux /proc): how a test
    knows an ``add`` has listed its folder and opened the store."""
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
