"""``lei-cli --selftest`` from source: each check does what it says, and the whole passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lei_desktop import __version__, selftest, selftest_qt

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lei_desktop.cli", *args], cwd=ROOT, capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_store_and_scenario_checks(tmp_path):
    st = selftest.Selftest(folder=tmp_path)
    try:
        assert selftest.check_store(st).startswith("schema ")
        detail = selftest.check_scenario(st)
        assert st.dispute == "D1"  # the first dispute of the shared example
        assert "scenario.json" in detail
        from lei_desktop.services import expenses

        assert expenses.count_expenses(st.store) == 4  # the example holds four expenses
    finally:
        st.store.close()


def test_a_check_after_a_failed_one_is_reported_as_not_run(tmp_path):
    st = selftest.Selftest(folder=tmp_path)
    with pytest.raises(selftest.Skipped):
        selftest.check_font(st)  # no PDF was produced
    assert "not run" in selftest._describe(selftest.Skipped(), "en")


def _pdf_with_font(path: Path, font: Path | None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    if font is not None:
        pdfmetrics.registerFont(TTFont("SelftestFont", str(font)))
        c.setFont("SelftestFont", 12)
        c.drawString(72, 720, "索赔申请书 Claim Form 堃")
    else:
        c.setFont("Helvetica", 12)
        c.drawString(72, 720, "Claim Form")
    c.save()


def test_embedded_font_detection(tmp_path):
    fonts = selftest.bundled_fonts()
    assert fonts, "no font bundled under resources/fonts"
    with_font, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    _pdf_with_font(with_font, fonts[0])
    _pdf_with_font(without, None)
    name = selftest.font_postscript_name(fonts[0])
    assert name in selftest.embedded_fonts(with_font)
    assert selftest.embedded_fonts(without) == set()  # Helvetica is referenced, not embedded
    st = selftest.Selftest(folder=tmp_path, pdf=without)
    with pytest.raises(ValueError):
        selftest.check_font(st)
    st.pdf = with_font
    assert name in selftest.check_font(st)


def test_translation_check_loads_a_real_qm_and_refuses_a_missing_one(tmp_path, monkeypatch):
    ts = tmp_path / "lei_desktop_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>Main</name><message><source>Claims</source><translation>理赔</translation>"
        "</message></context></TS>", "utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / selftest_qt.TRANSLATION_FILE)], check=True,
                   capture_output=True)
    monkeypatch.setattr(selftest_qt, "i18n_dir", lambda: tmp_path)
    assert selftest_qt.TRANSLATION_FILE in selftest_qt.check_translations(selftest.Selftest(folder=tmp_path))
    monkeypatch.setattr(selftest_qt, "i18n_dir", lambda: tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError):
        selftest_qt.check_translations(selftest.Selftest(folder=tmp_path))


def test_selftest_on_a_gbk_console_passes_and_touches_nothing_else(tmp_path):
    """A Chinese Windows console without UTF-8 (GBK): ✓ cannot be encoded there and must not become a
    crash; every check passes, one line each; the user's data folder stays untouched."""
    data = tmp_path / "user-data"
    data.mkdir()
    r = cli("--selftest", env={"PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0", "LEI_DATA_DIR": str(data)})
    out = r.stdout.decode("gbk")
    assert list(data.iterdir()) == []
    assert __version__ in out.splitlines()[0] and "自检" in out and "self-test" in out
    lines = [line for line in out.splitlines() if line[:1] in "✓✗?"]  # ✓ shows as ? in GBK
    assert len(lines) == len(selftest.CHECKS), out
    assert r.returncode == 0, out


def test_qt_check_draws_with_the_bundled_font(qapp, tmp_path):
    detail = selftest_qt.check_qt_starts(selftest.Selftest(folder=tmp_path))
    family = detail.split("font ", 1)[1].split(", images", 1)[0]
    from PySide6.QtGui import QFontDatabase

    assert family in QFontDatabase.families()


def test_selftest_json_is_one_document_with_every_check():
    import json

    r = cli("--selftest", "--json")
    doc = json.loads(r.stdout.decode("utf-8"))
    assert [c["code"] for c in doc["checks"]] == [code.removeprefix("selftest_") for code, _ in selftest.CHECKS]
    assert doc["version"] == __version__ and doc["frozen"] is False
    assert doc["ok"] is all(c["ok"] for c in doc["checks"])
    assert r.returncode == (0 if doc["ok"] else 1)
    assert all(c["zh"] and c["en"] for c in doc["checks"])


def test_qt_check_refuses_when_a_receipt_image_type_cannot_be_read(qapp, tmp_path, monkeypatch):
    """A Qt image plugin trimmed from the bundle by mistake (a .tif receipt could not be previewed)."""
    monkeypatch.setattr(selftest_qt, "receipt_image_suffixes", lambda: (".png", ".tif", ".heic-not-a-format"))
    with pytest.raises(ValueError, match="heic-not-a-format"):
        selftest_qt.check_qt_starts(selftest.Selftest(folder=tmp_path))


def test_x_display_check(tmp_path):
    assert not selftest_qt.x_display_reachable("")
    assert not selftest_qt.x_display_reachable(":4242")  # nothing listens there
    assert not selftest_qt.x_display_reachable("nonsense")
    assert not selftest_qt.x_display_reachable("127.0.0.1:4242")
