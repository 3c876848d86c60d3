"""Delivery: files and the archive page, Atom, e-mail to a real SMTP server on 127.0.0.1, retries,
the record of every attempt, and the periods of scheduled runs."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from digest import pipeline
from digest.config import Config, load_config
from digest.deliver import atom_feed
from digest.errors import ConfigError, DeliveryError
from digest.models import ArticleDraft, FetchResult
from digest.store import FeedInfo, Store, open_store
from mailserver import Mailbox, attachment, body, smtp_server
from texts import FLOOD, MEETING

MEETING_TITLE = "Giao ban công tác tổ chức xây dựng Đảng 6 tháng đầu năm"
FLOOD_TITLE = "Sạt lở 14 điểm trên Quốc lộ 4C, giao thông bị chia cắt"
FEEDS = [FeedInfo(url=f"https://outlet{n}.example.vn/rss.xml", name=f"Báo {n}",
                  province="Hà Giang", outlet="provincial") for n in range(3)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'digest.db'}")
    opened.sync_feeds(FEEDS)
    yield opened
    opened.close()


def make_config(tmp_path: Path, port: int | None = None, **digest: Any) -> Config:
    deliver: dict[str, Any] = {"files": True, "atom": True, "attempts": 3, "backoff": "1s"}
    if port is not None:
        deliver["email"] = {"host": "127.0.0.1", "port": port, "security": "none",
                            "from": "Bản tin <digest@example.org>",
                            "to": ["an@example.org", "binh@example.org"]}
    return Config.model_validate({
        "store": f"sqlite:///{tmp_path / 'digest.db'}", "output": "out",
        "feeds": [{"url": feed.url, "name": feed.name} for feed in FEEDS],
        "digests": [{"name": "daily", "title": "Bản tin sáng", "period": "1d",
                     "deliver": deliver, **digest}],
        "base_dir": tmp_path})


def publish(store: Store, feed: int, slug: str, title: str, text: str) -> None:
    """Store one article as a poll of FEEDS[feed] would, published an hour ago."""
    url = f"https://outlet{feed}.example.vn/{slug}.html"
    draft = ArticleDraft(feed_url=FEEDS[feed].url, url=url, guid=url, title=title, text=text,
                         published=datetime.now(timezone.utc) - timedelta(hours=1))
    store.save_poll(FetchResult(feed_url=FEEDS[feed].url, status=200), [draft])


def test_a_digest_is_mailed_as_text_inline_styled_html_and_pdf(tmp_path: Path,
                                                               store: Store) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        config = make_config(tmp_path, port)
        run = pipeline.run_digest(config, store, config.digests[0])
    assert run.outcome == "delivered" and run.new_stories == 1
    [message] = mailbox.messages
    assert message["To"] == "an@example.org, binh@example.org"
    assert message["Subject"].startswith("Bản tin sáng · ")
    assert message["Message-ID"] == f"<digest.daily.{run.id}." \
        f"{run.period_end:%Y%m%dT%H%M%S}@example.org>"
    assert MEETING_TITLE in body(message, "plain")
    html = body(message, "html")
    assert MEETING_TITLE in html and 'style="' in html
    assert "<script" not in html and "<style" not in html
    pdf = PdfReader(io.BytesIO(attachment(message, "application/pdf")))
    assert "Trương Thị Mai" in "".join(page.extract_text() for page in pdf.pages)
    assert {(d.target, d.outcome) for d in store.deliveries()} == {
        ("files", "sent"), ("atom", "sent"), ("email", "sent")}


def test_files_the_archive_page_and_the_atom_feed(tmp_path: Path, store: Store) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    config = make_config(tmp_path)
    run = pipeline.run_digest(config, store, config.digests[0])
    folder = tmp_path / "out" / "daily"
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [f"{run.stem}.html", f"{run.stem}.pdf", "feed.xml"])
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f'href="daily/{run.stem}.pdf"' in index and 'href="daily/feed.xml"' in index
    feed = ET.parse(folder / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    [entry] = feed.findall("a:entry", ns)
    assert entry.find("a:link[@rel='alternate']", ns).get("href") == f"{run.stem}.html"
    assert MEETING_TITLE in entry.find("a:content", ns).text


def test_atom_ids_are_stable_and_links_absolute_with_a_base_url(tmp_path: Path,
                                                               store: Store) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    config = make_config(tmp_path)
    pipeline.run_digest(config, store, config.digests[0])
    runs = store.runs("daily")
    first = atom_feed("daily", "Bản tin", runs, ["html"], "https://example.org/ban-tin/")
    again = atom_feed("daily", "Bản tin", runs, ["html"], "https://example.org/ban-tin/")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    ids = [ET.fromstring(feed).find("a:entry/a:id", ns).text for feed in (first, again)]
    assert ids[0] == ids[1] and ids[0].startswith("urn:uuid:")
    link = ET.fromstring(first).find("a:entry/a:link", ns).get("href")
    assert link == f"https://example.org/ban-tin/daily/{runs[0].stem}.html"


def test_a_server_that_refuses_first_then_accepts_gets_the_digest_once(tmp_path: Path,
                                                                      store: Store) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    mailbox = Mailbox(refuse=1)
    with smtp_server(mailbox) as port:
        config = make_config(tmp_path, port)
        run = pipeline.run_digest(config, store, config.digests[0])
    assert mailbox.answers == ["451 4.3.0 Try again later", "250 OK"]
    assert len(mailbox.messages) == 1 and run.outcome == "delivered"
    attempts = [d for d in store.deliveries() if d.target == "email"]
    assert [(d.attempt, d.outcome) for d in attempts] == [(1, "failed"), (2, "sent")]
    assert "451" in (attempts[0].detail or "")
    assert attempts[1].started - attempts[0].started >= timedelta(seconds=1)  # the backoff


def test_a_target_that_keeps_failing_leaves_the_run_pending_until_resumed(
        tmp_path: Path, store: Store) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    mailbox = Mailbox(refuse=2)
    with smtp_server(mailbox) as port:
        config = make_config(tmp_path, port)
        digest = config.digests[0].model_copy(update={"deliver": config.digests[0].deliver
                                                       .model_copy(update={"attempts": 2})})
        with pytest.raises(DeliveryError, match="not delivered to email"):
            pipeline.run_digest(config, store, digest)
        [pending] = store.runs("daily", outcomes=["pending"])
        assert store.sent_targets(pending.id) == {"files", "atom"}
        assert mailbox.messages == []
        resumed = pipeline.resume_pending(config, store, digest)
    assert [run.outcome for run in resumed] == ["delivered"]
    assert len(mailbox.messages) == 1
    assert [d.target for d in store.deliveries() if d.outcome == "sent"].count("files") == 1


def test_periods_follow_each_other_and_a_grown_story_comes_back_as_updated(
        tmp_path: Path, store: Store) -> None:
    config = make_config(tmp_path)
    digest = config.digests[0]
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    first = pipeline.run_digest(config, store, digest)
    publish(store, 1, "giao-ban", MEETING_TITLE, MEETING)  # a second outlet, same meeting
    publish(store, 2, "sat-lo", FLOOD_TITLE, FLOOD)
    second = pipeline.run_digest(config, store, digest)
    third = pipeline.run_digest(config, store, digest)

    assert first.period_end == second.period_start  # no gap, no overlap
    assert [(s.title, s.updated, len(s.article_ids)) for s in first.stories] == [
        (MEETING_TITLE, False, 1)]
    assert sorted((s.updated, len(s.article_ids)) for s in second.stories) == [
        (False, 1), (True, 2)]
    assert (second.new_stories, second.updated_stories) == (1, 1)
    assert third.outcome == "skipped" and third.stories == ()
    html = (tmp_path / "out" / "daily" / f"{second.stem}.html").read_text(encoding="utf-8")
    assert html.count('class="updated"') == 2  # in the table of contents and on the story


def test_a_skipped_run_is_recorded_and_loses_no_story(tmp_path: Path, store: Store) -> None:
    config = make_config(tmp_path, min_stories=2)
    digest = config.digests[0]
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    skipped = pipeline.run_digest(config, store, digest)
    assert skipped.outcome == "skipped" and skipped.new_stories == 1
    assert store.deliveries() == [] and not (tmp_path / "out" / "daily").exists()
    publish(store, 2, "sat-lo", FLOOD_TITLE, FLOOD)
    sent = pipeline.run_digest(config, store, digest)
    assert sent.outcome == "delivered" and sent.new_stories == 2
    skipped_again = pipeline.run_digest(config, store, digest)
    publish(store, 1, "lu-quet", "Lũ quét ở Mèo Vạc", FLOOD.replace("Sáng 27/7", "Chiều 29/7"))
    publish(store, 1, "hoi-thao", "Hội thảo chuyển đổi số", "Hội thảo về chuyển đổi số tỉnh.")
    last = pipeline.run_digest(config, store, digest)
    assert skipped_again.outcome == "skipped" and last.outcome == "delivered"
    assert last.period_start == sent.period_end  # skipped runs do not move the period


def test_the_digest_ends_with_the_feeds_that_need_a_look(tmp_path: Path, store: Store) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    store.save_poll(FetchResult(feed_url=FEEDS[1].url, status=500, error="HTTP 500 from server"),
                    [])
    store.save_poll(FetchResult(feed_url=FEEDS[2].url, status=200,
                                new_url="https://moved.example.vn/rss.xml"), [])
    config = make_config(tmp_path)
    run = pipeline.run_digest(config, store, config.digests[0])
    html = (tmp_path / "out" / "daily" / f"{run.stem}.html").read_text(encoding="utf-8")
    health = html[html.index('class="health"'):]
    assert "Báo 1" in health and "HTTP 500 from server" in health and "lỗi khi tải" in health
    assert "Báo 2" in health and "https://moved.example.vn/rss.xml" in health
    assert "Báo 0" not in health


def test_a_feed_that_answers_but_brings_nothing_for_days_is_silent(store: Store) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    later = datetime.now(timezone.utc) + timedelta(days=4)
    problems = {h.name: h.problem for h in store.feed_health(later, pipeline.SILENT_AFTER)}
    assert problems == {"Báo 0": "silent"}  # the others have never answered yet
    store.save_poll(FetchResult(feed_url=FEEDS[1].url, status=200), [])  # 200, but no items
    problems = {h.name: h.problem for h in store.feed_health(later, pipeline.SILENT_AFTER)}
    assert problems == {"Báo 0": "silent", "Báo 1": "silent"}
    now = {h.name for h in store.feed_health(datetime.now(timezone.utc), pipeline.SILENT_AFTER)}
    assert now == set()


EMAIL_YAML = """\
store: sqlite:///digest.db
digests:
  - name: daily
    deliver:
      email:
        host: smtp.example.org
        user: digest@example.org
        password_env: DIGEST_TEST_SMTP_PASSWORD
        from: digest@example.org
        to: [an@example.org]
