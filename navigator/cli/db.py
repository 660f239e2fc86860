"""`navigator db`: the database's schema. `upgrade` applies the migrations (the web app also
does on start-up); `current` says which revision the database is at; `purge` deletes journey
records and feedback older than `retention_months`, and expired server-side state."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from navigator.settings import Settings
from navigator.store import schema
from navigator.store.records import Records, months_before
from navigator.store.store import Store


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "db",
        help="the database: upgrade its schema, or say where it is",
        description="The database at NAVIGATOR_DATABASE_URL (default SQLite in the state "
        "folder, NAVIGATOR_STATE_DIR).",
    )
    actions = command.add_subparsers(dest="action", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="apply every migration not yet applied")
    upgrade.set_defaults(run=run_upgrade)
    current = actions.add_parser("current", help="say which revision the database is at")
    current.set_defaults(run=run_current)
    purge = actions.add_parser(
        "purge",
        help="delete journey records and feedback older than the retention period "
        "(NAVIGATOR_RETENTION_MONTHS, default 24), and expired server-side state",
    )
    purge.set_defaults(run=run_purge)


def run_upgrade(args: argparse.Namespace) -> int:
    store = Store(Settings.from_env().database)
    try:
        revisions = store.upgrade()
    finally:
        store.close()
    print(f"The database is at the newest schema: {', '.join(revisions)}.")
    return 0


def run_current(args: argparse.Namespace) -> int:
    store = Store(Settings.from_env().database)
    try:
        revisions = schema.current(store.engine)
        newest = schema.heads()
    finally:
        store.close()
    if set(revisions) == set(newest):
        print(f"The database is at the newest schema: {', '.join(revisions)}.")
        return 0
    at = ", ".join(revisions) or "no schema yet"
    print(
        f"The database is at {at}; the newest is {', '.join(newest)}: run 'navigator db upgrade'."
    )
    return 1


def run_purge(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    store = Store(settings.database)
    try:
        if not schema.is_current(store.engine):
            print("The database is not at the newest schema: run 'navigator db upgrade' first.")
            return 1
        now = datetime.now(UTC)
        done = Records(store.engine).purge(settings.retention_months, now=now)
    finally:
        store.close()
    before = months_before(now, settings.retention_months).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"Deleted {done.records} journey records and {done.feedback} feedback from before "
        f"{before} ({settings.retention_months} months), and {done.states} expired "
        "server-side states."
    )
    return 0
