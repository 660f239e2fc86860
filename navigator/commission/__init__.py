"""Commissioners' accounts: who may sign in to the workbench, with a password (argon2id) and a
second factor (TOTP), locked for a while after too many failures. The web's sign-in and the
`navigator commissioner` command both use `Accounts`; nothing here knows the web."""

from navigator.commission.accounts import Accounts, Refused, SignedIn
from navigator.commission.password import WeakPassword, password_problem

__all__ = ["Accounts", "Refused", "SignedIn", "WeakPassword", "password_problem"]
