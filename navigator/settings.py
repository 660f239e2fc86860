"""One typed settings object with working defaults. Nothing is read from the environment at
import time: `Settings.from_env()` is called by the command line, never on import."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from navigator.numbers import parse_whole

PREFIX = "NAVIGATOR_"


@dataclass(frozen=True)
class Settings:
    """Every setting, with its default. Each can be set as an environment variable named
    `NAVIGATOR_` + the field name in capitals (`NAVIGATOR_DATABASE_URL`)."""

    content_root: Path = Path(".")
    """The folder holding `services.yaml`, `pathways/` and `synonyms.yaml`."""
    services_file: Path | None = None
    """The directory of services; default `<content_root>/services.yaml`."""
    pathways_dir: Path | None = None
    """The folder of pathway files; default `<content_root>/pathways`."""
    translations_dir: Path | None = None
    """The folder of content translations, one file a language (`ur.yaml`, `pl.yaml`); default
    `<content_root>/translations`. Loaded, checked and live-reloaded with the rest of the
    content; a broken translation file is left out and never stops the site (see
    docs/translations.md)."""
    state_dir: Path = Path("var")
    """Where the navigator keeps what it builds: the search index, the postcode lookup, the
    SQLite database."""
    postcodes_file: Path | None = None
    """Postcode coordinates (ONS NSPL/ONSPD columns `pcds`, `lat`, `long`): a CSV file or a
    folder of them; default `<content_root>/data/geo`, else the source tree's `data/geo`."""
    database_url: str = ""
    """SQLAlchemy URL of the database; default SQLite in `state_dir`. PostgreSQL works too."""
    host: str = "127.0.0.1"
    """Address `navigator serve` listens on."""
    port: int = 8000
    """Port `navigator serve` listens on."""
    content_poll_seconds: float = 2.0
    """How often the web app looks for edited content (a broken edit keeps the last good one)."""
    content_cache: bool = True
    """Keep the loaded content in `state_dir` (`content-model.pickle`), under the hash of the
    files' bytes and of the code, so a start-up or reload of unchanged files skips parsing and
    validation. The checker always runs. See docs/decisions/scale.md."""
    base_url: str = ""
    """The public address of the site (`https://navigator.example.org`), the start of every
    absolute link it prints (the result's "copy a link to these answers"). Empty: the address
    the request came to, if its host is one of `allowed_hosts`, else links stay relative. The
    request's `Host` header alone is never trusted."""
    allowed_hosts: str = "localhost,127.0.0.1"
    """Comma-separated host names (no port) that may start an absolute link when `base_url` is
    empty. Behind a reverse proxy, set `base_url` instead."""
    state_minutes: int = 60
    """How long a family's answers are kept on the server after their last step (then purged;
    "Leave this site" deletes them at once). See docs/decisions/state.md."""
    session_hours: int = 8
    """The longest a commissioner's sign-in lasts, however busy (then sign in again)."""
    session_idle_minutes: int = 30
    """A commissioner's sign-in ends after this long with no request (then sign in again)."""
    sign_in_failures: int = 5
    """Failed sign-ins in a row (password or code) that lock a commissioner's account."""
    lock_minutes: int = 15
    """How long a locked account stays locked (`navigator commissioner unlock` ends it early)."""
    sign_in_attempts: int = 10
    """Sign-in attempts allowed per account, and again per client address, in
    `sign_in_window_minutes` (counted in memory only; the address is never stored or logged)."""
    sign_in_window_minutes: int = 15
    """The window of `sign_in_attempts`."""
    max_body_bytes: int = 65536
    """The largest request body accepted (JSON to the API, forms); more gets 413."""
    record_journeys: bool = True
    """Keep an anonymous record of each finished journey on the site (the hour, the answers'
    categories, the areas no smaller than a ward, what was shown: never a name, a date of birth,
    a postcode or free text) and offer "Did this help?". `false` records nothing and hides the
    question. See docs/decisions/records.md."""
    retention_months: int = 24
    """How long journey records and feedback are kept: `navigator db purge` deletes older
    ones (and expired server-side state)."""
    extra: dict[str, str] = field(default_factory=dict)
    """Settings that other parts add (unused by the core)."""

    @property
    def services_path(self) -> Path:
        return self.services_file or self.content_root / "services.yaml"

    @property
    def postcodes_path(self) -> Path:
        """The postcode coordinates the lookup is built from: `postcodes_file`, else
        `<content_root>/data/geo`, else the `data/geo` of the source tree."""
        if self.postcodes_file is not None:
            return self.postcodes_file
        beside_content = self.content_root / "data" / "geo"
        beside_package = Path(__file__).resolve().parents[1] / "data" / "geo"
        return beside_content if beside_content.exists() else beside_package

    @property
    def pathways_path(self) -> Path:
        return self.pathways_dir or self.content_root / "pathways"

    @property
    def synonyms_path(self) -> Path:
        """The search thesaurus (optional): `<content_root>/synonyms.yaml`."""
        return self.content_root / "synonyms.yaml"

    @property
    def translations_path(self) -> Path:
        """The folder of content translations: `translations_dir`, else
        `<content_root>/translations`."""
        return self.translations_dir or self.content_root / "translations"

    @property
    def content_paths(self) -> tuple[Path, ...]:
        optional = (self.synonyms_path, self.translations_path)
        return (
            self.services_path,
            self.pathways_path,
            *(path for path in optional if path.exists()),
        )

    @property
    def trusted_hosts(self) -> frozenset[str]:
        """`allowed_hosts` as a set of lower-case names."""
        return frozenset(h.strip().lower() for h in self.allowed_hosts.split(",") if h.strip())

    def absolute_base(self, scheme: str, host: str) -> str:
        """The start of an absolute link (no trailing slash): `base_url` if set, else
        `scheme://host` for an allowed host (`host` as the request gave it, with any port),
        else empty (links stay relative)."""
        if self.base_url:
            return self.base_url.rstrip("/")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.lower() in self.trusted_hosts and scheme in {"http", "https"}:
            return f"{scheme}://{host}"
        return ""

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.state_dir / 'navigator.db'}"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Settings from `NAVIGATOR_*` variables, defaults for the rest."""
        env = os.environ if environ is None else environ
        changes: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is None or f.name == "extra":
                continue
            kind = str(f.type)
            if "Path" in kind:
                changes[f.name] = Path(raw)
            elif kind == "int":
                number = parse_whole(raw)
                if number is None:
                    name = PREFIX + f.name.upper()
                    raise ValueError(f"{name} must be a whole number, not {raw!r}")
                changes[f.name] = number
            elif kind == "float":
                changes[f.name] = float(raw)
            elif kind == "bool":
                changes[f.name] = _flag(PREFIX + f.name.upper(), raw)
            else:
                changes[f.name] = raw
        return replace(cls(), **changes)  # type: ignore[arg-type]


TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


def _flag(name: str, raw: str) -> bool:
    """A yes/no setting: `true`/`false` (also 1/0, yes/no, on/off, any case)."""
    word = raw.strip().lower()
    if word in TRUE or word in FALSE:
        return word in TRUE
    raise ValueError(f"{name} must be true or false, not {raw!r}")
