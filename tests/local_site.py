"""A local web site for the add-by-URL tests: an article page and every hostile answer."""

from __future__ import annotations

import gzip
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!doctype html><html><head><title>Musk joins call | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-11-08T10:00:00Z"></head>
<body><nav>Home | World | Tech</nav><article><h1>Musk joined Trump's call with Zelensky</h1>
<p>Elon Musk took part in a phone call between Donald Trump and Volodymyr Zelensky, according to a source
familiar with the conversation. The call lasted about seven minutes.</p>
<p>Zelensky congratulated Trump on his election victory, the source said, and Trump promised to support
Ukraine. Musk told Zelensky that he would continue to provide Starlink satellites.</p>
<p>The White House did not respond to a request for comment.</p></article>
<footer>© Example News</footer></body></html>"""

seen_hosts: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in headers:
            self.send_header(key, value)
        if not any(k == "Content-Length" for k, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - one route table
        seen_hosts.append(self.headers.get("Host"))
        path = self.path
        if path == "/news/musk-call.html":
            self._send(200, ARTICLE.encode())
        elif path == "/latin1":
            self._send(200, ARTICLE.replace("seven", "sju élèves").encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/plain":
            self._send(200, b"Headline of a plain page\n\nOne sentence of text.", "text/plain")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/news/musk-call.html" if left == 0 else f"/hop/{left - 1}"
            self._send(302, headers=[("Location", target)])
        elif path == "/to-metadata":
            self._send(302, headers=[("Location", "http://169.254.169.254/latest/meta-data/")])
        elif path == "/to-file":
            self._send(301, headers=[("Location", "file:///etc/passwd")])
        elif path == "/pdf":
            self._send(200, b"%PDF-1.7\n", "application/pdf")
        elif path == "/no-type":
            self._send(200, b"<html><body>x</body></html>", None)
        elif path == "/declared-huge":
            self._send(200, b"", headers=[("Content-Length", str(10**9))])
        elif path == "/endless":  # no length, streams past any cap
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(400):
                self.wfile.write(b"<p>" + b"x" * 16384 + b"</p>")
        elif path == "/gzip-bomb":  # 60 KB on the wire, 60 MB unpacked
            body = gzip.compress(b" " * 60_000_000)
            self._send(200, body, headers=[("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))])
        elif path == "/slow":
            time.sleep(2)
            self._send(200, ARTICLE.encode())
        elif path == "/drip":  # answers at once, then one small chunk every 0.2 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>drip</p>\n")
                self.wfile.flush()
                time.sleep(0.2)
        elif path == "/empty-article":
            self._send(200, b"<html><head><title>Nothing here</title></head><body><script>x()</script></body></html>")
        else:
            self._send(404, b"not found")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # the client hanging up on a capped body is the point
        pass


@contextmanager
def serving(wrap=None):
    """Serve the site on a free loopback port; ``wrap`` may wrap the socket (TLS)."""
    httpd = Server(("127.0.0.1", 0), Handler)
    if wrap:
        httpd.socket = wrap(httpd.socket)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
