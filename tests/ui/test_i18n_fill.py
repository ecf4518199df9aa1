"""`python -m ui.i18n fill` gives French texts to unfinished strings, and only to them."""

from __future__ import annotations

from pathlib import Path

from ui.i18n import fill, untranslated

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CounterScreen</name>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock &amp; leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d'attente</translation>
    </message>
</context>
</TS>
"""


def test_fill_translates_unfinished_strings_and_reports_the_rest(tmp_path: Path) -> None:
    ts_file = tmp_path / "comptoir_fr.ts"
    ts_file.write_text(TS, encoding="utf-8")

    unused = fill(
        {"Till": "Caisse", "Lock & leave": "Verrouiller & partir", "Queue": "Autre"}, ts_file
    )

    assert unused == ["Queue"]  # already translated: left as it was
    assert untranslated(ts_file) == []
    text = ts_file.read_text(encoding="utf-8")
    assert "<translation>Caisse</translation>" in text
    assert "<translation>Verrouiller &amp; partir</translation>" in text
    assert "<translation>File d'attente</translation>" in text
