"""What a commissioner's password must be: long enough, and not one of the passwords every
guessing list starts with (NCSC and OWASP ASVS 5.0, 6.2: a minimum length and a block-list, no
composition rules)."""

from __future__ import annotations

MIN_LENGTH = 12
"""ASVS 5.0 asks for at least 8 characters and recommends 15; with TOTP as well, 12."""

COMMON = frozenset(
    {
        "password",
        "password1",
        "password12",
        "password123",
        "password1234",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "123456789012",
        "1234567890",
        "123456789",
        "12345678",
        "qwertyuiop",
        "qwerty123456",
        "qwertyuiop123",
        "1q2w3e4r5t6y",
        "iloveyou",
        "letmein",
        "letmein123",
        "welcome",
        "welcome123",
        "welcome1234",
        "admin",
        "administrator",
        "changeme",
        "changeme123",
        "trustno1",
        "football",
        "monkey",
        "sunshine",
        "princess",
        "baseball",
        "dragon",
        "bradford",
        "bradford123",
        "bradford1234",
        "commissioner",
        "navigator",
        "navigator123",
        "abc123456789",
        "aaaaaaaaaaaa",
        "summer2026",
        "winter2026",
        "autumn2026",
        "spring2026",
    }
)
"""A short block-list: the most common passwords, and the words of this service and place."""


class WeakPassword(ValueError):
    """A password that must not be used; the message says why and what to do."""


def password_problem(password: str, email: str = "") -> str | None:
    """Why `password` may not be used, or None if it may."""
    if len(password) < MIN_LENGTH:
        return (
            f"The password is too short: please use at least {MIN_LENGTH} characters "
            "(a few unrelated words make a long password easy to remember)."
        )
    folded = password.casefold()
    name = email.split("@", 1)[0].casefold()
    if folded in COMMON or folded.rstrip("0123456789!") in COMMON or len(set(folded)) < 4:
        return "That password is too common to be safe: please choose another."
    if name and len(name) >= 4 and name in folded:
        return "The password contains the email address: please choose another."
    return None
