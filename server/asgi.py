"""The app of one worker process of `kiosk-server serve --workers N` (uvicorn imports
it by name in each process it starts). The parent migrated the database already; each
worker opens its own connections to it."""

from __future__ import annotations

import gc
import os

from fastapi import FastAPI

from .app import create_app
from .database import Database

DATABASE_URL_VARIABLE = "COMPTOIR_DATABASE_URL"


def app_from_environment() -> FastAPI:
    app = create_app(Database(os.environ[DATABASE_URL_VARIABLE]))
    # See __main__.run_serve: what is loaded by now lives as long as the worker.
    gc.collect()
    gc.freeze()
    return app
