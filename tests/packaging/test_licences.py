"""The About dialog's licence list covers every bundled library and the font."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from lei_desktop.licences import DISTRIBUTIONS, bundled_licences
from lei_desktop.paths import resource

ROOT = Path(__file__).resolve().parents[2]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_runtime_dependency_is_listed():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    names = {_norm(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0]) for d in deps}
    listed = {_norm(d) for d in DISTRIBUTIONS}
    assert names - listed == set(), f"add these to lei_desktop/licences.py: {sorted(names - listed)}"


def test_rows_are_complete_and_python_is_listed():
    rows = bundled_licences()
    assert all(len(r) == 3 and all(isinstance(x, str) and x for x in r) for r in rows)
    assert any(r[0].startswith("Python ") and r[1] == "PSF-2.0" for r in rows)
    assert any(r[0].startswith("Qt for Python") and "LGPL-3.0" in r[1] for r in rows)


def test_bundled_font_is_listed_with_its_licence_text():
    fonts = [p for p in resource("fonts").glob("*") if p.suffix.lower() in {".ttf", ".otf", ".ttc"}]
    assert fonts, f"no font bundled in {resource('fonts')}"
    rows = bundled_licences()
    for font in fonts:
        row = next(r for r in rows if r[0].startswith(font.stem))
        assert row[1] == "OFL-1.1"
        assert "SIL OPEN FONT LICENSE" in row[2].upper()  # the full text, not a link


def test_about_dialog_lists_the_licences(qtbot, window, monkeypatch):
    """Help → About shows the version and a row per bundled library (with its SPDX licence)."""
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop import __version__

    shown = {}
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.update(title=title, text=text))
    window.about()
    assert __version__ in shown["text"]
    for name, licence, _where in bundled_licences():
        assert licence in shown["text"], name
    assert "SQLAlchemy" in shown["text"] and "LGPL-3.0-only" in shown["text"]
