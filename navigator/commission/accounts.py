"""Commissioners' accounts in the database: add, remove, list, unlock, and sign in.

- The password is kept as an argon2id hash (`argon2-cffi`'s `PasswordHasher` with its
  defaults); a hash made with older parameters is replaced at the next good sign-in.
- The second factor is a TOTP code (`pyotp`: 30 seconds, 6 digits, one step either side
  accepted). The step of the code used is kept, so no code works twice.
- After `max_failures` failed sign-ins in a row the account is locked for `lock_minutes`.
- An unknown email costs the same as a wrong password: the password is checked against a
  dummy hash, so neither the answer nor its timing says which emails have accounts."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, or_, update
from sqlmodel import Session, col, select

from navigator.commission.password import WeakPassword, password_problem
from navigator.store.models import Commissioner

__all__ = ["Accounts", "Refused", "SignedIn", "normal_email"]

TOTP_INTERVAL = 30
TOTP_DIGITS = 6
TOTP_WINDOW = 1
"""Codes of the step before and after now are accepted too (clocks drift; people type slowly)."""
ISSUER = "Early years navigator"


@dataclass(frozen=True)
class SignedIn:
    """A good sign-in: who."""

    account_id: int
    email: str


@dataclass(frozen=True)
class Refused:
    """A refused sign-in. `reason` is for tests and the operator's counts, never shown: the
    person is told the same whatever it is ("wrong", "locked")."""

    reason: str


def normal_email(email: str) -> str:
    return email.strip().casefold()


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Accounts:
    """The commissioners' accounts in the database behind `engine`."""

    def __init__(
        self,
        engine: Engine,
        *,
        max_failures: int = 5,
        lock_minutes: int = 15,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.engine = engine
        self.max_failures = max_failures
        self.lock = timedelta(minutes=lock_minutes)
        self.hasher = hasher or PasswordHasher()
        # Checked when the email is unknown, so that answer takes as long as a wrong password.
        self._dummy = self.hasher.hash("not a password: a dummy for unknown emails")

    def add(self, email: str, password: str, now: datetime | None = None) -> Commissioner:
        """A new account with a new TOTP secret; `WeakPassword` or `ValueError` (the email
        has an account, or is no email) if it cannot be made."""
        email = normal_email(email)
        if "@" not in email or email.startswith("@") or email.endswith("@") or " " in email:
            raise ValueError(f"'{email}' is not an email address.")
        problem = password_problem(password, email)
        if problem:
            raise WeakPassword(problem)
        with Session(self.engine, expire_on_commit=False) as session:
            if self._find(session, email) is not None:
                raise ValueError(f"{email} already has an account.")
            account = Commissioner(
                email=email,
                password_hash=self.hasher.hash(password),
                totp_secret=pyotp.random_base32(),
                created_at=now or _now(),
            )
            session.add(account)
            session.commit()
            session.refresh(account)
            return account

    def remove(self, email: str) -> bool:
        """Delete the account; False if there was none."""
        with Session(self.engine) as session:
            account = self._find(session, normal_email(email))
            if account is None:
                return False
            session.delete(account)
            session.commit()
            return True

    def all(self) -> list[Commissioner]:
        with Session(self.engine) as session:
            return list(session.exec(select(Commissioner).order_by(col(Commissioner.email))))

    def find(self, email: str) -> Commissioner | None:
        with Session(self.engine) as session:
            return self._find(session, normal_email(email))

    def get(self, account_id: int) -> Commissioner | None:
        with Session(self.engine) as session:
            return session.get(Commissioner, account_id)

    def unlock(self, email: str) -> bool:
        """Clear the lock and the count of failures; False if there is no such account."""
        with Session(self.engine) as session:
            account = self._find(session, normal_email(email))
            if account is None:
                return False
            account.locked_until = None
            account.failed_attempts = 0
            session.add(account)
            session.commit()
            return True

    def sign_in(
        self, email: str, password: str, code: str, now: datetime | None = None
    ) -> SignedIn | Refused:
        """Check the password and the TOTP code; count a failure, or reset the count."""
        moment = now or _now()
        with Session(self.engine) as session:
            account = self._find(session, normal_email(email))
            if account is None or account.id is None:
                self._verify(self._dummy, password)
                _matching_step(pyotp.random_base32(), code, moment)
                return Refused("wrong")
            good_password = self._verify(account.password_hash, password)
            step = _matching_step(account.totp_secret, code, moment)
            locked = _utc(account.locked_until)
            if locked is not None and locked > moment:
                return Refused("locked")
            if good_password and step is not None and self._use_step(session, account.id, step):
                session.refresh(account)
                account.failed_attempts = 0
                account.locked_until = None
                account.last_sign_in_at = moment
                if self.hasher.check_needs_rehash(account.password_hash):
                    account.password_hash = self.hasher.hash(password)
                session.add(account)
                session.commit()
                return SignedIn(account.id, account.email)
            account.failed_attempts += 1
            if account.failed_attempts >= self.max_failures:
                account.locked_until = moment + self.lock
                account.failed_attempts = 0
            session.add(account)
            session.commit()
            return Refused("wrong")

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self.hasher.verify(hashed, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    @staticmethod
    def _use_step(session: Session, account_id: int, step: int) -> bool:
        """Record `step` as used, only if it is later than any used before (one statement, so
        two requests with the same code cannot both win)."""
        done = session.execute(
            update(Commissioner)
            .where(col(Commissioner.id) == account_id)
            .where(
                or_(
                    col(Commissioner.totp_last_step).is_(None),
                    col(Commissioner.totp_last_step) < step,
                )
            )
            .values(totp_last_step=step)
        )
        return int(getattr(done, "rowcount", 0) or 0) == 1

    @staticmethod
    def _find(session: Session, email: str) -> Commissioner | None:
        return session.exec(select(Commissioner).where(Commissioner.email == email)).first()


def totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_INTERVAL)


def set_up_uri(account: Commissioner, issuer: str = ISSUER) -> str:
    """The `otpauth://` address an authenticator app reads (as a QR code or pasted)."""
    return totp(account.totp_secret).provisioning_uri(name=account.email, issuer_name=issuer)


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step whose code `code` is (now, or one step either side), if any."""
    typed = "".join(code.split())
    if len(typed) != TOTP_DIGITS or not typed.isdigit():
        return None
    generator = totp(secret)
    current = generator.timecode(now)
    found = None
    for step in range(current - TOTP_WINDOW, current + TOTP_WINDOW + 1):
        if hmac.compare_digest(generator.generate_otp(step), typed):
            found = step
    return found
