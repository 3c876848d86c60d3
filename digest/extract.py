"""Turn feed items into plain-text article drafts: sanitise, extract, remove page chrome.

Every piece of HTML from the outside passes through nh3 before anything else reads it. When a
feed carries only a short summary, the article page is fetched once and its main text taken
with trafilatura (which does no network of its own here: it is handed the page).
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from urllib.parse import urlsplit

import httpx
import nh3
import trafilatura
from trafilatura.utils import decode_file

from digest.errors import FeedError
from digest.fetch_http import get_capped
from digest.models import ArticleDraft, FeedItem

log = logging.getLogger(__name__)

# Below this many characters of text a feed item is a teaser, and the page is worth a GET.
SUMMARY_ONLY_CHARS = 400
URL_SCHEMES = frozenset({"http", "https", "mailto"})
TEXT_TAGS = frozenset({
    "a", "p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "span", "div", "hr",
    "ul", "ol", "li", "blockquote", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "img",
})
TEXT_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}, "td": {"colspan", "rowspan"},
                   "th": {"colspan", "rowspan"}}
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "title", "form", "button", "select", "textarea",
})
# Kept on whole pages only: trafilatura tells body from chrome by these tags and class/id names.
LAYOUT_TAGS = frozenset({"article", "main", "section", "header", "footer", "aside", "nav", "time"})
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "caption", "tr", "figure", "figcaption", "hr", *LAYOUT_TAGS,
})
# Zero-width characters go, no-break spaces become spaces. Applied with str.replace, not
# str.translate: translate looks every character of a non-ASCII text up in a dict, ~30x slower.
INVISIBLE = (("\u200b", ""), ("\u200c", ""), ("\u200d", ""), ("\ufeff", ""), ("\xa0", " "),
             ("\u202f", " "))

# Chrome is matched on a key: NFC, casefolded, bullets/punctuation trimmed from both ends.
# Headings that open the related-news, comments or "more" block: nothing after them is article.
TERMINAL_MARKERS = frozenset({
    "tin khác", "các tin khác", "ý kiến bạn đọc", "tin liên quan", "sự kiện liên quan",
    "bài viết liên quan", "bài liên quan", "tin cùng chuyên mục", "tin đã đưa", "các tin đã đưa",
    "tin mới hơn", "tin cũ hơn", "có thể bạn quan tâm", "bình luận", "xem thêm sự kiện",
    "đọc nhiều", "tin đọc nhiều", "xem nhiều", "tin xem nhiều",
})
CHROME_LINES = TERMINAL_MARKERS | {
    "chia sẻ", "chia sẻ bài viết", "chia sẻ bài", "submit to reddit", "scroll to top",
    "back to top", "lên đầu trang", "về đầu trang", "xem thêm", "đọc thêm", "viết bình luận",
    "gửi bình luận", "gửi ý kiến", "in bài viết", "in bài", "bản in", "gửi bài viết", "gửi bài",
    "gửi email", "theo dõi chúng tôi", "theo dõi chúng tôi trên", "facebook", "twitter", "zalo",
    "tweet", "share", "print", "email", "trở về", "quay lại", "tải về", "tải xuống", "cỡ chữ",
    "a- a a+", "lưu bài viết", "nghe bài viết", "đánh giá bài viết", "tin mới nhất",
    "tin nổi bật", "trang chủ",
}
CHROME_PATTERNS = (
    re.compile(r"(lượt xem|lượt đọc|số lượt xem|views?)\s*:?\s*[\d.,]+"),
    re.compile(r"(bình luận|chia sẻ|thích|like)\s*\(\s*\d+\s*\)"),
    re.compile(r"(tags?|từ khóa|từ khoá)\s*:.*"),
    re.compile(r"trang chủ\s*[>»›/|].*"),
)
# Weather widget crumbs: "oC", "28oC", "24 - 30°C" (the "o" is a degree sign typed as a letter).
WEATHER = re.compile(r"(-?\d{1,2}\s*([-–~]\s*-?\d{1,2}\s*)?)?[o°º]\s*c")
# A tag as nh3 writes it: attribute values double-quoted, and they may hold "<" or ">".
_TAG = re.compile(r'</?([a-zA-Z][a-zA-Z0-9]*)(?:[^>"]|"[^"]*")*>')
KEY_TRIM = " \t•·|:–—-»›>*#"
BODY_BEFORE_TERMINAL = 100  # characters of text a terminal marker needs before it to count
LONG_LINE = 200  # a line this long after a marker is a paragraph, not a headline


def clean_html(html: str) -> str:
    """Sanitise untrusted HTML to a small text-only allow-list (no scripts, handlers, js: URLs)."""
    return _sanitise(html, TEXT_TAGS, {})


def html_to_text(html: str) -> str:
    """Plain text from HTML (sanitised first): paragraphs apart by blank lines, NFC, tidy."""
    return _tidy(_text_of_clean_html(clean_html(html)))


def strip_chrome(text: str) -> str:
    """Remove share buttons, counters, weather crumbs and trailing related-news blocks.

    The text is NFC-normalised (diacritics kept) and returned that way. Once a terminal marker
    ("Tin khác", "Ý kiến bạn đọc", ...) follows real text and only headlines or less text
    than came before follow it, everything from the marker on is dropped.
    """
    lines = _visible(unicodedata.normalize("NFC", text)).splitlines()
    lines = [line.rstrip() for line in lines]
    keys = [_key(line) for line in lines]  # once: the tests below all compare keys
    end = _terminal_index(lines, keys)
    kept: list[str] = []
    for line, key in zip(lines[:end], keys[:end]):
        if WEATHER.fullmatch(key):
            _drop_widget_label(kept)
        elif not _is_chrome(key):
            kept.append(line)
    return _collapse_blank_lines(kept)


def extract_article(
    client: httpx.Client, feed_url: str, item: FeedItem, max_bytes: int = 5_000_000
) -> ArticleDraft | None:
    """Draft an article from a feed item, fetching its page when the feed has only a teaser.

    Returns None for an item with neither title nor text, or with neither URL nor guid (the
    store could not tell it apart from the next one). Only an http(s) link (or a GUID that is
    one) becomes the article's URL; an item without one is stored under its GUID, with no
    link. Never raises for a failing page: the feed's own text is used instead.
    """
    drafts = add_pages(client, draft_items(feed_url, [item]), max_bytes=max_bytes)
    return drafts[0] if drafts else None


def extract_all(
    client: httpx.Client, feed_url: str, items: Sequence[FeedItem], workers: int = 4
) -> list[ArticleDraft]:
    """Draft many items, in input order; an item that fails is logged and skipped."""
    return add_pages(client, draft_items(feed_url, items), workers)


def draft_items(feed_url: str, items: Sequence[FeedItem]) -> list[ArticleDraft]:
    """Draft each item from the text its feed carries, in input order; an item that fails is
    logged and skipped.

    No network and no shared state, so a poll runs it in a worker process (the text work of a
    thousand feeds is seconds of pure Python). A teaser (short text, an http link) is kept even
    with neither title nor text: `add_pages` gives it its page's text or drops it.
    """
    drafts = []
    for item in items:
        try:
            draft = _feed_draft(feed_url, item)
        except Exception:  # one odd item must not cost the rest of the feed
            log.exception("could not extract %s", item.url or item.guid)
            continue
        if draft is not None:
            drafts.append(draft)
    return drafts


def add_pages(client: httpx.Client, drafts: Sequence[ArticleDraft], workers: int = 4,
              max_bytes: int = 5_000_000) -> list[ArticleDraft]:
    """The drafts, a teaser's text replaced by its page's main text when that is longer; a
    draft left with neither title nor text is dropped. Pages are fetched in threads: they
    wait on the network."""
    teasers = [i for i, draft in enumerate(drafts) if _needs_page(draft.url, draft.text)]
    completed = list(drafts)
    if teasers:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(teasers)))) as pool:
            pages = pool.map(lambda i: _with_page(client, drafts[i], max_bytes), teasers)
            for index, draft in zip(teasers, pages):
                completed[index] = draft
    return [draft for draft in completed if draft.title or draft.text]


def feed_text(item: FeedItem) -> str:
    """The plain text the feed itself carries for an item."""
    return html_to_text(item.content_html or item.summary_html)


def _feed_draft(feed_url: str, item: FeedItem) -> ArticleDraft | None:
    url = _article_url(item)
    if not (url or (item.guid or "").strip()):
        return None
    title = " ".join(html_to_text(item.title).split())
    text = _drop_leading_title(strip_chrome(feed_text(item)), title)
    if not (title or text or _needs_page(url, text)):
        return None
    return ArticleDraft(feed_url=feed_url, url=url or "", guid=item.guid, title=title, text=text,
                        published=item.published)


def _with_page(client: httpx.Client, draft: ArticleDraft, max_bytes: int) -> ArticleDraft:
    """The draft with its page's main text, when the page has more to say than the feed."""
    try:
        page_text = _page_text(client, draft.url, max_bytes)
    except Exception:  # one odd page must not cost the rest of the feed
        log.exception("could not extract %s", draft.url)
        return draft
    if not page_text:
        return draft
    text = _drop_leading_title(strip_chrome(page_text), draft.title)
    return replace(draft, text=text) if len(text) > len(draft.text) else draft


