"""Messages in the reader's language (Korean or English), through gettext.

The catalogs live in ``factcheck/locale/<lang>/LC_MESSAGES/factcheck.po``
and are compiled to ``.mo`` files shipped in the package, so running needs
only the standard library's ``gettext``; Babel extracts and compiles them
(``make locale``). The language is ``--lang``, else ``FACTCHECK_LANG``, else
the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``ko_KR.UTF-8`` is
Korean), else English.

Two kinds of string:

- ``_("...")`` translates now: terminal output, report headings.
- ``lazy("...", **params)`` (imported as ``_`` in the checks) is a
  ``Message``: a ``str`` holding the English text, which also remembers its
  message id and parameters. A finding keeps that recipe in its ``extra``
  JSON (``extra["i18n"]``), so the store holds the English message as
  always and every output renders it in the language asked for at that
  moment, even for a finding carried over from an earlier run. A parameter
  may itself be a ``Message``, or a ``join`` of items whose separator is
  translated too ("A and B" / "A, B").

JSON keys, finding kinds, severities and ids are never translated.
"""
from __future__ import annotations

import gettext as _gettext
import json
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "factcheck"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "ko")
ENV = "FACTCHECK_LANG"

_state: dict[str, str | None] = {"lang": None}


def normalize(value: str | None) -> str | None:
    """'ko', 'ko_KR.UTF-8', 'KO' -> 'ko'; 'en_US', 'C', 'POSIX' -> 'en'; '' -> None."""
    if not value:
        return None
    v = value.strip().lower()
    if not v:
        return None
    return "ko" if v.startswith("ko") else "en"


def detect(explicit: str | None = None) -> str:
    """The language to speak: ``explicit`` (--lang), FACTCHECK_LANG, the locale, English."""
    for v in (explicit, os.environ.get(ENV)):
        got = normalize(v)
        if got:
            return got
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX precedence: the first one set wins
        got = normalize(os.environ.get(var))
        if got:
            return got
    return "en"


def set_language(lang: str | None) -> str:
    """Speak ``lang`` from now on (None: detect again from the environment)."""
    _state["lang"] = normalize(lang) if lang else None
    return language()


def language() -> str:
    return _state["lang"] or detect()


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[lang], fallback=True)


def gettext(msgid: str, lang: str | None = None) -> str:
    return translations(lang or language()).gettext(msgid)


def _(msgid: str, **params) -> str:
    """Translate now (into the current language) and fill in ``params``."""
    text = gettext(msgid)
    return text.format(**params) if params else text


def ngettext(singular: str, plural: str, n: int, **params) -> str:
    """Translate now, singular or plural by ``n``, and fill in ``params`` (and ``n``)."""
    text = translations(language()).ngettext(singular, plural, n)
    return text.format(n=n, **params)


# Separators of joined lists, per language. "and" joins names ("A and B",
# "A, B and C"); "then" a sequence in time; "vs" two variants.
_SEPARATORS = {
    "en": {",": ", ", ";": "; ", "and": " and ", "then": " then ", "vs": " vs "},
    "ko": {",": ", ", ";": "; ", "and": ", ", "then": " → ", "vs": " / "},
}


def _render(value, lang: str):
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, Joined):
        return value.render(lang)
    return value


class Message(str):
    """English text that knows how to say itself in another language."""

    msgid: str
    params: dict

    def __new__(cls, msgid: str, **params):
        obj = super().__new__(cls, _fill(msgid, params, "en"))
        obj.msgid = msgid
        obj.params = params
        return obj

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        return _fill(gettext(self.msgid, lang), self.params, lang)

    def to_json(self) -> dict:
        return {"msg": self.msgid, "params": {k: encode(v) for k, v in self.params.items()}}

    def __reduce__(self):
        return (_rebuild, (self.msgid, self.params))


def _rebuild(msgid, params):
    return Message(msgid, **params)


class Joined(str):
    """Items joined by a separator that is translated with the message."""

    items: list
    sep: str

    def __new__(cls, items, sep: str = ","):
        items = list(items)
        obj = super().__new__(cls, _join(items, sep, "en"))
        obj.items = items
        obj.sep = sep
        return obj

    def render(self, lang: str | None = None) -> str:
        return _join(self.items, self.sep, lang or language())


def _join(items: list, sep: str, lang: str) -> str:
    shown = [str(_render(i, lang)) for i in items]
    seps = _SEPARATORS.get(lang, _SEPARATORS["en"])
    if sep == "and" and lang == "en" and len(shown) > 2:
        return ", ".join(shown[:-1]) + " and " + shown[-1]
    return seps.get(sep, sep).join(shown)


def _fill(template: str, params: dict, lang: str) -> str:
    if not params:
        return template
    return template.format(**{k: _render(v, lang) for k, v in params.items()})


def lazy(msgid: str, **params) -> Message:
    """A message rendered in whatever language is asked for later."""
    return Message(msgid, **params)


def join(items, sep: str = ",") -> Joined:
    """``items`` joined by ``sep`` (",", ";", "and", "then", "vs"), per language."""
    return Joined(items, sep)


def encode(value):
    """A parameter as JSON: Messages and joins keep their structure."""
    if isinstance(value, Message):
        return value.to_json()
    if isinstance(value, Joined):
        return {"join": [encode(i) for i in value.items], "sep": value.sep}
    if isinstance(value, (int, float)) or value is None:
        return value
    return str(value)


def decode(value):
    if isinstance(value, dict):
        if "msg" in value:
            return Message(value["msg"], **{k: decode(v) for k, v in (value.get("params") or {}).items()})
        if "join" in value:
            return Joined([decode(i) for i in value["join"]], value.get("sep", ","))
    return value


def message_text(message: str, extra: dict | None = None, lang: str | None = None) -> str:
    """A finding's message in ``lang`` (default: the current language).

    ``extra["i18n"]`` holds the recipe (see ``Message.to_json``); without
    one (a finding stored by an older release), the stored English text.
    """
    if isinstance(message, Message):
        return message.render(lang)
    if isinstance(extra, str):  # as stored: JSON text
        try:
            extra = json.loads(extra)
        except ValueError:
            extra = None
    spec = extra.get("i18n") if isinstance(extra, dict) else None
    if spec:
        try:
            return decode(spec).render(lang)
        except (KeyError, IndexError, ValueError, TypeError):
            return str(message)
    return str(message)


def error_text(error) -> str:
    """An error (a FactcheckError, whose message may be a Message) in the current language."""
    msg = getattr(error, "message", None)
    if isinstance(msg, Message):
        text = msg.render()
        path = getattr(error, "path", None)
        return _("{path}: {message}", path=path, message=text) if path else text
    return str(error)
