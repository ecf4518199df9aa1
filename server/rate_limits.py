"""Rate limits per client address, in this process: token buckets.

What is limited: the orders' public pages (their token is the only secret: without a
limit a guesser tries thousands a second), the rating form, and failed credentials (a
kiosk joining proves its token on the sync API: `kiosk enrol` asks meta, then pull).

One process counts for itself: with several worker processes behind a reverse proxy,
each has its own buckets, and the proxy's limits are the real ones (docs/DEPLOYMENT.md).
The address is the one uvicorn gives the app: the peer's, or the X-Forwarded-For of a
proxy that uvicorn trusts (`--forwarded-allow-ips`).
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rate:
    """`burst` requests at once, then one every `every_s` seconds."""

    burst: int
    every_s: float


@dataclass(frozen=True, slots=True)
class RateLimits:
    order_page: Rate = Rate(burst=60, every_s=1.0)
    rating: Rate = Rate(burst=10, every_s=10.0)
    failed_credential: Rate = Rate(burst=10, every_s=6.0)


def retry_after(wait_s: float) -> str:
    """A Retry-After header's whole seconds, never 0."""
    return str(max(1, math.ceil(wait_s)))


def address_key(host: str | None) -> str:
    """The bucket of an address: IPv6 by /64 (one home or phone holds a whole /64, so
    one address each would let it change address at every guess)."""
    if not host:
        return "?"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.version == 6:
        mapped = address.ipv4_mapped
        if mapped is not None:
            return str(mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class Buckets:
    """Token buckets by key. Memory stays bounded: past `max_keys`, the buckets that
    have refilled (idle addresses) are forgotten."""

    def __init__(
        self, rate: Rate, *, clock: Callable[[], float] = time.monotonic, max_keys: int = 50_000
    ) -> None:
        self.rate = rate
        self._clock = clock
        self._max_keys = max_keys
        self._lock = threading.Lock()
        self._state: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)

    def _tokens(self, key: str, now: float) -> float:
        tokens, at = self._state.get(key, (float(self.rate.burst), now))
        return min(float(self.rate.burst), tokens + (now - at) / self.rate.every_s)

    def take(self, key: str) -> float:
        """Take one token: 0 when granted, else the seconds to wait for the next one."""
        with self._lock:
            now = self._clock()
            tokens = self._tokens(key, now)
            if tokens < 1:
                self._state[key] = (tokens, now)
                return (1 - tokens) * self.rate.every_s
            self._state[key] = (tokens - 1, now)
            if len(self._state) > self._max_keys:
                self._forget_idle(now)
            return 0.0

    def wait_s(self, key: str) -> float:
        """The seconds until a token is there (0: one is there now); takes none."""
        with self._lock:
            tokens = self._tokens(key, self._clock())
            return 0.0 if tokens >= 1 else (1 - tokens) * self.rate.every_s

    def _forget_idle(self, now: float) -> None:
        full = float(self.rate.burst)
        for key in [k for k in self._state if self._tokens(k, now) >= full]:
            del self._state[key]


class Limiter:
    """The server's buckets, one set per thing limited."""

    def __init__(
        self, limits: RateLimits | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        limits = limits or RateLimits()
        self.order_page = Buckets(limits.order_page, clock=clock)
        self.rating = Buckets(limits.rating, clock=clock)
        self.failed_credential = Buckets(limits.failed_credential, clock=clock)
