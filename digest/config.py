"""feeds.yaml: reading, validating and editing the user's configuration.

The file is read with ruamel.yaml's round-trip loader so every value keeps its line number, and
validated with pydantic; a mistake is reported as ``feeds.yaml:LINE: field: what was expected``.
Edits (``digest feeds add`` / ``remove``) go through the same round-trip document, so the user's
comments and key order survive.
"""

from __future__ import annotations

import io
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator,
                      model_validator)
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from digest.errors import ConfigError

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
OutletKind = Literal["national", "provincial", "government"]
Format = Literal["html", "pdf"]
Security = Literal["starttls", "ssl", "none"]

_DURATION = re.compile(r"^\s*(\d+)\s*(s|m|h|d|w)\s*$")
_DURATION_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def parse_duration(text: str) -> timedelta:
    """Turn "45s", "30m", "6h", "1d" or "7d" into a timedelta; ValueError otherwise."""
    match = _DURATION.match(str(text))
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"expected a duration such as 30m, 6h, 1d or 7d, got {text!r}")
    return timedelta(**{_DURATION_UNITS[match.group(2)]: int(match.group(1))})


def check_http_url(url: str) -> str:
    """Return the URL stripped, or raise ValueError unless it is an absolute http(s) URL."""
    url = str(url).strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"expected an http:// or https:// URL, got {url!r}")
    return url


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeedConfig(_Strict):
    url: str
    name: str = Field(min_length=1)
    province: str | None = None
    outlet: OutletKind | None = None
    every: str = "30m"
    enabled: bool = True

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_http_url(value)

    @field_validator("every")
    @classmethod
    def _every(cls, value: str) -> str:
        parse_duration(value)
        return value

    @property
    def interval(self) -> timedelta:
        return parse_duration(self.every)


class EmailConfig(_Strict):
    """An SMTP server and the people a digest is mailed to. The password is never in the file:
    `password_env` names the environment variable that holds it."""

    host: str = Field(min_length=1)
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Security = "starttls"
    user: str | None = None
    password_env: str | None = None
    sender: str = Field(alias="from", min_length=3)
    to: list[str] = Field(min_length=1)
    timeout: float = Field(default=60.0, gt=0)
    # Where the email settings are written (feeds.yaml:LINE), for errors found only at use.
    _origin: str = PrivateAttr(default="feeds.yaml")

    @model_validator(mode="before")
    @classmethod
    def _no_password(cls, data: Any) -> Any:
        if isinstance(data, dict) and "password" in data:
            raise ValueError("a password does not go in feeds.yaml: put it in an environment "
                             "variable and name that variable in password_env")
        return data

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str) -> str:
        return _check_address(value)

    @field_validator("to")
    @classmethod
    def _to(cls, value: list[str]) -> list[str]:
        return [_check_address(address) for address in value]

    @model_validator(mode="after")
    def _user_needs_password(self) -> EmailConfig:
        if self.user and not self.password_env:
            raise ValueError("user is set but password_env is not: name the environment "
                             "variable that holds the SMTP password")
        return self

    @property
    def smtp_port(self) -> int:
        return self.port or _DEFAULT_PORTS[self.security]

    def password(self) -> str | None:
        """The SMTP password from the environment; a ConfigError when the variable is unset."""
        if not self.password_env:
            return None
        value = os.environ.get(self.password_env)
        if not value:
            raise ConfigError(f"{self._origin}: password_env: the environment variable "
                              f"{self.password_env} is not set; export it (the SMTP password) "
                              "before starting digest")
        return value


def _check_address(value: str) -> str:
    from email.utils import parseaddr

    address = parseaddr(value)[1]
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        raise ValueError(f"expected an e-mail address such as name@example.org, got {value!r}")
    return value.strip()


class DeliverConfig(_Strict):
    """Where a digest goes: files (with the archive page), an Atom feed, e-mail."""

    files: bool = True
    atom: bool = True
    # Where the output folder is published on the web, for absolute links in the Atom feed.
    base_url: str | None = None
    email: EmailConfig | None = None
    attempts: int = Field(default=4, ge=1, le=20)
    backoff: str = "30s"

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        return None if value is None else check_http_url(value).rstrip("/") + "/"

    @field_validator("backoff")
    @classmethod
    def _backoff(cls, value: str) -> str:
        parse_duration(value)
        return value

    @property
    def backoff_delay(self) -> timedelta:
        """The wait before the second attempt; each later wait is four times the one before."""
        return parse_duration(self.backoff)


