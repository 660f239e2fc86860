"""`navigator commissioner add|remove|list|unlock`: the accounts that may sign in to the
workbench at /commission. `add` asks for the password twice (never on the command line, where
the shell's history would keep it) and prints the TOTP set-up for an authenticator app."""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from navigator.commission import Accounts, WeakPassword
from navigator.commission.accounts import set_up_uri
from navigator.settings import Settings
from navigator.store.store import Store


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "commissioner",
        help="the accounts that may sign in to the commissioners' workbench",
        description="Accounts for /commission, in the database at NAVIGATOR_DATABASE_URL "
        "(default SQLite in the state folder).",
    )
    actions = command.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add an account: asks for its password, prints its TOTP")
    add.add_argument("email")
    add.set_defaults(run=run_add)
    remove = actions.add_parser("remove", help="remove an account (its sessions end at once)")
    remove.add_argument("email")
    remove.set_defaults(run=run_remove)
    listing = actions.add_parser("list", help="list the accounts, and any that are locked")
    listing.set_defaults(run=run_list)
    unlock = actions.add_parser("unlock", help="unlock an account locked after failed sign-ins")
    unlock.add_argument("email")
    unlock.set_defaults(run=run_unlock)


def _accounts() -> tuple[Store, Accounts]:
    settings = Settings.from_env()
    store = Store(settings.database)
    store.upgrade()
    accounts = Accounts(
        store.engine, max_failures=settings.sign_in_failures, lock_minutes=settings.lock_minutes
    )
    return store, accounts


def run_add(args: argparse.Namespace) -> int:
    password = getpass.getpass("Password (at least 12 characters): ")
    again = getpass.getpass("The same password again: ")
    if password != again:
        print("The two passwords are not the same: no account was made. Please try again.")
        return 1
    store, accounts = _accounts()
    try:
        account = accounts.add(args.email, password)
    except WeakPassword as problem:
        print(f"{problem} No account was made.")
        return 1
    except ValueError as problem:
        print(f"{problem} No account was made.")
        return 1
    finally:
        store.close()
    print(f"Made an account for {account.email}.")
    print(
        "Set up the second factor now: scan or paste this address into an authenticator app "
        "(it is shown only this once):"
    )
    print(f"  {set_up_uri(account)}")
    print(
        f"or type this key into the app (time-based, 6 digits, 30 seconds): {account.totp_secret}"
    )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    store, accounts = _accounts()
    try:
        removed = accounts.remove(args.email)
    finally:
        store.close()
    if not removed:
        print(f"There is no account for {args.email}.")
        return 1
    print(f"Removed the account for {args.email}; its sessions end at their next request.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    store, accounts = _accounts()
    try:
        found = accounts.all()
    finally:
        store.close()
    if not found:
        print("No accounts yet: add one with 'navigator commissioner add EMAIL'.")
        return 0
    now = datetime.now(UTC)
    for account in found:
        locked = account.locked_until
        if locked is not None and locked.tzinfo is None:
            locked = locked.replace(tzinfo=UTC)
        last = account.last_sign_in_at
        state = f"locked until {locked:%Y-%m-%d %H:%M} UTC" if locked and locked > now else ""
        seen = f"last signed in {last:%Y-%m-%d %H:%M} UTC" if last else "never signed in"
        print("  ".join(part for part in (account.email, seen, state) if part))
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    store, accounts = _accounts()
    try:
        done = accounts.unlock(args.email)
    finally:
        store.close()
    if not done:
        print(f"There is no account for {args.email}.")
        return 1
    print(f"Unlocked the account for {args.email}.")
    return 0
