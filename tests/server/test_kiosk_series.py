"""Each kiosk's series: the server allocates a unique code at enrolment (never reused,
kept by `replace`), tells a kiosk its code, and refuses an order or document numbered
outside the pusher's series with a typed rejection."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_harness import LiveServer
from wire_ops import NOW, Server, new_client, new_order

from kiosk_app.comptoir import Comptoir
from kiosk_app.store.models import NumberSeries
from server.__main__ import main
from server.auth import EnrolmentError, enrol_device, replace, revoke
from server.database import Database, sqlite_url
from server.models import Counter, Device, Record
from server.rate_limits import Rate, RateLimits
from server.scopes import DeviceKind
from sync.protocol import Outcome, is_kiosk_code, is_order_number, kiosk_code_of

SYNC = {"Comptoir-Protocol": "1", "Comptoir-Schema": "1"}


def codes(db: Database) -> dict[str, str | None]:
    with db.read() as session:
        return {d.name: d.code for d in session.scalars(select(Device))}


def test_kiosks_get_different_codes_and_web_or_admin_none(db: Database) -> None:
    with db.write() as session:
        for name in ("saint-paul", "bastille", "oberkampf"):
            enrol_device(session, name, now=NOW)
        enrol_device(session, "web-platform", now=NOW, kind=DeviceKind.WEB)
        enrol_device(session, "office", now=NOW, kind=DeviceKind.ADMIN)
    assert codes(db) == {
        "saint-paul": "01",
        "bastille": "02",
        "oberkampf": "03",
        "web-platform": None,
        "office": None,
    }


def test_a_revoked_kiosks_code_is_never_given_again(db: Database) -> None:
    with db.write() as session:
        enrol_device(session, "saint-paul", now=NOW)
        enrol_device(session, "bastille", now=NOW)
        revoke(session, "bastille", now=NOW)
    with db.write() as session:
        # Enrolled again under its name: another machine, another series.
        again = enrol_device(session, "bastille", now=NOW)
        later = enrol_device(session, "oberkampf", now=NOW)
    assert (again.code, later.code) == ("03", "04")
    assert codes(db) == {"saint-paul": "01", "bastille": "03", "oberkampf": "04"}


def test_a_replacement_keeps_the_code_and_the_old_token_stops(db: Database) -> None:
    with db.write() as session:
        first = enrol_device(session, "saint-paul", now=NOW)
        enrol_device(session, "bastille", now=NOW)
    with db.write() as session:
        second = replace(session, "saint-paul")
        with pytest.raises(LookupError):
            replace(session, "nowhere")
    assert second.code == first.code == "01" and second.token != first.token
    with db.read() as session:
        from server.auth import device_for_token

        assert device_for_token(session, first.token) is None
        caller = device_for_token(session, second.token)
        assert caller is not None and caller.code == "01"


def test_codes_go_two_digits_then_three_and_stop_at_999(db: Database) -> None:
    assert [kiosk_code_of(n) for n in (1, 9, 99, 100, 999)] == ["01", "09", "99", "100", "999"]
    assert all(is_kiosk_code(kiosk_code_of(n)) for n in range(1, 1000))
    assert not any(is_kiosk_code(text) for text in ("00", "0", "000", "1000", "٠١", "01\n"))
    with db.write() as session:
        session.add(Counter(name="kiosk_codes", value=98))
    with db.write() as session:
        assert enrol_device(session, "k99", now=NOW).code == "99"
        assert enrol_device(session, "k100", now=NOW).code == "100"
    with db.write() as session:
        session.get_one(Counter, "kiosk_codes").value = 999
    with db.write() as session, pytest.raises(EnrolmentError, match="every kiosk code"):
        enrol_device(session, "one-too-many", now=NOW)


def test_enrol_shows_the_code_replace_keeps_it(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    url = db.engine.url.render_as_string(hide_password=False)
    assert main(["enrol", "saint-paul", "--database-url", url]) == 0
    out, err = capsys.readouterr()
    assert len(out.strip()) >= 40 and err.strip() == "Kiosk code: 01 (its orders: 01-0001, …)."
    assert main(["enrol", "web", "--kind", "web", "--database-url", url]) == 0
    out, err = capsys.readouterr()
    assert out.strip() and "code" not in err
    assert main(["replace", "saint-paul", "--database-url", url]) == 0
    again, err = capsys.readouterr()
    assert again.strip() != out.strip() and "Kiosk code: 01" in err
    assert main(["replace", "nowhere", "--database-url", url]) == 3
    assert "No enrolled kiosk is called nowhere." in capsys.readouterr().err


def test_a_kiosk_reads_its_name_and_code(live: LiveServer) -> None:
    first = live.enrol("saint-paul", datetime.now(UTC))
    second = live.enrol("bastille", datetime.now(UTC))
    web = live.enrol("web-platform", datetime.now(UTC), kind=DeviceKind.WEB)
    for token, expected in ((first, "01"), (second, "02")):
        answer = requests.get(
            live.url + "/sync/v1/device", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
        assert answer.status_code == 200 and answer.json()["code"] == expected
    assert (
        requests.get(
            live.url + "/sync/v1/device", headers={"Authorization": f"Bearer {web}"}, timeout=10
        ).status_code
        == 403
    )


def _order_numbered(number: object) -> dict[str, object]:
    client_id = uuid.uuid4()
    op = new_order(uuid.uuid4(), client_id)
    op["data"] = {**op["data"], "number": number}  # type: ignore[dict-item]
    return op


def test_orders_outside_the_pushers_series_are_refused_typed(db: Database) -> None:
    saint_paul, bastille = Server(db), Server(db, "bastille")  # 01 and 02
    client = new_client(uuid.uuid4())
    mine = new_order(uuid.uuid4(), uuid.UUID(client["entity_id"]))
    theirs = dict(mine, op_id=str(uuid.uuid4()), entity_id=str(uuid.uuid4()))
    theirs["data"] = {**mine["data"], "id": theirs["entity_id"], "public_token": "t" * 32}
    results = saint_paul.push([client, mine])
    assert [r.outcome for r in results] == [Outcome.APPLIED, Outcome.APPLIED]
    # Bastille pushing "01-0001": another kiosk's series.
    [refused] = bastille.push([theirs])
    assert (refused.outcome, refused.code) == (Outcome.REJECTED, "wrong_series")
    for bad in ("1-0001", "01-001", "0001-0001", "01-0001 ", "01_0001", "../01-0001", 42, None):
        [result] = saint_paul.push([_order_numbered(bad)])
        assert (result.outcome, result.code) == (Outcome.REJECTED, "bad_number"), bad
    with db.read() as session:
        numbers = [r.data["number"] for r in session.scalars(select(Record)) if r.entity == "order"]
    assert numbers == ["01-0001"]


def test_documents_outside_the_pushers_series_are_refused_typed(db: Database) -> None:
    from test_invoice_documents import document_op, invoice

    saint_paul, bastille = Server(db), Server(db, "bastille")
    [wrong] = bastille.push([document_op(invoice("F01-2026-00001"))])
    assert (wrong.outcome, wrong.code) == (Outcome.REJECTED, "wrong_series")
    [mangled] = saint_paul.push([document_op(invoice("F1-2026-00001"))])
    assert (mangled.outcome, mangled.code) == (Outcome.REJECTED, "bad_number")
    [ok] = bastille.push([document_op(invoice("A02-2026-00001"))])
    assert ok.outcome is Outcome.APPLIED


def test_a_device_without_series_pushes_no_order(live: LiveServer) -> None:
    admin = live.enrol("office", datetime.now(UTC), kind=DeviceKind.ADMIN)
    client = new_client(uuid.uuid4())
    order = new_order(uuid.uuid4(), uuid.UUID(client["entity_id"]))
    answer = requests.post(
        live.url + "/sync/v1/push",
        json={"ops": [client, order]},
        headers={"Authorization": f"Bearer {admin}", "Idempotency-Key": "a1", **SYNC},
        timeout=10,
    ).json()
    assert [(r["outcome"], r.get("code")) for r in answer["results"]] == [
        ("applied", None),
        ("rejected", "no_series"),
    ]


@pytest.fixture(scope="module")
def one_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    folder: Path = tmp_path_factory.mktemp("series")
    db = Database.open(sqlite_url(folder))
    lax = Rate(burst=10_000, every_s=0.001)
    server = LiveServer(db, rate_limits=RateLimits(lax, lax, lax)).start()
    try:
        yield server, server.enrol("saint-paul", datetime.now(UTC))
    finally:
        server.stop()
        db.close()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(
    number=st.one_of(
        st.text(max_size=40),
        st.from_regex(r"[0-9]{1,4}-[0-9]{1,10}", fullmatch=True),
        st.sampled_from(["01-0001; DROP TABLE records", "01-0001\n", "０１-０００１", "🙂-0001"]),
        st.text(min_size=5000, max_size=6000),
    )
)
def test_any_text_as_an_order_number_is_refused_or_kept_never_a_crash(
    one_kiosk: tuple[LiveServer, str], number: str
) -> None:
    server, token = one_kiosk
    answer = requests.post(
        server.url + "/sync/v1/push",
        json={"ops": [_order_numbered(number)]},
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": uuid.uuid4().hex,
            **SYNC,
        },
        timeout=10,
    )
    assert answer.status_code in (200, 422), answer.text[:200]
    if answer.status_code == 422:
        return  # not even JSON text a request may carry (a lone surrogate)
    [result] = answer.json()["results"]
    code = result.get("code")
    if result["outcome"] == "applied" or code == "unknown_client":
        assert is_order_number(number) and number.startswith("01-")
    elif code == "wrong_series":
        assert is_order_number(number) and not number.startswith("01-")
    elif code == "bad_number":
        assert not is_order_number(number)
    else:
        assert code == "invalid"  # a control character, refused before anything else


def test_a_replaced_kiosk_numbers_its_next_invoice_after_the_servers(
    live: LiveServer, comptoir: Comptoir
) -> None:
    """Invoices are not pulled: the server tells a kiosk the last numbers of its
    document series, and the replacement's series move past them."""
    from test_invoice_documents import document_op, invoice

    from sync.enrolment import enrol

    saint_paul = Server(live.db)  # enrolled first: 01
    Server(live.db, "bastille")  # 02: its numbers are not saint-paul's
    documents = [invoice(f"F01-2026-{n:05d}", amount=100 * n) for n in (1, 2, 7)]
    documents.append(invoice("A01-2026-00003"))
    results = saint_paul.push([document_op(d) for d in documents])
    assert {r.outcome for r in results} == {Outcome.APPLIED}
    with live.db.write() as session:
        token = replace(session, "saint-paul").token
    answer = requests.get(
        live.url + "/sync/v1/device", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()
    assert answer == {
        "name": "saint-paul",
        "code": "01",
        "last_documents": {"F01-2026": 7, "A01-2026": 3},
    }
    data_dir = comptoir.store.path.parent
    enrol(comptoir.store, data_dir, live.url, token).close()
    with comptoir.store.read() as session:
        series = dict(session.execute(select(NumberSeries.name, NumberSeries.next_value)).all())
    assert (series["invoice-01-2026"], series["credit_note-01-2026"]) == (8, 4)


def test_kiosks_enrolled_before_codes_get_them_in_enrolment_order(tmp_path: Path) -> None:
    """Server migration 0006 on a server with devices: kiosks get 01, 02 in the order
    they were enrolled (the first keeps the "01" every kiosk used), the web platform
    none, and the next enrolment continues after them."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from server.database import MIGRATIONS_DIR, create_server_engine

    engine = create_server_engine(sqlite_url(tmp_path))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))

    def upgrade(target: str) -> None:
        with engine.begin() as connection:
            connection.exec_driver_sql("BEGIN")
            config.attributes["connection"] = connection
            command.upgrade(config, target)

    upgrade("0004")
    with engine.begin() as connection:
        for n, (name, kind) in enumerate(
            [("saint-paul", "kiosk"), ("web-platform", "web"), ("bastille", "kiosk")]
        ):
            connection.execute(
                text(
                    "INSERT INTO devices (name, token_hash, kind, created_at) "
                    "VALUES (:name, :hash, :kind, '2026-11-01 09:00:00')"
                ),
                {"name": name, "hash": f"{n:064d}", "kind": kind},
            )
    upgrade("head")
    engine.dispose()
    db = Database.open(sqlite_url(tmp_path))
    try:
        assert codes(db) == {"saint-paul": "01", "web-platform": None, "bastille": "02"}
        with db.write() as session:
            assert enrol_device(session, "oberkampf", now=NOW).code == "03"
    finally:
        db.close()
