"""The HTTP side of polling: a paced, guarded client and bodies read within a cap.

Every byte a feed server sends is treated as hostile. Bodies are read within a cap counted in
decoded bytes (a gzip bomb stops at the cap too); redirects are followed one hop at a time
without reading their bodies; with trusted hosts given, a request to a loopback, private or
link-local address is refused before it is sent. Two requests to one host are kept apart.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from digest.errors import FeedError

USER_AGENT = "digest/0.1 (+https://github.com/digest-news/digest)"
MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = frozenset({301, 308})
# Only encodings we can inflate a bounded step at a time (see read_capped).
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True)
class Download:
    """A body read in full (within the cap) and what the server said about it."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    moved_to: str | None


class AddressRefused(httpx.RequestError):
    """A request to a loopback, private or link-local address that the client was not told to
    trust: a feed may not point digest at the machines around it."""


def make_client(timeout: float = 20.0, host_delay: float = 0.0,
                trusted_hosts: Iterable[str] | None = None) -> httpx.Client:
    """An httpx client for feeds and article pages: our User-Agent, paced per host.

    `host_delay` seconds separate two requests to one host, across threads. With
    `trusted_hosts` (the hosts of the configured feeds), a request to any other host whose
    address is not public is refused before it is sent. Redirects are followed by this module,
    one hop at a time, not by httpx.
    """
    hooks: list[Any] = [HostPacer(host_delay)] if host_delay > 0 else []
    if trusted_hosts is not None:
        hooks.append(AddressGuard(trusted_hosts))
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,
        # A server that accepts the connection but never answers must not hold a worker forever.
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        event_hooks={"request": hooks},
    )


class HostPacer:
    """An httpx request hook that keeps `delay` seconds between two requests to one host.

    Each request reserves the host's next free slot under a lock and sleeps until it, so
    concurrent threads queue up fairly instead of all waking at once.
    """

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}

    def __call__(self, request: httpx.Request) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(request.url.host, now))
            self._next_slot[request.url.host] = slot + self.delay
        if slot > now:
            time.sleep(slot - now)


class AddressGuard:
    """An httpx request hook refusing hosts whose addresses are not public, unless trusted.

    The check resolves the name itself and httpx resolves it again when connecting, so a DNS
    server that answers differently the second time could still slip through; the guard stops
    feeds that simply name an internal address (http://169.254.169.254/, http://10.0.0.1/).
    A verdict on a host is kept for `remember` seconds: a poll asks about one outlet's host
    for each of its feeds and teasers' pages, and each lookup of a name that does not resolve
    waits on the resolver (seen here: hundreds of such lookups at once queue for seconds).
    """

    def __init__(self, trusted_hosts: Iterable[str], remember: float = 60.0) -> None:
        self.trusted = frozenset(host.lower() for host in trusted_hosts)
        self.remember = remember
        self._lock = threading.Lock()
        self._verdicts: dict[tuple[str, int | None], tuple[float, str | None]] = {}

    def __call__(self, request: httpx.Request) -> None:
        host = request.url.host.lower()
        if host in self.trusted:
            return
        problem = self._problem(host, request.url.port)
        if problem:
            raise AddressRefused(f"refused {request.url}: {problem}", request=request)

    def _problem(self, host: str, port: int | None) -> str | None:
        now = time.monotonic()
        with self._lock:
            known = self._verdicts.get((host, port))
        if known is not None and now - known[0] < self.remember:
            return known[1]
        problem = host_problem(host, port)
        with self._lock:
            self._verdicts[(host, port)] = (now, problem)
        return problem


