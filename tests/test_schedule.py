"""`digest run` as a real process: feeds on pytest-httpserver, mail to aiosmtpd on 127.0.0.1, the
store in SQLite in a temporary folder. Schedules use six-field cron lines (seconds first) so a
test waits seconds, not minutes."""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from digest.config import Config, crontab_weekdays
from digest.schedule import spread, wanted_jobs
from mailserver import Mailbox, attachment, body, smtp_server
from texts import FLOOD, MEETING

SCHOOL = ("Sáng 5/9, tỉnh Hà Giang tổ chức lễ khai giảng năm học mới tại 600 trường học với hơn "
          "250.000 học sinh. Chủ tịch UBND tỉnh dự lễ khai giảng tại Trường Phổ thông dân tộc "
          "nội trú huyện Đồng Văn và tặng 200 suất học bổng cho học sinh nghèo vượt khó.")
STORIES = [("Giao ban công tác tổ chức 6 tháng đầu năm", MEETING),
           ("Sạt lở 14 điểm trên Quốc lộ 4C", FLOOD),
           ("Khai giảng năm học mới tại 600 trường", SCHOOL)]


class Feed:
    """An RSS feed whose items a test adds while the service runs."""

    def __init__(self, server: HTTPServer, path: str = "/feed.xml") -> None:
        self.server = server
        self.items: list[tuple[str, str]] = []
        self.published = datetime.now(timezone.utc) - timedelta(minutes=30)
        server.expect_request(path).respond_with_handler(self.serve)
        self.url = server.url_for(path)

    def serve(self, _request: Request) -> Response:
        entries = "".join(
            f"<item><title>{title}</title><link>{self.server.url_for(f'/a/{n}.html')}</link>"
            f"<guid>{self.server.url_for(f'/a/{n}.html')}</guid>"
            f"<pubDate>{format_datetime(self.published)}</pubDate>"
            f"<description>{text}</description></item>"
            for n, (title, text) in enumerate(self.items))
        return Response(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                        f"<title>Báo Hà Giang</title>{entries}</channel></rss>",
                        content_type="application/rss+xml; charset=utf-8")


def write_config(folder: Path, feeds: list[tuple[str, str]], port: int,
                 digests: tuple[str, ...] = ("daily",), schedule: str = "*/2 * * * * *") -> Path:
    feed_lines = "".join(f"  - url: {url}\n    name: Báo Hà Giang\n    province: Hà Giang\n"
                         f"    every: {every}\n" for url, every in feeds)
    digest_lines = "".join(
        f"  - name: {name}\n    title: Bản tin thử\n    schedule: \"{schedule}\"\n"
        f"    period: 1d\n    deliver:\n      backoff: 1s\n      email:\n"
        f"        host: 127.0.0.1\n        port: {port}\n        security: none\n"
        f"        from: digest@example.org\n        to: [an@example.org]\n"
        for name in digests)
    path = folder / "feeds.yaml"
    # Feeds polled every few seconds: below the polite default floor of five minutes.
    path.write_text(f"timezone: Asia/Ho_Chi_Minh\nstore: sqlite:///digest.db\noutput: out\n"
                    f"polling:\n  min_interval: 1s\n  host_delay: 0\n"
                    f"feeds:\n{feed_lines}digests:\n{digest_lines}", encoding="utf-8")
    return path


class Service:
    """`python -m digest run` in a folder, its log in service-N.log."""

    count = 0

    def __init__(self, config: Path) -> None:
        Service.count += 1
        self.log = config.parent / f"service-{Service.count}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "digest", "-c", str(config), "run"],
                cwd=config.parent, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())

    def stop(self, signum: int = signal.SIGTERM) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout=20)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def services() -> Iterator[list[Service]]:
    started: list[Service] = []
    yield started
    for service in started:
        service.kill()


