"""Add an article by its URL, without opening the server to abuse.

A hosted dashboard fetches whatever address a visitor types, from inside the host's network.
So every hop is checked before a byte is sent: the scheme must be http(s); the host name is
resolved once and every address it resolves to must be public (not loopback, private,
link-local, multicast, reserved or a cloud metadata service, also when such an address hides
inside an IPv6 form); the connection then goes to the very address that was checked, so a
second, different DNS answer cannot slip in. Redirects are followed by hand, each one checked
the same way, up to a limit. The response must be an HTML (or plain-text) page under a size cap
and arrive within a deadline. Networks a deployment trusts (an intranet, a test server) are
allowed explicitly with ``FetchPolicy.allow_networks``.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import threading
import time
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

from .config import DEFAULT_CONFIG, Config
from .corpus import Article, article_from_html, decode
from .errors import FetchError, InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Instance metadata services (AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS over IPv6;
# AWS ECS task metadata; Alibaba Cloud). Named apart so the refusal says what was refused.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "169.254.170.2", "100.100.100.200")
)
# NAT64 prefix: an IPv6 address that carries an IPv4 address in its last 32 bits.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    # Seconds to open a connection and between two reads; a news page arrives well within both.
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    # Seconds for the whole fetch, redirects included: connecting, the TLS handshake, headers and
    # body alike (a watchdog shuts the connection down when it passes).
    total_timeout: float = 20.0
    # Largest response body read, after decompression: news pages run 0.1–2 MB with markup.
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    content_types: tuple[str, ...] = ("text/html", "application/xhtml+xml", "text/plain")
    # Networks (CIDR) allowed although not public, e.g. ("10.20.0.0/16",) for an intranet.
    allow_networks: tuple[str, ...] = ()
    # An extra CA bundle (PEM) trusted besides the system's, for an intranet with its own CA.
    ca_file: str | None = None
    user_agent: str = "framing-dashboard (fetches one article on a user's request)"

    def allowed(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        try:
            return [ipaddress.ip_network(n, strict=False) for n in self.allow_networks]
        except ValueError as exc:
            raise FetchError(f"the configuration's allow_networks is not a list of networks: {exc}") from None


def _embedded(ip: IPAddress) -> list[IPAddress]:
    """Any IPv4 address carried inside an IPv6 form, then the address itself."""
    found: list[IPAddress] = []
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            found.append(ip.ipv4_mapped)
        if ip.sixtofour:
            found.append(ip.sixtofour)
        if ip.teredo:
            found.extend(ip.teredo)
        if ip in _NAT64:
            found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [*found, ip]


def refusal(ip: IPAddress, allowed=()) -> str | None:
    """Why a connection to this address is refused, or None when it may be made."""
    if any(ip in net for net in allowed):
        return None
    for address in _embedded(ip):
        if any(address in net for net in allowed):
            continue
        named = str(ip) if address == ip else f"{ip} (carrying {address})"
        if address in METADATA_ADDRESSES:
            return f"{named} is a cloud metadata address"
        if address.is_loopback:
            return f"{named} is a loopback address"
        if address.is_link_local:
            return f"{named} is a link-local address"
        if address.is_private or getattr(
            address, "is_site_local", False
        ):  # fec0::/10: deprecated, still routed inside sites
            return f"{named} is a private address"
        if address.is_multicast or address.is_reserved or address.is_unspecified or not address.is_global:
            return f"{named} is not a public address"
    return None


def resolve(host: str, port: int, policy: FetchPolicy) -> IPAddress:
    """The address to connect to; refuses the host if any address it resolves to is refused."""
    literal = True
    try:
        addresses = [ipaddress.ip_address(host)]  # a literal address needs no lookup
    except ValueError:
        literal = False
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"the host name {host} could not be resolved ({exc})") from None
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))
    allowed = policy.allowed()
    for address in addresses:
        reason = refusal(address, allowed)
        if reason:
            raise FetchError(f"refused: {reason}" if literal else f"refused: {host} resolves to {address}; {reason}")
    if not addresses:
        raise FetchError(f"the host name {host} has no address")
    return addresses[0]


def _split(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for an invalid port
    except ValueError as exc:
        raise FetchError(f"not a valid web address ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused: only http and https addresses can be fetched, not {parts.scheme or 'this'!r}")
    if parts.username or parts.password:
        raise FetchError("refused: addresses with a user name or password are not fetched")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if not parts.hostname:
        raise FetchError("the address has no host name")
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return parts.scheme, parts.hostname, port, target


class _Deadline:
    """Shuts down every connection of one fetch when its deadline passes, whatever the fetch is
    doing then (a server that drips one header byte every few seconds never trips the per-read
    timeout). It holds a duplicate of each socket, so it never touches a descriptor the process
    has since reused, and lets go of them when the fetch is done with a connection."""

    def __init__(self, seconds: float):
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        self.release()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            dup = sock.dup()
            if self.expired:
                _shut(dup)
            self._sockets.append(dup)

    def release(self) -> None:
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the peer
        sock.shutdown(socket.SHUT_RDWR)


def _watched(connection_class, deadline: _Deadline):
    """The pool's connection class, with every new socket handed to the deadline's watchdog."""

    class Watched(connection_class):
        def _new_conn(self):
            sock = super()._new_conn()
            deadline.watch(sock)
            return sock

    return Watched


def _get(url: str, policy: FetchPolicy, deadline: float, watchdog: _Deadline):
    """One request to the checked address of the URL's host; returns the open response."""
    import urllib3

    scheme, host, port, target = _split(url)
    address = resolve(host, port, policy)
    default_port = port == (443 if scheme == "https" else 80)
    headers = {
        "Host": host if default_port else f"{host}:{port}",
        "User-Agent": policy.user_agent,
        "Accept": ", ".join(policy.content_types),
        "Accept-Encoding": "gzip, deflate",
    }
    timeout = urllib3.Timeout(connect=policy.connect_timeout, read=policy.read_timeout)
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            str(address),
            port,
            server_hostname=host,
            assert_hostname=host,
            ca_certs=policy.ca_file,
            timeout=timeout,
            maxsize=1,
        )
    else:
        pool = urllib3.HTTPConnectionPool(str(address), port, timeout=timeout, maxsize=1)
    pool.ConnectionCls = _watched(pool.ConnectionCls, watchdog)
    if time.monotonic() > deadline:
        raise FetchError(f"the fetch took longer than {policy.total_timeout:g} s")
    try:
        response = pool.urlopen(
            "GET", target, headers=headers, redirect=False, retries=False, preload_content=False, decode_content=True
        )
        if watchdog.expired:  # headers cut short by the watchdog are not an answer
            response.close()
            raise urllib3.exceptions.TimeoutError()
        return response
    except urllib3.exceptions.HTTPError as exc:
        watchdog.release()
        if watchdog.expired:
            raise FetchError(f"the fetch took longer than {policy.total_timeout:g} s") from None
        raise FetchError(f"could not fetch {url}: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    import urllib3

    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return "the server did not answer in time"
    if isinstance(exc, urllib3.exceptions.SSLError):
        return "the secure connection failed (certificate or TLS error)"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "the connection was refused or the host is unreachable"
    return type(exc).__name__


def _body(response, policy: FetchPolicy, deadline: float, watchdog: _Deadline) -> bytes:
    import urllib3

    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"the page is {int(declared) / 1e6:.1f} MB, over the limit of {policy.max_bytes / 1e6:.1f} MB")
    chunks, size = [], 0
    try:
        while chunk := response.read1(65536):  # whatever has arrived, so the deadline is checked as data trickles
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(f"the page is over the limit of {policy.max_bytes / 1e6:.1f} MB")
            if time.monotonic() > deadline:
                raise FetchError(f"the fetch took longer than {policy.total_timeout:g} s")
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as exc:
        if watchdog.expired:
            raise FetchError(f"the fetch took longer than {policy.total_timeout:g} s") from None
        raise FetchError(f"the page could not be read: {_reason(exc)}") from None
    if watchdog.expired:  # the connection was shut down mid-body: what arrived is not the page
        raise FetchError(f"the fetch took longer than {policy.total_timeout:g} s")
    return b"".join(chunks)


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


