"""`python -m server.openapi [FILE]`: write the server's OpenAPI document (by default
to docs/openapi.json, which a test keeps in step with the code)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from .app import create_app
from .database import Database, sqlite_url

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def openapi_document() -> dict[str, Any]:
    # The app needs a database object to exist, not to be reached: building the
    # document opens no connection.
    db = Database(sqlite_url(Path(tempfile.gettempdir())))
    try:
        return create_app(db).openapi()
    finally:
        db.close()


def render() -> str:
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
