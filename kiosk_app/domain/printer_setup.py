"""What a person may choose for the receipt printer, checked field by field: the same
checks for the set-up screens and the command line, so that what a form accepts the
print queue can use (printing.connections.connection_for reads these settings)."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from ..errors import ValidationError

# "file" is for development and tests (jobs collected in a file): not offered on screen.
PRINTER_KINDS = ("none", "network", "usb", "serial", "cups", "file")
# Paper width in mm → characters per line in the standard font (printing/profiles.py).
PAPER_COLUMNS = {"80": 48, "58": 32}
CODE_PAGES = ("cp858", "cp1252")
DEFAULT_PORT = 9100
ADDRESS_MAX = 200

_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_USB = re.compile(r"^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$")
# CUPS refuses queue names with spaces, "/", "#" or control characters (lpadmin(8)).
_CUPS = re.compile(r"^[A-Za-z0-9_.@+-]{1,127}$")
_SERIAL = re.compile(r"^/dev/[A-Za-z0-9_./-]{1,100}$")


@dataclass(frozen=True, slots=True)
class PrinterSetup:
    kind: str
    address: str  # host:port, "vendor:product" (hex), a device path or a CUPS queue
    width: str  # "80" or "58"
    codepage: str  # "cp858" or "cp1252"

    @property
    def columns(self) -> int:
        return PAPER_COLUMNS[self.width]

    def as_settings(self) -> dict[str, str]:
        return {
            "printer_kind": self.kind,
            "printer_address": self.address,
            "printer_width": self.width,
            "printer_codepage": self.codepage,
        }


def network_address(typed: str) -> str:
    """host[:port] made plain: "192.168.1.50:9100", "imprimante.local:9100",
    "[fe80::1]:9100". The port defaults to 9100 (raw printing)."""
    text = typed.strip()
    if not text:
        raise ValidationError({"printer_address": "printer.address_required"})
    host, port = text, str(DEFAULT_PORT)
    if text.startswith("["):  # [IPv6]:port
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise ValidationError({"printer_address": "printer.host_invalid"})
            port = rest[1:]
    elif text.count(":") == 1:
        host, port = text.split(":")
    if not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        raise ValidationError({"printer_address": "printer.port_invalid"})
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    if ip is not None:
        shown = f"[{ip.compressed}]" if ip.version == 6 else ip.compressed
        return f"{shown}:{int(port)}"
    name = host.rstrip(".")
    if not (name.isascii() and len(name) <= 253 and all(map(_LABEL.match, name.split(".")))):
        raise ValidationError({"printer_address": "printer.host_invalid"})
    return f"{name.lower()}:{int(port)}"


def _address(kind: str, typed: str) -> str:
    text = typed.strip()
    if kind == "none":
        return ""
    if len(text) > ADDRESS_MAX:
        raise ValidationError({"printer_address": "printer.address_invalid"})
    if kind == "network":
        return network_address(text)
    if not text:
        raise ValidationError(
            {
                "printer_address": "printer.usb_required"
                if kind == "usb"
                else "printer.address_required"
            }
        )
    if kind == "usb":
        match = _USB.match(text)
        if match is None:
            raise ValidationError({"printer_address": "printer.usb_required"})
        return f"{match[1].lower()}:{match[2].lower()}"
    if kind == "serial":
        if _SERIAL.match(text) is None or "/../" in text:
            raise ValidationError({"printer_address": "printer.serial_invalid"})
        return text
    if kind == "cups":
        if _CUPS.match(text) is None:
            raise ValidationError({"printer_address": "printer.cups_invalid"})
        return text
    # file: a path (development and tests)
    if not text.startswith("/") or not text.isprintable():
        raise ValidationError({"printer_address": "printer.address_invalid"})
    return text


def check_printer_setup(kind: str, address: str, width: str, codepage: str) -> PrinterSetup:
    """The printer's settings as typed or picked, cleaned; or a ValidationError naming
    each field refused (printer_kind, printer_address, printer_width, printer_codepage)."""
    fields: dict[str, str] = {}
    clean_kind = kind.strip().lower()
    clean_address = ""
    if clean_kind not in PRINTER_KINDS:
        fields["printer_kind"] = "printer.kind_unknown"
    else:
        try:
            clean_address = _address(clean_kind, address)
        except ValidationError as error:
            fields.update(error.fields)
    clean_width = width.strip().lower().removesuffix("mm").strip()
    if clean_width not in PAPER_COLUMNS:
        fields["printer_width"] = "printer.width_invalid"
    clean_page = codepage.strip().lower()
    if clean_page not in CODE_PAGES:
        fields["printer_codepage"] = "printer.codepage_invalid"
    if fields:
        raise ValidationError(fields)
    return PrinterSetup(clean_kind, clean_address, clean_width, clean_page)
