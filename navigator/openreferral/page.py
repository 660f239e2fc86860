"""The spec's page envelope (HSDS `Page`): `total_items`, `total_pages`, `page_number`,
`size`, `first_page`, `last_page`, `empty` and `contents`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")

PER_PAGE = 50
MAX_PER_PAGE = 500


def page_of(
    items: Sequence[Item], number: int, per_page: int, render: Callable[[Item], dict[str, Any]]
) -> dict[str, Any]:
    """Page `number` (from 1) of `items`, `per_page` a page, each item rendered. A page past
    the last is empty (`empty: true`), so a client paging on always stops."""
    total = len(items)
    pages = max(1, -(-total // per_page))
    chosen = items[(number - 1) * per_page : number * per_page]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(chosen),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not chosen,
        "contents": [render(item) for item in chosen],
    }
