"""The receipt printer's set-up, as a person does it: the kind (none, network, USB,
serial, CUPS), its address (a USB printer picked from those plugged in; a network one
by host[:port]; a serial device; a CUPS queue), the paper's width and the code page; and
"Print a test page", answered within 5 s. Embedded by the first-run wizard and by the
counter's settings section, which call `apply()` to save.

The checks and the saving are the core's (kiosk_app.domain.printer_setup,
Comptoir.printer_setup); the test page is printing's, sent from a worker thread so the
screen never waits on a printer."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk_app.domain.printer_setup import PAPER_COLUMNS, check_printer_setup
from kiosk_app.errors import ValidationError
from kiosk_app.messages import message
from printing.messages import page_result_message
from printing.test_page import PageResult, missing_extra, print_test_page
from printing.usb_printers import UsbPrinter, UsbSupportMissing, plugged_usb_printers

from ..i18n import current_lang
from ..tasks import Tasks
from ..widgets.buttons import TouchButton
from ..widgets.field import TextField
from ..widgets.reflow import ReflowGrid
from ..widgets.screen import Screen, label
from .choice import Choice

if TYPE_CHECKING:
    from kiosk_app.comptoir import Comptoir

KINDS = ("none", "network", "usb", "serial", "cups")
TYPED_ADDRESS = ("network", "serial", "cups")
TOUCH_ROW_PX = 56


class PrinterForm(Screen):
    changed = Signal()
    # Where the USB printers come from: pyusb over libusb (a test puts a list here).
    find_usb_printers = staticmethod(plugged_usb_printers)

    def __init__(self, comptoir: Comptoir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comptoir = comptoir
        self._tasks = Tasks(parent=self)
        self._acting: uuid.UUID | None = None
        # Who saves: the set-up wizard (before a manager exists) or the counter's
        # Settings section (a manager, named by set_acting).
        self.source: Literal["setup", "counter"] = "setup"
        self.usb_found: list[UsbPrinter] = []

        self.heading = label("title", parent=self)
        self.kind_title = label(parent=self)
        self.kind = Choice(KINDS, parent=self)
        self.kind.changed.connect(self._kind_chosen)
        self.kind_note = label("error", parent=self)  # a module missing for that kind

        self.address = TextField(self._check_address, parent=self)
        self.address.changed.connect(self.changed)
        self.usb_title = label(parent=self)
        self.usb_list = QListWidget(self)
        self.usb_list.setMinimumHeight(120)
        self.usb_list.currentRowChanged.connect(self._usb_picked)
        self.usb_again = TouchButton(parent=self)
        self.usb_again.clicked.connect(self.look_for_usb)
        self.usb_note = label("error", parent=self)  # none found, or the field's refusal
        self.usb_box = QWidget(self)
        usb_layout = QVBoxLayout(self.usb_box)
        usb_layout.setContentsMargins(0, 0, 0, 0)
        usb_layout.addWidget(self.usb_title)
        usb_row = QHBoxLayout()
        usb_row.addWidget(self.usb_list, 3)
        usb_row.addWidget(self.usb_again, 0, Qt.AlignmentFlag.AlignTop)
        usb_layout.addLayout(usb_row)
        usb_layout.addWidget(self.usb_note)

        self.width_title = label(parent=self)
        self.paper = Choice(tuple(PAPER_COLUMNS), parent=self)
        self.paper.changed.connect(lambda _value: self._edited())
        self.width_note = label("error", parent=self)
        self.codepage_title = label(parent=self)
        self.codepage = Choice(("cp858", "cp1252"), parent=self)
        self.codepage.changed.connect(lambda _value: self._edited())
        self.codepage_hint = label("small", parent=self)

        self.test_button = TouchButton(parent=self)
        self.test_button.clicked.connect(self.print_test_page)
        self.test_result = label(parent=self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.kind_title)
        layout.addWidget(self.kind)
        layout.addWidget(self.kind_note)
        layout.addWidget(self.address)
        layout.addWidget(self.usb_box)
        # The paper's width beside the characters' table, or above it on a narrow page
        # (1024 px, portrait): each option keeps its whole words.
        choice_of: dict[QWidget, Choice] = {}
        self.paper_row = ReflowGrid(
            most_columns=2,
            need=lambda column: choice_of[column].needed_width(),
            spacing=16,
            parent=self,
        )
        for title, choice in ((self.width_title, self.paper), (self.codepage_title, self.codepage)):
            column = QWidget(self.paper_row)
            choice_of[column] = choice
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            title.setParent(column)
            choice.setParent(column)
            column_layout.addWidget(title)
            column_layout.addWidget(choice)
        self.paper_row.set_buttons(list(choice_of))
        layout.addWidget(self.paper_row)
        layout.addWidget(self.width_note)
        layout.addWidget(self.codepage_hint)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)
        self.load()
        self.retranslate()

    # --- what is saved, shown ------------------------------------------------------

    def load(self) -> None:
        """Show the saved settings (a kind this form does not offer shows as none)."""
        saved = self._comptoir.printer_setup.get()
        kind = saved.kind if saved.kind in KINDS else "none"
        self.kind.set_value(kind)
        self.paper.set_value(saved.width if saved.width in PAPER_COLUMNS else "80")
        self.codepage.set_value(
            saved.codepage if saved.codepage in ("cp858", "cp1252") else "cp858"
        )
        self._usb_address = saved.address if kind == "usb" else ""
        if kind in TYPED_ADDRESS:
            self.address.set_text(saved.address)
        else:
            self.address.clear()
        self._show_kind(kind)

    @property
    def chosen_address(self) -> str:
        kind = self.kind.value
        if kind == "usb":
            return self._usb_address
        return self.address.text if kind in TYPED_ADDRESS else ""

    # --- saving --------------------------------------------------------------------

    def set_acting(self, attendant_id: uuid.UUID | None) -> None:
        """The manager logged in: the audit log names them for the change (the wizard,
        before any manager exists, leaves it None: no audit row then)."""
        self._acting = attendant_id

    def apply(self) -> bool:
        """Check and save; each refusal beside its field. True once saved."""
        self._clear_errors()
        try:
            self._comptoir.printer_setup.save(
                self.kind.value,
                self.chosen_address,
                self.paper.value,
                self.codepage.value,
                source=self.source,
                by=self._acting,
            )
        except ValidationError as error:
            self._show_refusal(error)
            return False
        return True

    # --- the test page -------------------------------------------------------------

    def print_test_page(self) -> None:
        """Print the page with what the form shows now (saved or not): the button stays
        disabled until the answer comes, at most 5 s later."""
        self._clear_errors()
        kind, address = self.kind.value, self.chosen_address
        width, codepage = self.paper.value, self.codepage.value
        try:
            setup = check_printer_setup(kind, address, width, codepage)
        except ValidationError as error:
            self._show_refusal(error)
            return
        settings = self._comptoir.settings.get()
        now = self._comptoir.clock()
        self.test_button.setEnabled(False)
        self.test_result.setProperty("role", "")
        self.test_result.say(lambda: self.tr("Printing the test page…"))
        self._restyle(self.test_result)

        def work() -> PageResult:
            return print_test_page(
                setup.kind, setup.address, setup.width, setup.codepage,
                now=now, kiosk_name=settings.kiosk_name, qr_url=settings.server_url,
            )  # fmt: skip

        self._tasks.run(work, self._test_answered, self._test_failed)

    def _test_answered(self, result: PageResult) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setProperty("role", "success" if result.printed else "error")
        self._restyle(self.test_result)
        self.test_result.say(
            lambda: page_result_message(result.key, current_lang(), **result.params)
        )

    def _test_failed(self, _error: Exception) -> None:
        self._test_answered(PageResult(False, "test_page.no_answer"))

    @property
    def testing(self) -> bool:
        return self._tasks.busy

    def settle(self) -> None:
        """Wait for the test page's answer (tests, screenshots)."""
        self._tasks.settle()

    # --- USB -----------------------------------------------------------------------

    def look_for_usb(self) -> None:
        """List the USB printers plugged in now (a quick look at the bus, on the GUI
        thread: libusb reads descriptors the kernel already holds)."""
        self.usb_list.blockSignals(True)
        self.usb_list.clear()
        self.usb_note.clear()
        try:
            self.usb_found = list(self.find_usb_printers())
        except UsbSupportMissing:
            self.usb_found = []
            self.usb_note.say(
                lambda: page_result_message(
                    "test_page.needs_extra", current_lang(), extra="printers"
                )
            )
        else:
            if not self.usb_found:
                self.usb_note.say(
                    lambda: self.tr(
                        "No USB printer found: plug it in, switch it on, then touch “Look again”."
                    )
                )
        for printer in self.usb_found:
            name = printer.name or self.tr("USB printer")
            item = QListWidgetItem(f"{name} ({printer.address})")
            item.setData(Qt.ItemDataRole.UserRole, printer.address)
            item.setSizeHint(QSize(0, TOUCH_ROW_PX))  # a finger's target, not a line
            self.usb_list.addItem(item)
        found = [p.address for p in self.usb_found]
        if self._usb_address in found:
            self.usb_list.setCurrentRow(found.index(self._usb_address))
        self.usb_list.blockSignals(False)

    def _usb_picked(self, row: int) -> None:
        if 0 <= row < len(self.usb_found):
            self._usb_address = self.usb_found[row].address
            self.usb_note.clear()
            self._edited()

    # --- showing -------------------------------------------------------------------

    def _check_address(self, text: str) -> str:
        kind = getattr(self, "kind", None)
        if kind is None or kind.value not in TYPED_ADDRESS:
            return text
        return check_printer_setup(kind.value, text, "80", "cp858").address

    def _kind_chosen(self, kind: str) -> None:
        self._show_kind(kind)
        self._edited()

    def _show_kind(self, kind: str) -> None:
        extra = missing_extra(kind)
        self.address.setVisible(kind in TYPED_ADDRESS)
        # Without pyusb nothing can be listed: the note says what to install instead.
        self.usb_box.setVisible(kind == "usb" and extra is None)
        if extra is None:
            self.kind_note.clear()
        else:
            self.kind_note.say(
                lambda: page_result_message("test_page.needs_extra", current_lang(), extra=extra)
            )
        if kind == "usb" and extra is None:
            self.look_for_usb()
        self._retitle_address()

    def _edited(self) -> None:
        self.test_result.clear()
        self.changed.emit()

    def _clear_errors(self) -> None:
        self.width_note.clear()
        if self.kind.value == "usb":
            self.usb_note.clear()

    def _show_refusal(self, error: ValidationError) -> None:
        for field, key in error.fields.items():
            said = _saying(key, error.params)
            if field == "printer_address" and self.kind.value == "usb":
                self.usb_note.say(said)
            elif field == "printer_address":
                self.address.show_error(key, **error.params)
            elif field == "printer_kind":
                self.kind_note.say(said)
            else:  # width or code page: one line under both
                self.width_note.say(said)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _retitle_address(self) -> None:
        kind = self.kind.value
        titles = {
            "network": self.tr("Network address (name or IP, port 9100 unless given)"),
            "serial": self.tr("Serial port (for example /dev/ttyUSB0)"),
            "cups": self.tr("CUPS printer name"),
        }
        self.address.set_title(titles.get(kind, ""))
        placeholders = {"network": "192.168.1.50:9100", "serial": "/dev/ttyUSB0", "cups": "TM-T20"}
        editor = self.address.editor
        if hasattr(editor, "setPlaceholderText"):
            editor.setPlaceholderText(placeholders.get(kind, ""))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Receipt printer"))
        self.kind_title.setText(self.tr("How is the printer connected?"))
        self.kind.set_labels(
            {
                "none": self.tr("No printer"),
                "network": self.tr("Network"),
                "usb": self.tr("USB"),
                "serial": self.tr("Serial"),
                "cups": self.tr("CUPS"),
            }
        )
        self.usb_title.setText(self.tr("USB printers plugged in: touch yours"))
        self.usb_list.setAccessibleName(self.tr("USB printers plugged in"))
        self.usb_again.setText(self.tr("Look again"))
        self.width_title.setText(self.tr("Paper width"))
        self.paper.set_labels(
            {"80": self.tr("80 mm (48 columns)"), "58": self.tr("58 mm (32 columns)")}
        )
        self.codepage_title.setText(self.tr("Code page"))
        self.codepage.set_labels({"cp858": "CP858", "cp1252": "CP1252"})
        self.paper_row.refit()
        self.codepage_hint.setText(
            self.tr(
                "Most receipt printers have CP858. If the test page prints € or accents "
                "wrongly, try CP1252."
            )
        )
        self.test_button.setText(self.tr("Print a test page"))
        self._retitle_address()


def _saying(key: str, params: dict[str, Any]) -> Callable[[], str]:
    """A core message said again in the new language when it changes."""
    return lambda: message(key, current_lang(), **params)
