"""The store, on SQLite and on PostgreSQL: every test taking `store` or `store_url` runs on both."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from digest.errors import StoreError
from digest.models import ArticleDraft, FetchResult, Story
from digest.store import (VERSION_TABLE, FeedInfo, FeedStatus, Store, article_feeds, articles,
                          canonical_url, feeds, metadata, open_store, stories)

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)
HANOI = FeedInfo(url="https://baohanoi.vn/rss/thoi-su.rss", name="Báo Hà Nội",
                 province="Hà Nội", outlet="provincial")
GOV = FeedInfo(url="https://baochinhphu.vn/rss/home.rss", name="Báo Chính phủ",
               outlet="government")
HUE = FeedInfo(url="https://baothuathienhue.vn/rss/tin-moi.rss", name="Báo Thừa Thiên Huế",
               province="Thừa Thiên Huế", outlet="provincial")


def ok(feed: FeedInfo, **fields: object) -> FetchResult:
    return FetchResult(feed_url=feed.url, status=200, **fields)  # type: ignore[arg-type]


def draft(feed: FeedInfo, url: str, guid: str | None = None, title: str = "Hội nghị",
          published: datetime | None = T0) -> ArticleDraft:
    return ArticleDraft(feed_url=feed.url, url=url, guid=guid, title=title,
                        text=f"Nội dung của {title}.", published=published)


def poll(store: Store, feed: FeedInfo, *drafts: ArticleDraft) -> list[str]:
    return store.save_poll(ok(feed), list(drafts))


def status_of(store: Store, feed: FeedInfo) -> FeedStatus:
    return next(status for status in store.feed_status() if status.url == feed.url)


def _alembic_config() -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", "digest:migrations")
    return config


def alembic(url: str, action: str, revision: str) -> None:
    """Run an Alembic command on the store at `url`, outside open_store."""
    engine = create_engine(url)
    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)
    engine.dispose()


@pytest.fixture
def feeds_synced(store: Store) -> Store:
    store.sync_feeds([HANOI, GOV, HUE])
    return store


# canonical_url ----------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "key"), [
    ("https://baohanoi.vn/tin-tuc/a.html", "https://baohanoi.vn/tin-tuc/a.html"),
    ("http://baohanoi.vn/tin-tuc/a.html", "https://baohanoi.vn/tin-tuc/a.html"),
    ("HTTPS://WWW.BaoHaNoi.VN/tin-tuc/a.html", "https://baohanoi.vn/tin-tuc/a.html"),
    ("https://baohanoi.vn/tin-tuc/a/", "https://baohanoi.vn/tin-tuc/a"),
    ("https://www.baohanoi.vn/", "https://baohanoi.vn"),
    ("https://baohanoi.vn:443/a", "https://baohanoi.vn/a"),
    ("http://baohanoi.vn:80/a", "https://baohanoi.vn/a"),
    ("http://baohanoi.vn:8080/a", "https://baohanoi.vn:8080/a"),
    ("https://baohanoi.vn/a#binh-luan", "https://baohanoi.vn/a"),
    ("https://baohanoi.vn/a?utm_source=zalo&utm_medium=social", "https://baohanoi.vn/a"),
    ("https://baohanoi.vn/a?UTM_Campaign=x&id=5", "https://baohanoi.vn/a?id=5"),
    ("https://baohanoi.vn/a?zarsrc=31&gidzl=Xy9&id=5", "https://baohanoi.vn/a?id=5"),
    ("https://baohanoi.vn/a?fbclid=IwAR&gclid=1&mc_cid=2&mc_eid=3&ref=home",
     "https://baohanoi.vn/a"),
    ("https://baohanoi.vn/a?b=2&a=1", "https://baohanoi.vn/a?a=1&b=2"),
    ("https://baohanoi.vn/a?reference=1", "https://baohanoi.vn/a?reference=1"),
    ("https://baohanoi.vn/Tin-Tuc/A.html", "https://baohanoi.vn/Tin-Tuc/A.html"),
    ("  https://baohanoi.vn/a\n", "https://baohanoi.vn/a"),
    ("https://[2001:db8::1]:8443/a", "https://[2001:db8::1]:8443/a"),
    ("https://baohanoi.vn/hội-nghị", "https://baohanoi.vn/h%E1%BB%99i-ngh%E1%BB%8B"),
    ("http://baohanoi.vn/h%e1%bb%99i-ngh%e1%bb%8b", "https://baohanoi.vn/h%E1%BB%99i-ngh%E1%BB%8B"),
    ("https://baohanoi.vn/tim?q=hội nghị", "https://baohanoi.vn/tim?q=h%E1%BB%99i%20ngh%E1%BB%8B"),
])
def test_canonical_url(url: str, key: str) -> None:
    assert canonical_url(url) == key


@pytest.mark.parametrize("junk", [
    "", "   ", "not a url", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "12345",
    "ftp://baohanoi.vn/a", "https://[::1", "http://baohanoi.vn:99999/a", "https://", "//x.vn/a",
])
def test_canonical_url_returns_junk_stripped(junk: str) -> None:
    assert canonical_url(f" {junk} ") == junk.strip()


@given(st.text())
def test_canonical_url_never_raises(junk: str) -> None:
    assert isinstance(canonical_url(junk), str)


_segment = st.text("abcdefgh-_.~0123456789", min_size=1, max_size=8)
_urls = st.builds(
    lambda scheme, www, host, port, path, slash, query, fragment:
        f"{scheme}://{www}{host}.vn{port}/{'/'.join(path)}{slash}{query}{fragment}",
    st.sampled_from(["http", "https", "HTTP"]), st.sampled_from(["", "www.", "WWW."]),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), st.sampled_from(["", ":80", ":443"]),
    st.lists(_segment | st.sampled_from(["hội-nghị", "h%e1%bb%99i", "a%2Fb"]), max_size=3),
    st.sampled_from(["", "/"]),
    st.lists(st.sampled_from(["id=1", "utm_source=a", "zarsrc=2", "p=3", "b=", "fbclid=x"]))
    .map(lambda pairs: "?" + "&".join(pairs) if pairs else ""),
    st.sampled_from(["", "#top"]))


@given(_urls)
def test_canonical_url_is_a_fixed_point(url: str) -> None:
    key = canonical_url(url)
    assert canonical_url(key) == key
    assert key.startswith("https://") and "utm_" not in key and "#" not in key


# Polls and articles ------------------------------------------------------------------------

def test_resaving_the_same_poll_stores_nothing_new(feeds_synced: Store) -> None:
    drafts = [draft(HANOI, "https://baohanoi.vn/a.html", guid="a"),
              draft(HANOI, "https://baohanoi.vn/b.html", guid="b")]
    first = feeds_synced.save_poll(ok(HANOI), drafts)
    assert len(first) == 2 and len(set(first)) == 2
    assert feeds_synced.save_poll(ok(HANOI), drafts) == []
    assert sorted(a.id for a in feeds_synced.articles()) == sorted(first)
    assert status_of(feeds_synced, HANOI).articles == 2


def test_url_variants_are_one_article(feeds_synced: Store) -> None:
    variants = ["https://baohanoi.vn/tin-tuc/hop-ubnd.html",
                "http://baohanoi.vn/tin-tuc/hop-ubnd.html",
                "https://www.baohanoi.vn/tin-tuc/hop-ubnd.html/",
                "https://baohanoi.vn/tin-tuc/hop-ubnd.html?utm_source=zalo&zarsrc=31&gidzl=x",
                "https://baohanoi.vn/tin-tuc/hop-ubnd.html#binh-luan"]
    new = [poll(feeds_synced, HANOI, draft(HANOI, url)) for url in variants]
    assert len(new[0]) == 1 and new[1:] == [[]] * 4
    [article] = feeds_synced.articles()
    assert article.url == variants[0]


def test_duplicate_drafts_within_one_poll_are_one_article(feeds_synced: Store) -> None:
    new = poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a"),
               draft(HANOI, "https://www.baohanoi.vn/a/"))
    assert len(new) == 1 and len(feeds_synced.articles()) == 1


def test_same_article_from_two_feeds_is_one_article_linked_to_both(feeds_synced: Store) -> None:
    [first] = poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a.html", guid="1"))
    assert poll(feeds_synced, GOV, draft(GOV, "http://www.baohanoi.vn/a.html?utm_source=gov",
                                          guid="gov-1")) == []
    [article] = feeds_synced.articles()
    assert (article.id, article.source, article.outlet, article.province) == \
        (first, "Báo Hà Nội", "provincial", "Hà Nội")
    assert status_of(feeds_synced, HANOI).articles == 1
    assert status_of(feeds_synced, GOV).articles == 1
    with feeds_synced.engine.connect() as conn:
        guids = conn.execute(select(article_feeds.c.guid).order_by(article_feeds.c.guid))
        assert list(guids.scalars()) == ["1", "gov-1"]


def test_same_guid_with_a_new_url_is_the_same_article(feeds_synced: Store) -> None:
    [first] = poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/hop-ubnd-1", "881"))
    assert poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/hop-ubnd-tp", "881")) == []
    [article] = feeds_synced.articles()
    assert (article.id, article.url) == (first, "https://baohanoi.vn/hop-ubnd-1")


def test_a_url_guid_is_canonicalised_and_matches_urls(feeds_synced: Store) -> None:
    tracked = draft(HANOI, "https://news.example/r?id=77",
                    guid="http://www.baohanoi.vn/hop-ubnd.html?utm_source=rss")
    assert len(poll(feeds_synced, HANOI, tracked)) == 1
    assert poll(feeds_synced, GOV, draft(GOV, "https://baohanoi.vn/hop-ubnd.html")) == []
    assert poll(feeds_synced, HUE, draft(HUE, "https://other.vn/x",
                                          guid="https://baohanoi.vn/hop-ubnd.html/")) == []
    assert len(feeds_synced.articles()) == 1


def test_plain_guids_of_two_sites_never_meet(feeds_synced: Store) -> None:
    assert len(poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a", guid="1"))) == 1
    assert len(poll(feeds_synced, HUE, draft(HUE, "https://baothuathienhue.vn/b", guid="1"))) == 1
    assert len(feeds_synced.articles()) == 2


def test_a_feed_giving_every_item_one_guid_keeps_them_apart(feeds_synced: Store) -> None:
    drafts = [draft(HANOI, f"https://baohanoi.vn/{n}", guid="https://baohanoi.vn/")
              for n in range(3)]
    assert len(feeds_synced.save_poll(ok(HANOI), drafts)) == 3
    assert feeds_synced.save_poll(ok(HANOI), drafts) == []


def test_a_second_feed_dates_an_undated_article(feeds_synced: Store) -> None:
    poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a", published=None))
    poll(feeds_synced, GOV, draft(GOV, "https://baohanoi.vn/a", published=T0))
    assert [a.published for a in feeds_synced.articles()] == [T0]


def test_unique_constraints_refuse_duplicates(feeds_synced: Store) -> None:
    [new] = poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a", guid="g"))
    with feeds_synced.engine.connect() as conn:
        row = conn.execute(select(articles)).one()._asdict()
        link = conn.execute(select(article_feeds)).one()._asdict()
        feed = conn.execute(select(feeds).where(feeds.c.url == HANOI.url)).one()._asdict()
    clashes = [(articles, {**row, "id": None, "guid_key": "other"}),
               (articles, {**row, "id": None, "key": "https://baohanoi.vn/b"}),
               (article_feeds, link), (feeds, {**feed, "id": None})]
    for table, values in clashes:
        with feeds_synced.engine.connect() as conn, pytest.raises(IntegrityError):
            conn.execute(insert(table).values(values))
    assert [a.id for a in feeds_synced.articles()] == [new]


def test_a_poll_is_one_transaction(feeds_synced: Store) -> None:
    broken = ArticleDraft(feed_url=HANOI.url, url="https://baohanoi.vn/b", guid=None,
                          title=None, text="", published=None)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="store"):
        poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a"), broken)
    assert feeds_synced.articles() == []
    assert status_of(feeds_synced, HANOI).last_polled is None


def test_a_poll_of_an_unknown_feed_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no feed https://baohanoi.vn/rss/thoi-su.rss"):
        poll(store, HANOI)


# Feeds and poll state -----------------------------------------------------------------------

def test_a_failed_poll_records_the_error_and_keeps_the_etag(feeds_synced: Store) -> None:
    feeds_synced.save_poll(ok(HANOI, etag='"e1"', last_modified="Wed, 01 May 2024 08:00:00 GMT"),
                           [])
    success = status_of(feeds_synced, HANOI).last_success
    feeds_synced.save_poll(FetchResult(feed_url=HANOI.url, status=503, error="HTTP 503"), [])
    status = status_of(feeds_synced, HANOI)
    assert (status.last_status, status.last_error, status.last_success) == (503, "HTTP 503",
                                                                            success)
    assert status.last_polled is not None and success is not None
    assert status.last_polled >= success
    source = next(s for s in feeds_synced.feed_sources() if s.url == HANOI.url)
    assert (source.etag, source.last_modified) == ('"e1"', "Wed, 01 May 2024 08:00:00 GMT")
    feeds_synced.save_poll(ok(HANOI), [])
    assert status_of(feeds_synced, HANOI).last_error is None


def test_not_modified_keeps_validators_unless_new_ones_come(feeds_synced: Store) -> None:
    feeds_synced.save_poll(ok(HANOI, etag='"e1"', last_modified="lm1"), [])
    feeds_synced.save_poll(FetchResult(feed_url=HANOI.url, status=304, not_modified=True), [])
    sources = {s.url: s for s in feeds_synced.feed_sources()}
    assert (sources[HANOI.url].etag, sources[HANOI.url].last_modified) == ('"e1"', "lm1")
    feeds_synced.save_poll(FetchResult(feed_url=HANOI.url, status=304, not_modified=True,
                                       etag='"e2"'), [])
    sources = {s.url: s for s in feeds_synced.feed_sources()}
    assert (sources[HANOI.url].etag, sources[HANOI.url].last_modified) == ('"e2"', "lm1")


def test_moved_and_gone_feeds(feeds_synced: Store) -> None:
    moved = "https://baohanoi.vn/rss/thoi-su-moi.rss"
    feeds_synced.save_poll(ok(HANOI, new_url=moved), [])
    assert status_of(feeds_synced, HANOI).moved_to == moved
    feeds_synced.save_poll(FetchResult(feed_url=moved, status=200),
                           [draft(HANOI, "https://baohanoi.vn/a")])
    assert status_of(feeds_synced, HANOI).articles == 1
    feeds_synced.save_poll(FetchResult(feed_url=GOV.url, status=410, error="HTTP 410 Gone"), [])
    assert status_of(feeds_synced, GOV).gone
    assert GOV.url not in [s.url for s in feeds_synced.feed_sources()]


def test_sync_feeds_upserts_and_keeps_poll_state(store: Store) -> None:
    store.sync_feeds([HANOI, GOV])
    store.save_poll(ok(HANOI, etag='"e1"'), [draft(HANOI, "https://baohanoi.vn/a")])
    renamed = FeedInfo(url=HANOI.url, name="Hà Nội mới", province="Hà Nội", outlet="national")
    store.sync_feeds([renamed, FeedInfo(url=HUE.url, name=HUE.name, enabled=False)])
    assert [(s.url, s.name, s.etag) for s in store.feed_sources()] == \
        [(HANOI.url, "Hà Nội mới", '"e1"')]
    status = {s.url: s for s in store.feed_status()}
    assert (status[GOV.url].enabled, status[HUE.url].enabled) == (False, False)
    assert (status[HANOI.url].outlet, status[HANOI.url].articles) == ("national", 1)
    assert store.articles()[0].source == "Hà Nội mới"


def test_feed_status_reports_every_feed(feeds_synced: Store) -> None:
    poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a"),
         draft(HANOI, "https://baohanoi.vn/b"))
    report = {s.url: s for s in feeds_synced.feed_status()}
    assert set(report) == {HANOI.url, GOV.url, HUE.url}
    hanoi = report[HANOI.url]
    assert (hanoi.name, hanoi.province, hanoi.last_status, hanoi.articles) == \
        ("Báo Hà Nội", "Hà Nội", 200, 2)
    assert hanoi.last_success is not None and report[GOV.url].last_polled is None


# Reading articles --------------------------------------------------------------------------

def test_articles_filter_on_period_province_and_ids(feeds_synced: Store) -> None:
    ids = [poll(feeds_synced, feed, draft(feed, url, published=when))[0] for feed, url, when in [
        (HANOI, "https://baohanoi.vn/1", T0),
        (HUE, "https://baothuathienhue.vn/2", T0 + timedelta(days=1)),
        (HANOI, "https://baohanoi.vn/3", T0 + timedelta(days=2)),
        (GOV, "https://baochinhphu.vn/4", None)]]
    day2 = feeds_synced.articles(since=T0 + timedelta(days=1), until=T0 + timedelta(days=2))
    assert [a.id for a in day2] == [ids[1]]
    assert [a.id for a in feeds_synced.articles(since=T0)] == ids
    recent = feeds_synced.articles(since=datetime.now(timezone.utc) - timedelta(hours=1))
    assert [a.id for a in recent] == [ids[3]]
    assert [a.id for a in feeds_synced.articles(provinces=["Hà Nội"])] == [ids[0], ids[2]]
    assert [a.id for a in feeds_synced.articles(ids=[ids[2], ids[0], "x"])] == [ids[0], ids[2]]
    assert feeds_synced.articles(ids=[]) == []
    gov = feeds_synced.articles(ids=[ids[3]])[0]
    assert (gov.source, gov.outlet, gov.province, gov.published) == \
        ("Báo Chính phủ", "government", None, None)


def test_datetimes_come_back_aware_utc(feeds_synced: Store) -> None:
    local = datetime(2024, 5, 1, 15, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a", published=local))
    [article] = feeds_synced.articles()
    assert article.published == local and article.published is not None
    assert article.published.tzinfo == timezone.utc and article.published.hour == 8
    assert len(feeds_synced.articles(since=local)) == 1
    assert feeds_synced.articles(since=local + timedelta(seconds=1)) == []
    assert len(feeds_synced.articles(until=local + timedelta(microseconds=1))) == 1
    polled = status_of(feeds_synced, HANOI).last_polled
    assert polled is not None and polled.tzinfo == timezone.utc
    assert abs(datetime.now(timezone.utc) - polled) < timedelta(minutes=1)


def test_newest_article_time(feeds_synced: Store) -> None:
    assert feeds_synced.newest_article_time() is None
    poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/a", published=T0),
         draft(HANOI, "https://baohanoi.vn/b", published=T0 + timedelta(hours=3)))
    assert feeds_synced.newest_article_time() == T0 + timedelta(hours=3)
    poll(feeds_synced, HANOI, draft(HANOI, "https://baohanoi.vn/c",
                                    published=datetime(2099, 1, 1, tzinfo=timezone.utc)))
    newest = feeds_synced.newest_article_time()
    assert newest is not None and newest <= datetime.now(timezone.utc)


# Stories and edits -------------------------------------------------------------------------

def three_articles(store: Store) -> list[str]:
    return poll(store, HANOI, *[draft(HANOI, f"https://baohanoi.vn/{n}",
                                      published=T0 + timedelta(days=n)) for n in range(3)])


def updated(store: Store) -> dict[str, datetime]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(stories.c.id, stories.c.updated))
        return {row.id: row.updated for row in rows}


def test_save_stories_round_trips(feeds_synced: Store) -> None:
    a, b, c = three_articles(feeds_synced)
    saved = [Story(id="s1", article_ids=(a, b), title="Hội nghị HĐND", event_date=date(2024, 5, 1),
                   summary="Kỳ họp thứ 12.", why=("cùng ngày", "cùng người chủ trì")),
             Story(id="s2", article_ids=(c,), title="Khánh thành cầu")]
    feeds_synced.save_stories(saved)
    assert feeds_synced.stories() == saved
    assert feeds_synced.stories(ids=["s2", "nope"]) == saved[1:]
    assert feeds_synced.story_map() == {a: "s1", b: "s1", c: "s2"}
    assert all(when.tzinfo == timezone.utc for when in updated(feeds_synced).values())


def test_updated_changes_only_when_the_article_set_changes(feeds_synced: Store) -> None:
    a, b, c = three_articles(feeds_synced)
    feeds_synced.save_stories([Story(id="s1", article_ids=(a, b), title="Cũ")])
    first = updated(feeds_synced)["s1"]
    feeds_synced.save_stories([Story(id="s1", article_ids=(b, a), title="Mới")])
    assert updated(feeds_synced)["s1"] == first
    assert feeds_synced.stories()[0].title == "Mới"
    feeds_synced.save_stories([Story(id="s2", article_ids=(b, c), title="Khác")])
    assert updated(feeds_synced)["s1"] > first
    assert feeds_synced.story_map() == {a: "s1", b: "s2", c: "s2"}
    feeds_synced.save_stories([Story(id="s2", article_ids=(a, b, c), title="Khác")])
    assert set(updated(feeds_synced)) == {"s2"}


def test_save_stories_refuses_unknown_articles(feeds_synced: Store) -> None:
    a, _, _ = three_articles(feeds_synced)
    with pytest.raises(StoreError, match="not stored: 999"):
        feeds_synced.save_stories([Story(id="s1", article_ids=(a, "999"), title="t")])
    with pytest.raises(StoreError, match="both story s1 and story s2"):
        feeds_synced.save_stories([Story(id="s1", article_ids=(a,), title="t"),
                                   Story(id="s2", article_ids=(a,), title="t")])
    assert feeds_synced.stories() == []


def test_stories_with_articles_between(feeds_synced: Store) -> None:
    a, b, c = three_articles(feeds_synced)
    feeds_synced.save_stories([Story(id="s1", article_ids=(a, b), title="t"),
                               Story(id="s2", article_ids=(c,), title="t")])
    day = feeds_synced.stories_with_articles_between(T0 + timedelta(days=1),
                                                     T0 + timedelta(days=2))
    assert [(s.id, s.article_ids) for s in day] == [("s1", (a, b))]
    assert feeds_synced.stories_with_articles_between(T0 - timedelta(days=9), T0) == []


def test_edits_round_trip_in_order(feeds_synced: Store) -> None:
    a, b, c = three_articles(feeds_synced)
    feeds_synced.save_stories([Story(id="s1", article_ids=(a, b), title="t"),
                               Story(id="s2", article_ids=(c,), title="t")])
    feeds_synced.record_merge("s1", "s2")
    feeds_synced.record_split("s1", b)
    edits = feeds_synced.edits()
    assert [(e.kind, e.story_id, e.other_story_id, e.article_id) for e in edits] == \
        [("merge", "s1", "s2", None), ("split", "s1", None, b)]
    assert edits[0].id < edits[1].id and edits[0].created.tzinfo == timezone.utc


def test_edits_naming_what_does_not_exist_are_refused(feeds_synced: Store) -> None:
    a, _, c = three_articles(feeds_synced)
    feeds_synced.save_stories([Story(id="s1", article_ids=(a,), title="t")])
    refused: list[tuple[Callable[[], None], str]] = [
        (lambda: feeds_synced.record_merge("s1", "s9"), "no story s9"),
        (lambda: feeds_synced.record_merge("s1", "s1"), "with itself"),
        (lambda: feeds_synced.record_split("s1", c), f"article {c} is not"),
        (lambda: feeds_synced.record_split("s1", "abc"), "not an article id")]
    for edit, message in refused:
        with pytest.raises(StoreError, match=message):
            edit()
    assert feeds_synced.edits() == []


# Opening, errors and migrations ------------------------------------------------------------

def test_open_store_creates_the_sqlite_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "digest.db"
    open_store(f"sqlite:///{path}").close()
    assert path.is_file()


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    """Both the connection that ran the migrations and a fresh one."""
    with open_store(f"sqlite:///{tmp_path / 'digest.db'}") as store:
        for _ in range(2):
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            store.engine.dispose()


@pytest.mark.parametrize(("url", "shown"), [
    ("not a url", "cannot open the store not a url:"),
    ("nosuchdb://host/db", "cannot open the store nosuchdb://host/db:"),
    ("postgresql+psycopg://digest:s3cret@127.0.0.1:1/digest",
     "cannot open the store postgresql+psycopg://digest:***@127.0.0.1:1/digest:"),
])
def test_open_store_on_a_bad_url_says_which_without_the_password(url: str, shown: str) -> None:
    with pytest.raises(StoreError) as raised:
        open_store(url)
    message = str(raised.value)
    assert message.startswith(shown) and "s3cret" not in message and "\n" not in message


def test_open_store_where_no_folder_can_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(StoreError, match="cannot create the folder .*file"):
        open_store(f"sqlite:///{tmp_path / 'file' / 'sub' / 'digest.db'}")


def test_reopening_a_store_keeps_its_rows(store_url: str) -> None:
    with open_store(store_url) as store:
        store.sync_feeds([HANOI])
        ids = poll(store, HANOI, draft(HANOI, "https://baohanoi.vn/a"))
    with open_store(store_url) as store:
        assert [a.id for a in store.articles()] == ids
        assert poll(store, HANOI, draft(HANOI, "https://baohanoi.vn/a")) == []


def test_a_store_built_at_the_first_revision_is_upgraded_keeping_rows(store_url: str) -> None:
    alembic(store_url, "upgrade", "0001")
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO feeds (id, url, name, enabled, gone, added) VALUES "
                          "(1, :url, 'Báo Hà Nội', :yes, :no, :t)"),
                     {"url": HANOI.url, "yes": True, "no": False, "t": T0})
        conn.execute(text("INSERT INTO articles (id, key, url, title, text, first_seen, feed_id)"
                          " VALUES (1, 'https://baohanoi.vn/a', 'https://baohanoi.vn/a', 'Họp',"
                          " 'Nội dung', :t, 1)"), {"t": T0})
        conn.execute(text("INSERT INTO article_feeds (article_id, feed_id, first_seen) "
                          "VALUES (1, 1, :t)"), {"t": T0})
    engine.dispose()
    with open_store(store_url) as store:
        assert [(a.id, a.title, a.source) for a in store.articles()] == [("1", "Họp", "Báo Hà Nội")]
        assert store.feed_status()[0].articles == 1


def test_migrations_build_exactly_the_declared_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, metadata) == []
        head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
        assert conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == head


def test_migrations_downgrade_and_upgrade_again(store_url: str) -> None:
    open_store(store_url).close()
    alembic(store_url, "downgrade", "base")
    with open_store(store_url) as store:
        store.sync_feeds([HANOI])
        assert [s.url for s in store.feed_sources()] == [HANOI.url]


def test_a_store_from_a_newer_digest_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '0099_future'"))
        count = conn.execute(select(func.count()).select_from(feeds)).scalar()
    engine.dispose()
    assert count == 0
    with pytest.raises(StoreError, match="newer version of digest .*0099_future"):
        open_store(store_url)
