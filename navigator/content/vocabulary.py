"""The closed vocabularies that matching works on: audiences, stages, route kinds, criteria."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Audience(StrEnum):
    """Who is using the navigator: the person asking decides which routes are theirs to use."""

    practitioner = "practitioner"
    family = "family"


class Stage(StrEnum):
    """Pregnancy, or after the birth (then the baby's age in months matters)."""

    pregnancy = "pregnancy"
    postnatal = "postnatal"


class RouteKind(StrEnum):
    """How a service is used. The order here is the order of a result's sections."""

    urgent = "urgent"
    consultation = "consultation"
    referral = "referral"
    self_referral = "self_referral"
    signposting = "signposting"
    training = "training"

    @property
    def rank(self) -> int:
        return list(RouteKind).index(self)


ROUTE_TITLES: dict[RouteKind, str] = {
    RouteKind.urgent: "Urgent help",
    RouteKind.consultation: "Consultation: advice for you, the practitioner",
    RouteKind.referral: "Referral: the service takes the family on",
    RouteKind.self_referral: "Self-referral: families can contact the service directly",
    RouteKind.signposting: "Signposting: information and open-access support",
    RouteKind.training: "Training for practitioners",
}


ROUTE_NAMES: dict[RouteKind, str] = {
    RouteKind.urgent: "Urgent help",
    RouteKind.consultation: "Consultation",
    RouteKind.referral: "Referral",
    RouteKind.self_referral: "Self-referral",
    RouteKind.signposting: "Signposting",
    RouteKind.training: "Training",
}
"""A route's kind in a word or two: a tag on a card, a term of the published taxonomy."""

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ur": "Urdu",
    "pa": "Punjabi",
    "pl": "Polish",
    "sk": "Slovak",
    "cs": "Czech",
    "ro": "Romanian",
    "ar": "Arabic",
    "bn": "Bengali",
    "ps": "Pashto",
    "fa": "Farsi",
    "ku": "Kurdish",
    "cy": "Welsh",
    "bfi": "British Sign Language",
}
"""The names of the language codes services list (ISO 639; `bfi` is British Sign Language)."""


class Criterion(StrEnum):
    """The eligibility criteria, in the order the engine tests them (the first that fails is
    the reason given for a near-miss)."""

    audience = "audience"
    stage = "stage"
    age = "age"
    concerns = "concerns"
    need = "need"
    facts = "facts"
    area = "area"


ALL: Final = "all"
