"""The interface catalogues: the words of the pages (not the content) in each language.

A catalogue is `navigator/locale/<code>/LC_MESSAGES/messages.po`, kept in the repository;
`make translations` extracts, updates and compiles them (docs/i18n.md). The compiled
`messages.mo` is built by the install step and is not in git. Here a catalogue is read from its
`.mo` when that is newer than its `.po`; otherwise (no `.mo`, or a `.po` edited since) the `.po`
is compiled in memory with Babel, so a fresh checkout or a translator's edit works at once.
Fuzzy entries are left out, as `pybabel compile` leaves them out: English is shown instead.

The catalogue's `# Reviewed-By:` comment names the native speaker who checked it; empty, the pages
say the translation is not yet checked."""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from navigator.web.language import DEFAULT, LOCALE_DIR, current

__all__ = [
    "N_",
    "REVIEWER",
    "gettext",
    "install",
    "ngettext",
    "offer_in",
    "reviewed",
    "translations",
]

REVIEWER = "Reviewed-By"
"""The line of the catalogue's header comment (`# Reviewed-By: <name>`) that names the native
speaker who checked the translation: empty until someone has. (A comment, not a header field:
`pybabel update` keeps the comment and drops unknown fields.)"""

DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it (at import time no page has a
    language): code translates it later with `gettext(message)`."""
    return message


SUGGESTION = N_("Read these pages in %(language)s")
"""The line offering the browser's preferred language, in that language."""


def offer_in(code: str, name: str) -> str:
    """'Read these pages in Polski', in the offered language itself."""
    text = translations(code).gettext(SUGGESTION)
    return _format(text, SUGGESTION, {"language": name})


def _files(code: str, root: Path) -> tuple[Path, Path]:
    folder = root / code / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


@cache
def translations(code: str, root: Path = LOCALE_DIR) -> NullTranslations:
    """The catalogue of `code` (none for English or a language without one)."""
    if code == DEFAULT:
        return NullTranslations()
    po, mo = _files(code, root)
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as stream:
            return Translations(stream, domain=DOMAIN)
    if not po.is_file():
        return NullTranslations()
    with po.open("rb") as stream:
        catalog = read_po(stream, locale=code.replace("-", "_"))
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@cache
def reviewed(code: str, root: Path = LOCALE_DIR) -> bool:
    """Whether a native speaker has checked the catalogue of `code` (English: yes)."""
    if code == DEFAULT:
        return True
    po, _ = _files(code, root)
    if not po.is_file():
        return False
    with po.open("rb") as stream:
        catalog = read_po(stream)
    for line in (catalog.header_comment or "").splitlines():
        text = line.lstrip("#").strip()
        if text.startswith(REVIEWER + ":"):
            return bool(text[len(REVIEWER) + 1 :].strip())
    return False


def gettext(message: str, **variables: Any) -> str:
    """`message` in the page's language, with `%(name)s` variables filled in after
    translating. A translation whose variables do not match falls back to the English."""
    text = translations(current()).gettext(message)
    return _format(text, message, variables)


def ngettext(singular: str, plural: str, n: int, **variables: Any) -> str:
    """The plural form for `n` in the page's language (Polish has three, Urdu two)."""
    text = translations(current()).ngettext(singular, plural, n)
    variables.setdefault("num", n)
    return _format(text, singular if n == 1 else plural, variables)


def _format(text: str, english: str, variables: dict[str, Any]) -> str:
    if not variables:
        return text
    return _first_formatted((text, english), variables, english)


def _first_formatted(candidates: tuple[str, str], variables: dict[str, Any], fallback: str) -> str:
    """The first candidate that formats with `variables` (a translation that breaks them falls
    back to the English), else `fallback`."""
    for candidate in candidates:
        try:
            return candidate % variables
        except (KeyError, ValueError, TypeError):
            continue
    return fallback


def _escaped(variables: dict[str, Any]) -> dict[str, Any]:
    return {k: Markup.escape(v) if isinstance(v, str) else v for k, v in variables.items()}


def _template_format(
    context: Context, text: str, english: str, variables: dict[str, Any]
) -> str | Markup:
    """Jinja's newstyle formatting (always applied: `%%` in a `{% trans %}` block is a
    `%`), with the English as the fallback for a translation that breaks its variables."""
    if context.eval_ctx.autoescape:
        markup = (Markup(text), Markup(english))
        return _first_formatted(markup, _escaped(variables), Markup.escape(english))
    return _first_formatted((text, english), variables, english)


def translated(text: str) -> str:
    """`text` in the page's language if the catalogue has it (words that come from code, such
    as an action's name), else as it is: no formatting."""
    return translations(current()).gettext(str(text))


@pass_context
def template_gettext(context: Context, message: str, /, **variables: Any) -> str | Markup:
    """Templates' `_()`, `gettext()` and `{% trans %}`: in the page's language."""
    text = translations(current()).gettext(message)
    return _template_format(context, text, message, variables)


@pass_context
def template_ngettext(
    context: Context, singular: str, plural: str, n: int, /, **variables: Any
) -> str | Markup:
    """Templates' `ngettext()` and `{% trans count=n %}…{% pluralize %}…`."""
    text = translations(current()).ngettext(singular, plural, n)
    variables.setdefault("num", n)
    return _template_format(context, text, singular if n == 1 else plural, variables)


def install(environment: Environment) -> None:
    """Give a Jinja environment (with `jinja2.ext.i18n`) the page-language gettext."""
    environment.newstyle_gettext = True  # type: ignore[attr-defined]
    environment.policies["ext.i18n.trimmed"] = True
    environment.filters["translated"] = pass_context(
        lambda context, text: translated(text)  # never worked out at compile time
    )
    environment.globals.update(
        gettext=template_gettext, _=template_gettext, ngettext=template_ngettext
    )
