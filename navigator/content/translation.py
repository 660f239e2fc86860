"""A translation file (`translations/ur.yaml`): the family-facing words of the content in one
language, each entry keyed by the content's ids and field (`services.health-visiting.name`),
holding the translated text, a fingerprint of the English it translates (so that a later edit
of the English marks it stale) and who checked it, if anyone has."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from pydantic import Field

from navigator.content.directory import Content

FINGERPRINT_LENGTH = 12
UNREVIEWED = "not yet checked by a native speaker"
"""What an entry no reviewer has signed is, in the words pages and reports use."""


def normalised(english: str) -> str:
    """The English as a fingerprint reads it: runs of white space made one space, trimmed, so
    re-wrapping a paragraph in the YAML does not mark its translations stale."""
    return re.sub(r"\s+", " ", english).strip()


def fingerprint(english: str) -> str:
    """The first 12 hex digits of the SHA-256 of the normalised English."""
    digest = hashlib.sha256(normalised(english).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


class Entry(Content):
    """One translated field."""

    text: str = Field(
        "", description="The translation. Empty: still to be translated (English is shown)."
    )
    english: str = Field(
        description="The fingerprint of the English it translates (`navigator translations "
        "stub` writes it): when the English changes, the entry is stale and English is shown."
    )
    reviewed_by: str | None = Field(
        None,
        description="Who checked the translation as a native speaker (a role or a name); "
        "left out, the entry is shown marked 'not yet checked by a native speaker'.",
    )
    reviewed_on: date | None = Field(None, description="When it was checked.")

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by)


class TranslationFile(Content):
    """The whole of one `translations/<code>.yaml`."""

    language: str = Field(
        description="The language's code (`ur`, `pl`): one of the site's `languages`, and the "
        "file's name."
    )
    entries: dict[str, Entry] = Field(
        default_factory=dict,
        description="Translated fields by key: `site.title`, `services.<id>.<field>`, "
        "`concerns.<id>.<field>`, `pathways.<id>.questions.<id>.<field>`, "
        "`pathways.<id>.questions.<id>.choices.<id>.<field>` and so on (docs/translations.md). "
        "Keep `entries:` last in the file: stubs are appended under it.",
    )
