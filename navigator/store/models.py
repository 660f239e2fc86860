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
    that long."""

    __tablename__ = "server_state"

    id: str = Field(primary_key=True, description="A random id (256 bits), the cookie's value.")
    kind: str = Field(index=True, description="What the state is for: `journey`.")
    data: str = Field(default="{}", description="JSON object: the state itself.")
    expires_at: datetime = Field(index=True, description="When it is purged (UTC).")
