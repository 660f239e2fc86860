"""The result page's language filter: "only services that work in Urdu" (`?speaks=ur`), the
services whose staff work in the language or that arrange interpreters (`Service.speaks`).
Plain links, so it works without JavaScript. Never on an urgent result, and never an empty
result: when no service of the result has said it works in the language, all are shown, and
the page says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from fastapi import Request

from navigator.content.directory import Directory
from navigator.content.vocabulary import LANGUAGE_NAMES
from navigator.web.language import NATIVE_NAMES

PARAM = "speaks"


@dataclass(frozen=True)
class LanguageFilter:
    """The language chosen (None: any) and the links to choose one."""

    directory: Directory
    chosen: str | None = None
    options: list[dict[str, object]] = field(default_factory=list)
    """Each language the site offers but English: its code, name, link and whether chosen."""
    all_url: str = ""
    none_speak: bool = False
    """A language is chosen but no service of the result has said it works in it."""

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.chosen or "", self.chosen or "")

    def speaks(self, service_id: str) -> bool:
        service = self.directory.service(service_id)
        return self.chosen is None or (service is not None and service.speaks(self.chosen))


def language_filter(
    request: Request, directory: Directory, own_url: str, urgent: bool
) -> LanguageFilter:
    """The filter for a result at `own_url` (its address without the filter)."""
    if urgent:
        return LanguageFilter(directory)
    asked = request.query_params.get(PARAM, "").strip().lower()
    offered = [c for c in directory.site.languages if c != "en" and c in LANGUAGE_NAMES]
    chosen = asked if asked in offered else None
    join = "&" if "?" in own_url else "?"
    options: list[dict[str, object]] = [
        {
            "code": code,
            "name": NATIVE_NAMES.get(code, LANGUAGE_NAMES[code]),
            "url": own_url + join + urlencode({PARAM: code}),
            "chosen": code == chosen,
        }
        for code in offered
    ]
    return LanguageFilter(directory, chosen, options, own_url)