def fetch(url: str, policy: FetchPolicy = FetchPolicy()) -> Fetched:
    """The body of the page at ``url`` after checked redirects. Raises FetchError."""
    policy.allowed()  # a configuration error is reported before anything is fetched
    deadline = time.monotonic() + policy.total_timeout
    current = url.strip()
    with _Deadline(policy.total_timeout) as watchdog:
        for _hop in range(policy.max_redirects + 1):
            response = _get(current, policy, deadline, watchdog)
            try:
                answer = _answer(response, current, policy, deadline, watchdog)
            finally:
                watchdog.release()
                response.close()  # closes the socket too: a capped or refused body is not read to its end
            if isinstance(answer, Fetched):
                return answer
            current = answer
    raise FetchError(f"more than {policy.max_redirects} redirects")


def _answer(response, current: str, policy: FetchPolicy, deadline: float, watchdog: _Deadline) -> Fetched | str:
    """The fetched page, or the address a redirect points to."""
    if response.status in REDIRECT_STATUSES:
        location = response.headers.get("Location")
        if not location:
            raise FetchError(f"the server redirected without saying where (HTTP {response.status})")
        try:
            return urljoin(current, location)
        except ValueError:
            raise FetchError(f"the server redirected to an invalid address: {location[:200]}") from None
    if response.status != 200:
        raise FetchError(f"the server answered HTTP {response.status} for {current}")
    media, _, params = (response.headers.get("Content-Type") or "").partition(";")
    media = media.strip().lower()
    if media not in policy.content_types:
        raise FetchError(f"not a web page: the server sent {media or 'no content type'}")
    charset = re.search(r"charset=[\"']?([\w.:-]+)", params, re.I)
    body = _body(response, policy, deadline, watchdog)
    return Fetched(current, media, charset.group(1).lower() if charset else None, body)


def _decode(fetched: Fetched) -> tuple[str, str]:
    if fetched.charset:
        try:
            return fetched.body.decode(fetched.charset), fetched.charset
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header: detect from the bytes as for any file
    return decode(fetched.body)


def slug(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    last = next((p for p in reversed(parts.path.split("/")) if p), "")
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", last)
    return re.sub(r"[^a-z0-9]+", "-", f"{host} {last}".lower()).strip("-")[:80]


def article_from_url(url: str, policy: FetchPolicy = FetchPolicy(), config: Config = DEFAULT_CONFIG) -> Article:
    """Fetch a page and extract its article (title, site name, date, main text). Raises FetchError."""
    fetched = fetch(url, policy)
    try:
        text, encoding = _decode(fetched)
        if not text.strip():
            raise InputError("the page is empty")
        article = article_from_html(
            text,
            ident=slug(fetched.url),
            source=fetched.url,
            encoding=encoding,
            config=config,
            plain=fetched.content_type == "text/plain",
        )
    except InputError as exc:
        raise FetchError(f"{fetched.url}: {exc}") from None
    host = (urlsplit(fetched.url).hostname or "").removeprefix("www.")
    return replace(article, url=fetched.url, outlet=article.outlet or host)
