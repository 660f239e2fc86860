"""`navigator serve`: the web site and the API, with uvicorn, configured from `NAVIGATOR_*`."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the web site and the API",
        description="Serve the site on NAVIGATOR_HOST:NAVIGATOR_PORT (127.0.0.1:8000), reading "
        "content from NAVIGATOR_CONTENT_ROOT and reloading it when it changes. See docs/web.md.",
    )
    parser.add_argument("--host", help="address to listen on (default: settings)")
    parser.add_argument("--port", type=int, help="port to listen on (default: settings)")
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="worker processes (default 1). Each serves every page; the search index is built "
        "once (under a file lock) and opened read-only by every worker, and the server-side "
        "state is in the one database. See docs/web.md.",
    )
    parser.set_defaults(run=run)


def _workers(text: str) -> int:
    from navigator.numbers import parse_whole

    number = parse_whole(text)
    if number is None or not 1 <= number <= 64:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of workers from 1 to 64")
    return number


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from navigator.settings import PREFIX, Settings
    from navigator.web.app import create_app
    from navigator.web.security import install_log_filter

    settings = Settings.from_env()
    if args.host:
        settings = replace(settings, host=args.host)
    if args.port:
        settings = replace(settings, port=args.port)
    print(f"Serving the navigator on http://{settings.host}:{settings.port}/ (Ctrl+C to stop)")
    if args.workers > 1:
        # Each worker is a fresh process that makes its app from the environment: pass the
        # address given on the command line on the same way.
        os.environ[f"{PREFIX}HOST"] = settings.host
        os.environ[f"{PREFIX}PORT"] = str(settings.port)
        uvicorn.run(
            "navigator.web.app:create_app_from_env",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=args.workers,
            proxy_headers=True,
            server_header=False,
        )
        return 0
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        proxy_headers=True,
        server_header=False,
    )
    server = uvicorn.Server(config)
    # uvicorn configures logging when Config is made: mask postcodes after that.
    install_log_filter()
    server.run()
    return 0