def address_problem(address: str) -> str | None:
    """Why an IP address must not be fetched from ("a loopback address", ...), None if public."""
    try:
        ip = ipaddress.ip_address(address.strip("[]").split("%")[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (("a loopback address", ip.is_loopback), ("a link-local address", ip.is_link_local),
              ("a private address", ip.is_private), ("a multicast address", ip.is_multicast),
              ("an unspecified address", ip.is_unspecified), ("a reserved address", ip.is_reserved))
    for name, matches in checks:
        if matches:
            return name
    return None if ip.is_global else "not a public address"


def host_problem(host: str, port: int | None = None) -> str | None:
    """Why a host must not be fetched from: an address of it that is not public, or no address."""
    try:
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as exc:
        return f"its name does not resolve ({exc})"
    for info in infos:
        problem = address_problem(str(info[4][0]))
        if problem:
            return f"{host} is {problem}"
    return None


def read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """The body of a streamed response, decoded, refusing it past `max_bytes` decoded bytes.

    Not `iter_bytes()`: httpx inflates each network chunk whole, so one 64 KB chunk of a gzip
    bomb becomes ~64 MB before any cap can act. zlib's `max_length` inflates in bounded steps.
    """
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        # 47 = 32 + 15: zlib reads the gzip or the zlib header, whichever comes.
        inflate = zlib.decompressobj(47)
    else:
        raise FeedError(f"{response.url} is compressed as {encoding!r}, which digest did not "
                        "ask for and cannot read")
    body = bytearray()
    try:
        for chunk in response.iter_raw():
            _append_capped(body, chunk, inflate, max_bytes, response.url)
        if inflate is not None:
            body.extend(inflate.flush())
    except zlib.error as exc:
        raise FeedError(f"{response.url} sent a broken {encoding} body ({exc})") from exc
    if len(body) > max_bytes:
        raise _over_cap(response.url, max_bytes)
    return bytes(body)


def _append_capped(body: bytearray, chunk: bytes, inflate: Any, max_bytes: int,
                   url: httpx.URL) -> None:
    if inflate is None:
        body.extend(chunk)
    else:
        data = chunk
        while data:
            body.extend(inflate.decompress(data, max_bytes + 1 - len(body) or 1))
            data = inflate.unconsumed_tail
            if len(body) > max_bytes:
                break
    if len(body) > max_bytes:
        raise _over_cap(url, max_bytes)


def _over_cap(url: httpx.URL | str, max_bytes: int) -> FeedError:
    return FeedError(f"{url} is larger than the {max_bytes:,}-byte cap; stopped reading")


def get_capped(client: httpx.Client, url: str, max_bytes: int,
               headers: dict[str, str] | None = None) -> Download:
    """GET `url`, following up to MAX_REDIRECTS redirects, the body read within `max_bytes`.

    Redirects are followed here rather than by httpx, which reads each redirect's body in full,
    uncapped, before following it. Raises FeedError or httpx errors.
    """
    request = client.build_request("GET", url, headers=headers)
    hops: list[tuple[int, str]] = []
    while True:
        response = client.send(request, stream=True, follow_redirects=False)
        try:
            if response.next_request is None:
                return _read(response, hops, max_bytes)
            if len(hops) >= MAX_REDIRECTS:
                raise httpx.TooManyRedirects("too many redirects", request=request)
            hops.append((response.status_code, str(response.url)))
            request = response.next_request
        finally:
            response.close()


def _read(response: httpx.Response, hops: list[tuple[int, str]], max_bytes: int) -> Download:
    declared = response.headers.get("content-length", "")
    compressed = "content-encoding" in response.headers
    # A compressed body's Content-Length says nothing of its decoded size; read_capped decides.
    if declared.isdigit() and int(declared) > max_bytes and not compressed:
        raise FeedError(f"{response.url} is {int(declared):,} bytes, over the "
                        f"{max_bytes:,}-byte cap")
    body = read_capped(response, max_bytes)
    return Download(url=str(response.url), status=response.status_code,
                     headers=response.headers, body=body,
                     moved_to=_permanent_location(hops, str(response.url)))


def _permanent_location(hops: list[tuple[int, str]], final: str) -> str | None:
    """Where the feed now lives, following only the leading run of permanent redirects.

    After a 301 then a 302 the feed lives at the 302's URL; where the 302 points is only lent.
    """
    urls = [url for _, url in hops] + [final]
    moved: str | None = None
    for (status, _), following in zip(hops, urls[1:]):
        if status not in PERMANENT_REDIRECTS:
            break
        moved = following
    return moved


def retry_after(headers: httpx.Headers) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date (RFC 9110)."""
    value = headers.get("retry-after", "").strip()
    if re.fullmatch(r"[0-9]{1,12}", value):  # not isdigit(): "²" is a digit to Python
        return float(value)
    when = http_date(value)
    return None if when is None else max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def http_freshness(headers: httpx.Headers) -> float | None:
    """How long the answer stays fresh: Cache-Control max-age, else Expires minus Date."""
    control = headers.get("cache-control", "").lower()
    if "no-cache" in control or "no-store" in control:
        return 0.0
    age = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?([0-9]{1,12})", control)
    if age:
        return float(age.group(1))
    expires = http_date(headers.get("expires", ""))
    if expires is None:
        return None
    served = http_date(headers.get("date", "")) or datetime.now(timezone.utc)
    return max(0.0, (expires - served).total_seconds())


def http_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def describe_http_error(exc: Exception, url: str) -> str:
    """One line for the person at the terminal: which URL and what happened."""
    if isinstance(exc, AddressRefused):
        return f"{exc}; a feed may only point digest at public addresses"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting to {url}"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out waiting for {url} to answer"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects from {url} (more than {MAX_REDIRECTS}, or a loop)"
    if isinstance(exc, httpx.ConnectError) and "CERTIFICATE_VERIFY_FAILED" in str(exc):
        reason = _tls_reason(str(exc))
        return (f"the TLS certificate of {url} could not be verified ({reason}); digest will not "
                "read a feed whose certificate fails: tell the site, or use its http:// address")
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {url}: {exc}"
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return f"not a valid http(s) URL: {url} ({exc})"
    return f"could not fetch {url}: {type(exc).__name__}: {exc}"



def _tls_reason(text: str) -> str:
    """The reason of an OpenSSL verify error ("self-signed certificate"), without the
    "[SSL: ...]" prefix and the "(_ssl.c:1006)" source position."""
    reason = text.rpartition("certificate verify failed:")[2]
    return re.sub(r"\(_ssl\.c:\d+\)", "", reason).strip(" ()") or text
