"""feeds.yaml: validation with file:line errors, and in-place edits that keep comments."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from digest.config import load_config, parse_duration
from digest.errors import ConfigError, InputError
from digest.feedlist import add_feed, export_opml, import_opml, read_opml, remove_feed

GOOD = """\
# my feeds
timezone: Asia/Ho_Chi_Minh
store: sqlite:///data/digest.db

feeds:
  # the province's own paper
  - url: https://baohagiang.vn/rss/thoi-su.rss
    name: Báo Hà Giang
    province: Hà Giang
    outlet: provincial
  - url: https://tuoitre.vn/rss/thoi-su.rss   # national
    name: Báo Tuổi Trẻ
    every: 1h

digests:
  - name: daily
    title: Bản tin sáng
    schedule: "0 7 * * *"
    period: 1d
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_defaults_and_relative_paths(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert [feed.name for feed in config.feeds] == ["Báo Hà Giang", "Báo Tuổi Trẻ"]
    assert config.feeds[0].outlet == "provincial"
    assert config.feeds[1].interval == timedelta(hours=1)
    assert config.feeds[0].interval == timedelta(minutes=30)
    assert config.digests[0].formats == ["html", "pdf"]
    assert config.store_url == f"sqlite:///{tmp_path.resolve() / 'data' / 'digest.db'}"
    assert config.output_dir == (tmp_path / "output").resolve()


@pytest.mark.parametrize("broken, line, expected", [
    (GOOD.replace("https://tuoitre.vn/rss/thoi-su.rss", "ftp://tuoitre.vn/rss"), 11,
     "feeds[1].url: expected an http:// or https:// URL, got 'ftp://tuoitre.vn/rss'"),
    (GOOD.replace("every: 1h", "every: often"), 13,
     "feeds[1].every: expected a duration such as 30m, 6h, 1d or 7d, got 'often'"),
    (GOOD.replace('schedule: "0 7 * * *"', 'schedule: "0 7 * *"'), 18,
     "digests[0].schedule: expected a cron line of five fields"),
    (GOOD.replace("period: 1d", "period: daily"), 19, "digests[0].period: expected a duration"),
    (GOOD.replace("outlet: provincial", "outlet: local"), 10, "feeds[0].outlet: Input should be"),
    (GOOD.replace("    province: Hà Giang\n", "    provinse: Hà Giang\n"), 9,
     "feeds[0].provinse: unknown setting (check its spelling)"),
    (GOOD.replace("    name: Báo Tuổi Trẻ\n", ""), 11, "feeds[1].name: required, but missing"),
    (GOOD.replace("timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Hanoi_City"), 2,
     "timezone: expected an IANA time zone"),
])
def test_each_mistake_names_file_line_and_field(tmp_path: Path, broken: str, line: int,
                                                expected: str) -> None:
    path = write(tmp_path, broken)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}:{line}: {expected}")


def test_bad_yaml_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    name: Báo Tuổi Trẻ", "    name: [Báo Tuổi Trẻ"))
    with pytest.raises(ConfigError, match=rf"^{path}:1[2-4]: not valid YAML"):
        load_config(path)


def test_a_duplicate_feed_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("https://tuoitre.vn/rss/thoi-su.rss",
                                        "https://baohagiang.vn/rss/thoi-su.rss"))
    with pytest.raises(ConfigError, match="duplicate feed url 'https://baohagiang.vn/rss/thoi-su.rss'"):
        load_config(path)


def test_a_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.yaml")


def test_parse_duration() -> None:
    assert parse_duration("7d") == timedelta(days=7)
    assert parse_duration("45m") == timedelta(minutes=45)
    for bad in ("0d", "7", "d", "1y", ""):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_add_feed_keeps_comments_order_and_other_settings(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    add_feed(path, "https://baonghean.vn/rss/thoi-su.rss", "Báo Nghệ An", "Nghệ An", "provincial")
    text = path.read_text(encoding="utf-8")
    assert "# my feeds" in text and "# the province's own paper" in text and "# national" in text
    assert text.index("Báo Tuổi Trẻ") < text.index("Báo Nghệ An") < text.index("digests:")
    config = load_config(path)
    assert config.feeds[-1].province == "Nghệ An"
    assert config.digests[0].title == "Bản tin sáng"


def test_add_feed_refuses_duplicates_and_non_http(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    with pytest.raises(ConfigError, match="already in the feed list"):
        add_feed(path, "https://tuoitre.vn/rss/thoi-su.rss", "again")
    with pytest.raises(ConfigError, match="expected an http"):
        add_feed(path, "file:///etc/passwd", "local")
    assert path.read_text(encoding="utf-8") == GOOD


def test_remove_feed_by_name_or_url(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    remove_feed(path, "Báo Hà Giang")
    assert [f.name for f in load_config(path).feeds] == ["Báo Tuổi Trẻ"]
    remove_feed(path, "https://tuoitre.vn/rss/thoi-su.rss")
    assert load_config(path).feeds == []
    assert "# my feeds" in path.read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="no feed with URL or name"):
        remove_feed(path, "Báo Tuổi Trẻ")


def test_opml_round_trip(tmp_path: Path) -> None:
    source = load_config(write(tmp_path, GOOD))
    opml = tmp_path / "feeds.opml"
    opml.write_text(export_opml(source), encoding="utf-8")
    assert read_opml(opml) == [(f.url, f.name) for f in source.feeds]

    other = tmp_path / "other"
    other.mkdir()
    target = write(other, "feeds:\n  - url: https://tuoitre.vn/rss/thoi-su.rss\n    name: TT\n")
    added = import_opml(target, opml)
    assert [feed.name for feed in added] == ["Báo Hà Giang"]
    assert len(load_config(target).feeds) == 2


def test_a_broken_opml_file_is_an_input_error(tmp_path: Path) -> None:
    opml = tmp_path / "bad.opml"
    opml.write_text("<opml><body><outline", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable OPML file"):
        read_opml(opml)
