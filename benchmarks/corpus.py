"""Large, realistic inputs for the benchmarks: synthetic articles and feeds served on loopback.

Articles. The labelled set (../shared/eval/vims.jsonl, 1,950 articles in 300 events) is the only
real text we have, so large sets are built from it. Each of its 300 clusters is a *template*;
an *event* is one re-dated, re-placed and re-numbered copy of a template:

- event j uses template j mod 300 (templates in a seeded random order) and is its copy j // 300;
- copy k of a template happens on day `k * CYCLE_DAYS + offset(template) +- 3`, so two copies
  of one template are at least four weeks apart, and the events of a day come from many
  templates (the 100k set spans about five years, ~55 articles a day);
- within a copy, every number is redrawn (same number of digits; years moved with the event),
  every date written in the text is moved to days at or just before the new event day, and
  every province named is swapped for another, the same way in all of the copy's articles;
- each article of the copy gets its own outlet (a provincial outlet of the event's province or
  a national one), its own publication time (hours to a few days after the event), drops some
  of its sentences, may swap two neighbouring ones, is cut short at a random point, and often
  opens with a dateline ("Ngày 12/3/2021, ...").

The gold label of an article is "TEMPLATE#COPY", so B-cubed scores stay measurable at any size;
copies of one template read alike, which is the hard part: a grouping has to keep them apart by
their dates, numbers and places, as it must keep apart a province's monthly meetings.

Feeds. `write_feeds` lays out N RSS 2.0 feeds of M items (full text in content:encoded, as most
Vietnamese outlets do), and `serve_feeds` serves a folder of them from a separate process
(`python -m benchmarks.corpus serve DIR`), one ThreadingHTTPServer per host on 127.0.0.x, with
ETag and Last-Modified so a second poll gets 304s. A separate process, so the server never
competes with the poller for the GIL; several hosts, so the fetcher's one-request-per-host rule
does not turn the poll into one queue. A file rewritten while serving is served anew.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

EVAL_PATH = Path(__file__).resolve().parents[2] / "shared" / "eval" / "vims.jsonl"
START = date(2021, 1, 4)
CYCLE_DAYS = 35
SOURCE_YEAR = 2016  # the labelled articles were gathered in 2016-2017
VN = timezone(timedelta(hours=7))
MIN_TEXT = 600  # characters an article keeps when cut short, if its source has them

PROVINCES = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "TP Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
    "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)
# Names before the 2025 merger still fill the archive; they are swapped like the current ones.
FORMER_PROVINCES = (
    "Thừa Thiên Huế", "Bình Dương", "Bà Rịa - Vũng Tàu", "Hải Dương", "Thái Bình", "Nam Định",
    "Hà Nam", "Vĩnh Phúc", "Bắc Giang", "Yên Bái", "Hòa Bình", "Hà Giang", "Bắc Kạn",
    "Quảng Bình", "Quảng Nam", "Kon Tum", "Bình Định", "Phú Yên", "Ninh Thuận", "Bình Thuận",
    "Đắk Nông", "Bình Phước", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Sóc Trăng",
    "Hậu Giang", "Bạc Liêu", "Kiên Giang", "TP.HCM", "Sài Gòn",
)
NATIONAL_OUTLETS = (
    ("VnExpress", "vnexpress.net"), ("Dân Trí", "dantri.com.vn"), ("Tuổi Trẻ", "tuoitre.vn"),
    ("Thanh Niên", "thanhnien.vn"), ("VietnamPlus", "vietnamplus.vn"), ("Nhân Dân", "nhandan.vn"),
    ("Tiền Phong", "tienphong.vn"), ("Lao Động", "laodong.vn"), ("VOV", "vov.vn"),
    ("Báo Chính phủ", "baochinhphu.vn"), ("VTV", "vtv.vn"), ("Người Lao Động", "nld.com.vn"),
)
_PLACE = re.compile("|".join(re.escape(name) for name in
                             sorted(PROVINCES + FORMER_PROVINCES, key=len, reverse=True)))
# A date as the texts write it (12/3, 2-2, 12/3/2016), else a number (1.250, 3,5, 804).
_DATE_OR_NUMBER = re.compile(
    r"(?<![\w/.,-])(?P<day>\d{1,2})(?P<sep>[/-])(?P<month>\d{1,2})(?:(?P=sep)(?P<year>\d{4}))?"
    r"(?![\w/-])|(?<![\w/.,-])(?P<number>\d+(?:[.,]\d+)*)(?![\w/-])")


@dataclass(frozen=True)
class SyntheticArticle:
    """One article in the shape `digest group` reads, plus the gold label `story`."""

    id: str
    title: str
    text: str
    published: str  # ISO 8601, UTC
    source: str
    url: str
    province: str
    story: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @property
    def published_at(self) -> datetime:
        return datetime.fromisoformat(self.published)


def load_templates(path: Path = EVAL_PATH) -> list[list[dict[str, str]]]:
    """The labelled set's clusters, each a list of its articles, in file order."""
    clusters: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                clusters.setdefault(record["story"], []).append(record)
    return list(clusters.values())


