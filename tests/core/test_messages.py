"""Every message key the core can raise is said in French and in English.

The keys are collected from the sources themselves (not from a list kept by hand), so a
new `ValidationError({...: "x.y"})`, a new error class or a new `bounded_text(field=...)`
cannot ship without its messages."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import kiosk_app
from kiosk_app.messages import MESSAGES, message

CORE = Path(kiosk_app.__file__).parent
KEY = re.compile(r"^[a-z_]+\.[a-z_]+$")
BOUNDED_TEXT_SUFFIXES = ("required", "too_long", "invalid_characters")


def sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(CORE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def string_constants(node: ast.AST) -> Iterator[ast.AST]:
    """The leaves of an expression that can become a key: constants and f-strings, through
    conditional expressions."""
    if isinstance(node, ast.IfExp):
        yield from string_constants(node.body)
        yield from string_constants(node.orelse)
    else:
        yield node


def callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def produced_keys() -> tuple[dict[str, str], list[str]]:
    """Every key the sources can produce (key -> where), and the places that build a key
    this scan cannot read (an f-string outside `bounded_text`)."""
    keys: dict[str, str] = {}
    unreadable: list[str] = []

    def add(node: ast.AST, where: str) -> None:
        for leaf in string_constants(node):
            if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                keys.setdefault(leaf.value, where)
            elif not where.endswith("validation.py:bounded_text"):
                unreadable.append(f"{where}:{getattr(leaf, 'lineno', '?')}")

    for path, module in sources():
        name = path.relative_to(CORE.parent).as_posix()
        functions = [n for n in ast.walk(module) if isinstance(n, ast.FunctionDef)]
        function_of = {
            id(inner): fn.name for fn in functions for inner in ast.walk(fn) if inner is not fn
        }
        for node in ast.walk(module):
            where = f"{name}:{function_of.get(id(node), '')}"
            if isinstance(node, ast.Call) and callee(node) == "ValidationError" and node.args:
                fields = node.args[0]
                if isinstance(fields, ast.Dict):
                    for value in fields.values:
                        add(value, where)
            elif isinstance(node, ast.Call) and callee(node) == "bounded_text":
                for keyword in node.keywords:
                    if keyword.arg == "field" and isinstance(keyword.value, ast.Constant):
                        for suffix in BOUNDED_TEXT_SUFFIXES:
                            keys.setdefault(f"{keyword.value.value!s}.{suffix}", where)
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    # checker.fields["x"] = "x.y"
                    if (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Attribute)
                        and target.value.attr == "fields"
                    ):
                        add(node.value, where)
                    # class SomeError(ComptoirError): key = "error.some"
                    if (
                        isinstance(target, ast.Name)
                        and target.id == "key"
                        and isinstance(node.value, ast.Constant)
                    ):
                        add(node.value, where)
    return keys, unreadable


def test_the_scan_reads_the_keys_it_should() -> None:
    keys, _ = produced_keys()
    # Keys from each way of producing one: if the scan stops seeing them, it is broken.
    for known in (
        "phone.invalid",  # ValidationError({...})
        "consent.required",  # checker.fields[...] = ...
        "skills.unknown",  # a conditional expression
        "access_notes.too_long",  # bounded_text(field="access_notes")
        "reason.required",
        "error.store_too_new",  # an error class's key
        "error.login_locked",
        "error.unexpected",  # the base class's annotated key
    ):
        assert known in keys
    assert len(keys) >= 50


def test_every_key_the_core_can_raise_has_its_messages() -> None:
    keys, unreadable = produced_keys()
    assert unreadable == [], "keys built at run time: give them as literals"
    missing = {key: where for key, where in keys.items() if key not in MESSAGES}
    assert missing == {}
    assert all(KEY.match(key) for key in keys), sorted(k for k in keys if not KEY.match(k))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_each_message_is_in_french_and_english_with_the_same_parameters(key: str) -> None:
    french, english = MESSAGES[key]
    assert french.strip() and english.strip()
    assert french != english
    fields = {name for _, name, _, _ in string.Formatter().parse(french) if name}
    assert fields == {name for _, name, _, _ in string.Formatter().parse(english) if name}
    params = dict.fromkeys(fields, "42")
    assert "{" not in message(key, "fr", **params)
    assert "{" not in message(key, "en", **params)


def test_message_falls_back_without_crashing() -> None:
    assert message("name.too_long", "en", max=80) == (
        "This name is too long (at most 80 characters)."
    )
    assert message("name.too_long", "fr") == MESSAGES["name.too_long"][0]
    assert message("no.such_key", "en") == "Something unexpected went wrong."
