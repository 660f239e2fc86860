"""Tables. Nothing here may hold personal data: a row is about content, never about a family."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel


class ContentVersion(SQLModel, table=True):
    """One attempt to load the content (at start-up or after an edit), accepted or rejected.

    A rejected attempt keeps the last good version serving; its findings say why."""

    __tablename__ = "content_version"

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(index=True, description="SHA-256 of every content file, in order.")
    directory_version: str | None = Field(default=None, description="services.yaml `version`.")
    pathway_versions: str = Field(default="{}", description="JSON object: pathway id → version.")
    loaded_at: datetime = Field(index=True, description="When the attempt was made (UTC).")
    accepted: bool = Field(index=True, description="True if this version went live.")
    errors: int = Field(default=0, description="Findings of severity error.")
    warnings: int = Field(default=0, description="Findings of severity warning.")
    findings: str = Field(default="[]", description="JSON list of the findings, as `as_json()`.")

    @property
    def pathways(self) -> dict[str, str]:
        value: dict[str, str] = json.loads(self.pathway_versions)
        return value

    @property
    def finding_list(self) -> list[dict[str, Any]]:
        value: list[dict[str, Any]] = json.loads(self.findings)
        return value


class ServerState(SQLModel, table=True):
    """Short-lived state behind a random id (docs/decisions/state.md): a family's answers
    while they go through a journey, so that none is in the address or the history. Expires
    `expires_at` (60 minutes after the last step by default), deleted by "Leave this site" and
    purged when expired. The one table that may hold anything about a person, and only for
    that long. A commissioner's sign-in session is kept here too (kind `session`)."""

    __tablename__ = "server_state"

    id: str = Field(primary_key=True, description="A random id (256 bits), the cookie's value.")
    kind: str = Field(index=True, description="What the state is for: `journey`, `session`.")
    data: str = Field(default="{}", description="JSON object: the state itself.")
    expires_at: datetime = Field(index=True, description="When it is purged (UTC).")


class JourneyRecord(SQLModel, table=True):
    """One finished journey, anonymous (issue 11; docs/decisions/records.md). Only what a
    commissioner needs to see demand and unmet need: never a name, a date of birth, a postcode
    (not even its district), an IP address or free text. A red-flag journey keeps only its
    disposition. The concerns, areas, facts, offers and near-misses are rows of their own
    tables so reports can count them in SQL."""

    __tablename__ = "journey_record"

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(
        unique=True, index=True, description="A random id: links feedback to this record."
    )
    hour: datetime = Field(index=True, description="The hour it finished (UTC), no finer.")
    pathway_id: str = Field(index=True)
    pathway_version: str = Field(default="")
    audience: str = Field(default="", description="`family` or `practitioner`.")
    stage: str | None = Field(default=None, description="`pregnancy` or `postnatal`.")
    age_band: str | None = Field(default=None, index=True, description="A coverage age band.")
    need: str | None = Field(default=None)
    disposition: str | None = Field(
        default=None,
        index=True,
        description="The result's disposition; all a red-flag journey keeps (with the hour).",
    )
    catch_all_only: bool = Field(
        default=False, description="True if only catch-all services fitted."
    )


class JourneyConcern(SQLModel, table=True):
    """A concern named in a journey."""

    __tablename__ = "journey_concern"

    journey_id: int = Field(foreign_key="journey_record.id", primary_key=True, ondelete="CASCADE")
    concern: str = Field(primary_key=True, index=True)


class JourneyArea(SQLModel, table=True):
    """An area (content id: ward, district, locality) the family's postcode fell in."""

    __tablename__ = "journey_area"

    journey_id: int = Field(foreign_key="journey_record.id", primary_key=True, ondelete="CASCADE")
    area: str = Field(primary_key=True, index=True)


class JourneyFact(SQLModel, table=True):
    """A named fact answered in a journey (`little-english`: true)."""

    __tablename__ = "journey_fact"

    journey_id: int = Field(foreign_key="journey_record.id", primary_key=True, ondelete="CASCADE")
    fact: str = Field(primary_key=True)
    value: bool


class JourneyOffer(SQLModel, table=True):
    """A service and route the journey's result showed."""

    __tablename__ = "journey_offer"

    journey_id: int = Field(foreign_key="journey_record.id", primary_key=True, ondelete="CASCADE")
    service: str = Field(primary_key=True, index=True)
    route: str = Field(primary_key=True, description="The route's kind: referral, …")


class JourneyNearMiss(SQLModel, table=True):
    """A service and route that nearly fitted, and the criterion that failed."""

    __tablename__ = "journey_near_miss"

    journey_id: int = Field(foreign_key="journey_record.id", primary_key=True, ondelete="CASCADE")
    service: str = Field(primary_key=True, index=True)
    route: str = Field(primary_key=True)
    criterion: str = Field(index=True, description="`age`, `area`, `need`, `concern`, …")


class Feedback(SQLModel, table=True):
    """ "Did this help?" for one journey record, never for a person. `text` is stored only after
    postcodes, phone numbers, emails and names with titles are removed."""

    __tablename__ = "feedback"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int | None = Field(
        default=None, foreign_key="journey_record.id", index=True, ondelete="CASCADE"
    )
    hour: datetime = Field(index=True, description="The hour it was given (UTC).")
    helped: str = Field(description="`yes`, `no` or `partly`.")
    text: str = Field(default="", max_length=500, description="Scrubbed, at most 500 characters.")


class Commissioner(SQLModel, table=True):
    """An account that may sign in to the commissioners' workbench (docs/decisions/state.md,
    "Commissioners' sessions"). Made and removed with `navigator commissioner`. The password is
    kept only as an argon2id hash; the TOTP secret is kept so the second factor can be checked."""

    __tablename__ = "commissioner"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True, description="Lower-case; the sign-in name.")
    password_hash: str = Field(description="argon2id, in the PHC string format.")
    totp_secret: str = Field(description="Base32 TOTP secret (30 s, 6 digits).")
    totp_last_step: int | None = Field(
        default=None, description="The time step of the last code used: no code is used twice."
    )
    failed_attempts: int = Field(default=0, description="Failed sign-ins since the last success.")
    locked_until: datetime | None = Field(
        default=None, description="No sign-in before this (UTC), after too many failures."
    )
    created_at: datetime = Field(description="When the account was made (UTC).")
    last_sign_in_at: datetime | None = Field(default=None, description="The last sign-in (UTC).")
