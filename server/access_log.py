"""The access log without the orders' page tokens: uvicorn logs each request's path, and
an order page's path is its secret (`/o/<token>`, also in a rating's `/o/<token>/rating`).
A filter on uvicorn's access logger writes it `/o/…`; `log_config()` is uvicorn's own
logging configuration with that filter, for every worker process."""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

ORDER_PATH = re.compile(r"/o/[^/?#\s]+")
HIDDEN = "/o/…"


def hide_tokens(text: str) -> str:
    return ORDER_PATH.sub(HIDDEN, text)


class HideOrderTokens(logging.Filter):
    """uvicorn.access records carry (client, method, path, HTTP version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                hide_tokens(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        if isinstance(record.msg, str):
            record.msg = hide_tokens(record.msg)
        return True


def log_config() -> dict[str, Any]:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["hide_order_tokens"] = {"()": HideOrderTokens}
    # The request line and its status, never the client's address (personal data).
    config["formatters"]["access"]["fmt"] = '%(levelprefix)s "%(request_line)s" %(status_code)s'
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("hide_order_tokens")
    return config
