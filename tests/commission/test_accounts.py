"""Commissioners' accounts on a real database (SQLite, then PostgreSQL): argon2id hashes, TOTP
with no replay, lock-out and unlock, and an unknown email treated as a wrong password."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Literal

import pyotp
import pytest
from argon2 import PasswordHasher

from navigator.commission import Accounts, Refused, SignedIn, WeakPassword
from navigator.commission.accounts import set_up_uri
from navigator.store.store import Store

EMAIL = "Commissioner@Example.org"
PASSWORD = "rivers of aire and wharfe"
NOW = datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC)


@pytest.fixture
def accounts(database: str) -> Iterator[Accounts]:
    store = Store(database)
    store.upgrade()
    yield Accounts(store.engine, max_failures=3, lock_minutes=15)
    store.close()


def code(secret: str, at: datetime = NOW) -> str:
    return pyotp.TOTP(secret).at(at)


def test_a_password_is_kept_only_as_an_argon2id_hash(accounts: Accounts) -> None:
    account = accounts.add(EMAIL, PASSWORD, NOW)
    assert account.email == "commissioner@example.org"
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash
    assert len(account.totp_secret) >= 32
    uri = set_up_uri(account)
    assert uri.startswith("otpauth://totp/") and f"secret={account.totp_secret}" in uri


def test_weak_passwords_and_a_second_account_for_an_email_are_refused(
    accounts: Accounts,
) -> None:
    for weak in ["short", "password1234", "Bradford1234", "aaaaaaaaaaaaaaa", "commissioner99!"]:
        with pytest.raises(WeakPassword):
            accounts.add(EMAIL, weak)
    accounts.add(EMAIL, PASSWORD)
    with pytest.raises(ValueError, match="already has an account"):
        accounts.add(EMAIL.upper(), PASSWORD)
    with pytest.raises(ValueError, match="not an email"):
        accounts.add("nobody", PASSWORD)


def test_the_right_password_and_code_sign_in(accounts: Accounts) -> None:
    account = accounts.add(EMAIL, PASSWORD, NOW)
    done = accounts.sign_in(" commissioner@example.ORG ", PASSWORD, code(account.totp_secret), NOW)
    assert done == SignedIn(account.id or 0, "commissioner@example.org")
    found = accounts.find(EMAIL)
    assert found is not None and found.last_sign_in_at is not None


def test_a_code_from_the_step_before_or_after_is_accepted_but_not_two_steps_away(
    accounts: Accounts,
) -> None:
    account = accounts.add(EMAIL, PASSWORD, NOW)
    secret = account.totp_secret
    before = accounts.sign_in(EMAIL, PASSWORD, code(secret, NOW - timedelta(seconds=30)), NOW)
    assert isinstance(before, SignedIn)
    late = NOW + timedelta(minutes=5)
    too_old = accounts.sign_in(EMAIL, PASSWORD, code(secret, late - timedelta(seconds=60)), late)
    assert too_old == Refused("wrong")


def test_a_wrong_password_or_code_gets_nothing(accounts: Accounts) -> None:
    account = accounts.add(EMAIL, PASSWORD, NOW)
    assert accounts.sign_in(EMAIL, PASSWORD + "x", code(account.totp_secret), NOW) == Refused(
        "wrong"
    )
    other = pyotp.random_base32()
    assert accounts.sign_in(EMAIL, PASSWORD, code(other), NOW) == Refused("wrong")
    assert accounts.sign_in(EMAIL, PASSWORD, "12345", NOW) == Refused("wrong")
    # three failures (this fixture's limit): the account is locked, even for the right code
    assert accounts.sign_in(EMAIL, PASSWORD, "abcdef", NOW) == Refused("locked")


def test_a_code_once_used_cannot_be_used_again(accounts: Accounts) -> None:
    account = accounts.add(EMAIL, PASSWORD, NOW)
    used = code(account.totp_secret)
    assert isinstance(accounts.sign_in(EMAIL, PASSWORD, used, NOW), SignedIn)
    again = NOW + timedelta(seconds=20)  # the same code is still within its window
    assert accounts.sign_in(EMAIL, PASSWORD, used, again) == Refused("wrong")
    earlier = code(account.totp_secret, NOW - timedelta(seconds=30))
    assert accounts.sign_in(EMAIL, PASSWORD, earlier, again) == Refused("wrong")
    later = NOW + timedelta(seconds=30)
    assert isinstance(
        accounts.sign_in(EMAIL, PASSWORD, code(account.totp_secret, later), later), SignedIn
    )


def test_too_many_failures_lock_the_account_until_it_is_unlocked_or_the_time_is_up(
    accounts: Accounts,
) -> None:
    account = accounts.add(EMAIL, PASSWORD, NOW)
    for _ in range(3):
        assert accounts.sign_in(EMAIL, "a wrong password", "000000", NOW) == Refused("wrong")
    locked = accounts.find(EMAIL)
    assert locked is not None and locked.locked_until is not None
    right = code(account.totp_secret)
    assert accounts.sign_in(EMAIL, PASSWORD, right, NOW) == Refused("locked")
    assert accounts.unlock(EMAIL)
    assert isinstance(accounts.sign_in(EMAIL, PASSWORD, right, NOW), SignedIn)
    for _ in range(3):
        accounts.sign_in(EMAIL, "a wrong password", "000000", NOW)
    later = NOW + timedelta(minutes=14)
    assert accounts.sign_in(EMAIL, PASSWORD, code(account.totp_secret, later), later) == Refused(
        "locked"
    )
    after = NOW + timedelta(minutes=15, seconds=30)
    assert isinstance(
        accounts.sign_in(EMAIL, PASSWORD, code(account.totp_secret, after), after), SignedIn
    )
    assert not accounts.unlock("nobody@example.org")


def test_a_good_sign_in_resets_the_count_of_failures(accounts: Accounts) -> None:
    account = accounts.add(EMAIL, PASSWORD, NOW)
    for _ in range(2):
        accounts.sign_in(EMAIL, "a wrong password", "000000", NOW)
    assert isinstance(accounts.sign_in(EMAIL, PASSWORD, code(account.totp_secret), NOW), SignedIn)
    found = accounts.find(EMAIL)
    assert found is not None and found.failed_attempts == 0


def test_an_unknown_email_costs_a_password_check_like_a_wrong_password(
    accounts: Accounts,
) -> None:
    accounts.add(EMAIL, PASSWORD, NOW)
    checked: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
            checked.append(str(hash))
            return super().verify(hash, password)

    accounts.hasher = Counting()
    unknown = accounts.sign_in("nobody@example.org", PASSWORD, "123456", NOW)
    wrong = accounts.sign_in(EMAIL, "a wrong password", "123456", NOW)
    assert unknown == wrong == Refused("wrong")
    assert len(checked) == 2
    # the dummy hash has the same parameters as a real one, so it takes as long
    assert checked[0].split("$")[:4] == checked[1].split("$")[:4]


def test_a_hash_with_old_parameters_is_replaced_at_the_next_sign_in(
    database: str,
) -> None:
    store = Store(database)
    store.upgrade()
    old = Accounts(store.engine, hasher=PasswordHasher(time_cost=1, memory_cost=8192))
    account = old.add(EMAIL, PASSWORD, NOW)
    assert "m=8192,t=1" in account.password_hash
    current = Accounts(store.engine)
    assert isinstance(current.sign_in(EMAIL, PASSWORD, code(account.totp_secret), NOW), SignedIn)
    found = current.find(EMAIL)
    assert found is not None and "m=8192,t=1" not in found.password_hash
    assert current.hasher.verify(found.password_hash, PASSWORD)
    store.close()


def test_remove_and_list(accounts: Accounts) -> None:
    accounts.add("b@example.org", PASSWORD)
    accounts.add("a@example.org", PASSWORD)
    assert [a.email for a in accounts.all()] == ["a@example.org", "b@example.org"]
    assert accounts.remove("A@example.org")
    assert not accounts.remove("a@example.org")
    assert [a.email for a in accounts.all()] == ["b@example.org"]
