"""What the user sees on Windows: a message box (not a traceback) for a PDF open in Acrobat, the
folder opened through the desktop, and a GBK console that cannot show every character."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.windows.conftest import HeldOpen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def claims_page(qtbot, qt_loop, win_store, tmp_path):
    from PySide6.QtCore import QSettings

    from lei_desktop.services import claims
    from lei_desktop.ui.context import UiContext
    from lei_desktop.ui.pages.claims import ClaimsPage

    ref = claims.create_claim(win_store, "D1")
    ctx = UiContext(win_store, "zh", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = ClaimsPage(ctx)
    qtbot.addWidget(page)
    page.select_claim(ref)
    qtbot.waitUntil(lambda: not page.loading and page.doc is not None, timeout=20000)  # assessed on a worker
    page.quiet_export = True
    return page


def test_export_over_a_pdf_open_in_acrobat_shows_a_message_box(qtbot, claims_page, tmp_path, monkeypatch, sleeps):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, body, *a: shown.append((title, body)))
    out = tmp_path / "导出 文件夹" / "理赔 申请.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF- the one open in Acrobat")
    HeldOpen(monkeypatch, out)
    claims_page.export_pdf(out)
    qtbot.waitUntil(lambda: claims_page.export_status != "running", timeout=60000)
    assert claims_page.export_status == "failed"
    assert len(shown) == 1
    title, body = shown[0]
    assert title == "Cannot do that" or "Unexpected" not in title  # a refusal, not "Unexpected error"
    assert str(out) in body and "关闭" in body and "Traceback" not in body
    assert out.read_bytes() == b"%PDF- the one open in Acrobat"
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


def test_open_folder_hands_the_chinese_path_to_the_desktop(qtbot, claims_page, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    out = tmp_path / "张三 的文档" / "导出 2026" / "理赔.pdf"
    out.parent.mkdir(parents=True)
    claims_page.export_pdf(out)
    qtbot.waitUntil(lambda: claims_page.export_status != "running", timeout=60000)
    assert claims_page.export_status == "done"
    claims_page.open_folder()
    assert [u.toLocalFile() for u in opened] == [str(out.parent)] and opened[0].isLocalFile()


def _cli_gbk(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "gbk", "LANG": "zh_CN.GBK"}
    return subprocess.run([sys.executable, "-m", "lei_desktop.cli", *args], capture_output=True, env=env, timeout=120)


def test_gbk_console_usage_errors_and_refusals_never_crash(tmp_path):
    r = _cli_gbk("理赔😀")  # argparse echoes the unknown command, emoji and all, on stderr
    err = r.stderr.decode("gbk")
    assert r.returncode == 2 and "理赔" in err and "\\U0001f600" in err and "Traceback" not in err
    db = tmp_path / "张三 的文档" / "账本.sqlite3"
    r = _cli_gbk("--db", str(db), "--lang", "zh", "claim", "export", "CL-😀", "--out", str(tmp_path / "x.pdf"))
    err = r.stderr.decode("gbk")
    assert r.returncode == 1 and "CL-\\U0001f600" in err and "Traceback" not in err
    assert err.startswith("错误")
