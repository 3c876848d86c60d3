"""The `digest` command: a thin layer over the library.

Each command parses its arguments, calls the pipeline (or one pure stage), and prints the
outcome. A DigestError becomes one `Error: ...` line and exit code 1, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, time, timezone
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click
from rich.console import Console
from rich.table import Table

from digest.config import Config, load_config
from digest.errors import DigestError, InputError

F = TypeVar("F", bound=Callable[..., Any])
console = Console(stderr=True)


def reports_errors(command: F) -> F:
    """Turn a DigestError into `Error: ...` on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DigestError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


class Context:
    """What every command that needs feeds.yaml shares: its path, read on demand."""

    def __init__(self, config_path: Path) -> None:
        self.config_path = config_path

    def config(self) -> Config:
        return load_config(self.config_path)

    @contextmanager
    def store(self) -> Iterator[Any]:
        from digest.store import open_store

        store = open_store(self.config().store_url)
        try:
            yield store
        finally:
            store.close()


pass_context = click.make_pass_decorator(Context)


@click.group()
@click.option("--config", "-c", "config_path", type=click.Path(path_type=Path),
              default="feeds.yaml", envvar="DIGEST_CONFIG", show_default=True,
              help="The configuration file.")
@click.version_option(package_name="digest")
@click.pass_context
def cli(ctx: click.Context, config_path: Path) -> None:
    """Turn Vietnamese provincial news feeds into a briefing people read."""
    ctx.obj = Context(config_path)


@cli.command()
@click.option("--all", "poll_all", is_flag=True,
              help="Poll every enabled feed now, even those asked to wait (Retry-After, backoff).")
@pass_context
@reports_errors
def poll(context: Context, poll_all: bool) -> None:
    """Poll the enabled feeds that are due and update the stories."""
    from digest import pipeline

    config = context.config()
    total = sum(feed.enabled for feed in config.feeds)
    with context.store() as store, progress_bar("polling feeds", total) as advance:
        report = pipeline.poll(config, store, progress=advance, force=poll_all)
    for result in report.failed:
        click.echo(f"failed: {result.feed_url}: {result.error}", err=True)
    click.echo(f"{len(report.results)} feeds polled, {len(report.failed)} failed, "
               f"{report.new_articles} new articles, {report.stories} stories updated "
               f"(fetched and stored in {report.fetch_seconds:.1f} s, "
               f"grouped in {report.group_seconds:.1f} s)")


def parse_day(value: str | None, tz: str, end_of_day: bool = False) -> datetime | None:
    """A --since/--until value: an ISO date (whole day, local time) or an ISO datetime."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"expected a date such as 2026-11-22 or 2026-11-22T07:00, got {value!r}")
    if len(value) == 10 and end_of_day:
        parsed = datetime.combine(parsed.date(), time.max)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(tz))
    return parsed.astimezone(timezone.utc)


@contextmanager
def progress_bar(label: str, total: int | None) -> Iterator[Callable[[str], None]]:
    """A rich progress bar on a terminal (a spinner when total is None); silent otherwise."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                               TextColumn, TimeElapsedColumn)

    if not console.is_terminal:
        yield lambda _item: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _item: bar.advance(task)


@cli.command()
@click.option("--since", help="Start of the period (date or datetime, local time).")
@click.option("--until", help="End of the period (default: now).")
@click.option("--format", "formats", help="Comma-separated formats: html,pdf.")
@click.option("--output", type=click.Path(path_type=Path), help="Folder to write into.")
@click.option("--digest", "digest_name", help="Which digest of feeds.yaml (default: the first).")
@click.option("--deliver", is_flag=True,
              help="Send it through the digest's targets (files, Atom, e-mail) and record it.")
@pass_context
@reports_errors
def generate(context: Context, since: str | None, until: str | None, formats: str | None,
             output: Path | None, digest_name: str | None, deliver: bool) -> None:
    """Render a digest on demand from what is stored.

    Example: digest generate --since 2026-11-01 --until 2026-11-07 --format pdf

    With --deliver and no dates it is the digest's next scheduled run, made now: it covers what
    is new since the last one delivered, and the schedule goes on from there.
    """
    chosen = [part.strip() for part in formats.split(",")] if formats else None
    if chosen and not set(chosen) <= {"html", "pdf"}:
        raise InputError(f"--format takes html, pdf or html,pdf, got {formats!r}")
    if deliver and (chosen or output):
        raise InputError("--deliver uses the formats and folder of feeds.yaml; "
                         "leave out --format and --output")
    config = context.config()
    digest = _find_digest(config, digest_name)
    from digest import pipeline

    start = parse_day(since, config.timezone)
    end = parse_day(until, config.timezone, end_of_day=True)
    with context.store() as store, progress_bar("rendering", None):
        if deliver:
            run = pipeline.deliver_on_demand(config, store, digest or _first_digest(config),
                                             since=start, until=end)
        else:
            paths = pipeline.generate(config, store, since=start, until=end, formats=chosen,
                                      output=output, digest=digest)
    if not deliver:
        for path in paths:
            click.echo(str(path))
    elif run.outcome == "skipped":
        click.echo(f"skipped {run.digest}: {run.new_stories} new stories, fewer than "
                   f"min_stories (recorded)")
    else:
        click.echo(f"delivered {run.digest} {run.stem}: {run.new_stories} new, "
                   f"{run.updated_stories} updated stories")


