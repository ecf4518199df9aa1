"""Languages through Qt's translation system: `.ts` sources in resources/i18n, compiled
`.qm` beside them. Source strings are English; French is a full translation and English
only needs its plural forms (lupdate -pluralonly).

    python -m ui.i18n build        refresh the .ts from ui/ and compile the .qm
    python -m ui.i18n check        fail if a string lacks its translation
    python -m ui.i18n fill X.json  give French translations ({"English": "Français"}) to
                                   the unfinished strings, then compile

Every command holds a lock on the folder, so that two people filling at once do not
overwrite each other's translations.
"""

from __future__ import annotations

import fcntl
import html
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from kiosk_app.config import resources_dir

from .widgets.lay_out import lay_out_now

LANGS = ("fr", "en")
I18N_DIR = resources_dir() / "i18n"
UI_DIR = Path(__file__).resolve().parent
BIN_DIR = Path(sys.executable).parent

_LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    # English words, euro amounts: "€15.00" (Ireland writes euros the English way).
    "en": (QLocale.Language.English, QLocale.Country.Ireland),
}


def locale_for(lang: str) -> QLocale:
    language, country = _LOCALES.get(lang, _LOCALES["fr"])
    return QLocale(language, country)


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"comptoir_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N_DIR / f"comptoir_{lang}.qm"


class Language(QObject):
    """The current language. Setting it swaps the installed translator: Qt then sends
    QEvent.LanguageChange to every widget, which retranslates itself."""

    changed = Signal(str)

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator = QTranslator(self)
        self._lang = ""

    @property
    def code(self) -> str:
        return self._lang

    @property
    def locale(self) -> QLocale:
        return locale_for(self._lang)

    def set(self, lang: str) -> None:
        lang = lang if lang in LANGS else "fr"
        if lang == self._lang:
            return
        app = QCoreApplication.instance()
        assert app is not None
        app.removeTranslator(self._translator)
        if not self._translator.load(str(qm_path(lang))):
            raise FileNotFoundError(f"{qm_path(lang)}: run `python -m ui.i18n build`")
        self._lang = lang
        QLocale.setDefault(locale_for(lang))
        app.installTranslator(self._translator)
        # Qt posts the LanguageChange: the widgets take their new words now, and are laid
        # out for them, before anything is painted (ui/widgets/lay_out.py).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        lay_out_now()
        self.changed.emit(lang)


def _sources() -> list[str]:
    return sorted(str(path) for path in UI_DIR.rglob("*.py"))


def update_ts(target_dir: Path = I18N_DIR) -> None:
    """Refresh the .ts files from the sources (new strings appear as unfinished)."""
    for lang in LANGS:
        args = [str(BIN_DIR / "pyside6-lupdate"), *_sources(), "-no-obsolete", "-locations"]
        args += ["none", "-source-language", "en", "-target-language", lang]
        if lang == "en":
            args.append("-pluralonly")
        args += ["-ts", str(target_dir / f"comptoir_{lang}.ts")]
        subprocess.run(args, check=True, capture_output=True)


def release(source_dir: Path = I18N_DIR, target_dir: Path = I18N_DIR) -> None:
    for lang in LANGS:
        target = target_dir / f"comptoir_{lang}.qm"
        # Compiled beside, then renamed: a running kiosk (or test) that has the .qm
        # mapped never sees it half-written.
        partial = target.with_suffix(".qm.partial")
        subprocess.run(
            [
                str(BIN_DIR / "pyside6-lrelease"),
                str(source_dir / f"comptoir_{lang}.ts"),
                "-qm",
                str(partial),
            ],
            check=True,
            capture_output=True,
        )
        partial.replace(target)


def untranslated(ts_file: Path) -> list[str]:
    """Source texts of `ts_file` whose translation is unfinished or empty."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        texts = [form.text for form in forms] if forms else [translation.text]
        if not all(texts):
            missing.append(source)
    return missing


def translated_sources(ts_file: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts_file).getroot().iter("message")}


def fill(translations: Mapping[str, str], ts_file: Path) -> list[str]:
    """Give each unfinished message whose source is a key of `translations` its text;
    returns the keys that matched no unfinished message."""
    text = ts_file.read_text(encoding="utf-8")
    unused = []
    for source, translated in translations.items():
        unfinished = (
            f"<source>{html.escape(source, quote=False)}</source>\n"
            '        <translation type="unfinished"></translation>'
        )
        if unfinished not in text:
            unused.append(source)
            continue
        done = (
            f"<source>{html.escape(source, quote=False)}</source>\n"
            f"        <translation>{html.escape(translated, quote=False)}</translation>"
        )
        text = text.replace(unfinished, done)
    ts_file.write_text(text, encoding="utf-8")
    return unused


@contextmanager
def _locked() -> Iterator[None]:
    with open(I18N_DIR / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def main(argv: Sequence[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:] or ["build"])
    with _locked():
        return _run(args)


def _run(args: list[str]) -> int:
    command = args[0]
    if command == "build":
        update_ts()
        release()
    elif command == "fill":
        translations = json.loads(Path(args[1]).read_text(encoding="utf-8"))
        for source in fill(translations, ts_path("fr")):
            print(f"not unfinished in comptoir_fr.ts: {source!r}", file=sys.stderr)
        release()
    missing = {lang: untranslated(ts_path(lang)) for lang in LANGS}
    for lang, sources in missing.items():
        for source in sources:
            print(f"{ts_path(lang).name}: no translation for {source!r}", file=sys.stderr)
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())


def current_lang() -> str:
    """The language in use ("fr" or "en"), from the default locale `Language.set` sets."""
    return "en" if QLocale().language() == QLocale.Language.English else "fr"
