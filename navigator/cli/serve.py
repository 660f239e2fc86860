"""`navigator serve`: the web site and the API, with uvicorn, configured from `NAVIGATOR_*`."""

from __future__ import annotations

import argparse
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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from navigator.settings import Settings
    from navigator.web.app import create_app
    from navigator.web.security import install_log_filter

    settings = Settings.from_env()
    if args.host:
        settings = replace(settings, host=args.host)
    if args.port:
        settings = replace(settings, port=args.port)
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
    print(f"Serving the navigator on http://{settings.host}:{settings.port}/ (Ctrl+C to stop)")
    server.run()
    return 0
