"""Receipt printers plugged in over USB, for a person to pick one (pyusb, from
python-escpos's `usb` extra, over libusb). A printer is a device with an interface of
USB class 7 ("printer"); many receipt printers say so only on the interface, not on the
device, so every interface of the first configuration is read."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

PRINTER_CLASS = 7


class UsbSupportMissing(Exception):
    """pyusb (python-escpos's `usb` extra) or libusb is not installed."""


@dataclass(frozen=True, slots=True)
class UsbPrinter:
    vendor: int
    product: int
    name: str  # the maker's and model's names as the device gives them, or ""

    @property
    def address(self) -> str:
        """How the settings keep it: "04b8:0e15" (vendor:product, hex)."""
        return f"{self.vendor:04x}:{self.product:04x}"


def _is_printer(device: Any) -> bool:
    if getattr(device, "bDeviceClass", 0) == PRINTER_CLASS:
        return True
    with contextlib.suppress(Exception):  # a device that will not describe itself
        for configuration in device:
            return any(i.bInterfaceClass == PRINTER_CLASS for i in configuration)
    return False


def _name(device: Any) -> str:
    # Reading a device's strings needs the right to open it (the udev rule): without it
    # the printer is still listed, by its numbers.
    parts = []
    for attribute in ("manufacturer", "product"):
        with contextlib.suppress(Exception):
            value = getattr(device, attribute)
            if isinstance(value, str) and value.strip():
                parts.append(value.strip())
    return " ".join(parts)


def plugged_usb_printers() -> list[UsbPrinter]:
    """The USB printers plugged in now (an empty list: none found)."""
    try:
        import usb.core
    except ImportError as error:
        raise UsbSupportMissing("pyusb") from error
    try:
        devices = list(usb.core.find(find_all=True) or [])
    except usb.core.NoBackendError as error:
        raise UsbSupportMissing("libusb") from error
    found = {
        (d.idVendor, d.idProduct): UsbPrinter(d.idVendor, d.idProduct, _name(d))
        for d in devices
        if _is_printer(d)
    }
    return sorted(found.values(), key=lambda p: (p.name, p.address))
