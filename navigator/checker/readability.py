"""READ-001: what families read is plain English, at a reading age of 9 or under.

Family pages show the `family_*` wording of the content (falling back to the practitioner's
wording where there is none). Two things are checked:

- **Professional words.** A family text must not use the words of `JARGON` (codes, service
  jargon, "practitioner"): each is reported at the field that uses it.
- **Reading age.** The texts a family reads together, on one page (a question with its hint and
  its answers; an urgent page's heading and advice; a rule's advice; a service's description),
  are scored together with the Automated Readability Index of `textstat`, each text counted as
  a sentence. The ARI is 4.71 × characters per word + 0.5 × words per sentence − 21.43; a score
  of 4 is read at ages 8 to 9, so `MAX_GRADE` = 4 means a reading age of 9 or under. The ARI
  counts characters, not syllables: textstat's syllable formulas (Flesch–Kincaid) need NLTK's
  CMU dictionary, downloaded at run time, and a check must give the same answer offline. A
  passage of fewer than `MIN_WORDS` words is too short for any formula and is not scored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import textstat

from navigator.checker.scope import Scope, either
from navigator.content.directory import Directory
from navigator.content.finding import Finding, finding
from navigator.content.pathway import Pathway, Question
from navigator.content.position import Located, Position

MAX_GRADE = 4.0
"""The highest Automated Readability Index allowed: 4 reads at ages 8 to 9."""

MIN_WORDS = 10
"""Passages shorter than this are not scored (a label of three words has no reading age)."""

JARGON = (
    "practitioner",
    "universal plus",
    "mandated",
    "continuum of need",
    "early help assessment",
    "healthy child programme",
    "can usually hold",
    "tier",
    "cohort",
    "antenatal",
    "postnatal",
    "safeguarding",
    "remit",
    "signposting",
    "consultation",
    "disposition",
    "commissioned",
    "multi-agency",
)
"""Words a family page never uses: services' and commissioners' words, not parents'."""

_JARGON = re.compile(r"\b(" + "|".join(re.escape(word) for word in JARGON) + r")\b", re.I)


def jargon_in(text: str) -> list[str]:
    """The professional words of `JARGON` that `text` uses, as written, in order."""
    return list(dict.fromkeys(match.group(0) for match in _JARGON.finditer(text)))


def reading_grade(texts: Sequence[str]) -> float:
    """The Automated Readability Index of `texts` read one after another, each a sentence."""
    return float(textstat.automated_readability_index(" ".join(_sentence(t) for t in texts)))


def word_count(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!", ":")) else f"{text}."


@dataclass(frozen=True)
class Passage:
    """Family texts read together on one page, each with where it was written."""

    name: str
    texts: list[tuple[Position, str, str]]
    """(position, field name, text) for each text, in the order they are read."""
    scored: bool = True
    """Whether the passage is read as a whole (else only its words are checked)."""


def check_readability(scope: Scope) -> list[Finding]:
    found: list[Finding] = []
    seen: set[Position] = set()
    for passage in passages(scope):
        for at, field, text in passage.texts:
            words = jargon_in(text)
            if words and at not in seen:
                seen.add(at)
                found.append(
                    finding(
                        "READ-001",
                        at,
                        f"the family text `{field}` of {passage.name} uses professional "
                        f"words: {', '.join(repr(w) for w in words)}.",
                        _jargon_hint(field),
                    )
                )
        texts = [text for _, _, text in passage.texts]
        if not passage.scored or not texts or word_count(texts) < MIN_WORDS:
            continue
        grade = reading_grade(texts)
        if grade > MAX_GRADE:
            at, field, _ = passage.texts[0]
            found.append(
                finding(
                    "READ-001",
                    at,
                    f"the family text of {passage.name} reads at grade {grade:.1f} "
                    f"(Automated Readability Index; reading age {grade + 5:.1f}), above "
                    f"{MAX_GRADE:.0f} (reading age {MAX_GRADE + 5:.0f}).",
                    either(
                        "use shorter sentences and shorter, everyday words",
                        f"write a plainer `{_family(field)}`",
                    ),
                )
            )
    return found


def passages(scope: Scope) -> Iterator[Passage]:
    """Every family-facing passage of the content, as family pages show it."""
    directory = scope.directory
    for pathway in scope.pathways():
        yield from _pathway_passages(pathway, directory)
    if directory is not None:
        yield from _directory_passages(directory)


def _pathway_passages(pathway: Pathway, directory: Directory | None) -> Iterator[Passage]:
    if pathway.audiences and "family" not in {a.value for a in pathway.audiences}:
        return
    flags = [
        _text(pathway, "family_red_flag_question", "red_flag_question"),
        *(_text(flag, "family_label", "label") for flag in pathway.red_flags),
    ]
    yield Passage("the red flag question", _present(flags))
    for question in pathway.questions:
        yield Passage(f"question '{question.id}'", _present(_question_texts(question, directory)))
    for disposition in pathway.dispositions:
        texts = [
            _text(disposition, "family_title", "title"),
            _text(disposition, "family_advice", "advice"),
        ]
        yield Passage(f"disposition '{disposition.id}'", _present(texts))
    for rule in pathway.rules:
        # A rule's own advice may be for practitioners only: only its family wording counts.
        texts = [_text(rule, "family_advice", "family_advice")]
        yield Passage(f"rule '{rule.id}'", _present(texts))


def _question_texts(
    question: Question, directory: Directory | None
) -> list[tuple[Position, str, str] | None]:
    texts = [_text(question, "family_text", "text"), _text(question, "family_hint", "hint")]
    if question.choices_from == "concerns" and directory is not None:
        texts += [_text(c, "family_label", "label") for c in directory.concerns]
    elif question.choices_from == "need_levels" and directory is not None:
        texts += [_text(n, "family_label", "label") for n in directory.need_levels]
    texts += [_text(c, "family_label", "label") for c in question.choices]
    return texts


def _directory_passages(directory: Directory) -> Iterator[Passage]:
    # Read on the questions that offer them (scored there); here only their words count.
    for concern in directory.concerns:
        text = _text(concern, "family_label", "label")
        yield Passage(f"concern '{concern.id}'", _present([text]), scored=False)
    for level in directory.need_levels:
        text = _text(level, "family_label", "label")
        yield Passage(f"level of need '{level.id}'", _present([text]), scored=False)
    for service in directory.services:
        if service.active and service.family_description:
            text = _text(service, "family_description", "family_description")
            yield Passage(f"service '{service.id}'", _present([text]))


def _text(model: Located, family: str, otherwise: str) -> tuple[Position, str, str] | None:
    """The wording a family sees: the `family` field, else the practitioner's `otherwise`."""
    for name in (family, otherwise):
        value = getattr(model, name, None)
        if isinstance(value, str) and value.strip():
            return model.field_at(name), name, value
    return None


def _present(
    texts: Sequence[tuple[Position, str, str] | None],
) -> list[tuple[Position, str, str]]:
    return [t for t in texts if t is not None]


def _jargon_hint(field: str) -> str:
    if field.startswith("family_"):
        return either("say it as a parent would, in everyday words", "leave the word out")
    return either(
        f"add a `{_family(field)}` in everyday words (families see this wording now)",
        "say it in everyday words here, for everyone",
    )


def _family(field: str) -> str:
    return field if field.startswith("family_") else f"family_{field}"
