"""The directory (`services.yaml`): services, their routes with per-route eligibility, the areas,
the concern vocabulary and the levels of need. Field names follow Open Referral UK where one
exists (`name`, `description`, `status`, `languages`, `contact`), so export is a mapping."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import ConfigDict, Field, ModelWrapValidatorHandler, PrivateAttr, model_validator

from navigator.content.position import Located
from navigator.content.vocabulary import ALL, Audience, Criterion, RouteKind, Stage

Wildcard = Literal["all"]


class Content(Located):
    """Base of every content object: unknown keys are errors, never silently ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=False)


class AreaKind(StrEnum):
    ward = "ward"
    ward_group = "ward_group"
    local_authority = "local_authority"
    nhs_footprint = "nhs_footprint"
    country = "country"


class AreaHints(Content):
    """What makes membership of an area decided by GP registration likely, from a postcode."""

    areas: list[str] = Field(
        default_factory=list,
        description="Ids of areas decided by postcode: a postcode in or near one of them hints.",
    )
    postcodes: list[str] = Field(
        default_factory=list,
        description="Postcode districts (`BD23`) or sectors (`BD20 0`) whose postcodes hint.",
    )


class Area(Content):
    """A place that decides eligibility: a ward, a group of wards, a district, an NHS footprint.

    An area decided by postcode says how: a `boundary` file, a list of `postcodes` (districts
    or sectors, or `all`), or a `union` of other areas; `minus` takes areas away from any of
    these. An area decided by GP registration says which postcodes make it likely (`hinted_by`).
    """

    id: str = Field(description="Stable id, referred to by routes' `areas`.")
    name: str = Field(description="The name people know the area by.")
    phrase: str | None = Field(
        None,
        description="How a sentence names the area ('the Better Start Bradford area'); "
        "default the name.",
    )
    kind: AreaKind = Field(
        description="ward, ward_group, local_authority, nhs_footprint or country."
    )
    code: str | None = Field(
        None, description="The ONS code where there is one (E08000032), for reference."
    )
    within: str | None = Field(None, description="The id of the area that contains this one.")
    decided_by: Literal["postcode", "gp_registration"] = Field(
        "postcode",
        description="How membership is decided: by home postcode, or by the GP the family is "
        "registered with (then the pathway asks, and postcodes are only a hint).",
    )
    boundary: str | None = Field(
        None,
        description="A GeoJSON file (or one Feature a line, `.geojsonl`) beside services.yaml "
        "whose polygons, united, are the area: `geo/E08000032.geojsonl`.",
    )
    postcodes: Wildcard | list[str] | None = Field(
        None,
        description="The postcode districts (`BD3`) or sectors (`BD3 8`) the area is made of, "
        "or `all` for every postcode in the data.",
    )
    union: list[str] = Field(
        default_factory=list, description="Ids of areas that together make this one."
    )
    minus: list[str] = Field(
        default_factory=list, description="Ids of areas taken away from this one."
    )
    hinted_by: AreaHints | None = Field(
        None,
        description="For an area decided by GP registration: the areas and postcodes that make "
        "it likely, so a family there is asked to confirm.",
    )
    description: str = Field("", description="What the area is and why it matters.")

    @property
    def sentence_name(self) -> str:
        """How a sentence names the area."""
        return self.phrase or self.name

    @property
    def has_membership(self) -> bool:
        """Whether the area says how membership is decided by postcode."""
        return bool(self.boundary or self.postcodes or self.union)


class Concern(Content):
    """One worry from the concern vocabulary that questions offer and routes list."""

    id: str = Field(description="Stable id, referred to by routes and pathway choices.")
    label: str = Field(description="The practitioner's wording.")
    family_label: str | None = Field(None, description="The wording for families, if different.")
    description: str = Field("", description="What the concern covers, for commissioners.")


class Fact(Content):
    """A named fact of the commissioner's own naming (a first baby, needs an interpreter): a
    pathway question sets it, and a route's eligibility may require it, so a boundary written
    as prose ("for women with little English") becomes a criterion the engine enforces."""

    id: str = Field(description="Stable id, referred to by routes' `facts` and questions' choices.")
    label: str = Field(
        description="The fact in words, for practitioners ('Speaks little English')."
    )
    family_label: str | None = Field(None, description="The same, for families.")
    description: str = Field("", description="What counts, for commissioners.")


