"""File names built from user data, the per-user folder, database paths as Windows users write them."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path, PureWindowsPath

from hypothesis import given, settings
from hypothesis import strategies as st

from lei_desktop.fileio import FORBIDDEN_CHARS, MAX_NAME, RESERVED_NAMES, safe_filename

#: what Windows itself refuses, checked independently of the implementation's tables
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}


def _acceptable_to_windows(name: str) -> bool:
    if not name or any(ch in WINDOWS_FORBIDDEN for ch in name):
        return False
    if name.endswith((".", " ")):
        return False
    return name.split(".")[0].rstrip(" ").upper() not in WINDOWS_DEVICES


names = st.lists(st.one_of(st.sampled_from(sorted(WINDOWS_FORBIDDEN | {".", " ", "Ａ"})),
                           st.sampled_from(["CON", "com1", "Lpt9", "aux", "理赔", "CL-2026", ".pdf"]),
                           st.text(st.characters(codec="utf-8"), max_size=20)), max_size=40).map("".join)


@given(names, st.sampled_from(["", ".pdf", ".xlsx"]))
@settings(max_examples=300, deadline=None)
def test_safe_filename_gives_names_windows_accepts(name, suffix):
    out = safe_filename(name, suffix)
    assert _acceptable_to_windows(out)
    assert out.endswith(suffix)
    assert len(out.encode("utf-8", "surrogatepass")) <= MAX_NAME + len(suffix)
    assert safe_filename(safe_filename(name)) == safe_filename(name)  # a safe name stays as it is


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00/"), max_size=200))
@settings(max_examples=60, deadline=None)
def test_the_name_can_be_created(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("names")
    path = folder / safe_filename(name, ".pdf")
    path.write_bytes(b"x")
    assert path.read_bytes() == b"x" and path.parent == folder


def test_ordinary_names_are_untouched_and_tables_match_windows():
    for name in ("CL-2026-001", "理赔 申请 2026", "Acme v. Foo (US)", "发票.pdf", "COM10", "CONSENT"):
        assert safe_filename(name) == name
    assert set('<>:"/\\|?*') <= FORBIDDEN_CHARS and WINDOWS_DEVICES <= RESERVED_NAMES
    assert safe_filename("CL/2026:01", ".pdf") == "CL_2026_01.pdf"
    assert safe_filename("nul.txt") == "nul_.txt" and safe_filename(" . ") == "file"
    # found by hypothesis: a no-break space behind the dots survived one pass but not the next
    assert safe_filename("理赔. \xa0.") == "理赔" == safe_filename(safe_filename("理赔. \xa0."))


def test_scenario_export_writes_hostile_attachment_names_safely(win_store, tmp_path):
    from lei_desktop.services import attachments, scenario

    hostile = 'C:\\Users\\张三\\合同: 第1部分 <终稿>?.pdf'  # a name recorded on another system
    attachments.add_attachment(win_store, "dispute", "D1", hostile, b"%PDF- contract", "other")
    out = tmp_path / "导出" / "场景 2026.json"
    doc = scenario.export(win_store, out)
    files = sorted(p.name for p in (out.parent / "场景 2026.files").iterdir())
    assert files and all(_acceptable_to_windows(f) for f in files)
    paths = [a["path"] for d in doc["disputes"] for a in d.get("attachments", [])]
    assert all((out.parent / p).is_file() for p in paths)


def test_claims_page_suggests_a_name_windows_accepts(qtbot, qt_loop, win_store, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from lei_desktop.services import claims
    from lei_desktop.ui.context import UiContext
    from lei_desktop.ui.pages.claims import ClaimsPage

    ref = claims.create_claim(win_store, "D1", ref="CL/2026:07")
    ctx = UiContext(win_store, "zh", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = ClaimsPage(ctx)
    qtbot.addWidget(page)
    page.select_claim(ref)
    qtbot.waitUntil(lambda: not page.loading and page.doc is not None, timeout=20000)  # assessed on a worker
    assert page.doc["claim"] == ref
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    assert page.export_pdf() is None
    assert Path(asked[0]).name == "CL_2026_07.pdf"


def test_user_data_folder_on_windows_with_a_chinese_user_name(monkeypatch, tmp_path):
    from lei_desktop import paths

    local = tmp_path / "Users" / "张三" / "AppData" / "Local"
    monkeypatch.delenv("LEI_DATA_DIR")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    assert paths.user_data_dir() == local / "lei_desktop"
    assert paths.default_db_path() == local / "lei_desktop" / "lei_desktop.sqlite3"
    monkeypatch.delenv("LOCALAPPDATA")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "Users" / "张三"))
    assert paths.user_data_dir() == local / "lei_desktop"


def test_database_urls_keep_the_exact_path():
    from sqlalchemy.engine import make_url

    from lei_desktop.store.db import sqlite_path, sqlite_url

    win = PureWindowsPath(r"C:\Users\张三\OneDrive\文档\100% 理赔\lei (1).sqlite3")
    assert make_url(sqlite_url(win)).database == str(win)
    for odd in ("/tmp/100% 项目/a.sqlite3", "/tmp/a%41b/x.sqlite3", "/tmp/what?/x.sqlite3", "/tmp/#1/x.sqlite3"):
        assert sqlite_path(sqlite_url(odd)) == Path(odd)


def test_a_store_in_a_folder_named_with_percent_is_that_folder(tmp_path):
    from lei_desktop.services import Store

    db = tmp_path / "100% 项目 a%41b" / "账本.sqlite3"
    with Store(str(db)) as st:
        assert st.path == db
    assert db.is_file() and not (tmp_path / "100% 项目 aAb").exists()


def test_excel_unicode_text_and_gbk_csv_are_read(tmp_path):
    """What Excel on Chinese Windows saves: "Unicode text" (UTF-16 LE with BOM, tabs, CRLF) and
    "CSV" (GBK, commas, CRLF); both give the same rows."""
    from lei_desktop.formats import csv_import
    from lei_desktop.formats.csv_import import CsvMapping

    rows = "日期\t金额\t币种\t收款人\r\n2026-03-01\t1,234.50\tUSD\t律师事务所 Smith & Co\r\n"
    mapping = CsvMapping.from_dict({"columns": {"paid_on": "日期", "amount": "金额", "currency": "币种",
                                                "payee": "收款人"}})
    unicode_text = b"\xff\xfe" + rows.encode("utf-16-le")
    gbk = rows.replace("\t", ",").replace("1,234.50", '"1,234.50"').encode("gbk")
    read = [csv_import.read(data, mapping) for data in (unicode_text, gbk)]
    for f in read:
        assert not f.errors, f.errors
        assert [(r.get("amount"), r.get("payee")) for r in f.rows] == [(Decimal("1234.50"), "律师事务所 Smith & Co")]
    assert read[0].encoding == "utf-16" and read[0].delimiter == "\t"
