"""Add by URL: a local HTTP server (allowed in the test policy) and every refusal."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import subprocess
from dataclasses import replace

import pytest

import local_site
from framing.fetch import FetchError, FetchPolicy, article_from_url, fetch, refusal, slug
from local_site import serving


@pytest.fixture(scope="module")
def server():
    with serving() as port:
        yield f"http://127.0.0.1:{port}"


ALLOW_LOOPBACK = FetchPolicy(allow_networks=("127.0.0.1/32",))


def test_article_fetched_and_extracted_with_metadata(server):
    article = article_from_url(f"{server}/news/musk-call.html", ALLOW_LOOPBACK)
    assert article.title and "Musk joined" in article.title
    assert article.outlet == "Example News"
    assert article.published == "2024-11-08"
    assert article.url == f"{server}/news/musk-call.html"
    assert "seven minutes" in article.raw_text and "Home | World" not in article.raw_text
    assert article.id == "127-0-0-1-musk-call"


def test_redirects_followed_within_the_limit_and_final_url_kept(server):
    article = article_from_url(f"{server}/hop/3", ALLOW_LOOPBACK)
    assert article.url == f"{server}/news/musk-call.html"
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch(f"{server}/hop/3", replace(ALLOW_LOOPBACK, max_redirects=2))


def test_charset_from_the_header_and_plain_text(server):
    assert "sju élèves" in article_from_url(f"{server}/latin1", ALLOW_LOOPBACK).raw_text
    plain = article_from_url(f"{server}/plain", ALLOW_LOOPBACK)
    assert plain.raw_text.startswith("Headline of a plain page")


def test_the_connection_goes_to_the_checked_address_with_the_original_host(server, monkeypatch):
    """DNS is asked once; the request is sent to that answer, named by the URL's host."""
    port = int(server.rsplit(":", 1)[1])
    calls = []

    def fake(host, *args, **kwargs):
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    local_site.seen_hosts.clear()
    fetched = fetch(f"http://news.example:{port}/news/musk-call.html", ALLOW_LOOPBACK)
    assert fetched.url.startswith("http://news.example")
    assert calls[0] == "news.example"
    assert set(calls[1:]) <= {"127.0.0.1"}  # urllib3 only turns the checked literal into a socket address
    assert local_site.seen_hosts == [f"news.example:{port}"]


@pytest.mark.parametrize(
    ("path", "policy", "message"),
    [
        ("/pdf", ALLOW_LOOPBACK, "not a web page: the server sent application/pdf"),
        ("/no-type", ALLOW_LOOPBACK, "no content type"),
        ("/declared-huge", ALLOW_LOOPBACK, "1000.0 MB, over the limit"),
        ("/endless", ALLOW_LOOPBACK, "over the limit of 5.0 MB"),
        ("/gzip-bomb", ALLOW_LOOPBACK, "over the limit of 5.0 MB"),
        ("/slow", replace(ALLOW_LOOPBACK, read_timeout=0.5), "did not answer in time"),
        ("/drip", replace(ALLOW_LOOPBACK, total_timeout=1.0), "took longer than 1 s"),
        ("/missing", ALLOW_LOOPBACK, "HTTP 404"),
        ("/empty-article", ALLOW_LOOPBACK, "no article text found"),
        ("/to-metadata", ALLOW_LOOPBACK, "169.254.169.254 is a cloud metadata address"),
        ("/to-file", ALLOW_LOOPBACK, "only http and https"),
        ("/news/musk-call.html", FetchPolicy(), "127.0.0.1 is a loopback address"),
    ],
)
def test_refusals_and_failures_name_the_reason(server, path, policy, message):
    with pytest.raises(FetchError, match=message.replace("(", r"\(").replace(".", r"\.")):
        article_from_url(server + path, policy)


