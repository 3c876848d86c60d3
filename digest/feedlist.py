"""Editing the feed list of feeds.yaml in place, and speaking OPML.

Every edit re-reads the round-trip document, changes only the `feeds` list, validates the
result as a whole and writes it back atomically: comments, order and the other settings stay.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from digest.config import Config, FeedConfig, check_http_url, load_config, read_document, write_document
from digest.errors import ConfigError, InputError


def add_feed(path: Path, url: str, name: str, province: str | None = None,
             outlet: str | None = None) -> FeedConfig:
    """Append a feed to feeds.yaml; refuses a non-http(s) URL and a URL already listed."""
    try:
        url = check_http_url(url)
    except ValueError as exc:
        raise ConfigError(str(exc))
    document = read_document(path)
    feeds = _feeds_of(path, document)
    for existing in feeds:
        if str(existing.get("url", "")).strip() == url:
            raise ConfigError(f"{path}: {url} is already in the feed list as {existing.get('name')!r}")
    entry = CommentedMap(url=url, name=name)
    if province:
        entry["province"] = province
    if outlet:
        entry["outlet"] = outlet
    feeds.append(entry)
    _validate_and_write(path, document)
    return FeedConfig(**dict(entry))


def remove_feed(path: Path, url_or_name: str) -> FeedConfig:
    """Remove the feed whose URL or name is given."""
    document = read_document(path)
    feeds = _feeds_of(path, document)
    for index, existing in enumerate(feeds):
        if url_or_name in (str(existing.get("url", "")).strip(), existing.get("name")):
            removed = FeedConfig(**dict(existing))
            del feeds[index]
            if not feeds:
                _empty_feed_list(document)
            _validate_and_write(path, document)
            return removed
    raise ConfigError(f"{path}: no feed with URL or name {url_or_name!r} (see 'digest feeds list')")


def _empty_feed_list(document: CommentedMap) -> None:
    """Write `feeds: []`: ruamel would leave the list's comments around a "[]" that won't parse."""
    document.ca.items.pop("feeds", None)
    empty = CommentedSeq()
    empty.fa.set_flow_style()
    document["feeds"] = empty


def _feeds_of(path: Path, document: CommentedMap) -> CommentedSeq:
    if document.get("feeds") is None:
        document["feeds"] = CommentedSeq()
    feeds = document["feeds"]
    if not isinstance(feeds, CommentedSeq):
        raise ConfigError(f"{path}: 'feeds' must be a list of feeds")
    return feeds


def _validate_and_write(path: Path, document: CommentedMap) -> None:
    """Write only a document that still loads: an edit never leaves a broken file behind."""
    backup = path.read_text(encoding="utf-8")
    write_document(path, document)
    try:
        load_config(path)
    except ConfigError:
        path.write_text(backup, encoding="utf-8")
        raise


def import_opml(path: Path, opml_file: Path) -> list[FeedConfig]:
    """Add every feed of an OPML file that is not listed yet; returns the feeds added."""
    config = load_config(path)
    known = {feed.url for feed in config.feeds}
    added = []
    for url, name in read_opml(opml_file):
        if url in known:
            continue
        try:
            added.append(add_feed(path, url, name))
        except ConfigError:
            continue  # not http(s): OPML files from feed readers sometimes carry such entries
        known.add(url)
    return added


def read_opml(opml_file: Path) -> list[tuple[str, str]]:
    """(url, title) of every outline with an xmlUrl, nested folders included."""
    try:
        root = ElementTree.parse(opml_file).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise InputError(f"{opml_file}: not a readable OPML file: {exc}")
    feeds = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            name = outline.get("title") or outline.get("text") or url
            feeds.append((url, name.strip()))
    return feeds


def export_opml(config: Config, title: str = "digest feeds") -> str:
    """The feed list as an OPML 2.0 document."""
    opml = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(opml, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(opml, "body")
    for feed in config.feeds:
        ElementTree.SubElement(body, "outline", type="rss", text=feed.name, title=feed.name,
                               xmlUrl=feed.url)
    ElementTree.indent(opml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(opml, encoding="unicode") + "\n"