def _article_url(item: FeedItem) -> str | None:
    return _web_url(item.url) or _web_url(item.guid)


def _needs_page(url: str | None, text: str) -> bool:
    return bool(url) and len(text) < SUMMARY_ONLY_CHARS


def _web_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address; None for javascript:, tag: and the like."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[x": an unclosed IPv6 bracket
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _sanitise(html: str, tags: frozenset[str], extra_attributes: dict[str, set[str]]) -> str:
    attributes = {tag: set(names) for tag, names in TEXT_ATTRIBUTES.items()}
    attributes.update(extra_attributes)
    return nh3.clean(
        html,
        tags=set(tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
    )


def _text_of_clean_html(html: str) -> str:
    """The text of HTML that nh3 has serialised: block elements become paragraph breaks,
    <br> a line break, other tags nothing, then entities are decoded.

    A regular expression is enough here, where it would not be for HTML off the wire: nh3
    writes well-formed markup in which every "<" of the text is escaped, so every "<" opens a
    tag. It is five times quicker than html.parser, which counts when a poll brings 50,000 items.
    """
    return html_lib.unescape(_TAG.sub(_tag_break, html))


def _tag_break(match: re.Match[str]) -> str:
    name = match.group(1).lower()
    if name == "br":
        return "\n"
    return "\n\n" if name in BLOCK_TAGS else ""


def _tidy(text: str) -> str:
    """Collapse whitespace inside lines; two <br> in a row or a block end a paragraph."""
    text = _visible(unicodedata.normalize("NFC", text))
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        if paragraph := "\n".join(line for line in lines if line):
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _visible(text: str) -> str:
    for char, replacement in INVISIBLE:
        text = text.replace(char, replacement)
    return text


def _key(line: str) -> str:
    return " ".join(line.strip(KEY_TRIM).casefold().split())


def _is_chrome(key: str) -> bool:
    if not key:
        return False
    return key in CHROME_LINES or any(pattern.fullmatch(key) for pattern in CHROME_PATTERNS)


def _terminal_index(lines: list[str], keys: list[str]) -> int:
    """Index of the marker that starts the trailing chrome block, or len(lines) if none."""
    sizes = [len(line.strip()) for line in lines]
    for index, key in enumerate(keys):
        if key not in TERMINAL_MARKERS:
            continue
        before, after = sum(sizes[:index]), sum(sizes[index + 1:])
        only_headlines = all(size < LONG_LINE for size in sizes[index + 1:])
        if before >= BODY_BEFORE_TERMINAL and (after <= before or only_headlines):
            return index
    return len(lines)


def _drop_widget_label(kept: list[str]) -> None:
    """A weather crumb usually follows its place name ("• Hà Giang"); that line goes too."""
    if kept and kept[-1].strip().startswith(("•", "·")) and len(kept[-1].strip()) <= 40:
        kept.pop()


def _collapse_blank_lines(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _drop_leading_title(text: str, title: str) -> str:
    """trafilatura keeps the page's <h1>; the title is stored apart, so not twice."""
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.casefold():
        return rest.strip()
    return text


def _page_text(client: httpx.Client, url: str, max_bytes: int) -> str | None:
    """Main text of an article page, or None when the page cannot be had or read."""
    try:
        html = _get_html(client, url, max_bytes)
    except (httpx.HTTPError, httpx.InvalidURL, FeedError) as exc:
        log.info("article page %s not used: %s", url, exc)
        return None
    # nh3 returns a fragment; trafilatura rejects short fragments that do not look like a page.
    body = _sanitise(html, TEXT_TAGS | LAYOUT_TAGS, {"*": {"class", "id"}})
    page = f"<html><body>{body}</body></html>"
    try:
        extracted = trafilatura.extract(page, url=url, favor_recall=True, include_comments=False,
                                        include_tables=True, include_images=False)
    except Exception:  # a page trafilatura chokes on is a failed page, not a failed feed
        log.warning("trafilatura could not read %s", url, exc_info=True)
        return None
    if not extracted:
        return None
    return _tidy("\n\n".join(extracted.splitlines()))


def _get_html(client: httpx.Client, url: str, max_bytes: int) -> str:
    """GET an HTML page within `max_bytes` (decoded); raise FeedError for anything unusable."""
    page = get_capped(client, url, max_bytes, {"Accept": "text/html,application/xhtml+xml"})
    if page.status >= 400:
        raise FeedError(f"HTTP {page.status} from {page.url}")
    content_type = page.headers.get("content-type", "text/html").lower()
    if "html" not in content_type:
        raise FeedError(f"{page.url} is {content_type}, not an HTML page")
    charset = re.search(r"charset=[\"']?([\w.:-]+)", content_type)
    return _decode(page.body, charset.group(1) if charset else None, max_bytes)


def _decode(body: bytes, charset: str | None, max_bytes: int) -> str:
    """The header's charset wins; otherwise sniff (meta tag, byte statistics) as browsers do."""
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know, such as "utf8mb4"
            pass
    return decode_file(body, max_size=max_bytes)
