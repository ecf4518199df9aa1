"""Joining a central server (`kiosk enrol URL`, the token on standard input), and the
client of an enrolled data folder: the URL and CA bundle in the store's settings, the
token in its own owner-only file beside the store."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from kiosk_app.services.numbers import assign_kiosk_code, follow_document_numbers
from kiosk_app.services.sync_apply import CA_BUNDLE, SERVER_URL, get_setting, put_setting
from kiosk_app.store.database import Store

from .client import NotEnrolled, SyncClient, SyncError, check_url, load_token, save_token
from .engine import pull_only


def enrol(
    store: Store, data_dir: Path, url: str, token: str, *, ca_bundle: str | None = None
) -> SyncClient:
    """Check that the server answers and accepts the token, keep both and the kiosk's
    series code the server allocated, and take the server's records at once (a
    replaced kiosk gets its orders back, and numbers after them)."""
    base_url = check_url(url)
    client = SyncClient(base_url, token, ca_bundle=ca_bundle)
    try:
        client.meta()
        device = client.device()  # proves the token: 401 if it is not a live one
    except BaseException:
        client.close()
        raise
    save_token(data_dir, token)
    with store.write() as session:
        put_setting(session, SERVER_URL, base_url)
        put_setting(session, CA_BUNDLE, ca_bundle)
        # The tickets' QR codes open the order's page on this same server.
        put_setting(session, "server_url", base_url)
        if device.code is not None:  # (an admin's token syncs without a series)
            assign_kiosk_code(session, device.code)
            follow_document_numbers(session, device.code, device.last_documents)
    with suppress(SyncError):  # enrolled all the same: the next sync pulls it
        pull_only(store, client, data_dir)
    return client


def is_enrolled(store: Store) -> bool:
    with store.read() as session:
        return bool(get_setting(session, SERVER_URL))


def open_client(store: Store, data_dir: Path) -> SyncClient:
    with store.read() as session:
        url = get_setting(session, SERVER_URL)
        ca_bundle = get_setting(session, CA_BUNDLE)
    if not url:
        raise NotEnrolled()
    return SyncClient(url, load_token(data_dir), ca_bundle=ca_bundle)