def test_redirect_to_a_refused_address_never_connects(server, monkeypatch):
    opened = []
    real = socket.create_connection
    monkeypatch.setattr(socket, "create_connection", lambda addr, *a, **k: opened.append(addr) or real(addr, *a, **k))
    with pytest.raises(FetchError, match="metadata"):
        fetch(f"{server}/to-metadata", ALLOW_LOOPBACK)
    assert all(host == "127.0.0.1" for host, _ in opened)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://localhost/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://10.0.0.7/", "private"),
        ("http://192.168.1.1:8080/admin", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[fd00:ec2::254]/", "cloud metadata"),
        ("http://100.100.100.200/", "cloud metadata"),
        ("http://[64:ff9b::a9fe:a9fe]/", "cloud metadata"),
        ("http://169.254.10.10/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fec0::1]/", "private"),  # site-local: deprecated, still private
        ("http://0.0.0.0/", "private"),
        ("http://224.0.0.1/", "not a public address"),
        ("http://100.64.0.1/", "not a public address"),
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/a", "only http and https"),
        ("gopher://127.0.0.1:6379/_INFO", "only http and https"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http:///nohost", "no host name"),
    ],
)
def test_non_public_addresses_and_schemes_refused_without_a_connection(url, message, monkeypatch):
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: pytest.fail("a connection was attempted"))
    with pytest.raises(FetchError, match=message):
        fetch(url)


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80))]
    )
    with pytest.raises(
        FetchError, match=r"intranet\.example resolves to 10\.1\.2\.3; 10\.1\.2\.3 is a private address"
    ):
        fetch("http://intranet.example/page")


def test_one_private_answer_among_public_ones_refuses_the_host(monkeypatch):
    answers = [("93.184.216.34", 80), ("127.0.0.1", 80)]
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", a) for a in answers]
    )
    with pytest.raises(FetchError, match="loopback"):
        fetch("http://mixed.example/")


def test_public_addresses_pass_and_allow_networks_only_open_what_they_name():
    assert refusal(ipaddress.ip_address("93.184.216.34")) is None
    assert refusal(ipaddress.ip_address("2001:4860:4860::8888")) is None
    intranet = [ipaddress.ip_network("10.20.0.0/16")]
    assert refusal(ipaddress.ip_address("10.20.3.4"), intranet) is None
    assert "private" in refusal(ipaddress.ip_address("10.21.3.4"), intranet)
    assert "metadata" in refusal(ipaddress.ip_address("169.254.169.254"), intranet)


def test_bad_allow_networks_is_a_clear_error():
    with pytest.raises(FetchError, match="allow_networks"):
        fetch("http://example.org/", FetchPolicy(allow_networks=("not-a-network",)))


def test_slug():
    assert (
        slug("https://www.reuters.com/world/musk-zelensky-call-2024-11-08/")
        == "reuters-com-musk-zelensky-call-2024-11-08"
    )
    assert slug("https://example.org/") == "example-org"


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """An HTTPS server whose self-signed certificate names news.example."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=news.example",
            "-addext",
            "subjectAltName=DNS:news.example",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with serving(lambda sock: context.wrap_socket(sock, server_side=True)) as port:
        yield port, str(cert)


def _resolve_to_loopback(monkeypatch, port):
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
    )


def test_https_checks_the_certificate_for_the_host_name_not_the_address(tls_server, monkeypatch):
    port, cert = tls_server
    _resolve_to_loopback(monkeypatch, port)
    trusted = replace(ALLOW_LOOPBACK, ca_file=cert)
    article = article_from_url(f"https://news.example:{port}/news/musk-call.html", trusted)
    assert "seven minutes" in article.raw_text
    with pytest.raises(FetchError, match="certificate or TLS error"):  # not trusted by the system
        fetch(f"https://news.example:{port}/news/musk-call.html", ALLOW_LOOPBACK)
    with pytest.raises(FetchError, match="certificate or TLS error"):  # trusted, but for another name
        fetch(f"https://other.example:{port}/news/musk-call.html", trusted)


@pytest.fixture
def dripping_server():
    """A local server that answers one header byte every 0.3 s for at most 30 s: each byte comes
    well within the read timeout, so only a deadline on the whole fetch ends it."""
    import socket
    import threading
    import time

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        listener.settimeout(10)
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                started = time.monotonic()
                while not stop.is_set() and time.monotonic() - started < 30:
                    conn.sendall(b"X")
                    time.sleep(0.3)
            except OSError:
                pass  # the client gave up: the point

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_the_total_deadline_holds_while_headers_drip(dripping_server):
    import time

    policy = FetchPolicy(allow_networks=("127.0.0.1/32",), read_timeout=1.5, total_timeout=2.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 2 s"):
        fetch(dripping_server, policy)
    assert time.monotonic() - started < 4.0  # 2 s and the shutdown, not the 30 s of dripping
