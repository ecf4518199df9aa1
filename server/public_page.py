"""The order's public page, reached from the QR code of the ticket: its status and,
once done, a form to rate it (once). Plain server-rendered HTML in French and English,
readable on a phone, with no JavaScript."""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.formats import clock_time
from sync.protocol import Entity, OrderStatus

from .models import Record
from .push import RATABLE, Conflicting, add_rating
from .records import RatingRecord
from .writer import Rejected, Writer

PARIS = ZoneInfo("Europe/Paris")
TOKEN_MAX = 64

STATUS = {
    OrderStatus.REQUESTED: ("Demandée", "Requested"),
    OrderStatus.CONFIRMED: ("Confirmée", "Confirmed"),
    OrderStatus.ASSIGNED: ("Un Lulu est attribué", "A Lulu is assigned"),
    OrderStatus.DONE: ("Réalisée", "Done"),
    OrderStatus.PAID: ("Réglée", "Paid"),
    OrderStatus.CANCELLED: ("Annulée", "Cancelled"),
}
WORDS = {
    "title": ("Votre commande", "Your order"),
    "number": ("Numéro", "Number"),
    "service": ("Service", "Service"),
    "slot": ("Créneau", "Time slot"),
    "status": ("État", "Status"),
    "rate": ("Notez ce service", "Rate this service"),
    "stars": ("Note (1 à 5)", "Rating (1 to 5)"),
    "comment": ("Commentaire (facultatif)", "Comment (optional)"),
    "send": ("Envoyer ma note", "Send my rating"),
    "thanks": ("Merci pour votre note :", "Thank you for your rating:"),
    "not_found": ("Commande introuvable.", "Order not found."),
    "invalid": ("Choisissez une note de 1 à 5.", "Choose a rating from 1 to 5."),
    "bad_comment": (
        "Ce commentaire contient des caractères non permis.",
        "This comment holds characters that are not allowed.",
    ),
    "again": (
        "Votre note n'a pas été prise : envoyez-la de nouveau depuis cette page.",
        "Your rating was not taken: send it again from this page.",
    ),
    "too_many": (
        "Trop de demandes : réessayez dans un moment.",
        "Too many requests: try again in a moment.",
    ),
    "other": ("English", "Français"),
}


def word(key: str, lang: str) -> str:
    french, english = WORDS[key]
    return english if lang == "en" else french


def find_order(session: Session, token: str) -> Record | None:
    if not token or len(token) > TOKEN_MAX:
        return None
    return session.scalar(
        select(Record).where(Record.entity == Entity.ORDER.value, Record.lookup == token)
    )


def rating_of(session: Session, order_id: uuid.UUID) -> Record | None:
    return session.scalar(
        select(Record).where(Record.entity == Entity.RATING.value, Record.parent_id == order_id)
    )


def page_lang(requested: str | None, order: Record | None) -> str:
    if requested in ("fr", "en"):
        return requested
    return "en" if order is not None and order.data.get("lang") == "en" else "fr"


def _slot(start: str, end: str, lang: str) -> str:
    begin = datetime.fromisoformat(start).astimezone(PARIS)
    finish = datetime.fromisoformat(end).astimezone(PARIS)
    day = begin.strftime("%d/%m/%Y")
    if lang == "en":
        return f"{day}, {begin:%H:%M}–{finish:%H:%M}"
    # As the kiosk and its ticket say it (documents/formats.py).
    return f"{day}, entre {clock_time(begin)} et {clock_time(finish)}"


STYLE = (
    "body{font-family:sans-serif;font-size:1.2rem;line-height:1.5;max-width:36rem;"
    "margin:auto;padding:1rem;color:#111;background:#fff}"
    "dt{font-weight:bold}dd{margin:0 0 .8rem}"
    "label{display:block;margin:.6rem 0}"
    "input,textarea,button{font-size:1.2rem;min-height:48px}"
    "fieldset label{display:inline-block;min-width:48px;margin-right:1rem}"
    "button{padding:.4rem 1.2rem;background:#114b8c;color:#fff;border:0}"
    ".error{color:#a00000}"
)
# The page's Content-Security-Policy: its one inline style (by hash), forms posted to
# this server only, nothing else loaded, never framed.
STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
PAGE_CSP = (
    f"default-src 'none'; style-src 'sha256-{STYLE_HASH}'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


def _shell(lang: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(word('title', lang))}</title>"
        f"<style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def render_message(lang: str, key: str) -> str:
    return _shell(lang, f"<h1>{escape(word(key, lang))}</h1>")


def render_missing(lang: str) -> str:
    return render_message(lang, "not_found")


def render_order(
    order: Record,
    rating: Record | None,
    lang: str,
    *,
    form_token: str = "",
    error: str | None = None,
) -> str:
    """The order's page; with the rating form (once done and not rated yet) carrying
    `form_token`, and the `error` (a key of WORDS) of a refused rating."""
    data = order.data
    status = OrderStatus(data["status"])
    french, english = STATUS[status]
    service = data["service_name_en"] if lang == "en" else data["service_name_fr"]
    token = escape(str(order.lookup))
    other = "fr" if lang == "en" else "en"
    parts = [
        f'<p><a href="/o/{token}?lang={other}" lang="{other}">{word("other", lang)}</a></p>',
        f"<h1>{escape(word('title', lang))}</h1><dl>",
        f"<dt>{word('number', lang)}</dt><dd>{escape(data['number'])}</dd>",
        f"<dt>{word('service', lang)}</dt><dd>{escape(service)}</dd>",
        f"<dt>{word('slot', lang)}</dt>"
        f"<dd>{escape(_slot(data['slot_start'], data['slot_end'], lang))}</dd>",
        f"<dt>{word('status', lang)}</dt><dd>{escape(english if lang == 'en' else french)}</dd>",
        "</dl>",
    ]
    if rating is not None:
        stars = int(rating.data["stars"])
        parts.append(
            f"<p>{escape(word('thanks', lang))} {'★' * stars}{'☆' * (5 - stars)} ({stars}/5)</p>"
        )
    elif status in RATABLE:
        radios = "".join(
            f'<label><input type="radio" name="stars" value="{n}" required> {n}</label>'
            for n in range(1, 6)
        )
        problem = f'<p class="error" role="alert">{word(error, lang)}</p>' if error else ""
        parts.append(
            f"<h2>{word('rate', lang)}</h2>{problem}"
            f'<form method="post" action="/o/{token}/rating?lang={lang}">'
            f'<input type="hidden" name="form_token" value="{escape(form_token)}">'
            f"<fieldset><legend>{word('stars', lang)}</legend>{radios}</fieldset>"
            f'<label>{word("comment", lang)}<br><textarea name="comment" rows="4" cols="30" '
            'maxlength="2000"></textarea></label>'
            f'<button type="submit">{word("send", lang)}</button></form>'
        )
    return _shell(lang, "".join(parts))


def rate_from_page(
    session: Session, order: Record, stars: int, comment: str, *, now: datetime
) -> bool:
    """Record the page's rating; False when it cannot be (already rated, not done)."""
    w = Writer(session, now)
    try:
        add_rating(
            w,
            RatingRecord(
                id=uuid.uuid4(), order_id=order.entity_id, stars=stars, comment=comment, at=now
            ),
        )
    except (Rejected, Conflicting):
        return False
    w.finish()
    return True
