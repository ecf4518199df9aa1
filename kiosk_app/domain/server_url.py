"""The one rule for the central server's address, used by enrolment, the sync client and
the settings: https, or plain http to this very machine only (a token never crosses a
network in clear)."""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


def allowed_server_url(url: str) -> str | None:
    """The URL, cleaned (no trailing slash), or None when it may not be used."""
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port  # both raise on a malformed address
    except ValueError:
        return None
    del port
    if host and (parts.scheme == "https" or (parts.scheme == "http" and host in LOOPBACK_HOSTS)):
        return url.strip().rstrip("/")
    return None
