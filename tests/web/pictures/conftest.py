"""The one client every test of the commissioners' pictures pages uses. Today an ordinary
client of the example site; when `/commission` goes behind sign-in, this fixture alone signs in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient


@pytest.fixture
def commission_client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as client:
        yield client
