"""Render a digest: a DigestView to one self-contained HTML page, and that page to a PDF.

The default templates ship as the package `digest.templates`; a user folder, when given, is
searched first, so a single template (`_story.html`, `style.css`, ...) can be overridden alone.
Rendering never touches the network: the PDF engine may read the Be Vietnam Pro font files and
nothing else.
"""

from __future__ import annotations

import importlib.resources
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import fontpkg_be_vietnam_pro
import jinja2
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from digest.errors import RenderError
from digest.fetch_http import address_problem
from digest.models import Article, DigestView, Person
from digest.text import fold

__all__ = ["FONT_DIR", "FontFetcher", "format_number", "render_html", "render_pdf"]

FONT_DIR = fontpkg_be_vietnam_pro.ROOT / "files"
ASSET_MAX_BYTES = 5_000_000
# .invalid is reserved (RFC 2606): a relative URL in the page can never name a real host.
BASE_URL = "https://digest.invalid/"
_FONT_FACES = (
    ("Regular", 400, "normal"),
    ("Italic", 400, "italic"),
    ("SemiBold", 600, "normal"),
    ("SemiBoldItalic", 600, "italic"),
    ("Bold", 700, "normal"),
    ("BoldItalic", 700, "italic"),
)


@dataclass(frozen=True)
class Counts:
    """The figures in a digest's header."""

    stories: int
    articles: int
    outlets: int


def render_html(view: DigestView, templates_dir: Path | None = None) -> str:
    """Render the digest as one HTML page, its CSS inlined and without any script."""
    env = _environment(templates_dir, _zone(view.timezone))
    try:
        template = env.get_template("digest.html")
        return template.render(view=view, counts=_count(view), coverage=_coverage(view))
    except jinja2.TemplateError as exc:
        raise RenderError(_template_message(exc)) from exc


def render_page(name: str, templates_dir: Path | None, timezone: str, **context: object) -> str:
    """Render another page of the output folder (the archive index) with the same filters."""
    env = _environment(templates_dir, _zone(timezone))
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        raise RenderError(_template_message(exc)) from exc


def render_pdf(html: str) -> bytes:
    """Typeset a rendered page as an A4 PDF with Be Vietnam Pro embedded."""
    fetcher = FontFetcher()
    fonts = FontConfiguration()
    try:
        faces = weasyprint.CSS(
            string=_font_face_css(), base_url=BASE_URL, url_fetcher=fetcher, font_config=fonts
        )
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
        pdf = document.write_pdf(stylesheets=[faces], font_config=fonts)
    except Exception as exc:
        raise RenderError(f"the PDF engine could not typeset the digest: {exc}") from exc
    return bytes(pdf)


class FontFetcher(URLFetcher):  # type: ignore[misc]
    """A WeasyPrint URL fetcher that serves the digest's own assets and refuses every other URL.

    The digest ships fonts and nothing else (its charts are inline SVG), so the Be Vietnam Pro
    files are all it serves: never a file: path elsewhere, a data: URL, or any http(s) URL,
    whether remote, loopback, link-local or private. A file over `max_bytes` is refused too.
    Nothing here waits on a network, so reads need no time cap. WeasyPrint turns a refused URL
    into a logged warning and renders without that resource.
    """

    def __init__(self, font_dir: Path = FONT_DIR, max_bytes: int = ASSET_MAX_BYTES) -> None:
        super().__init__(allowed_protocols=("file",))
        self.font_dir = font_dir.resolve()
        self.max_bytes = max_bytes

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.font_path(url)
        if path.stat().st_size > self.max_bytes:
            raise ValueError(f"refused {url}: larger than the {self.max_bytes:,}-byte cap")
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": "font/ttf"})

    def font_path(self, url: str) -> Path:
        """The font file a URL names, or ValueError (saying why) when it names anything else."""
        parts = urlsplit(url) if _parses(url) else None
        if parts and parts.scheme == "file" and parts.netloc in ("", "localhost"):
            # resolve() first, so neither ".." nor a symbolic link can leave the font folder.
            path = Path(url2pathname(parts.path)).resolve()
            if path.parent == self.font_dir and path.suffix == ".ttf" and path.is_file():
                return path
        raise ValueError(f"refused {url}: {refusal_reason(url)}; a digest may only load its "
                         "own font files")


