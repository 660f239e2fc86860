"""The ORUK 3.0 JSON Schemas, offline: every schema of tests/fixtures/openreferral/schema is
registered under the absolute URLs the schemas `$ref` each other by, so validation never
touches the network. `validator("service_list.json")` checks a page: the ORUK list schema and
the spec's page envelope (HSDS `Page`, every field required, as ORUK asks)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

FOLDER = Path(__file__).parent.parent / "fixtures" / "openreferral"
SCHEMAS = FOLDER / "schema"
BASES = (
    "https://openreferraluk.org/specifications/3.0/schema/",
    "https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/OpenReferralApi/"
    "Schemas/V3.0-UK/",
)
PAGE_FIELDS = {
    "total_items": "integer",
    "total_pages": "integer",
    "page_number": "integer",
    "size": "integer",
    "first_page": "boolean",
    "last_page": "boolean",
    "empty": "boolean",
}
PAGE = {
    "type": "object",
    "required": [*PAGE_FIELDS, "contents"],
    "properties": {
        **{name: {"type": kind} for name, kind in PAGE_FIELDS.items()},
        "contents": {"type": "array"},
    },
}
"""HSDS 3.0 `Page` (schema/openapi.json, components/schemas/Page), with every field required."""


@functools.cache
def registry() -> Registry[Any]:
    resources: list[tuple[str, Resource[Any]]] = []
    for path in sorted(SCHEMAS.glob("*.json")):
        resource = Resource.from_contents(json.loads(path.read_text()), DRAFT202012)
        resources += [(base + path.name, resource) for base in BASES]
    return Registry().with_resources(resources)


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """The validator of the ORUK schema `name` (`service.json`, `service_list.json`, …);
    a `*_list.json` one checks the page envelope too."""
    schema: dict[str, Any] = {"$ref": BASES[0] + name}
    if name.endswith("_list.json"):
        schema = {"allOf": [schema, PAGE]}
    return Draft202012Validator(
        schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(name: str, document: Any) -> list[str]:
    """Every way `document` breaks schema `name`, as `path: message`, or [] if it conforms."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]
