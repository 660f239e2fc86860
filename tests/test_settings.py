"""Settings from the environment: yes/no settings read as yes or no, never as any text."""

from __future__ import annotations

import pytest

from navigator.settings import Settings


def test_recording_is_on_and_kept_24_months_by_default() -> None:
    assert Settings().record_journeys is True
    assert Settings().retention_months == 24


@pytest.mark.parametrize(
    ("raw", "value"),
    [("false", False), ("0", False), ("No", False), ("off", False), ("TRUE", True), ("1", True)],
)
def test_a_yes_no_setting_from_the_environment(raw: str, value: bool) -> None:
    settings = Settings.from_env({"NAVIGATOR_RECORD_JOURNEYS": raw})
    assert settings.record_journeys is value


def test_a_yes_no_setting_that_is_neither_is_refused() -> None:
    with pytest.raises(ValueError, match="NAVIGATOR_RECORD_JOURNEYS must be true or false"):
        Settings.from_env({"NAVIGATOR_RECORD_JOURNEYS": "perhaps"})
    assert Settings.from_env({"NAVIGATOR_RETENTION_MONTHS": "6"}).retention_months == 6