class PollingConfig(_Strict):
    """How politely feeds are polled.

    A feed is polled every `every` (its own setting); a server that asks for more time
    (Retry-After, Cache-Control max-age, Expires, RSS <ttl>) or a feed that keeps failing
    (exponential backoff) waits longer, but never more than `max_interval`, and no feed is
    polled more often than `min_interval`. Two requests to one host are `host_delay` seconds
    apart, and never at the same time: by default at most four a second, gentler than one
    reader opening one of the site's pages. `timeout` (seconds) and `max_bytes` bound what one answer may cost.
    """

    min_interval: str = "5m"
    max_interval: str = "1d"
    host_delay: float = Field(default=0.25, ge=0, le=60)
    timeout: float = Field(default=20.0, gt=0, le=300)
    max_bytes: int = Field(default=10_000_000, ge=10_000)

    @field_validator("min_interval", "max_interval")
    @classmethod
    def _interval(cls, value: str) -> str:
        parse_duration(value)
        return value

    @model_validator(mode="after")
    def _ordered(self) -> PollingConfig:
        if parse_duration(self.min_interval) > parse_duration(self.max_interval):
            raise ValueError(f"min_interval {self.min_interval} is longer than max_interval "
                             f"{self.max_interval}")
        return self

    @property
    def bounds(self) -> tuple[timedelta, timedelta]:
        return parse_duration(self.min_interval), parse_duration(self.max_interval)


class DigestConfig(_Strict):
    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    title: str = "Bản tin"
    schedule: str = "0 7 * * *"
    period: str = "1d"
    formats: list[Format] = Field(default_factory=lambda: ["html", "pdf"])
    provinces: list[str] = Field(default_factory=list)
    min_stories: int = Field(default=1, ge=0)
    deliver: DeliverConfig = Field(default_factory=DeliverConfig)

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        check_cron(value)
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        parse_duration(value)
        return value

    @property
    def period_length(self) -> timedelta:
        return parse_duration(self.period)


class Config(_Strict):
    timezone: str = DEFAULT_TIMEZONE
    store: str = "sqlite:///digest.db"
    output: str = "output"
    templates: str | None = None
    feeds: list[FeedConfig] = Field(default_factory=list)
    digests: list[DigestConfig] = Field(default_factory=list)
    polling: PollingConfig = Field(default_factory=PollingConfig)
    # Where the file was read from: relative paths in it are relative to its folder.
    base_dir: Path = Field(default=Path("."), exclude=True)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"expected an IANA time zone such as {DEFAULT_TIMEZONE}, got {value!r}")
        return value

    @model_validator(mode="after")
    def _unique(self) -> Config:
        for kind, values in (("feed url", [f.url for f in self.feeds]),
                             ("digest name", [d.name for d in self.digests])):
            seen: set[str] = set()
            for value in values:
                if value in seen:
                    raise ValueError(f"duplicate {kind} {value!r}")
                seen.add(value)
        return self

    @property
    def store_url(self) -> str:
        """The SQLAlchemy URL, with a relative SQLite path made relative to the config file."""
        prefix = "sqlite:///"
        if self.store.startswith(prefix) and not self.store.startswith(prefix + "/"):
            path = self.store[len(prefix):]
            if path and path != ":memory:":
                return prefix + str((self.base_dir / path).resolve())
        return self.store

    @property
    def output_dir(self) -> Path:
        return (self.base_dir / self.output).resolve()

    @property
    def templates_dir(self) -> Path | None:
        return (self.base_dir / self.templates).resolve() if self.templates else None


def check_cron(line: str) -> None:
    """Raise ValueError unless `line` is a cron line APScheduler understands."""
    if len(str(line).split()) not in (5, 6):
        raise ValueError(f"expected a cron line of five fields such as '0 7 * * *' (or six, "
                         f"seconds first), got {line!r}")
    try:
        cron_trigger(line, DEFAULT_TIMEZONE)
    except ValueError as exc:
        raise ValueError(f"expected a valid cron line such as '0 7 * * *', got {line!r} ({exc})")


def cron_trigger(line: str, tz: str) -> Any:
    """An APScheduler CronTrigger for a cron line in the time zone `tz`.

    Five fields (minute hour day month weekday) as in crontab, or six with seconds first.
    """
    from apscheduler.triggers.cron import CronTrigger

    fields = str(line).split()
    if len(fields) not in (5, 6):
        raise ValueError("expected five fields such as '0 7 * * *' (or six, seconds first)")
    second = fields.pop(0) if len(fields) == 6 else "0"
    minute, hour, day, month, day_of_week = fields
    return CronTrigger(second=second, minute=minute, hour=hour, day=day, month=month,
                       day_of_week=crontab_weekdays(day_of_week), timezone=ZoneInfo(tz))