def synthetic_articles(n: int, seed: int = 0, span_days: int | None = None,
                       start: date = START,
                       templates: Sequence[list[dict[str, str]]] | None = None
                       ) -> list[SyntheticArticle]:
    """`n` articles in events built as the module docstring says, oldest first, from `start`.

    `span_days` packs every event into that many days instead (copies of one template may then
    be close together: use it for timing only, not for scoring).
    """
    templates = templates if templates is not None else load_templates()
    rng = random.Random(seed)
    order = list(range(len(templates)))
    rng.shuffle(order)
    offsets = [rng.uniform(0, CYCLE_DAYS) for _ in templates]
    articles: list[SyntheticArticle] = []
    event = 0
    while len(articles) < n:
        template, copy = order[event % len(order)], event // len(order)
        if span_days is None:
            day = start + timedelta(days=copy * CYCLE_DAYS + offsets[template]
                                    + rng.uniform(-3, 3))
        else:
            day = start + timedelta(days=rng.uniform(0, span_days))
        articles += _event_articles(templates[template], f"{template:03d}#{copy}", day, rng)
        event += 1
    del articles[n:]
    articles.sort(key=lambda article: (article.published, article.id))
    return articles


def _event_articles(cluster: list[dict[str, str]], label: str, day: date,
                    rng: random.Random) -> list[SyntheticArticle]:
    """One event: every article of the template, rewritten the same way and then each its own."""
    province = rng.choice(PROVINCES)
    rewrite = _Rewrite(rng, day, province)
    made = []
    for number, source in enumerate(cluster):
        outlet, host = _outlet(rng, province)
        published = datetime.combine(day, time(6), VN) + timedelta(
            hours=min(rng.expovariate(1 / 18), 96))
        article_id = f"{label}/{number}"
        made.append(SyntheticArticle(
            id=article_id,
            title=rewrite(source["title"]),
            text=_perturb(rewrite(source["text"]), rng, day),
            published=published.astimezone(timezone.utc).isoformat(),
            source=outlet,
            url=f"https://{host}/tin/{label.replace('#', '-')}-{number}.html",
            province=province,
            story=label,
        ))
    return made


def _outlet(rng: random.Random, province: str) -> tuple[str, str]:
    if rng.random() < 0.5:
        return rng.choice(NATIONAL_OUTLETS)
    slug = hashlib.sha1(province.encode()).hexdigest()[:6]
    return rng.choice(((f"Báo {province}", f"bao-{slug}.vn"),
                       (f"Cổng TTĐT {province}", f"{slug}.gov.vn")))


