"""The web site and the JSON API: `create_app(settings)` in `navigator.web.app`."""
