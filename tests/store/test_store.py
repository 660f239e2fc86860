"""The store: content load attempts in a real SQLite database."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from navigator.store import ContentVersion, Store


def version(
    at: datetime, accepted: bool, findings: list[dict[str, object]] | None = None
) -> ContentVersion:
    return ContentVersion(
        content_hash=f"hash-{at.isoformat()}",
        directory_version="2026.11.1",
        pathway_versions=json.dumps({"early-years": "2026.11.1"}),
        loaded_at=at,
        accepted=accepted,
        errors=0 if accepted else 1,
        findings=json.dumps(findings or []),
    )


def test_records_and_reads_back(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'state' / 'navigator.db'}")
    store.upgrade()
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    store.record(version(start, True))
    finding = {"code": "KEY-001", "path": "services.yaml", "line": 3, "message": "unknown key"}
    store.record(version(start + timedelta(minutes=1), False, [finding]))
    store.record(version(start + timedelta(minutes=2), True))
    live = store.live()
    rejected = store.last_rejected()
    assert live is not None and live.loaded_at == start + timedelta(minutes=2)
    assert rejected is not None and rejected.finding_list == [finding]
    assert rejected.pathways == {"early-years": "2026.11.1"}
    assert [v.accepted for v in store.history()] == [True, False, True]
    assert len(store.history(limit=1)) == 1
    store.close()


def test_an_empty_store(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'navigator.db'}")
    store.upgrade()
    store.upgrade()  # creating twice is harmless
    assert store.live() is None and store.last_rejected() is None and store.history() == []


def test_the_database_file_survives_a_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'navigator.db'}"
    first = Store(url)
    first.upgrade()
    first.record(version(datetime(2026, 11, 1, tzinfo=UTC), False))
    first.close()
    again = Store(url)
    assert again.last_rejected() is not None


def test_only_content_is_stored() -> None:
    columns = set(ContentVersion.model_fields)
    assert columns == {
        "id", "content_hash", "directory_version", "pathway_versions", "loaded_at",
        "accepted", "errors", "warnings", "findings",
    }  # fmt: skip
