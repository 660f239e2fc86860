"""`create_app(settings)`: the web site and the JSON API as one FastAPI app.

Nothing happens at import. The app reads its content from `settings.content_paths`, keeps
serving the last good version while commissioners edit (see `live.py`), records each content
load in the store, and mounts the routers listed in `ROUTERS`."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from navigator.content.model_cache import ModelCache
from navigator.engine.facts import Locator
from navigator.settings import Settings
from navigator.store import ContentVersion, Store
from navigator.web.commission.guard import install as install_guard
from navigator.web.deps import DefaultLocator
from navigator.web.language import LanguageChoice
from navigator.web.limits import BodyLimit
from navigator.web.live import Attempt, LiveContent, NoContent
from navigator.web.methods import Methods
from navigator.web.openapi import install as install_openapi
from navigator.web.rendering import STATIC, make_templates, render
from navigator.web.security import HEADERS, SecurityHeaders, install_log_filter

log = logging.getLogger(__name__)

ROUTERS = [
    "navigator.web.pages",
    "navigator.web.journey",
    "navigator.web.feedback",
    "navigator.web.services",
    "navigator.web.api",
    "navigator.web.commission.sign_in",
    "navigator.web.commission.workbench",
    "navigator.web.pictures",
    "navigator.web.search_routes",
    "navigator.web.oruk",
    "navigator.web.reports",
]
"""Modules with a `router`; each is mounted if it can be imported (search adds its own)."""

DESCRIPTION = (
    "An early years mental health navigator: the next question or the services that can "
    "help, service details and eligibility, postcode areas. See docs/api.md."
)


def description(settings: Settings) -> str:
    """The API's description, with the place and ages of the content's `site` block."""
    from navigator.content.loader import load

    try:
        directory = load([settings.services_path]).directory
    except Exception:  # the description must never stop the app starting
        directory = None
    site = directory.site if directory is not None else None
    if site is None or not site.place:
        return DESCRIPTION
    ages = f" ({site.ages})" if site.ages else ""
    return (
        f"{site.place}'s early years mental health navigator{ages}: the next question or the "
        "services that can help, service details and eligibility, postcode areas. "
        "See docs/api.md."
    )


def create_app(settings: Settings | None = None, *, locator: Locator | None = None) -> FastAPI:
    """The app for these settings (defaults if none); `locator` replaces the postcode
    look-up (tests)."""
    settings = settings or Settings()
    store = Store(settings.database)
    live = LiveContent(
        settings.content_paths,
        settings.content_poll_seconds,
        on_attempt=lambda attempt: _record(store, attempt),
        translations=settings.translations_path,
        root=settings.content_root,  # files named relative to it: no server path is shown
        cache=ModelCache(settings.state_dir) if settings.content_cache else None,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        install_log_filter()
        store.upgrade()
        try:
            live.current()
        except NoContent:
            log.error("no good content to serve: see /commission/status")
        live.start()
        if isinstance(app.state.locator, DefaultLocator):
            # The postcode lookup is loaded, or built if the areas changed, while the site
            # starts serving; a postcode asked before it is ready waits for it.
            threading.Thread(target=app.state.locator.warm, name="geo-start", daemon=True).start()
        try:
            yield
        finally:
            live.stop()
            store.close()

    app = FastAPI(
        title="Early years mental health navigator",
        version="1",
        description=description(settings),
        docs_url=None,  # Swagger UI needs a CDN and inline script; the JSON document is enough
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.live = live
    app.state.locator = locator or DefaultLocator(settings)
    app.state.templates = make_templates(content_root=settings.content_root)
    install_guard(app, settings)  # inside the body limit: the guard reads a form's CSRF token
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(Methods, routes=app.router.routes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(LanguageChoice)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for name in ROUTERS:
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            if error.name != name:
                raise
            continue
        app.include_router(module.router)
    _handle_errors(app)
    install_openapi(app)
    install_log_filter()
    return app


def create_app_from_env() -> FastAPI:
    """The app for `NAVIGATOR_*` settings: what each worker of `navigator serve --workers N`
    makes (uvicorn's factory)."""
    return create_app(Settings.from_env())


def _record(store: Store, attempt: Attempt) -> None:
    store.record(version_row(attempt))


def version_row(attempt: Attempt) -> ContentVersion:
    """The store's record of a content load attempt."""
    import json

    return ContentVersion(
        content_hash=attempt.content_hash,
        directory_version=attempt.directory_version,
        pathway_versions=json.dumps(attempt.pathway_versions, sort_keys=True),
        loaded_at=attempt.at.astimezone(UTC),
        accepted=attempt.accepted,
        errors=len(attempt.errors),
        warnings=len(attempt.warnings),
        findings=json.dumps([f.as_json() for f in attempt.findings]),
    )


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/oruk"))


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message, status = str(error.detail), error.status_code
        if status == 400 and isinstance(error.__cause__, Exception):
            # FastAPI's 400 for a body it could not parse (nesting too deep, a number too
            # long): as documented, every body that cannot be used gets 422.
            status = 422
            message = (
                "The request body could not be read as JSON (it may be nested too deeply or "
                "hold a number too long). Please check it against the OpenAPI document at "
                "/openapi.json."
            )
        headers = dict(error.headers or {})
        if _wants_json(request):
            return JSONResponse({"message": message, "errors": []}, status, headers=headers)
        context = {"status": status, "message": message}
        page = render(request, "error.html", context, status_code=status)
        page.headers.update(headers)
        return page

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, error: RequestValidationError) -> Response:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"] if p != "body"), "message": e["msg"]}
            for e in error.errors()
        ]
        message = "The request could not be used: " + "; ".join(
            f"{e['field'] or 'the body'}: {e['message']}" for e in errors
        )
        message += ". Please check it against the OpenAPI document at /openapi.json."
        if _wants_json(request):
            return JSONResponse({"message": message, "errors": errors}, 422)
        return render(request, "error.html", {"status": 422, "message": message}, status_code=422)

    @app.exception_handler(NoContent)
    async def no_content(request: Request, error: NoContent) -> Response:
        message = (
            "The directory is being updated and is not available just now. Please try again "
            "in a few minutes. If anyone is in danger now, call 999."
        )
        if _wants_json(request):
            return JSONResponse({"message": message, "errors": []}, 503)
        return render(request, "error.html", {"status": 503, "message": message}, status_code=503)

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> Response:
        log.exception("unexpected error", exc_info=error)
        message = (
            "Something went wrong on our side. Please try again. "
            "If anyone is in danger now, call 999."
        )
        if _wants_json(request):
            return JSONResponse({"message": message, "errors": []}, 500)
        headers = {**HEADERS, "Cache-Control": "no-store"}
        return PlainTextResponse(message, 500, headers=headers)
