"""`navigator commissioner add|list|unlock|remove` on a real database, with the password typed
at getpass's prompt (fed by the test)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pyotp
import pytest

from navigator.cli import main
from navigator.commission import Accounts, SignedIn
from navigator.store.store import Store

EMAIL = "commissioner@example.org"
PASSWORD = "rivers of aire and wharfe"


@pytest.fixture
def typed(database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What the person types at each password prompt, in order (the prompts are recorded)."""
    monkeypatch.setenv("NAVIGATOR_DATABASE_URL", database)
    answers: list[str] = []
    prompts: list[str] = []

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", getpass)
    yield answers
    assert not answers, "not every typed password was asked for"


def test_add_prints_the_totp_set_up_and_the_account_signs_in(
    typed: list[str], database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    typed.extend([PASSWORD, PASSWORD])
    assert main(["commissioner", "add", EMAIL]) == 0
    out = capsys.readouterr().out
    assert PASSWORD not in out
    uri = next(word for word in out.split() if word.startswith("otpauth://totp/"))
    secret = parse_qs(urlsplit(uri).query)["secret"][0]
    assert f"key into the app (time-based, 6 digits, 30 seconds): {secret}" in out
    store = Store(database)
    accounts = Accounts(store.engine)
    assert isinstance(accounts.sign_in(EMAIL, PASSWORD, pyotp.TOTP(secret).now()), SignedIn)
    store.close()


def test_add_refuses_two_different_passwords_a_weak_one_and_a_second_account(
    typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed.extend([PASSWORD, PASSWORD + "!"])
    assert main(["commissioner", "add", EMAIL]) == 1
    assert "not the same" in capsys.readouterr().out
    typed.extend(["password1234", "password1234"])
    assert main(["commissioner", "add", EMAIL]) == 1
    assert "too common" in capsys.readouterr().out
    typed.extend(["short", "short"])
    assert main(["commissioner", "add", EMAIL]) == 1
    assert "at least 12 characters" in capsys.readouterr().out
    typed.extend([PASSWORD, PASSWORD])
    assert main(["commissioner", "add", EMAIL]) == 0
    capsys.readouterr()
    typed.extend([PASSWORD, PASSWORD])
    assert main(["commissioner", "add", EMAIL]) == 1
    assert "already has an account" in capsys.readouterr().out


def test_list_unlock_and_remove(
    typed: list[str], database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["commissioner", "list"]) == 0
    assert "No accounts yet" in capsys.readouterr().out
    typed.extend([PASSWORD, PASSWORD])
    main(["commissioner", "add", EMAIL])
    store = Store(database)
    accounts = Accounts(store.engine, max_failures=5)
    for _ in range(5):
        accounts.sign_in(EMAIL, "a wrong password", "123456")
    capsys.readouterr()
    assert main(["commissioner", "list"]) == 0
    listed = capsys.readouterr().out
    assert EMAIL in listed and "never signed in" in listed and "locked until" in listed
    assert main(["commissioner", "unlock", EMAIL]) == 0
    assert main(["commissioner", "list"]) == 0
    assert "locked until" not in capsys.readouterr().out
    assert main(["commissioner", "remove", EMAIL]) == 0
    assert accounts.find(EMAIL) is None
    assert main(["commissioner", "remove", EMAIL]) == 1
    assert main(["commissioner", "unlock", EMAIL]) == 1
    store.close()