def _first_digest(config: Config) -> Any:
    if not config.digests:
        raise InputError(f"{config.base_dir / 'feeds.yaml'} has no digests: add one under "
                         "digests: to deliver it")
    return config.digests[0]


@cli.command()
@pass_context
@reports_errors
def run(context: Context) -> None:
    """Run as a service: poll each feed on its interval, send each digest on its schedule.

    Stops cleanly on SIGTERM or Ctrl-C; SIGHUP reloads feeds.yaml. See docs/service.md.
    """
    import logging

    from digest.schedule import run_service

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    run_service(context.config_path)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@pass_context
@reports_errors
def status(context: Context, as_json: bool) -> None:
    """Show each feed's last poll and next one, and each digest's last delivery and next run."""
    from dataclasses import asdict

    from digest import pipeline

    config = context.config()
    with context.store() as store:
        report = pipeline.status(config, store)
    if as_json:
        click.echo(json.dumps(asdict(report), default=_json_value, ensure_ascii=False, indent=2))
        return
    zone = ZoneInfo(config.timezone)
    feeds_table = Table("feed", "last success", "problem", "articles", "next poll",
                        title="Feeds")
    for feed in report.feeds:
        feeds_table.add_row(feed.name, _when(feed.last_success, zone), feed.message,
                            str(feed.articles),
                            _when(feed.next_poll, zone) if feed.enabled else "disabled")
    digests_table = Table("digest", "schedule", "last run", "last delivery", "pending",
                          "next run", title="Digests")
    for digest in report.digests:
        delivered = _when(digest.last_delivery, zone)
        if digest.last_delivery_targets:
            delivered += f" ({', '.join(digest.last_delivery_targets)})"
        digests_table.add_row(digest.name, digest.schedule,
                              f"{_when(digest.last_run, zone)} {digest.last_outcome or ''}",
                              delivered, str(digest.pending), _when(digest.next_run, zone))
    out = Console()
    out.print(feeds_table)
    out.print(digests_table)


def _when(value: datetime | None, zone: ZoneInfo) -> str:
    return "-" if value is None else value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _find_digest(config: Config, name: str | None) -> Any:
    if name is None:
        return None
    for digest in config.digests:
        if digest.name == name:
            return digest
    known = ", ".join(d.name for d in config.digests) or "none"
    raise InputError(f"no digest named {name!r} in {config.base_dir / 'feeds.yaml'} (known: {known})")


@cli.command()
@click.option("--output", type=click.Path(path_type=Path), default="output", show_default=True,
              help="Folder to write the demo digest into.")
@reports_errors
def demo(output: Path) -> None:
    """Run the whole pipeline offline on the bundled sample feeds and print the files written."""
    from digest.demo import run_demo

    for path in run_demo(output, progress=lambda line: console.print(f"[dim]{line}[/dim]")):
        click.echo(str(path))


@cli.command()
@click.option("--input", "input_path", required=True, type=click.Path(path_type=Path),
              help="JSONL: one article a line (id, title, text, published, source, url).")
@click.option("--output", "output_path", type=click.Path(path_type=Path),
              help="Where to write the stories (JSONL); default: standard output.")
@click.option("--timezone", "tz", default="Asia/Ho_Chi_Minh", show_default=True)
@reports_errors
def group(input_path: Path, output_path: Path | None, tz: str) -> None:
    """Group articles from a JSONL file into stories; needs no config file or database."""
    from digest.group import group_articles
    from digest.jsonl import read_articles, story_line

    stories = group_articles(read_articles(input_path), tz=tz)
    lines = "".join(json.dumps(story_line(story), ensure_ascii=False) + "\n" for story in stories)
    if output_path:
        output_path.write_text(lines, encoding="utf-8")
    else:
        click.echo(lines, nl=False)


@cli.command()
@click.option("--input", "input_path", required=True, type=click.Path(path_type=Path),
              help="A text file: one article, title on the first line.")
@click.option("--published", help="Publication date (ISO 8601), to resolve dates like '28/7'.")
@reports_errors
def figures(input_path: Path, published: str | None) -> None:
    """Print the key figures of one article as JSON; needs no config file or database."""
    from digest.figures import extract_figures, figures_to_json

    try:
        text = input_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{input_path}: cannot read it as UTF-8 text: {exc}")
    title, _, body = text.strip().partition("\n")
    when = parse_day(published, "Asia/Ho_Chi_Minh")
    result = extract_figures(body, published=when, title=title)
    click.echo(json.dumps(figures_to_json(result), ensure_ascii=False, indent=2))


