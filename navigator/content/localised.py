"""The content as seen in a language: where each family-facing field stands in a translation
file (translated, stale, missing; reviewed or not), and a translated copy of the content with
English wherever the translation is missing or stale.

Pure functions of the content and one translation file; nothing here knows about the web."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from navigator.content.directory import Directory
from navigator.content.pathway import Pathway
from navigator.content.translatable import Slot, slots
from navigator.content.translation import Entry, TranslationFile, fingerprint

ENGLISH = "en"


class Standing(StrEnum):
    """Where one family-facing field stands in one language."""

    translated = "translated"
    """Translated from the English the content has now."""
    stale = "stale"
    """Translated from English that has changed since: English is shown until it is redone."""
    missing = "missing"
    """No entry, or an entry with no text yet: English is shown."""


@dataclass(frozen=True)
class Place:
    """One slot and its entry (if any) in one language."""

    slot: Slot
    entry: Entry | None
    standing: Standing

    @property
    def unreviewed(self) -> bool:
        """Shown translated, and no native speaker has checked it yet."""
        return self.standing is Standing.translated and not (self.entry and self.entry.reviewed)


def standings(
    directory: Directory, pathways: Iterable[Pathway], translation: TranslationFile | None
) -> list[Place]:
    """Every family-facing field and where it stands in `translation`."""
    entries = translation.entries if translation is not None else {}
    places: list[Place] = []
    for slot in slots(directory, pathways):
        entry = entries.get(slot.key)
        if entry is None or not entry.text.strip():
            standing = Standing.missing
        elif entry.english != fingerprint(slot.english):
            standing = Standing.stale
        else:
            standing = Standing.translated
        places.append(Place(slot, entry, standing))
    return places


@dataclass(frozen=True)
class Counts:
    """How far one language has got."""

    translated: int = 0
    stale: int = 0
    missing: int = 0
    unreviewed: int = 0

    @classmethod
    def of(cls, places: Iterable[Place]) -> Counts:
        listed = list(places)
        return cls(
            translated=sum(p.standing is Standing.translated for p in listed),
            stale=sum(p.standing is Standing.stale for p in listed),
            missing=sum(p.standing is Standing.missing for p in listed),
            unreviewed=sum(p.unreviewed for p in listed),
        )


@dataclass(frozen=True)
class Localised:
    """The content in one language, and what of it is shown unreviewed."""

    language: str
    directory: Directory
    pathways: tuple[Pathway, ...]
    unreviewed: Mapping[str, str] = field(default_factory=dict)
    """The English of every translated field shown that no native speaker has checked yet,
    by key."""
    english_of: Mapping[str, str] = field(default_factory=dict)
    """The same English by the translated text shown: the urgent pages show it beside the
    translation while no native speaker has checked it."""

    def unreviewed_under(self, prefix: str) -> dict[str, str]:
        """The unreviewed fields whose keys start with `prefix` (`pathways.x.dispositions.y.`)."""
        return {k: v for k, v in self.unreviewed.items() if k.startswith(prefix)}


def localise(
    directory: Directory,
    pathways: Iterable[Pathway],
    translation: TranslationFile | None,
) -> Localised:
    """A copy of the content with each family-facing field translated where `translation` has
    a current translation of it, English elsewhere. The originals are left as they are."""
    listed = tuple(pathways)
    if translation is None or translation.language == ENGLISH:
        return Localised(ENGLISH, directory, listed)
    copies = [directory.model_copy(deep=True), *(p.model_copy(deep=True) for p in listed)]
    # The copies keep every id in place, so the slots of the copy line up with the original's.
    copied_directory = copies[0]
    assert isinstance(copied_directory, Directory)
    copied_pathways = tuple(p for p in copies[1:] if isinstance(p, Pathway))
    unreviewed: dict[str, str] = {}
    english_of: dict[str, str] = {}
    for place in standings(copied_directory, copied_pathways, translation):
        if place.standing is not Standing.translated or place.entry is None:
            continue
        text = place.entry.text.strip()
        if place.unreviewed:
            unreviewed[place.slot.key] = place.slot.english
            english_of[text] = place.slot.english
        setattr(place.slot.owner, place.slot.field, text)
    return Localised(
        translation.language, copied_directory, copied_pathways, unreviewed, english_of
    )
