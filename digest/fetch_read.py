"""Reading what a feed says despite how it says it: wrong charsets and odd dates.

Pure functions, no network: a body declared UTF-8 that is really Windows-1258 or TCVN3 is
re-read as what it is, and dates are read in RFC 822, ISO 8601 and the numeric forms portals
write, in the digest's time zone when they name none.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_tz
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Ho_Chi_Minh"
# A date this far ahead is a broken date, not a time-zone slip: the item is taken as undated.
FUTURE_TOLERANCE = timedelta(days=1)
# TCVN 5712:1993 (TCVN3, "ABC"), bytes 0x80-0xFF, as glibc's iconv decodes them (`iconv -f
# TCVN5712-1`); Python ships no codec for it. Bytes below 0x80 are ASCII in TCVN3 feeds.
_TCVN3_HIGH = (
    "\xc0\u1ea2\xc3\xc1\u1ea0\u1eb6\u1eac\xc8\u1eba\u1ebc\xc9\u1eb8\u1ec6\xcc\u1ec8\u0128"
    "\xcd\u1eca\xd2\u1ece\xd5\xd3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\xd9\u1ee6\u0168"
    "\xa0\u0102\xc2\xca\xd4\u01a0\u01af\u0110\u0103\xe2\xea\xf4\u01a1\u01b0\u0111\u1eb0"
    "\u0300\u0309\u0303\u0301\u0323\xe0\u1ea3\xe3\xe1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4"
    "\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\xe8\u1ec2\u1ebb\u1ebd"
    "\xe9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\xec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\xed\u1ecb\xf2"
    "\u1ed4\u1ecf\xf5\xf3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\xf9"
    "\u1ed6\u1ee7\u0169\xfa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\xfd\u1ef5\u1ed0"
)
_TCVN3 = "".join(map(chr, range(128))) + _TCVN3_HIGH
_VIETNAMESE = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
_TYPOGRAPHY = frozenset("\xa0“”‘’–—…•«»©°")
_LEGACY_CHARSETS = (("Windows-1258", "cp1258"), ("TCVN3", "tcvn3"))


def repair_charset(body: bytes, content_type: str) -> tuple[bytes, str, str | None]:
    """A body declared (or defaulting to) UTF-8 that is not UTF-8, re-read as what it really is.

    Returns the body, its content type and a warning when it was repaired. Vietnamese sites
    still emit Windows-1258 or TCVN3 from old software under a UTF-8 label. Of those two, the
    one whose reading is most nearly all Vietnamese letters wins, and the body is handed on as
    UTF-8. feedparser alone falls back to Windows-1252 and silently turns every accented letter
    into noise.
    """
    if _declared_charset(body, content_type) not in ("utf-8", "utf8", ""):
        return body, content_type, None
    try:
        body.removeprefix(codecs.BOM_UTF8).decode("utf-8")
        return body, content_type, None
    except UnicodeDecodeError:
        pass
    name, codec = max(_LEGACY_CHARSETS, key=lambda pair: _vietnamese_share(_decode(body, pair[1])))
    text = _decode(body, codec)
    if _vietnamese_share(text) < 0.8:
        return body, content_type, ("not valid UTF-8 as declared, nor recognisably Windows-1258 "
                                    "or TCVN3; some letters may be wrong")
    text = re.sub(r"^(\s*<\?xml[^>]*encoding=[\"'])[^\"']*", r"\1utf-8", text)
    warning = f"declared UTF-8 but sent {name}; read as {name} (ask the site to fix its charset)"
    return text.encode("utf-8"), _with_utf8(content_type), warning


def _declared_charset(body: bytes, content_type: str) -> str:
    header = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    prolog = re.match(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding=[\"']([\w.:-]+)", body)
    if header:
        return header.group(1).lower()
    return prolog.group(1).decode("ascii").lower() if prolog else ""


def _decode(body: bytes, charset: str) -> str:
    body = body.removeprefix(codecs.BOM_UTF8)
    if charset == "tcvn3":
        return unicodedata.normalize("NFC", codecs.charmap_decode(body, "replace", _TCVN3)[0])
    return unicodedata.normalize("NFC", body.decode(charset, errors="replace"))


def _vietnamese_share(text: str) -> float:
    """Of the non-ASCII letters and signs (typographic quotes aside), the share that are
    Vietnamese letters: near 1 for a right reading, far lower for a wrong one."""
    foreign = [char for char in text if ord(char) > 127 and char not in _TYPOGRAPHY]
    if not foreign:
        return 0.0
    return sum(char in _VIETNAMESE for char in foreign) / len(foreign)


def _with_utf8(content_type: str) -> str:
    kind = content_type.split(";")[0].strip() or "application/xml"
    return f"{kind}; charset=utf-8"


def plausible_date(when: datetime | None, now: datetime) -> datetime | None:
    """A date within a day ahead is a time-zone slip and becomes now; further ahead, none."""
    if when is None or when <= now:
        return when
    return now if when - now <= FUTURE_TOLERANCE else None


_TIME = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
_YEAR_LAST = re.compile(
    rf"^(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<y>\d{{4}})(?:[\sT,]+{_TIME})?$")
_RFC822_ZONE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?P<zone>\S*)\s*$")
_NAMED_ZONES = {"GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "ICT": 7 * 3600, "EST": -5 * 3600,
                "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600,
                "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600}


def parse_feed_date(text: str, tz: str = DEFAULT_TZ) -> datetime | None:
    """A feed's date as an aware UTC datetime; None when it cannot be read.

    Reads RFC 822 (RSS), ISO 8601 (Atom) and the numeric forms portals write, such as
    "8/22/2026 8:06:00 PM" (month first, as .NET writes in English; any form with AM/PM is read
    month first unless the first number is over 12, any without day first unless the second
    is). A date that names no time zone is read in `tz`.
    """
    text = " ".join(str(text).split())
    if not text or len(text) > 64:
        return None
    for reader in (_iso_date, _numeric_date, _rfc822_date):
        try:
            when = reader(text)
        except (ValueError, OverflowError, TypeError, IndexError):
            when = None
        if when is not None:
            return _in_utc(when, tz)
    return None


def _in_utc(when: datetime, tz: str) -> datetime | None:
    if not 1970 <= when.year <= 2200:
        return None
    local = when if when.tzinfo else when.replace(tzinfo=ZoneInfo(tz))
    return local.astimezone(timezone.utc)


def _iso_date(text: str) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))


def _numeric_date(text: str) -> datetime | None:
    match = _YEAR_LAST.match(text)
    if not match:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    month_first = (bool(match["ampm"]) and a <= 12) or b > 12
    month, day = (a, b) if month_first else (b, a)
    hour = int(match["h"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"][0] in "Pp" else 0)
    return datetime(year, month, day, hour, int(match["mi"] or 0), int(match["s"] or 0))


def _rfc822_date(text: str) -> datetime | None:
    fields = parsedate_tz(text)
    if fields is None:
        return None
    when = datetime(*fields[:6])  # type: ignore[misc]
    zone = _RFC822_ZONE.search(text)
    name = zone["zone"].upper() if zone else ""
    if re.fullmatch(r"[+-]\d{4}", name) and fields[9] is not None:
        return when.replace(tzinfo=timezone(timedelta(seconds=fields[9])))
    if name in _NAMED_ZONES:
        return when.replace(tzinfo=timezone(timedelta(seconds=_NAMED_ZONES[name])))
    return when  # no zone, or one we do not know: the digest's own zone

