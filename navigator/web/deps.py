"""What routes depend on, as `Annotated` aliases: the live content, the postcode look-up, the
store."""

from __future__ import annotations

import logging
from typing import Annotated, cast

from fastapi import Depends, Request

from navigator.engine.facts import Locator, Place
from navigator.settings import Settings
from navigator.store import Store
from navigator.web.live import LiveContent, Snapshot

log = logging.getLogger(__name__)


class DefaultLocator:
    """The postcode look-up built from the app's content (`navigator.geo.store.LiveLookup`),
    loaded or built on first use and rebuilt in the background when the areas change."""

    def __init__(self, settings: Settings) -> None:
        from navigator.geo.store import LiveLookup

        self.live = LiveLookup.for_settings(settings)

    def locate(self, text: str) -> Place:
        place: Place = self.live.locate(text)
        return place

    def warm(self) -> None:
        """Load or build the lookup now (at start-up, in a background thread), so that the
        first postcode does not wait for it; a failure is logged, and said again on use."""
        from navigator.geo.store import LookupUnavailable

        try:
            self.live.start()
        except LookupUnavailable as error:
            log.warning("%s", error)


def get_live(request: Request) -> LiveContent:
    return cast(LiveContent, request.app.state.live)


def get_content(request: Request) -> Snapshot:
    """The content version to serve; `NoContent` (a 503 page) if none is good."""
    return get_live(request).current()


def page_language(request: Request) -> str:
    """The language the page is shown in: `request.state.language` where the language choice
    has set it, else English."""
    language = getattr(request.state, "language", None)
    return language if isinstance(language, str) and language else "en"


def get_page_content(request: Request) -> Snapshot:
    """The content as the page's language shows it: family-facing words translated where a
    current translation exists (see docs/translations.md), English elsewhere. The engine
    works by ids, so answers and results are the same in every language."""
    return get_content(request).in_language(page_language(request))


def get_locator(request: Request) -> Locator:
    return cast(Locator, request.app.state.locator)


def get_store(request: Request) -> Store:
    return cast(Store, request.app.state.store)


ContentDep = Annotated[Snapshot, Depends(get_content)]
PageContentDep = Annotated[Snapshot, Depends(get_page_content)]
LiveDep = Annotated[LiveContent, Depends(get_live)]
LocatorDep = Annotated[Locator, Depends(get_locator)]
StoreDep = Annotated[Store, Depends(get_store)]
