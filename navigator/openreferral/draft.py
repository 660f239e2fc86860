"""A draft `services.yaml` from an ORUK 3.0 feed, with the list of what the feed could not say.

Every field with a place in our model is mapped back (the reverse of `feed.py`; our own
taxonomy's terms and the extension `x_navigator_id` make a round trip exact). What HSDS keeps
only as prose cannot be turned into criteria: each service's routes get the feed's ages,
concerns and areas as a starting point, are listed in `unconfirmed`, and carry the feed's
eligibility text as comments for the commissioner to turn into criteria. Each such guess is a
`Gap` in the report.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from navigator.content.vocabulary import ROUTE_NAMES, Audience, RouteKind, Stage
from navigator.openreferral.feed import ONS_URI
from navigator.openreferral.reading import Harvest

__all__ = ["Draft", "Gap", "draft", "slug"]

REVIEW_AFTER = timedelta(days=182)
ROUTE_BY_NAME = {name: kind for kind, name in ROUTE_NAMES.items()}
DEFAULT_AUDIENCE = {
    RouteKind.urgent: [Audience.family, Audience.practitioner],
    RouteKind.consultation: [Audience.practitioner],
    RouteKind.referral: [Audience.practitioner],
    RouteKind.self_referral: [Audience.family, Audience.practitioner],
    RouteKind.signposting: [Audience.family, Audience.practitioner],
    RouteKind.training: [Audience.practitioner],
}
"""Who a route is for when the feed cannot say (HSDS has no routes): by what the kind means."""
ONS_KINDS = {
    "ward": ("E05", "W05", "S13"),
    "local_authority": ("E06", "E07", "E08", "E09", "W06", "S12", "N09"),
    "country": ("E92", "W92", "S92", "N92", "K02", "K03", "K04"),
    "nhs_footprint": ("E38", "E39", "E40", "E54"),
}
COUNTRIES = {"england", "wales", "scotland", "northern ireland", "united kingdom"}
_PARAGRAPH = re.compile(
    r"^(?P<label>[A-Z][a-z-]+(?: help)?)(?P<info>, what to include)?: (?P<text>.*)$", re.S
)


@dataclass(frozen=True)
class Gap:
    """Something the feed could not say: where, and what the commissioner should do."""

    service: str | None
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.service or 'directory'}: {self.field}: {self.message}"


@dataclass
class Draft:
    text: str
    gaps: list[Gap] = field(default_factory=list)
    services: int = 0
    skipped: list[str] = field(default_factory=list)


def slug(text: str, most: int = 48) -> str:
    """An id from a name: lower case, words joined by hyphens, at most `most` characters
    (whole words)."""
    words = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]
    found = ""
    for word in words:
        if found and len(found) + 1 + len(word) > most:
            break
        found = f"{found}-{word}" if found else word[:most]
    return found or "service"


def _unique(wanted: str, taken: set[str]) -> str:
    found, n = wanted, 2
    while found in taken:
        found, n = f"{wanted}-{n}", n + 1
    taken.add(found)
    return found


def _codes(service: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The (code, term) of each term the service is tagged with, codes of our taxonomy kept."""
    found: list[tuple[str, dict[str, Any]]] = []
    for attribute in service.get("attributes") or []:
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if isinstance(term, dict):
            found.append((str(term.get("code") or ""), term))
    return found


def _ours(service: dict[str, Any], prefix: str) -> list[str]:
    return list(
        dict.fromkeys(
            code.split(":", 1)[1] for code, _ in _codes(service) if code.startswith(prefix + ":")
        )
    )