@cli.group()
def feeds() -> None:
    """List and edit the feeds of feeds.yaml."""


@feeds.command("check")
@pass_context
@reports_errors
def feeds_check(context: Context) -> None:
    """Validate feeds.yaml, then try each feed once and show what answered; stores nothing.

    Exits with 1 when the file is wrong or any feed failed. Example: digest feeds check
    """
    from digest import pipeline

    config = context.config()
    checks = pipeline.check_feeds(config)
    table = Table("feed", "url", "HTTP", "items", "outcome", title="Feeds")
    for feed, result in checks:
        outcome = result.error or ("ok" + (f"; {result.warning}" if result.warning else ""))
        table.add_row(feed.name, feed.url, str(result.status or "-"), str(len(result.items)),
                      outcome)
    Console(width=200).print(table)
    failed = sum(not result.ok for _, result in checks)
    click.echo(f"{len(checks) - failed} of {len(checks)} feeds answered")
    if failed:
        sys.exit(1)


@feeds.command("list")
@pass_context
@reports_errors
def feeds_list(context: Context) -> None:
    """Show the configured feeds."""
    table = Table("name", "url", "province", "outlet", "every", "enabled")
    for feed in context.config().feeds:
        table.add_row(feed.name, feed.url, feed.province or "", feed.outlet or "", feed.every,
                      "yes" if feed.enabled else "no")
    Console().print(table)


@feeds.command("add")
@click.argument("url")
@click.option("--name", required=True, help="The outlet's name as readers know it.")
@click.option("--province", help="The province the outlet covers.")
@click.option("--outlet", type=click.Choice(["national", "provincial", "government"]),
              help="What kind of outlet it is.")
@click.option("--no-discover", is_flag=True, help="Add the URL as given, without looking for a feed.")
@pass_context
@reports_errors
def feeds_add(context: Context, url: str, name: str, province: str | None, outlet: str | None,
              no_discover: bool) -> None:
    """Add a feed; given a site's home page, find its feed first.

    Example: digest feeds add https://baohagiang.vn --name "Báo Hà Giang" --province "Hà Giang"
    """
    from digest.config import check_http_url
    from digest.feedlist import add_feed

    try:
        check_http_url(url)
    except ValueError as exc:
        raise InputError(str(exc))
    if not no_discover:
        from digest.fetch import discover_feed, make_client

        with make_client() as client:
            found = discover_feed(client, url)
        if found != url:
            click.echo(f"found the feed {found} on {url}")
        url = found
    feed = add_feed(context.config_path, url, name, province, outlet)
    click.echo(f"added {feed.name}: {feed.url}")


@feeds.command("remove")
@click.argument("url_or_name")
@pass_context
@reports_errors
def feeds_remove(context: Context, url_or_name: str) -> None:
    """Remove a feed by its URL or name."""
    from digest.feedlist import remove_feed

    feed = remove_feed(context.config_path, url_or_name)
    click.echo(f"removed {feed.name}: {feed.url}")


@feeds.command("import")
@click.argument("opml_file", type=click.Path(path_type=Path))
@pass_context
@reports_errors
def feeds_import(context: Context, opml_file: Path) -> None:
    """Add the feeds of an OPML file (as every feed reader exports)."""
    from digest.feedlist import import_opml

    added = import_opml(context.config_path, opml_file)
    click.echo(f"added {len(added)} feeds from {opml_file}")


@feeds.command("export")
@pass_context
@reports_errors
def feeds_export(context: Context) -> None:
    """Print the feed list as OPML."""
    from digest.feedlist import export_opml

    click.echo(export_opml(context.config()), nl=False)


@cli.group()
def stories() -> None:
    """Correct the grouping: merge two stories, or split an article out of one."""


@stories.command("merge")
@click.argument("story")
@click.argument("other")
@pass_context
@reports_errors
def stories_merge(context: Context, story: str, other: str) -> None:
    """Merge story OTHER into STORY; later grouping keeps them together."""
    from digest import pipeline

    with context.store() as store:
        store.record_merge(story, other)
        pipeline.update_stories(store, context.config().timezone)
    click.echo(f"merged {other} into {story}")


@stories.command("split")
@click.argument("story")
@click.argument("article")
@pass_context
@reports_errors
def stories_split(context: Context, story: str, article: str) -> None:
    """Take ARTICLE out of STORY; later grouping keeps it apart."""
    from digest import pipeline

    with context.store() as store:
        store.record_split(story, article)
        pipeline.update_stories(store, context.config().timezone)
    click.echo(f"split article {article} out of {story}")


def main() -> None:
    cli(prog_name="digest")
