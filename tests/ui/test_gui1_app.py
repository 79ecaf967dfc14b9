"""The entry point: deferred store opening, single-instance refusal, screenshots, the catalogue."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.sqlite_only
def test_window_then_store_on_a_worker(qapp, loaded_store, monkeypatch):
    from lei_desktop import app

    monkeypatch.setenv("LEI_EXIT_ON_FIRST_WINDOW", "ready")
    assert app.main(["--db", loaded_store.url, "--lang", "en"]) == 0


def test_second_instance_on_the_same_database_is_refused(qapp, db_path, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop import app
    from lei_desktop.domain.errors import Conflict

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a))
    held = app.acquire_lock(db_path)  # the first instance
    try:
        with pytest.raises(Conflict):
            app.acquire_lock(db_path)
        assert app.main(["--db", str(db_path), "--lang", "en"]) == 1
        err = capsys.readouterr().err
        assert "already open" in err and str(db_path) in err
        assert shown and str(db_path) in shown[0][2]
        shown.clear()
        assert app.main(["--db", str(db_path), "--lang", "zh"]) == 1
        assert "已被另一个程序实例打开" in capsys.readouterr().err
    finally:
        held.release()
    again = app.acquire_lock(db_path)  # free once the first instance lets go
    again.release()


def test_lock_is_per_database(db_path, tmp_path):
    from lei_desktop import app

    a = app.acquire_lock(db_path)
    b = app.acquire_lock(tmp_path / "other.sqlite3")
    a.release()
    b.release()


@pytest.mark.sqlite_only
def test_screenshots_every_page_in_both_languages(qapp, loaded_store, tmp_path):
    from lei_desktop import app
    from lei_desktop.ui import main_window

    out = tmp_path / "shots"
    path = loaded_store.url  # a file, or the PostgreSQL database on the store fixture's PostgreSQL run
    loaded_store.close()
    assert app.main(["--db", path, "--screenshots", str(out)]) == 0
    pages = [pid for pid, mod, cls in main_window.PAGES if main_window.load_page_class(mod, cls)]
    for pid in pages:
        zh, en = QImage(str(out / f"{pid}-zh.png")), QImage(str(out / f"{pid}-en.png"))
        assert not zh.isNull() and not en.isNull(), pid
        assert zh.width() >= 1000 and zh != en, pid  # the same page, different language
    assert (out / "wizard1-zh.png").is_file()


def test_catalogue_complete_and_built():
    result = subprocess.run([sys.executable, "i18n/build.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (ROOT / "i18n" / "lei_desktop_zh_CN.qm").stat().st_size > 1000


def test_no_untranslated_visible_text_on_my_pages_in_chinese(qtbot, window):
    """Every label and button of GUI-1's pages shows Chinese (or a code/number) once switched."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    window.set_language("zh")
    english_word = re.compile(r"\b(?!PDF|JSON|ISO|CNY|USCC|Qt|YYYY|MM|DD|CFETS|USD|JPY|EUR|EU|US|JP)[A-Za-z]{4,}\b")
    for pid in ("company", "policies", "disputes", "rates", "settings"):
        page = window.show_page(pid)
        for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton) + page.findChildren(QGroupBox):
            text = w.title() if isinstance(w, QGroupBox) else w.text()
            if not text or w.objectName().startswith("field_") or not w.isVisibleTo(page):
                continue
            if w.objectName() in ("format_sample", "db_path", "data_dir", "version") or w.parent().objectName().startswith("field_"):
                continue
            assert not english_word.search(re.sub(r"<[^>]+>", "", text)), (pid, text)