def _area_kind(code: str | None, name: str) -> str | None:
    if code:
        for kind, prefixes in ONS_KINDS.items():
            if code.startswith(prefixes):
                return kind
    return "country" if name.strip().lower() in COUNTRIES else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class _Drafting:
    def __init__(self, harvest: Harvest, today: date) -> None:
        self.harvest = harvest
        self.today = today
        self.gaps: list[Gap] = []
        self.areas: dict[str, dict[str, Any]] = {}
        self.area_ids: dict[str, str] = {}
        self.concerns: dict[str, dict[str, Any]] = {}
        self.rings: dict[str, dict[str, Any]] = {}
        """The rings the feed's terms name, as the draft's `ring` grouping declares them."""
        taken: set[str] = set()
        self.ids: dict[str, str] = {}
        for uuid, service in harvest.services.items():
            wanted = str(service.get("x_navigator_id") or slug(str(service["name"])))
            self.ids[uuid] = _unique(wanted, taken)
        self.by_name = {
            str(s["name"]): self.ids[u] for u, s in harvest.services.items() if s.get("name")
        }

    def gap(self, service: str | None, field: str, message: str) -> None:
        self.gaps.append(Gap(service, field, message))

    # ------------------------------------------------------------------ vocabularies

    def area(self, found: dict[str, Any]) -> str:
        uri = str(found.get("uri") or "")
        code = uri[len(ONS_URI) :] if uri.startswith(ONS_URI) else None
        name = str(found.get("name") or found.get("service_area") or code or "An area")
        key = uri or name
        if key in self.area_ids:
            return self.area_ids[key]
        id = _unique(str(found.get("x_navigator_id") or slug(name)), set(self.areas))
        self.area_ids[key] = id
        kind = _area_kind(code, name)
        if kind is None:
            self.gap(
                None,
                f"areas: {id}",
                f"the kind of '{name}' is not known: 'ward_group' "
                "is set; please correct it, and give its `code` and `within`",
            )
        self.areas[id] = {
            "id": id,
            "name": name,
            "kind": kind or "ward_group",
            "code": code,
            "description": found.get("description"),
        }
        return id

    def concern(self, code: str, term: dict[str, Any]) -> str:
        self.concerns.setdefault(
            code,
            {"id": code, "label": term.get("name") or code, "description": term.get("description")},
        )
        return code

    # ------------------------------------------------------------------ services

    def service(self, uuid: str, found: dict[str, Any]) -> dict[str, Any]:
        id = self.ids[uuid]
        unconfirmed: list[str] = []
        name = str(found["name"])
        text = str(found.get("description") or "")
        description, _, remit = text.partition("\n\n")
        if not remit:
            remit = description
            self.gap(
                id,
                "remit",
                "the feed has one description: it is used for `remit` too; "
                "please say what the service does and for whom",
            )
        if not description:
            self.gap(id, "description", "the feed gives no description: please write one")
        status, ended, replaced_by = self.status(id, found)
        organization = found.get("organization") or self.harvest.organizations.get(
            str(found.get("organization_id"))
        )
        provider = organization.get("name") if isinstance(organization, dict) else None
        if not provider:
            provider = "Unknown provider"
            self.gap(id, "provider", "the feed names no organization: please give the provider")
        rings = _ours(found, "ring")
        for code, term in _codes(found):
            if code.startswith("ring:"):
                ring = code.split(":", 1)[1]
                label = str(term.get("name") or ring)
                about = str(term.get("description") or "")
                self.rings.setdefault(ring, {"id": ring, "label": label, "description": about})
        if not rings:
            unconfirmed.append("ring")
            self.gap(
                id,
                "ring",
                "not in the feed: none is set; please choose one of the `ring` grouping's "
                "values, if the directory declares them",
            )
        reviewed = _date(found.get("assured_date"))
        if reviewed is None:
            reviewed = self.today
            unconfirmed.append("last_reviewed")
            self.gap(
                id,
                "last_reviewed",
                "the feed gives no assured_date: today is set; please "
                "check the entry with the provider",
            )
        routes, comments = self.routes(id, found, unconfirmed) if status == "active" else ([], [])
        return {
            "id": id,
            "name": name,
            "aliases": [a for a in str(found.get("alternate_name") or "").split("; ") if a],
            "status": status,
            "replaced_by": replaced_by,
            "ended": ended,
            "provider": provider,
            "ring": rings[0] if rings else None,
            "description": description or name,
            "remit": remit or name,
            "not_for": self.boundaries(found),
            "#": comments,
            "routes": routes,
            "contact": self.contact(found),
            "languages": [
                str(lang["code"]) for lang in found.get("languages") or [] if lang.get("code")
            ],
            "last_reviewed": reviewed,
            "review_by": reviewed + REVIEW_AFTER,
            "source": [
                f"Open Referral UK feed ({', '.join(self.harvest.sources)}), imported "
                f"{self.today.isoformat()}"
            ],
            "unconfirmed": list(dict.fromkeys(unconfirmed)),
        }

    def status(self, id: str, found: dict[str, Any]) -> tuple[str, date | None, str | None]:
        status = str(found.get("status") or "active")
        alert = str(found.get("alert") or "")
        ended_match = re.search(r"ended on (\d{4}-\d{2}-\d{2})", alert)
        ended = _date(ended_match.group(1)) if ended_match else None
        successor = re.search(r"Please use (.+) instead\.", alert)
        replaced_by = self.by_name.get(successor.group(1)) if successor else None
        if status in ("defunct", "inactive"):
            if replaced_by is None:
                self.gap(
                    id,
                    "replaced_by",
                    f"the feed says '{status}': please say which service replaced it, if any",
                )
            return "decommissioned", ended, replaced_by
        if status == "temporarily closed":
            self.gap(
                id,
                "status",
                "the feed says 'temporarily closed': it is drafted as "
                "active; please add an `ended` date or check with the provider",
            )
        return "active", ended, None

    def boundaries(self, found: dict[str, Any]) -> list[dict[str, Any]]:
        """`Not for: WHO. Instead: NAME, NAME. TEXT` lines of the eligibility text."""
        found_lines = str(found.get("eligibility_description") or "").splitlines()
        boundaries: list[dict[str, Any]] = []
        names = sorted(self.by_name, key=len, reverse=True)
        for line in found_lines:
            if not line.startswith("Not for: "):
                continue
            who, _, rest = line[len("Not for: ") :].partition(" Instead: ")
            instead: list[str] = []
            while rest:
                name = next((n for n in names if rest.startswith(n)), None)
                if name is None:
                    break
                instead.append(self.by_name[name])
                rest = rest[len(name) :]
                if rest.startswith(", "):
                    rest = rest[2:]
                    continue
                rest = rest.removeprefix(".").strip()
                break
            boundaries.append(
                {"who": who.removesuffix("."), "instead": instead, "instead_text": rest or None}
            )
        return boundaries

    def routes(
        self, id: str, found: dict[str, Any], unconfirmed: list[str]
    ) -> tuple[list[dict[str, Any]], list[str]]:
        hows: dict[RouteKind, str] = {}
        needed: dict[RouteKind, list[str]] = {}
        plain: list[str] = []
        for paragraph in str(found.get("application_process") or "").split("\n\n"):
            match = _PARAGRAPH.match(paragraph.strip())
            kind = ROUTE_BY_NAME.get(match.group("label")) if match else None
            if match is None or kind is None:
                if paragraph.strip():
                    plain.append(paragraph.strip())
            elif match.group("info"):
                needed[kind] = [i for i in match.group("text").removesuffix(".").split("; ") if i]
            else:
                hows[kind] = match.group("text")
        kinds = list(hows)
        for code in _ours(found, "route"):
            if code in RouteKind.__members__ and RouteKind(code) not in kinds:
                kinds.append(RouteKind(code))
        if not kinds:
            kinds = [RouteKind.signposting]
            self.gap(
                id,
                "routes",
                "the feed does not say how the service is used (consultation, "
                "referral, self-referral …): one signposting route is drafted; please "
                "correct its kind",
            )
        audiences = [Audience(a) for a in _ours(found, "audience") if a in Audience.__members__]
        stages = [Stage(s) for s in _ours(found, "stage") if s in Stage.__members__]
        concerns = [self.concern(c, t) for c, t in self._concern_terms(found)]
        areas = [self.area(a) for a in found.get("service_areas") or [] if isinstance(a, dict)]
        ages = self.ages(found)
        routes: list[dict[str, Any]] = []
        for kind in kinds:
            who = [a for a in DEFAULT_AUDIENCE[kind] if not audiences or a in audiences]
            eligibility: dict[str, Any] = {
                "audience": [a.value for a in who or DEFAULT_AUDIENCE[kind]],
                "stages": [s.value for s in stages] if 0 < len(stages) < len(Stage) else None,
            }
            if kind is not RouteKind.training:
                eligibility["age_months"] = ages
                eligibility["areas"] = areas
            eligibility["concerns"] = concerns
            how = hows.get(kind) or " ".join(plain) or "To confirm with the service."
            routes.append(
                {
                    "kind": kind.value,
                    "eligibility": eligibility,
                    "how": how,
                    "info_needed": needed.get(kind, []),
                }
            )
        unconfirmed += ["routes", *(["age_months"] if ages else []), *(["areas"] if areas else [])]
        rules = str(found.get("eligibility_description") or "")
        lines = [line for line in rules.splitlines() if line and not line.startswith("Not for: ")]
        comments: list[str] = []
        if lines:
            comments = ["The feed's eligibility, to turn into each route's criteria:"]
            comments += [w for line in lines for w in textwrap.wrap(line, 92)]
            self.gap(
                id,
                "routes",
                "eligibility is prose in the feed: each route's criteria "
                "(audience, stages, age, concerns, need, areas, facts) are a starting point "
                "listed in `unconfirmed`; the feed's text is a comment above `routes`",
            )
        else:
            self.gap(
                id,
                "routes",
                "the feed says nothing of eligibility: please give each route's criteria",
            )
        return routes, comments

    def _concern_terms(self, found: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        seen: set[str] = set()
        for code, term in _codes(found):
            if code.startswith("concern:") and code not in seen:
                seen.add(code)
                yield code.split(":", 1)[1], term

    def ages(self, found: dict[str, Any]) -> dict[str, int] | None:
        low, high = found.get("minimum_age"), found.get("maximum_age")
        if not isinstance(low, int | float) and not isinstance(high, int | float):
            return None
        ages = {"from": round(float(low) * 12) if isinstance(low, int | float) else 0}
        if isinstance(high, int | float):
            ages["to"] = round(float(high) * 12)
        return ages

    def phone_note(self, phone: dict[str, Any]) -> str | None:
        extension = f"Extension {phone['extension']}." if phone.get("extension") else ""
        note = " ".join(p for p in (str(phone.get("description") or ""), extension) if p)
        return note or None

    def contact(self, found: dict[str, Any]) -> dict[str, Any]:
        phones = [p for p in found.get("phones") or [] if isinstance(p, dict) and p.get("number")]
        hours = [s for s in found.get("schedules") or [] if isinstance(s, dict)]
        address = None
        for place in found.get("service_at_locations") or []:
            location = place.get("location") if isinstance(place, dict) else None
            if isinstance(location, dict) and location.get("location_type") == "physical":
                lines = [
                    ", ".join(
                        str(a[k])
                        for k in ("address_1", "address_2", "city", "postal_code")
                        if a.get(k)
                    )
                    for a in location.get("addresses") or []
                ]
                address = (lines[0] if lines else None) or location.get("description")
        return {
            "phone": str(phones[0]["number"]) if phones else None,
            "phone_note": self.phone_note(phones[0]) if phones else None,
            "email": found.get("email"),
            "website": found.get("url"),
            "address": address,
            "hours": hours[0].get("description") if hours else None,
        }


def draft(harvest: Harvest, today: date | None = None) -> Draft:
    """The draft directory for `harvest`, as YAML text, with its gaps."""
    drafting = _Drafting(harvest, today or date.today())
    services = [drafting.service(u, s) for u, s in harvest.services.items()]
    day = drafting.today
    drafting.gap(
        None,
        "need_levels",
        "the feed has no levels of need: please list them, least "
        "first, and say which each route takes (`need`)",
    )
    drafting.gap(
        None,
        "review_by",
        f"set to {REVIEW_AFTER.days} days after each "
        "`last_reviewed`: please set when each entry must be checked again",
    )
    document = {
        "version": f"{day.year}.{day.month}.1",
        "areas": list(drafting.areas.values()),
        "concerns": list(drafting.concerns.values()),
        "need_levels": [],
        "services": services,
    }
    if drafting.rings:
        document["groupings"] = [
            {"id": "ring", "label": "Rings", "values": list(drafting.rings.values())}
        ]
    header = [
        f"A draft directory from an Open Referral UK feed ({', '.join(harvest.sources)}),",
        f"made by `navigator import-oruk` on {day.isoformat()}. Each service's routes are a",
        "starting point: confirm them (see `unconfirmed`), then run `navigator check`.",
    ]
    text = "".join(f"# {line}\n" for line in header) + "".join(yaml_lines(document, 0))
    return Draft(text, drafting.gaps, len(services), list(harvest.skipped))


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_empty(v) for k, v in value.items() if k != "#")
    return value is None or value == [] or value == ""