class NeedLevel(Content):
    """A level of need, from least to most; the order of the list is the order of severity."""

    id: str = Field(description="Stable id, referred to by routes' `need` and by rules.")
    label: str = Field(description="The practitioner's wording.")
    family_label: str | None = Field(None, description="How families would say it.")
    description: str = Field("", description="What counts as this level.")


class Interval(Content):
    """A half-open interval of months `[from, to)`; `to` left out means no upper limit."""

    start: int = Field(alias="from", description="First month included.")
    end: int | None = Field(None, alias="to", description="First month no longer included.")

    def __contains__(self, months: object) -> bool:
        return (
            isinstance(months, int)
            and self.start <= months
            and (self.end is None or months < self.end)
        )

    def __str__(self) -> str:
        return (
            f"{self.start}–{self.end} months" if self.end is not None else f"{self.start}+ months"
        )


class Eligibility(Content):
    """Who a route is for. Every list criterion is either a list of ids or the wildcard `all`."""

    audience: list[Audience] = Field(description="Who may use this route: practitioner, family.")
    stages: list[Stage] = Field(
        default_factory=lambda: [Stage.pregnancy, Stage.postnatal],
        description="pregnancy, postnatal, or both (the default).",
    )
    age_months: Interval | None = Field(
        None, description="The baby's age after the birth, `{from, to}` in months, half-open."
    )
    concerns: Wildcard | list[str] = Field(ALL, description="Concern ids, or `all`.")
    need: Wildcard | list[str] = Field(ALL, description="Need level ids, or `all`.")
    areas: Wildcard | list[str] = Field(ALL, description="Area ids, or `all`.")
    facts: dict[str, bool] = Field(
        default_factory=dict,
        description="Named facts the route requires: `{fact-id: true}` only where the fact "
        "holds, `false` only where it does not. An unknown fact is 'please confirm', never a no.",
    )


class Route(Content):
    """One way of using a service (consultation, referral, …) with its own eligibility."""

    kind: RouteKind = Field(
        description="urgent, consultation, referral, self_referral, signposting or training."
    )
    eligibility: Eligibility = Field(description="Who this route is for.")
    how: str = Field(description="How to use this route, in plain words.")
    info_needed: list[str] = Field(
        default_factory=list, description="What a referral must include (referral routes)."
    )
    response_time: str | None = Field(None, description="How soon the service usually responds.")
    length: str | None = Field(None, description="How long a training course or programme lasts.")
    contact: Contact | None = Field(
        None, description="Contact for this route, if not the service's."
    )
    family_can_ask: bool = Field(
        True,
        description="Whether a family journey may show this route as 'ask your health visitor "
        "about …'; false for routes a practitioner decides on (a safeguarding referral).",
    )

    @property
    def ref(self) -> str:
        return self.kind.value


class Boundary(Content):
    """Who a service is **not** for, and where to go instead."""

    who: str = Field(description="Who the service is not for, in plain words.")
    criterion: Criterion | None = Field(
        None, description="The eligibility criterion this boundary explains, if any."
    )
    instead: list[str] = Field(
        default_factory=list, description="Ids of services to go to instead."
    )
    instead_text: str | None = Field(None, description="Where to go instead, when not a service.")
    family_instead_text: str | None = Field(
        None, description="The same in plain words for families, where `instead_text` is not."
    )
    prose_only: bool = Field(
        False,
        description="Acknowledges that no criterion enforces this boundary (it is for the "
        "service to judge); otherwise the checker asks for a `criterion`.",
    )


