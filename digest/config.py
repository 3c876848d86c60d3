"""feeds.yaml: reading, validating and editing the user's configuration.

The file is read with ruamel.yaml's round-trip loader so every value keeps its line number, and
validated with pydantic; a mistake is reported as ``feeds.yaml:LINE: field: what was expected``.
Edits (``digest feeds add`` / ``remove``) go through the same round-trip document, so the user's
comments and key order survive.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from digest.errors import ConfigError

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
OutletKind = Literal["national", "provincial", "government"]
Format = Literal["html", "pdf"]

_DURATION = re.compile(r"^\s*(\d+)\s*(m|h|d|w)\s*$")
_DURATION_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str) -> timedelta:
    """Turn "30m", "6h", "1d" or "7d" into a timedelta; ValueError otherwise."""
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


class DigestConfig(_Strict):
    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    title: str = "Bản tin"
    schedule: str = "0 7 * * *"
    period: str = "1d"
    formats: list[Format] = Field(default_factory=lambda: ["html", "pdf"])
    provinces: list[str] = Field(default_factory=list)

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
    """Raise ValueError unless `line` is a five-field cron line APScheduler understands."""
    from apscheduler.triggers.cron import CronTrigger

    if len(str(line).split()) != 5:
        raise ValueError(f"expected a cron line of five fields such as '0 7 * * *', got {line!r}")
    try:
        CronTrigger.from_crontab(line)
    except ValueError as exc:
        raise ValueError(f"expected a valid cron line such as '0 7 * * *', got {line!r} ({exc})")


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
        raise ConfigError(f"{path}{line}: not valid YAML: {problem}")
    if document is None:
        document = CommentedMap()
    if not isinstance(document, CommentedMap):
        raise ConfigError(f"{path}:1: expected a mapping of settings (timezone, store, feeds, ...)")
    return document


def load_config(path: Path | str) -> Config:
    """Read and validate feeds.yaml."""
    path = Path(path)
    document = read_document(path)
    try:
        return Config.model_validate({**_plain(document), "base_dir": path.resolve().parent})
    except ValidationError as exc:
        raise ConfigError(_explain(path, document, exc))


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