REQUIRED = {"areas", "concerns", "need_levels", "services"}
"""Top-level keys written even when empty (the directory requires them)."""


def yaml_lines(value: dict[str, Any], indent: int) -> Iterator[str]:
    """Block YAML for a mapping of plain values; a `#` key holds comment lines, and empty
    values are left out. Strings are double-quoted JSON, which YAML reads as written."""
    pad = " " * indent
    for key, item in value.items():
        if key == "#":
            yield from (f"{pad}# {line}\n" for line in item)
        elif item == [] and indent == 0 and key in REQUIRED:
            yield f"{key}: []\n"
        elif _empty(item):
            continue
        elif isinstance(item, dict):
            yield f"{pad}{key}:\n"
            yield from yaml_lines(item, indent + 2)
        elif isinstance(item, list) and all(not isinstance(i, dict | list) for i in item):
            yield f"{pad}{key}: [{', '.join(_scalar(i) for i in item)}]\n"
        elif isinstance(item, list):
            yield f"{pad}{key}:\n"
            for entry in item:
                lines = list(yaml_lines(entry, indent + 4))
                first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
                lines[first] = f"{pad}  - {lines[first][indent + 4 :]}"
                yield from lines
        else:
            yield f"{pad}{key}: {_scalar(item)}\n"
