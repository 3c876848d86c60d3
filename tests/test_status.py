"""`digest status`: per feed the last success, last error, articles and next poll; per digest the
last delivery and the next run; as a table, and as JSON for scripts."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from digest.cli import cli

MEETING = ("Chiều 28/7, đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, "
           "Trưởng Ban Tổ chức Trung ương đã chủ trì hội nghị giao ban trực tuyến công tác 6 tháng "
           "đầu năm với Bí thư Tỉnh ủy, Thành ủy trực thuộc Trung ương.")


def serve_feeds(server: HTTPServer) -> None:
    link = server.url_for("/a/1.html")
    when = format_datetime(datetime.now(timezone.utc) - timedelta(hours=1))
    server.expect_request("/good.xml").respond_with_data(
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>Giao ban 6 tháng</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{when}</pubDate><description>{MEETING}</description></item>"
        f"</channel></rss>", content_type="application/rss+xml; charset=utf-8")
    server.expect_request("/broken.xml").respond_with_data("down", status=503)


def write_config(folder: Path, server: HTTPServer) -> Path:
    path = folder / "feeds.yaml"
    path.write_text(
        "timezone: Asia/Ho_Chi_Minh\nstore: sqlite:///digest.db\noutput: out\nfeeds:\n"
        f"  - url: {server.url_for('/good.xml')}\n    name: Good\n    every: 30m\n"
        f"  - url: {server.url_for('/broken.xml')}\n    name: Broken\n    every: 1h\n"
        "digests:\n  - name: daily\n    schedule: \"0 7 * * *\"\n    period: 1d\n",
        encoding="utf-8")
    return path


def plan_jobs(config: Path) -> None:
    """Start `digest run` until it has stored its jobs, then stop it (SIGTERM)."""
    process = subprocess.Popen([sys.executable, "-m", "digest", "-c", str(config), "run"],
                               cwd=config.parent, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(0.1)
            try:
                with sqlite3.connect(config.parent / "digest.db") as conn:
                    jobs = conn.execute("SELECT count(*) FROM digest_scheduler_jobs").fetchone()
                if jobs[0] == 3:
                    break
            except sqlite3.OperationalError:
                continue
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()


def test_status_shows_feeds_and_digests_as_json_and_as_a_table(tmp_path: Path,
                                                               httpserver: HTTPServer) -> None:
    serve_feeds(httpserver)
    config = write_config(tmp_path, httpserver)
    runner = CliRunner()
    assert runner.invoke(cli, ["-c", str(config), "poll"]).exit_code == 0
    delivered = runner.invoke(cli, ["-c", str(config), "generate", "--deliver"])
    assert delivered.exit_code == 0, delivered.output
    assert delivered.output.startswith("delivered daily ")
    plan_jobs(config)

    result = runner.invoke(cli, ["-c", str(config), "status", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    feeds = {feed["name"]: feed for feed in report["feeds"]}
    now = datetime.now(timezone.utc)
    assert feeds["Good"]["articles"] == 1 and feeds["Good"]["last_error"] is None
    assert feeds["Good"]["last_success"] is not None
    assert "503" in feeds["Broken"]["last_error"] and feeds["Broken"]["last_success"] is None
    for feed in feeds.values():
        assert now - timedelta(minutes=5) < datetime.fromisoformat(feed["next_poll"]) \
            < now + timedelta(hours=1, minutes=2)
    [digest] = report["digests"]
    assert digest["last_outcome"] == "delivered" and digest["pending"] == 0
    assert digest["last_delivery_targets"] == ["files", "atom"]
    next_run = datetime.fromisoformat(digest["next_run"]).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert (next_run.hour, next_run.minute) == (7, 0)
    assert timedelta(0) < next_run - now <= timedelta(days=1)

    table = runner.invoke(cli, ["-c", str(config), "status"])
    assert table.exit_code == 0
    for text in ("Feeds", "Digests", "Good", "Broken", "daily", "0 7 * * *", "delivered"):
        assert text in table.output


def test_status_before_the_service_ever_ran(tmp_path: Path, httpserver: HTTPServer) -> None:
    serve_feeds(httpserver)
    config = write_config(tmp_path, httpserver)
    result = CliRunner().invoke(cli, ["-c", str(config), "status", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(f["name"], f["last_success"], f["next_poll"]) for f in report["feeds"]] == [
        ("Broken", None, None), ("Good", None, None)]
    assert report["digests"][0]["last_delivery"] is None
    assert report["digests"][0]["next_run"] is None