class Contact(Content):
    """How to reach a service. Never invent a number: unconfirmed facts go in `unconfirmed`."""

    _phone_read_as: int | None = PrivateAttr(None)

    phone: str | None = Field(
        None,
        description='A UK phone number as it is dialled, in quotes ("01274 123456", "999").',
    )
    phone_note: str | None = Field(None, description="When to ring, or which option to choose.")
    email: str | None = Field(None, description="An email address.")
    website: str | None = Field(None, description="An https:// address.")
    address: str | None = Field(None, description="A postal address.")
    hours: str | None = Field(None, description="Opening hours.")
    through: list[str] = Field(
        default_factory=list,
        description="Ids of the services whose staff are the way in, when people cannot "
        "contact this service themselves (for example `[health-visiting, midwifery, gp]`): "
        "shown as 'through your health visitor, midwife or GP'.",
    )

    @property
    def ways_in(self) -> list[str]:
        """The ways in a person can use: the phone, email, website and `through` doors given."""
        ways = [name for name in ("phone", "email", "website") if getattr(self, name)]
        return ways + (["through"] if self.through else [])

    @model_validator(mode="wrap")
    @classmethod
    def _phone_as_written(cls, data: Any, handler: ModelWrapValidatorHandler[Contact]) -> Contact:
        """A phone number written without quotes is read by YAML as a number, losing any
        leading 0: keep the digits as written, and remember it, so that CONTACT-001 can say
        so (rather than validation saying 'not text')."""
        number = data.get("phone") if isinstance(data, dict) else None
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            return handler(data)
        width = getattr(number, "_width", None)
        digits = str(int(number))
        written = digits.zfill(width) if isinstance(width, int) else digits
        contact = handler({**data, "phone": written})
        contact._phone_read_as = int(number)
        return contact

    @property
    def phone_read_as(self) -> int | None:
        """The number YAML read, when the phone was written without quotes (None if quoted)."""
        return self._phone_read_as


class ServiceStatus(StrEnum):
    active = "active"
    decommissioned = "decommissioned"


class Service(Content):
    """A service in the directory, with its remit, its boundaries and its routes."""

    id: str = Field(description="Stable id, never reused.")
    name: str = Field(description="The service's current name.")
    aliases: list[str] = Field(
        default_factory=list, description="Former and other names, found by search."
    )
    former_ids: list[str] = Field(
        default_factory=list, description="Ids this service used to have; their pages redirect."
    )
    status: ServiceStatus = Field(ServiceStatus.active, description="active or decommissioned.")
    replaced_by: str | None = Field(
        None, description="For a decommissioned service: its successor."
    )
    ended: date | None = Field(
        None,
        description="When the service ended (or will end): from that day it is never offered.",
    )
    provider: str = Field(description="The organisation that runs it.")
    ring: str | None = Field(
        None,
        description="The service's value in the directory's `ring` grouping, when it declares "
        "one (the shipped content's system map: core, universal or risk).",
    )
    description: str = Field(description="What the service is, in plain words.")
    remit: str = Field(description="What it does and for whom.")
    family_description: str | None = Field(
        None,
        description="What it does, for families, in plain words (a reading age of 9): family "
        "pages show it instead of the description and remit.",
    )
    not_for: list[Boundary] = Field(default_factory=list, description="Its boundaries.")
    routes: list[Route] = Field(default_factory=list, description="The ways to use it.")
    contact: Contact = Field(default_factory=Contact, description="How to reach it.")
    languages: list[str] = Field(
        default_factory=lambda: ["en"],
        description="Codes of the languages its staff work in (`en`, `ur`, `pl`, `bfi` for "
        "British Sign Language), from a source; English alone when no source says more.",
    )
    interpreters: bool | None = Field(
        None,
        description="Whether it arranges interpreters for other languages: `true` or `false` "
        "from a source; left out, not known (pages say so, and never guess).",
    )
    last_reviewed: date = Field(description="When the entry was last checked with the provider.")
    review_by: date = Field(description="When it must be checked again.")
    owner: str | None = Field(None, description="Who keeps the entry up to date.")
    source: list[str] = Field(default_factory=list, description="Where the facts come from.")
    unconfirmed: list[str] = Field(
        default_factory=list,
        description="Facts still to confirm with the provider (for example `phone`, `routes`); "
        "shown as 'check with the service'.",
    )

    def route(self, kind: RouteKind | str) -> Route | None:
        return next((r for r in self.routes if r.kind == kind), None)

    def speaks(self, language: str) -> bool:
        """Whether a family can use the service in `language`: its staff work in it, or it
        arranges interpreters (English always)."""
        return language == "en" or language in self.languages or self.interpreters is True

    @property
    def active(self) -> bool:
        """Running today: not decommissioned, and not past its `ended` date."""
        return self.open_on(date.today())

    def open_on(self, day: date) -> bool:
        """Whether the service is running on `day` (it stops on its `ended` date)."""
        return self.status is ServiceStatus.active and (self.ended is None or day < self.ended)