_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def crontab_weekdays(field: str) -> str:
    """Weekday numbers as crontab means them (0 or 7 = Sunday), spelled as names.

    APScheduler 3 counts 0 as Monday (its issue 286), so "1-5" would silently mean Tuesday to
    Saturday; names mean the same to both. Ranges are spelled out because "sun-sat" is not a
    range APScheduler accepts.
    """
    parts = []
    for part in field.split(","):
        base, _, step = part.partition("/")
        numbers = ["0", "6"] if base == "*" and step else base.split("-")
        if not all(number.isdigit() for number in numbers) or len(numbers) > 2:
            parts.append(part)
            continue
        first, last = int(numbers[0]), int(numbers[-1]) if len(numbers) == 2 or not step else 7
        if last > 7 or first > last:
            raise ValueError(f"weekday {part!r}: expected numbers 0-7 (0 and 7 are Sunday)")
        parts += [_WEEKDAYS[day % 7] for day in range(first, last + 1, int(step or 1))]
    return ",".join(dict.fromkeys(parts))


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps comments, order and line numbers
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def read_document(path: Path) -> CommentedMap:
    """Parse feeds.yaml as a round-trip document; YAML syntax errors name file:line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (pass --config PATH, or run digest in the folder that holds feeds.yaml)")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it: {exc}")
    try:
        document = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{line}: not valid YAML: {problem}{_yaml_context(exc)}")
    if document is None:
        document = CommentedMap()
    if not isinstance(document, CommentedMap):
        raise ConfigError(f"{path}:1: expected a mapping of settings (timezone, store, feeds, ...)")
    return document


def _yaml_context(exc: YAMLError) -> str:
    """Where the construct that broke began, when on another line: an unclosed [ or quote is
    found a line or more after the line that has the mistake."""
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    problem_mark = getattr(exc, "problem_mark", None)
    if not context or start is None or (problem_mark and problem_mark.line == start.line):
        return ""
    return f" ({context} started at line {start.line + 1})"


def load_config(path: Path | str) -> Config:
    """Read and validate feeds.yaml."""
    path = Path(path)
    document = read_document(path)
    _refuse_duplicate_feeds(path, document)
    try:
        config = Config.model_validate({**_plain(document), "base_dir": path.resolve().parent})
    except ValidationError as exc:
        raise ConfigError(_explain(path, document, exc))
    for number, digest in enumerate(config.digests):
        if digest.deliver.email is not None:
            line = line_of(document, ["digests", number, "deliver", "email"])
            digest.deliver.email._origin = f"{path}:{line}"
    return config


def feed_key(url: str) -> str:
    """What makes two feed URLs one feed: http and https, "www." and a trailing slash aside."""
    parts = urlsplit(str(url).strip())
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{port}{parts.path.rstrip('/')}{query}"


def _refuse_duplicate_feeds(path: Path, document: CommentedMap) -> None:
    """A feed listed twice (even as http and https) is a ConfigError naming both lines."""
    listed = document.get("feeds")
    if not isinstance(listed, CommentedSeq):
        return
    first_line: dict[str, int] = {}
    for index, feed in enumerate(listed):
        if not isinstance(feed, CommentedMap) or not isinstance(feed.get("url"), str):
            continue
        try:
            key = feed_key(feed["url"])
        except ValueError:  # a broken URL is reported by validation, with its line
            continue
        line = line_of(document, ["feeds", index, "url"])
        if key in first_line:
            raise ConfigError(f"{path}:{line}: feeds[{index}].url: duplicate feed url "
                              f"{feed['url']!r}: the same feed is already listed at line "
                              f"{first_line[key]}; remove one of them")
        first_line[key] = line


def _plain(node: Any) -> Any:
    """Round-trip YAML nodes to plain dicts and lists for pydantic."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _explain(path: Path, document: CommentedMap, exc: ValidationError) -> str:
    """One line per problem: file:line: field.path: what was expected."""
    lines = []
    for error in exc.errors():
        location = [part for part in error["loc"] if part != "base_dir"]
        dotted = _dotted(location) or "(top level)"
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown setting (check its spelling)"
        elif error["type"] == "missing":
            message = "required, but missing"
        elif error["type"] == "literal_error":
            message = f"{message}, got {error.get('input')!r}"
        lines.append(f"{path}:{line_of(document, location)}: {dotted}: {message}")
    return "\n".join(lines)


def _dotted(location: list[Any]) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_of(document: CommentedMap, location: list[Any]) -> int:
    """The 1-based line of the deepest node of `location` that exists in the document."""
    node: Any = document
    line = 1
    for part in location:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def write_document(path: Path, document: CommentedMap) -> None:
    """Write the document back atomically (temp file, then rename)."""
    buffer = io.StringIO()
    _yaml().dump(document, buffer)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(buffer.getvalue(), encoding="utf-8")
    temporary.replace(path)