class _Rewrite:
    """The changes one event copy makes to all its articles alike: numbers, dates, places."""

    def __init__(self, rng: random.Random, day: date, province: str) -> None:
        self.rng, self.day, self.province = rng, day, province
        self.places: dict[str, str] = {}
        self.values: dict[str, str] = {}
        self.dates = 0

    def __call__(self, text: str) -> str:
        return _PLACE.sub(self._place, _DATE_OR_NUMBER.sub(self._date_or_number, text))

    def _place(self, match: re.Match[str]) -> str:
        # The first province named becomes the event's own; any other, one chosen at random.
        if match.group() not in self.places:
            self.places[match.group()] = (self.rng.choice(PROVINCES) if self.places
                                          else self.province)
        return self.places[match.group()]

    def _date_or_number(self, match: re.Match[str]) -> str:
        found = match.group()
        if found not in self.values:
            self.values[found] = (self._number(found) if match.group("number")
                                  else self._date(match) or found)
        return self.values[found]

    def _date(self, match: re.Match[str]) -> str | None:
        day, month = int(match.group("day")), int(match.group("month"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        # The first date a copy writes is its event day; later ones fall in the days before it.
        moved = self.day - timedelta(days=0 if self.dates == 0 else self.rng.randint(0, 12))
        self.dates += 1
        sep = match.group("sep")
        year = f"{sep}{moved.year}" if match.group("year") else ""
        return f"{moved.day}{sep}{moved.month}{year}"

    def _number(self, found: str) -> str:
        digits = re.sub(r"\D", "", found)
        if len(digits) == 4 and 1990 <= int(digits) <= 2030 and found.isdigit():
            return str(int(digits) + self.day.year - SOURCE_YEAR)
        new = "".join(str(self.rng.randint(1 if i == 0 and len(digits) > 1 else 0, 9))
                      for i in range(len(digits)))
        # Keep the written shape: the same separators at the same places.
        chars = iter(new)
        return "".join(next(chars) if char.isdigit() else char for char in found)


def _perturb(text: str, rng: random.Random, day: date) -> str:
    """One outlet's version: some sentences dropped, two maybe swapped, the end cut, a dateline."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return text
    kept = lines[:1] + [line for line in lines[1:] if rng.random() > 0.15]
    if len(kept) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    # Cut short, but not to a teaser: feeds that carry full text carry more than a paragraph.
    keep = max(3, round(len(kept) * rng.uniform(0.6, 1.0)))
    while keep < len(kept) and sum(len(line) for line in kept[:keep]) < MIN_TEXT:
        keep += 1
    kept = kept[:keep]
    if rng.random() < 0.6:
        kept[0] = f"Ngày {day.day}/{day.month}/{day.year}, {kept[0]}"
    return "\n".join(kept)


def write_jsonl(articles: Sequence[SyntheticArticle], path: Path, gold: bool = False) -> Path:
    """Write articles as `digest group` reads them; with `gold`, the label `story` too."""
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            record = asdict(article)
            if not gold:
                del record["story"], record["province"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# Feeds ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedFile:
    """One feed laid out for serving: its file under the folder, and the URL path it gets."""

    host: int
    path: str  # "/feed/7.xml"
    name: str
    province: str

    def url(self, bases: Sequence[str]) -> str:
        return bases[self.host] + self.path

    def file(self, folder: Path) -> Path:
        return folder / f"host{self.host}" / self.path.lstrip("/")


def feed_layout(n_feeds: int, hosts: int) -> list[FeedFile]:
    """Which feed lives on which host: feeds dealt out in turn, like outlets' category feeds."""
    return [FeedFile(host=i % hosts, path=f"/feed/{i}.xml", name=f"Nguồn {i}",
                     province=PROVINCES[i % len(PROVINCES)]) for i in range(n_feeds)]


def write_feeds(folder: Path, layout: Sequence[FeedFile],
                items: Sequence[Sequence[SyntheticArticle]]) -> list[bytes]:
    """Write each feed's RSS document (feed i carries items[i]); returns the bytes written."""
    documents = []
    for feed, entries in zip(layout, items, strict=True):
        data = rss_document(feed.name, entries).encode("utf-8")
        path = feed.file(folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        documents.append(data)
    return documents


def rss_document(name: str, entries: Sequence[SyntheticArticle]) -> str:
    """RSS 2.0 as Vietnamese outlets write it: a teaser in description, full text in content."""
    items = []
    for entry in entries:
        paragraphs = [p for p in entry.text.split("\n") if p.strip()]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        items.append(
            f"<item><title>{html.escape(entry.title)}</title><link>{html.escape(entry.url)}</link>"
            f"<guid isPermaLink=\"true\">{html.escape(entry.url)}</guid>"
            f"<pubDate>{format_datetime(entry.published_at)}</pubDate>"
            f"<description>{html.escape(paragraphs[0][:300] if paragraphs else '')}</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{html.escape(name)}</title><link>https://example.vn/</link>"
            f"<description>{html.escape(name)}</description>{''.join(items)}</channel></rss>")


@contextmanager
def serve_feeds(folder: Path, hosts: int) -> Iterator[list[str]]:
    """Serve `folder` (host0/, host1/, ...) from a child process; yields each host's base URL."""
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.corpus", "serve", str(folder),
                              str(hosts)], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[1])
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        if not line:
            raise RuntimeError("the feed server did not start (see its error above)")
        yield json.loads(line)
    finally:
        child.terminate()
        child.wait(timeout=10)


def etag_of(body: bytes) -> str:
    """The ETag the server sends for a body, so a store can be filled as if it had polled."""
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


class _FeedHandler(BaseHTTPRequestHandler):
    """Serves files of one host's folder with ETag/Last-Modified and answers 304 when unchanged."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real servers and httpx's pool use it
    root: Path
    cache: dict[Path, tuple[float, bytes, str, str]]

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        path = (self.root / self.path.lstrip("/")).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            self.send_error(404)
            return
        body, etag, modified = self._load(path)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.end_headers()
        self.wfile.write(body)

    def _load(self, path: Path) -> tuple[bytes, str, str]:
        mtime = path.stat().st_mtime
        cached = self.cache.get(path)
        if cached is None or cached[0] != mtime:
            body = path.read_bytes()
            etag = etag_of(body)
            modified = format_datetime(datetime.fromtimestamp(mtime, timezone.utc), usegmt=True)
            cached = self.cache[path] = (mtime, body, etag, modified)
        return cached[1], cached[2], cached[3]

    def log_message(self, *args: Any) -> None:
        pass


def _serve(folder: Path, hosts: int) -> None:
    """Run one server per host on 127.0.0.(i+1), print their base URLs, serve until killed."""
    bases = []
    for host in range(hosts):
        root = (folder / f"host{host}").resolve()
        handler = type("Handler", (_FeedHandler,), {"root": root, "cache": {}})
        server = ThreadingHTTPServer((f"127.0.0.{host + 1}", 0), handler)
        server.daemon_threads = True
        bases.append(f"http://127.0.0.{host + 1}:{server.server_address[1]}")
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps(bases), flush=True)
    threading.Event().wait()


# Shared by the benchmark scripts ----------------------------------------------------------------


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain-text table, columns padded to their widest cell."""
    cells = [[str(cell) for cell in row] for row in [list(header), *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
             for row in cells]
    print("\n".join([lines[0], "  ".join("-" * width for width in widths), *lines[1:]]))


def met(ok: bool) -> str:
    """The "met" column of a judged row."""
    return "yes" if ok else "NO"


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        _serve(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit("usage: python -m benchmarks.corpus serve FOLDER HOSTS")
