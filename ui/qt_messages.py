"""Qt's own messages (a font not found, a platform plugin's warning) go to the kiosk's
log (operator_log/) rather than to a terminal nobody reads; a fatal one is also
said on stderr, for whoever started the kiosk by hand."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _to_log(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    category = context.category or "default"
    log.log(LEVELS.get(kind, logging.WARNING), "%s: %s", category, text)
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(text, file=sys.stderr, flush=True)


def route_qt_messages() -> None:
    """From now on (call it before the QApplication: the platform plugin speaks first)."""
    qInstallMessageHandler(_to_log)
