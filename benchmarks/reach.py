"""Ways in: how the active services of a directory can be reached (issue 9).

    python -m benchmarks.reach                      # the shipped services.yaml
    python -m benchmarks.reach path/to/services.yaml

For the active services: how many show a phone number (and how many of those the directory
counts as confirmed, not in `unconfirmed`), a website (confirmed), an email address, only a
`through` door (the health visitor, midwife, GP...), only ways in still to confirm, and none."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from navigator.content.directory import Directory, Service
from navigator.content.loader import load

ROOT = Path(__file__).resolve().parents[1]
WAYS = ("phone", "website", "email")


def shown(service: Service, way: str) -> bool:
    """Whether the service's page shows `way`, on the service or on one of its routes."""
    contacts = [service.contact, *(r.contact for r in service.routes if r.contact is not None)]
    return any(getattr(contact, way) for contact in contacts)


def confirmed(service: Service, way: str) -> bool:
    return shown(service, way) and way not in service.unconfirmed


def figures(directory: Directory) -> dict[str, int]:
    active = [s for s in directory.services if s.active]

    def count(test: Callable[[Service], bool]) -> int:
        return sum(1 for s in active if test(s))

    return {
        "active": len(active),
        "phone": count(lambda s: shown(s, "phone")),
        "phone confirmed": count(lambda s: confirmed(s, "phone")),
        "website": count(lambda s: shown(s, "website")),
        "website confirmed": count(lambda s: confirmed(s, "website")),
        "email": count(lambda s: shown(s, "email")),
        "through only": count(lambda s: shown(s, "through") and not any(shown(s, w) for w in WAYS)),
        "only ways to confirm": count(
            lambda s: (
                not shown(s, "through")
                and any(shown(s, w) for w in WAYS)
                and not any(confirmed(s, w) for w in WAYS)
            )
        ),
        "no way in": count(lambda s: not any(shown(s, w) for w in (*WAYS, "through"))),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else ROOT / "services.yaml"
    directory = load([path]).directory
    if directory is None:
        print(f"{path}: not a directory that loads", file=sys.stderr)
        return 1
    for name, value in figures(directory).items():
        print(f"{name:>22}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
