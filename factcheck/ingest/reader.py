"""Read one source: bytes -> (normalised text, metadata).

Decisions made once, here, before anything is stored:
- the encoding (UTF-8, else detected: CP949/EUC-KR Korean is read, not refused);
- Unicode NFC and ``\n`` line ends, so every offset indexes the stored text;
- front matter (YAML between ``---`` lines) is metadata, not text;
- HTML goes through trafilatura's main-text extraction.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from ..errors import FactcheckError
from ..i18n import lazy
from .dates import find_dateline, parse_date
from .outlets import find_outlet

MAX_BYTES = 10 * 1024 * 1024  # one article; a larger file is refused, not read
MAX_CHARS = 1_000_000  # one article's text (spaCy's own default limit); more is refused
MIN_HTML_PARAGRAPH = 30  # characters: an HTML page whose longest paragraph is shorter has no article
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
META_KEYS = ("published", "outlet", "url", "title")


@dataclass
class RawSource:
    path: str
    text: str
    content_hash: str
    encoding: str
    published: date | None = None
    published_origin: str = "unknown"  # option | front_matter | html | dateline | unknown
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    extra: dict = field(default_factory=dict)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# the middle dots news writes between names ("가온ㆍ누리", "A‧B", "A・B"): one
# character each, so offsets stay those of the file, read as "·" everywhere
_MIDDLE_DOTS = str.maketrans({"\u318d": "·", "\u2027": "·", "\u30fb": "·", "\uff65": "·"})


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text).translate(_MIDDLE_DOTS)


def decode(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark (Windows "Unicode")
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FactcheckError(lazy("binary file (a UTF-16 mark, but not UTF-16 text), not an article"), path) from None
        if _looks_like_text(text):
            return text.lstrip("\ufeff"), "utf-16"
    if b"\x00" in data:
        raise FactcheckError(lazy("binary file (contains NUL bytes), not an article"), path)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in ("cp949",):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise FactcheckError(lazy("binary file (no text encoding fits), not an article"), path)
    text = str(best)
    if not _looks_like_text(text):
        raise FactcheckError(lazy("binary file (mostly control characters), not an article"), path)
    return text, best.encoding


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for c in text if (unicodedata.category(c) == "Cc" and c not in "\n\r\t\f") or c == "\ufffd")
    return bad / len(text) < 0.01


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when there is one: the same documents, a tenth of the time


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, text
    end = text.find("\n---", first_nl)
    while end >= 0:
        after = end + 4
        if after >= len(text) or text[after] == "\n":
            break
        end = text.find("\n---", after)
    if end < 0:
        raise FactcheckError(lazy("malformed front matter: no closing '---' line"), path)
    block = text[first_nl + 1 : end]
    body = text[end + 4 :]
    if body.startswith("\n"):
        body = body[1:]
    try:
        meta = yaml.load(block, Loader=_YAML_LOADER) if block.strip() else {}
    except ValueError as exc:  # YAML reads 2020-02-30 as a date and fails
        raise FactcheckError(lazy("malformed front matter: a date that does not exist ({reason})", reason=str(exc)), path) from None
    except yaml.YAMLError as exc:
        # plain "key: value" lines are front matter too, even when a value is
        # not valid YAML (title: "quoted"…and more)
        meta = _simple_pairs(block)
        if meta is None:
            mark = getattr(exc, "problem_mark", None)
            raise FactcheckError(lazy("malformed front matter (line {line}): {problem}", line=mark.line + 2, problem=getattr(exc, 'problem', None) or 'not YAML') if mark is not None else lazy("malformed front matter: {problem}", problem=getattr(exc, 'problem', None) or 'not YAML'), path) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FactcheckError(lazy("malformed front matter: expected 'key: value' lines"), path)
    return meta, body


_PAIR = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")


def _simple_pairs(block: str) -> dict | None:
    out = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _PAIR.match(line)
        if not m:
            return None
        value = re.sub(r"\s+#.*$", "", m.group(2)).strip()
        out[m.group(1)] = value
    return out


def _html_to_text(html: str, path: str) -> tuple[str, dict]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None:
        raise FactcheckError(lazy("no article text found in the HTML page"), path)
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or ""
    # what is left of a page of menus and links is a few short fragments; an
    # article has at least one paragraph
    if max((len(line.strip()) for line in text.splitlines()), default=0) < MIN_HTML_PARAGRAPH:
        raise FactcheckError(lazy("no article text found in the HTML page (only menus, links or scripts)"), path)
    meta = {"title": get("title"), "outlet": get("sitename"), "url": get("url"), "published": get("date")}
    return text, {k: v for k, v in meta.items() if v}


def read_bytes(data: bytes, path: str, suffix: str | None = None, overrides: dict | None = None) -> RawSource:
    """Turn the bytes of one source into a RawSource, or raise FactcheckError."""
    from datetime import date as _date

    if len(data) > MAX_BYTES:
        size = f"more than {MAX_BYTES // (1024 * 1024)} MB" if path == "<stdin>" else f"{len(data) / 1e6:.0f} MB"  # stdin is read only that far
        raise FactcheckError(lazy("input is {size}; one article may be at most {limit} MB", size=size, limit=MAX_BYTES // (1024 * 1024)), path)
    if not data.strip():
        raise FactcheckError(lazy("empty file"), path)
    text, encoding = decode(data, path)
    text = normalise(text)
    suffix = (suffix or Path(path).suffix).lower()
    meta, origin = {}, "unknown"
    if suffix in HTML_SUFFIXES:
        text, meta = _html_to_text(text, path)
        text = normalise(text)
        origin_meta = "html"
    else:
        meta, text = split_front_matter(text, path)
        origin_meta = "front_matter"
    if not text.strip():
        raise FactcheckError(lazy("empty file (no text after the front matter)") if meta else "empty file", path)
    if len(text) > MAX_CHARS:
        raise FactcheckError(lazy("text is {length:,} characters; one article may be at most {limit:,}", length=len(text), limit=MAX_CHARS), path)
    src = RawSource(path=path, text=text, content_hash=content_hash(data), encoding=encoding)
    src.extra = {k: v for k, v in meta.items() if k not in META_KEYS and isinstance(v, (str, int, float))}
    for key in ("outlet", "url", "title"):
        if meta.get(key) is not None:
            setattr(src, key, str(meta[key]).strip())
    if meta.get("published") is not None:
        d = parse_date(meta["published"])
        if d is None:
            raise FactcheckError(lazy("malformed front matter: published {value} is not a date (use YYYY-MM-DD)", value=repr(meta['published'])), path)
        src.published, origin = d, origin_meta
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key == "published":
            src.published, origin = value, "option"
        else:
            setattr(src, key, value)
    if src.published is None:
        d = find_dateline(text)
        if d:
            src.published, origin = d, "dateline"
    if not src.outlet:
        src.outlet = find_outlet(text)  # "[한빛경제 박도윤 기자]", "ⓒ 뉴스마루"
    if src.published is not None and src.published > _date.today():
        raise FactcheckError(lazy("published date {date} is in the future", date=src.published.isoformat()), path)
    src.published_origin = origin
    return src


def read_path(path: Path, display: str | None = None, overrides: dict | None = None) -> RawSource:
    display = display or str(path)
    return read_bytes(read_file_bytes(path, display), display, path.suffix, overrides)


def read_file_bytes(path: Path, display: str) -> bytes:
    """The bytes of one file, or a one-line FactcheckError naming it."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FactcheckError(lazy("file is {size:.0f} MB; one article may be at most {limit} MB", size=size / 1e6, limit=MAX_BYTES // (1024 * 1024)), display)
        return path.read_bytes()
    except FileNotFoundError:
        raise FactcheckError(lazy("no such file (it vanished before it could be read)"), display) from None
    except IsADirectoryError:
        raise FactcheckError(lazy("is a directory"), display) from None
    except PermissionError:
        raise FactcheckError(lazy("permission denied"), display) from None
    except OSError as exc:
        raise FactcheckError(lazy("cannot read: {reason}", reason=exc.strerror or str(exc)), display) from None
