"""The in-memory limit on sign-in attempts."""

from __future__ import annotations

from navigator.commission.throttle import Throttle


def test_attempts_over_the_limit_are_refused_until_the_window_has_passed() -> None:
    now = [0.0]
    throttle = Throttle(3, 60, clock=lambda: now[0])
    assert [throttle.allow("203.0.113.9") for _ in range(4)] == [True, True, True, False]
    assert throttle.allow("198.51.100.7")  # another key has its own count
    now[0] = 59.0
    assert not throttle.allow("203.0.113.9")
    now[0] = 61.0
    assert throttle.allow("203.0.113.9")


def test_no_address_is_kept_as_it_was_given() -> None:
    throttle = Throttle(3, 60)
    throttle.allow("203.0.113.9")
    kept = repr(throttle.__dict__)
    assert "203.0.113.9" not in kept
