"""`digest demo`: the whole pipeline, offline, on sample feeds bundled with the package.

The samples (digest/samples/) are served by a real HTTP server on 127.0.0.1, so the demo runs
the same fetch, extract, store, group, figures and render code a user's feeds go through.
"""

from __future__ import annotations

import html
import json
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any

from digest import pipeline
from digest.config import Config, DigestConfig, FeedConfig
from digest.store import open_store


def load_samples() -> dict[str, Any]:
    """The bundled sample description, with each item's title and text filled in."""
    folder = files("digest.samples")
    samples = json.loads(folder.joinpath("samples.json").read_text(encoding="utf-8"))
    for feed in samples["feeds"]:
        for item in feed["items"]:
            if "file" in item:
                title, _, text = folder.joinpath(item["file"]).read_text(encoding="utf-8").partition("\n")
                item["title"], item["text"] = title.strip(), text.strip()
    return samples


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def article_page(title: str, text: str, outlet: str) -> str:
    """An article page as outlets serve them: navigation and related links around the body."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    return (f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title></head><body><header><nav><a href='/'>Trang chủ</a> | <a href='/'>Thời sự</a>"
            f" | <a href='/'>Kinh tế</a></nav><div>{html.escape(outlet)}</div></header><main><article>"
            f"<h1>{html.escape(title)}</h1>{body}</article></main><aside><h3>Tin khác</h3><ul>"
            f"<li><a href='/'>Thời tiết hôm nay</a></li><li><a href='/'>Giá vàng</a></li></ul></aside>"
            f"<footer>Chia sẻ bài viết · Ý kiến bạn đọc · © {html.escape(outlet)}</footer></body></html>")


def feed_xml(feed: dict[str, Any], base: str) -> str:
    """An RSS 2.0 feed: full text in content:encoded, or only a summary with a link to the page."""
    entries = []
    for number, item in enumerate(feed["items"]):
        link = f"{base}/{feed['slug']}/{number}.html"
        published = format_datetime(datetime.fromisoformat(item["published"]))
        summary = html.escape(paragraphs(item["text"])[0][:300])
        content = ""
        if feed["full_content"]:
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(item["text"]))
            content = f"<content:encoded>{html.escape(body)}</content:encoded>"
        entries.append(f"<item><title>{html.escape(item['title'])}</title><link>{link}</link>"
                       f"<guid>{link}</guid><pubDate>{published}</pubDate>"
                       f"<description>{summary}</description>{content}</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{html.escape(feed['name'])}</title><link>{base}/{feed['slug']}/</link>"
            f"<description>Tin mẫu cho bản demo</description>{''.join(entries)}</channel></rss>")


@contextmanager
def serve_samples(samples: dict[str, Any]) -> Iterator[str]:
    """Serve the sample feeds and pages on 127.0.0.1 (a free port); yields the base URL."""
    pages: dict[str, tuple[str, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            found = pages.get(self.path)
            if found is None:
                self.send_error(404)
                return
            content_type, body = found
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass  # the demo prints its own progress

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for feed in samples["feeds"]:
        pages[f"/{feed['slug']}/rss.xml"] = ("application/rss+xml; charset=utf-8", feed_xml(feed, base))
        for number, item in enumerate(feed["items"]):
            page = article_page(item["title"], item["text"], feed["name"])
            pages[f"/{feed['slug']}/{number}.html"] = ("text/html; charset=utf-8", page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def demo_config(base: str, samples: dict[str, Any], workdir: Path, output: Path) -> Config:
    feeds = [FeedConfig(url=f"{base}/{feed['slug']}/rss.xml", name=feed["name"],
                        province=feed.get("province"), outlet=feed.get("outlet"))
             for feed in samples["feeds"]]
    digest = DigestConfig(name="demo", title="Bản tin demo: tin Đảng và chính quyền địa phương")
    return Config(store=f"sqlite:///{workdir / 'demo.db'}", output=str(output.resolve()),
                  feeds=feeds, digests=[digest], base_dir=workdir)


def run_demo(output: Path, progress: Callable[[str], None] = lambda line: None) -> list[Path]:
    """Poll the sample feeds into a fresh store, group, and write the HTML and PDF digest."""
    samples = load_samples()
    with tempfile.TemporaryDirectory(prefix="digest-demo-") as workdir, serve_samples(samples) as base:
        config = demo_config(base, samples, Path(workdir), output)
        store = open_store(config.store_url)
        try:
            progress(f"polling {len(config.feeds)} sample feeds served on {base}")
            report = pipeline.poll(config, store, progress=lambda url: progress(f"  polled {url}"))
            progress(f"{report.new_articles} articles stored, {report.stories} stories")
            period = samples["period"]
            return pipeline.generate(config, store, since=datetime.fromisoformat(period["since"]),
                                     until=datetime.fromisoformat(period["until"]))
        finally:
            store.close()