def wait_for(condition: Callable[[], Any], timeout: float, what: str,
             service: Service | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    log = service.output()[-3000:] if service else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{log}")


def query(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "digest.db", timeout=10) as conn:
        try:
            return list(conn.execute(sql))
        except sqlite3.OperationalError:  # the service has not built the store yet
            return []


def test_the_service_mails_the_digest_on_its_cron_with_the_pdf_and_stops_on_sigterm(
        tmp_path: Path, httpserver: HTTPServer, services: list[Service]) -> None:
    feed = Feed(httpserver)
    feed.items.append(STORIES[0])
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        service = Service(write_config(tmp_path, [(feed.url, "1m")], port))
        services.append(service)
        wait_for(lambda: mailbox.messages, 40, "the digest by mail", service)
        time.sleep(4)  # two more cron times pass: nothing new, so nothing more is sent
        assert service.stop() == 0
    assert "digest run: stopped" in service.output()
    [message] = mailbox.messages
    pdf = PdfReader(io.BytesIO(attachment(message, "application/pdf")))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Trương Thị Mai" in text and "6.378 tỷ đồng" in text
    assert STORIES[0][0] in body(message, "plain")
    runs = query(tmp_path, "SELECT outcome, stem FROM digest_runs")
    assert [stem for outcome, stem in runs if outcome == "delivered"] == [
        path.stem for path in (tmp_path / "out" / "daily").glob("*.pdf")]
    assert "skipped" in {outcome for outcome, _ in runs}  # later runs: nothing new, recorded
    assert (tmp_path / "out" / "index.html").exists()


def mailed(mailbox: Mailbox, title: str) -> bool:
    return any(title in body(message, "plain") for message in mailbox.messages)


def test_a_service_killed_mid_run_and_restarted_sends_every_digest_once(
        tmp_path: Path, httpserver: HTTPServer, services: list[Service]) -> None:
    feed = Feed(httpserver)
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        config = write_config(tmp_path, [(feed.url, "2s")], port)
        first = Service(config)
        services.append(first)
        pending_unmailed = ("SELECT r.id FROM digest_runs r WHERE r.outcome = 'pending' AND "
                            "NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = r.id AND "
                            "d.target = 'email')")
        killed_run = None
        for title, text in STORIES[:2]:  # add a story; catch its run between choosing and mailing
            feed.items.append((title, text))
            wait_for(lambda: query(tmp_path, pending_unmailed) or mailed(mailbox, title), 40,
                     "a digest run", first)
            caught = query(tmp_path, pending_unmailed)
            if caught:
                first.kill()  # SIGKILL while it renders the PDF or writes the files
                killed_run = caught[0][0]
                break
        assert killed_run is not None, "the service was never caught mid-run"
        assert query(tmp_path, f"SELECT outcome FROM digest_runs WHERE id = {killed_run}") \
            == [("pending",)]

        second = Service(config)
        services.append(second)
        wait_for(lambda: query(tmp_path, "SELECT outcome FROM digest_runs WHERE "
                                         f"id = {killed_run}") == [("delivered",)],
                 40, "the killed run to be delivered after the restart", second)
        feed.items.extend(story for story in STORIES if story not in feed.items)
        wait_for(lambda: all(mailed(mailbox, title) for title, _text in STORIES), 30, "the stories added after the restart", second)
        assert second.stop() == 0
    ids = [message["Message-ID"] for message in mailbox.messages]
    assert len(ids) == len(set(ids)), "a digest was sent twice"
    delivered = query(tmp_path, "SELECT id FROM digest_runs WHERE outcome = 'delivered'")
    assert len(delivered) == len(mailbox.messages)
    assert query(tmp_path, "SELECT count(*) FROM digest_runs WHERE outcome = 'pending'") == [(0,)]
    for title, _text in STORIES:  # every story mailed exactly once: none lost, none repeated
        assert sum(title in body(m, "plain") for m in mailbox.messages) == 1, title
    assert query(tmp_path, "SELECT count(*), count(DISTINCT key) FROM articles") == [(3, 3)]


def test_sighup_reloads_feeds_yaml_and_removed_feeds_and_digests_lose_their_jobs(
        tmp_path: Path, httpserver: HTTPServer, services: list[Service]) -> None:
    one, two = Feed(httpserver, "/one.xml"), Feed(httpserver, "/two.xml")
    with smtp_server(Mailbox()) as port:
        config = write_config(tmp_path, [(one.url, "30m"), (two.url, "30m")], port,
                              digests=("morning", "evening"), schedule="0 7 * * *")
        service = Service(config)
        services.append(service)
        jobs = "SELECT id FROM digest_scheduler_jobs ORDER BY id"
        wait_for(lambda: len(query(tmp_path, jobs)) == 4, 30, "four jobs", service)
        write_config(tmp_path, [(one.url, "30m")], port, digests=("morning",),
                     schedule="0 7 * * *")
        service.process.send_signal(signal.SIGHUP)
        wait_for(lambda: len(query(tmp_path, jobs)) == 2, 20, "the jobs to follow feeds.yaml",
                 service)
        assert [row[0] for row in query(tmp_path, jobs)][0] == "digest:morning"
        assert service.stop() == 0
    assert "SIGHUP: reloaded" in service.output()


def test_new_feeds_first_polls_are_spread_and_digests_coalesce(tmp_path: Path) -> None:
    config = Config.model_validate({
        "feeds": [{"url": f"https://outlet{n}.example.vn/rss", "name": f"Báo {n}", "every": "30m"}
                  for n in range(200)],
        "digests": [{"name": "daily", "schedule": "0 7 * * 1-5"}], "base_dir": tmp_path})
    now = datetime(2026, 1, 5, 0, 0, tzinfo=timezone.utc)
    jobs = wanted_jobs(config, now, random.Random(5))
    firsts = [job.first_run for job in jobs.values() if job.id.startswith("poll:")]
    assert len(firsts) == 200 and all(now <= when <= now + timedelta(minutes=1)
                                      for when in firsts)
    busiest = Counter(int((when - now).total_seconds()) for when in firsts).most_common(1)[0][1]
    assert busiest <= 10  # about 200/60 a second, never all at once
    assert spread(timedelta(minutes=30)) == 60 and spread(timedelta(seconds=20)) == 2
    daily = jobs["digest:daily"]
    assert daily.misfire_grace_time == 86400 and daily.executor == "digests"
    # 1-5 is Monday to Friday as in crontab (APScheduler 3 alone would read Tuesday to Saturday)
    friday = datetime(2026, 1, 9, 8, tzinfo=timezone.utc)
    assert daily.trigger.get_next_fire_time(None, friday).strftime("%a %H:%M") == "Mon 07:00"


@pytest.mark.parametrize(("field", "names"), [
    ("1-5", "mon,tue,wed,thu,fri"), ("0", "sun"), ("7", "sun"), ("*", "*"),
    ("*/2", "sun,tue,thu,sat"), ("mon-fri", "mon-fri"), ("6,0", "sat,sun")])
def test_crontab_weekday_numbers_mean_what_they_mean_in_crontab(field: str, names: str) -> None:
    assert crontab_weekdays(field) == names