"""


def test_email_settings_and_the_password_from_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(EMAIL_YAML, encoding="utf-8")
    email = load_config(path).digests[0].deliver.email
    assert email is not None and email.smtp_port == 587 and email.security == "starttls"
    monkeypatch.delenv("DIGEST_TEST_SMTP_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match=rf"^{path}:5: password_env: the environment variable "
                                          "DIGEST_TEST_SMTP_PASSWORD is not set"):
        email.password()
    monkeypatch.setenv("DIGEST_TEST_SMTP_PASSWORD", "s3cret")
    assert email.password() == "s3cret"


@pytest.mark.parametrize(("change", "line", "message"), [
    (("password_env: DIGEST_TEST_SMTP_PASSWORD", "password: hunter2"), 5,
     "a password does not go in feeds.yaml"),
    (("        password_env: DIGEST_TEST_SMTP_PASSWORD\n", ""), 5,
     "user is set but password_env is not"),
    (("to: [an@example.org]", "to: [nobody]"), 10, "expected an e-mail address"),
    (("host: smtp.example.org", "host: smtp.example.org\n        security: tls"), 7,
     "security: Input should be 'starttls', 'ssl' or 'none'"),
])
def test_email_mistakes_point_at_their_line(tmp_path: Path, change: tuple[str, str], line: int,
                                            message: str) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(EMAIL_YAML.replace(*change), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:{line}: digests[0].deliver.email")
    assert message in str(caught.value)


def test_a_missing_password_stops_delivery_with_a_config_error(
        tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    publish(store, 0, "hoi-nghi", MEETING_TITLE, MEETING)
    monkeypatch.delenv("DIGEST_TEST_SMTP_PASSWORD", raising=False)
    config = make_config(tmp_path, 25)
    email = config.digests[0].deliver.email.model_copy(  # type: ignore[union-attr]
        update={"user": "digest", "password_env": "DIGEST_TEST_SMTP_PASSWORD"})
    digest = config.digests[0].model_copy(update={
        "deliver": config.digests[0].deliver.model_copy(update={"email": email})})
    with pytest.raises(ConfigError, match="DIGEST_TEST_SMTP_PASSWORD is not set"):
        pipeline.run_digest(config, store, digest)
    [attempt] = [d for d in store.deliveries() if d.target == "email"]
    assert attempt.outcome == "failed"
    assert [run.outcome for run in store.runs("daily")] == ["pending"]