class GroupValue(Content):
    """One value of a grouping (one ring of a system map)."""

    id: str = Field(description="Stable id, written in services' `ring`.")
    label: str = Field(description="How search filters and pages name it.")
    description: str = Field("", description="What belongs here.")


class Grouping(Content):
    """A way the directory groups its services (the system map's rings). The order of the
    values is the order results list services in when they fit a family equally well."""

    id: str = Field(description="`ring`: the grouping services name in their `ring`.")
    label: str = Field(description="How the search filter names the grouping.")
    description: str = Field("", description="What the grouping is, for commissioners.")
    values: list[GroupValue] = Field(description="The values, in the order results use.")


class Site(Content):
    """The site's own words about the place it serves: read by the header, the home page, the
    API description, the command line's help and the messages about postcodes."""

    place: str = Field("", description="The place the directory serves ('Bradford').")
    title: str = Field(
        "Early years navigator", description="The title in the header of every page."
    )
    ages: str = Field(
        "", description="The ages served, in words ('pregnancy to age 3'), for descriptions."
    )
    example_postcode: str | None = Field(
        None,
        description="A real postcode of the place that messages give as an example "
        "('Enter a postcode, like …').",
    )
    languages: list[str] = Field(
        default_factory=lambda: ["en"],
        description="Codes of the languages the site offers (recorded for now: the pages are "
        "in English).",
    )
    contact: str | None = Field(
        None,
        description="The email address of the team that keeps the content, shown in every "
        "page's footer.",
    )

    def like(self) -> str:
        """', like BD3 8AA' after 'Enter a postcode', or nothing without an example."""
        return f", like {self.example_postcode}" if self.example_postcode else ""


class Directory(Content):
    """The whole of `services.yaml`."""

    version: str = Field(description="The directory's version (CalVer, 2026.11.1).")
    site: Site = Field(
        default_factory=Site,
        description="The place served and the site's own words about it (header, home page).",
    )
    areas: list[Area] = Field(description="Every area that routes may name.")
    concerns: list[Concern] = Field(description="The concern vocabulary.")
    need_levels: list[NeedLevel] = Field(description="Levels of need, least first.")
    facts: list[Fact] = Field(
        default_factory=list, description="Named facts that questions set and routes require."
    )
    services: list[Service] = Field(description="Every service, current and decommissioned.")
    groupings: list[Grouping] = Field(
        default_factory=list,
        description="How services are grouped (optional): a grouping with id `ring` gives the "
        "values services' `ring` may take, and the order results list them in.",
    )

    def model_post_init(self, context: object, /) -> None:
        super().model_post_init(context)
        self._services = {s.id: s for s in self.services}
        self._former = {f: s.id for s in self.services for f in s.former_ids}
        self._areas = {a.id: a for a in reversed(self.areas)}  # the first of a repeated id wins
        self._facts = {f.id: f for f in reversed(self.facts)}

    def service(self, id: str) -> Service | None:
        return self._services.get(id)

    def current_id(self, id: str) -> str | None:
        """The id a (possibly former) id now goes by."""
        return id if id in self._services else self._former.get(id)

    def grouping(self, id: str) -> Grouping | None:
        return next((g for g in self.groupings if g.id == id), None)

    def ring_order(self) -> dict[str, int]:
        """Each declared ring's place in the order results use (empty if none is declared)."""
        rings = self.grouping("ring")
        return {v.id: i for i, v in enumerate(rings.values)} if rings else {}

    def ring_labels(self) -> dict[str, str]:
        """Each declared ring's label, in order."""
        rings = self.grouping("ring")
        return {v.id: v.label for v in rings.values} if rings else {}

    def area(self, id: str) -> Area | None:
        return self._areas.get(id)

    def fact(self, id: str) -> Fact | None:
        return self._facts.get(id)

    def area_name(self, id: str) -> str:
        """The name people know the area by; the id itself for an area not in the directory."""
        area = self._areas.get(id)
        return area.name if area else id

    def ancestors(self, id: str) -> list[str]:
        """`id` and every area that contains it."""
        chain: list[str] = []
        current: str | None = id
        while current is not None and current not in chain:
            chain.append(current)
            area = self.area(current)
            current = area.within if area else None
        return chain


Route.model_rebuild()
