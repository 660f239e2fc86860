"""What routes depend on, as `Annotated` aliases: the live content, the postcode look-up, the
store."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request

from navigator.engine.facts import Locator, Place
from navigator.settings import Settings
from navigator.store import Store
from navigator.web.live import LiveContent, Snapshot


class DefaultLocator:
    """The postcode look-up built from the app's content (`navigator.geo.store.LiveLookup`),
    loaded or built on first use and rebuilt in the background when the areas change."""

    def __init__(self, settings: Settings) -> None:
        from navigator.geo.store import LiveLookup

        self.live = LiveLookup.for_settings(settings)

    def locate(self, text: str) -> Place:
        place: Place = self.live.locate(text)
        return place


def get_live(request: Request) -> LiveContent:
    return cast(LiveContent, request.app.state.live)


def get_content(request: Request) -> Snapshot:
    """The content version to serve; `NoContent` (a 503 page) if none is good."""
    return get_live(request).current()


def get_locator(request: Request) -> Locator:
    return cast(Locator, request.app.state.locator)


def get_store(request: Request) -> Store:
    return cast(Store, request.app.state.store)


ContentDep = Annotated[Snapshot, Depends(get_content)]
LiveDep = Annotated[LiveContent, Depends(get_live)]
LocatorDep = Annotated[Locator, Depends(get_locator)]
StoreDep = Annotated[Store, Depends(get_store)]
