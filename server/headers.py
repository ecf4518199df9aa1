"""Security headers on every answer (a pure ASGI middleware, cheap on the sync path).

- `Cache-Control: no-store`: answers carry orders, clients or a page reached by a
  secret link; no browser, proxy or CDN keeps a copy.
- `Referrer-Policy: no-referrer`: an order page's address holds its token; it must not
  travel to another site in a Referer.
- `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`: no page is framed (the
  rating form cannot be overlaid by another site).
- `X-Content-Type-Options: nosniff`, and a Content-Security-Policy that allows nothing
  unless the route set its own (the order page allows its one inline style, by hash;
  the API's documentation its scripts).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
_ALWAYS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
_DEFAULTS: tuple[tuple[bytes, bytes], ...] = (
    (b"cache-control", b"no-store"),
    (b"content-security-policy", STRICT_CSP.encode()),
)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _ in headers}
                headers.extend(_ALWAYS)
                headers.extend(item for item in _DEFAULTS if item[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
