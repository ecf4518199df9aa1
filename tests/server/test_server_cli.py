"""`kiosk-server enrol | revoke | import-catalogue`, on the data folder's SQLite and on
PostgreSQL from --database-url."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk_app.config import resources_dir
from server.__main__ import main
from server.auth import device_for_token
from server.database import Database
from server.models import Device, Record


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands speak $LANG's language: these tests read the English."""
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def run(capsys: pytest.CaptureFixture[str], db: Database, *argv: str) -> tuple[int, str, str]:
    url = db.engine.url.render_as_string(hide_password=False)
    code = main([*argv, "--database-url", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_enrol_prints_the_token_once_and_keeps_only_its_hash(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, db, "enrol", "saint-paul")
    token = out.strip()
    assert code == 0 and len(token) >= 40
    with db.read() as session:
        device = session.scalars(select(Device)).one()
        assert device.name == "saint-paul" and token not in device.token_hash
        found = device_for_token(session, token)
        assert found is not None and found.device_id == device.id
    code, _, err = run(capsys, db, "enrol", "saint-paul")
    assert code == 2 and "already enrolled" in err
    assert run(capsys, db, "revoke", "saint-paul")[0] == 0
    with db.read() as session:
        assert device_for_token(session, token) is None
    assert run(capsys, db, "revoke", "saint-paul")[0] == 3  # not found (README)
    code, out, _ = run(capsys, db, "enrol", "saint-paul")  # a new token after revoking
    assert code == 0 and out.strip() != token


def test_import_catalogue_json_then_csv(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    demo = resources_dir() / "demo" / "catalogue.json"
    code, out, _ = run(capsys, db, "import-catalogue", str(demo))
    assert code == 0 and out.strip() == "categories 12, services 70, Lulus 0"
    csv_file = tmp_path / "prices.csv"
    csv_file.write_text(
        "code,category,name_fr,name_en,unit_price_cents,tax_credit\n"
        "montee-courses,manutention,Montée de courses,Carrying shopping up,600,oui\n"
        "nouveau,courses,Nouveau service,New service,500,non\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, db, "import-catalogue", str(csv_file))
    assert code == 0 and "services 2" in out
    with db.read() as session:
        prices = {
            r.data["code"]: r.data["unit_price_cents"]
            for r in session.scalars(select(Record).where(Record.entity == "service"))
        }
    assert prices["montee-courses"] == 600 and prices["nouveau"] == 500 and len(prices) == 71
    broken = tmp_path / "broken.csv"
    broken.write_text("code,name_fr\nx,y\n", encoding="utf-8")
    code, _, err = run(capsys, db, "import-catalogue", str(broken))
    assert code == 2 and "columns missing" in err


def test_the_default_database_is_sqlite_in_the_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMPTOIR_DATABASE_URL", raising=False)
    assert main(["enrol", "bastille", "--data-dir", str(tmp_path / "central")]) == 0
    assert (tmp_path / "central" / "central.sqlite3").exists()
    assert os.environ.get("COMPTOIR_DATABASE_URL") is None
    capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [["serve", "--port=--"], ["serve", "--workers=--"], ["certificates", "--year=--", "--out=x"]],
)
def test_an_option_given_a_lone_double_dash_is_refused(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse hands back an empty list for "--port=--" without calling int: `serve`
    gave it to uvicorn (a traceback, exit 70). Now a usage error, and nothing started
    nor made."""
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--data-dir", str(tmp_path / "central")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "value is '--'" in err and "Traceback" not in err
    assert not (tmp_path / "central").exists()