def refusal_reason(url: str) -> str:
    """What kind of URL a refused one is, for the warning: a local file, a loopback address..."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "a malformed URL"
    scheme = parts.scheme.lower()
    if scheme == "file":
        return "a local file outside the digest's fonts"
    if scheme not in ("http", "https"):
        return f"a {scheme}: URL" if scheme else "a relative URL"
    try:
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return "a malformed URL"
    if host == "localhost" or host.endswith(".localhost"):
        return "a loopback address"
    problem = address_problem(host)
    return "a remote URL" if problem in (None, "not an IP address") else str(problem)


def format_number(value: float, decimals: int = 2) -> str:
    """A number the Vietnamese way: "." groups thousands, "," marks decimals (6.378; 1,18)."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


def format_date(value: date | datetime | None, zone: ZoneInfo) -> str:
    """dd/mm/yyyy; a datetime is first moved into the digest's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value, zone).date()
    return value.strftime("%d/%m/%Y")


def format_datetime(value: datetime | None, zone: ZoneInfo) -> str:
    """dd/mm/yyyy HH:MM in the digest's time zone."""
    return "" if value is None else _local(value, zone).strftime("%d/%m/%Y %H:%M")


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web address; None for javascript:, data:, relative and the like."""
    if not url or not _parses(url.strip()):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _parses(url: str) -> bool:
    """Whether urlsplit reads the URL at all ("http://[x" raises ValueError)."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def chair_first(people: Iterable[Person]) -> list[Person]:
    """People with whoever chaired the meeting first, the others in their given order."""
    return sorted(people, key=lambda person: not person.chair)


def _local(value: datetime, zone: ZoneInfo) -> datetime:
    # Models promise aware datetimes; a naive one can only have come from UTC storage.
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(zone)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RenderError(
            f"unknown time zone {name!r}: use an IANA name such as 'Asia/Ho_Chi_Minh'"
        ) from exc


def _environment(templates_dir: Path | None, zone: ZoneInfo) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(_default_templates())]
    if templates_dir is not None:
        if not templates_dir.is_dir():
            raise RenderError(
                f"templates folder {templates_dir} does not exist: create it, or remove the"
                " setting to use the default templates"
            )
        loaders.insert(0, jinja2.FileSystemLoader(templates_dir))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        vn_date=partial(format_date, zone=zone),
        vn_datetime=partial(format_datetime, zone=zone),
        vn_number=format_number,
        safe_url=safe_url,
        chair_first=chair_first,
    )
    return env


def _default_templates() -> Path:
    return Path(str(importlib.resources.files("digest.templates")))


def _count(view: DigestView) -> Counts:
    articles = [article for item in view.stories for article in item.articles]
    outlets = {article.source for article in articles if article.source}
    return Counts(len(view.stories), len({article.id for article in articles}), len(outlets))


def _coverage(view: DigestView) -> list[tuple[str, int]]:
    """Stories per province (the outlet when an article names none), most covered first."""
    tally = Counter(label for item in view.stories for label in {_region(a) for a in item.articles})
    return sorted(tally.items(), key=lambda row: (-row[1], fold(row[0]), row[0]))  # "Đắk Lắk" among the Ds


def _region(article: Article) -> str:
    return article.province or article.source or "?"


def _template_message(exc: jinja2.TemplateError) -> str:
    if isinstance(exc, jinja2.TemplateNotFound):
        return (
            f"template {exc.name!r} was found neither in the templates folder nor among the"
            " default templates: check its name"
        )
    return (
        f"could not render the digest{_template_location(exc)}:"
        f" {str(exc.message or exc).rstrip('.')}."
        " Fix the template, or remove it from the templates folder to use the default"
    )


def _template_location(exc: jinja2.TemplateError) -> str:
    """Where in which template the error is, as " (file, line n)", or "" when unknown."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f" ({exc.filename or exc.name}, line {exc.lineno})"
    location = ""
    trace = exc.__traceback__
    # Jinja rewrites the traceback so that template frames carry the template's own file name.
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if not filename.endswith(".py"):
            location = f" ({filename}, line {trace.tb_lineno})"
        trace = trace.tb_next
    return location


def _font_face_css() -> str:
    family = fontpkg_be_vietnam_pro.FAMILY
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style};'
        f' src: url("{(FONT_DIR / f"BeVietnamPro-{name}.ttf").as_uri()}"); }}'
        for name, weight, style in _FONT_FACES
    )
