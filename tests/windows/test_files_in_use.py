"""A file the user has open in Acrobat / WPS / Excel while the app writes over it (Windows).

On Windows ``os.replace`` onto (or from) a file another process holds open raises PermissionError;
the conftest's :class:`HeldOpen` does exactly that on Linux."""

from __future__ import annotations

import errno
import os

import pytest

from lei_desktop import fileio
from lei_desktop.domain.errors import LeiError
from lei_desktop.fileio import RETRY_DELAYS, FileInUse, atomic_write
from tests.windows.conftest import HeldOpen


def _leftovers(folder, keep):
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_a_file_held_open_is_refused_clearly_and_left_intact(tmp_path, monkeypatch, sleeps):
    folder = tmp_path / "张三 的文档"
    folder.mkdir()
    target = folder / "理赔 包.pdf"
    target.write_bytes(b"old")
    held = HeldOpen(monkeypatch, target)
    with pytest.raises(FileInUse) as info:
        atomic_write(target, b"new")
    exc = info.value
    assert isinstance(exc, LeiError) and isinstance(exc, PermissionError)  # CLI exit 1; OSError handlers
    assert str(target) in exc.message("zh") and "关闭" in exc.message("zh")
    assert str(target) in exc.message("en") and "Close it" in exc.message("en")
    assert target.read_bytes() == b"old"
    assert _leftovers(folder, {target.name}) == []  # the temporary file is gone
    assert len(held.refused) == len(RETRY_DELAYS) + 1 and sleeps == list(RETRY_DELAYS)


def test_the_retries_last_about_one_second():
    assert 0.9 <= sum(RETRY_DELAYS) <= 1.2


def test_a_brief_antivirus_hold_is_outlasted(tmp_path, monkeypatch, sleeps):
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(b"old")
    held = HeldOpen(monkeypatch, target, times=2)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and len(held.refused) == 2
    assert sleeps == list(RETRY_DELAYS[:2])
    assert _leftovers(tmp_path, {target.name}) == []


def test_other_failures_are_not_retried(tmp_path, monkeypatch, sleeps):
    target = tmp_path / "x.pdf"

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    monkeypatch.setattr(fileio, "on_windows", lambda: True)
    with pytest.raises(OSError) as info:
        atomic_write(target, b"new")
    assert not isinstance(info.value, FileInUse) and sleeps == []
    assert _leftovers(tmp_path, set()) == []


def test_off_windows_a_permission_error_is_what_it_says(tmp_path, monkeypatch, sleeps):
    target = tmp_path / "x.pdf"
    HeldOpen(monkeypatch, target)
    monkeypatch.setattr(fileio, "on_windows", lambda: False)
    with pytest.raises(PermissionError) as info:
        atomic_write(target, b"new")
    assert not isinstance(info.value, FileInUse) and sleeps == []


def test_a_long_chinese_name_still_gets_its_temporary_file(tmp_path):
    # 80 CJK characters = 240 UTF-8 bytes: the name fits, but ".<name>.<random>.tmp" would not
    target = tmp_path / ("费用明细" * 20 + ".xlsx")
    atomic_write(target, b"data")
    assert target.read_bytes() == b"data"


# --- every writer the user meets ---------------------------------------------------------------------


def test_workbook_export_names_the_open_workbook(win_store, tmp_path, monkeypatch, sleeps):
    from lei_desktop.services.exports import export_xlsx

    out = tmp_path / "导出 费用.xlsx"
    out.write_bytes(b"old workbook")
    HeldOpen(monkeypatch, out)
    with pytest.raises(FileInUse) as info:
        export_xlsx(win_store, out)
    assert info.value.code == "file_in_use" and str(out) in info.value.en
    assert out.read_bytes() == b"old workbook" and _leftovers(tmp_path, {out.name, "张三 的文档"}) == []


def test_claim_pdf_over_a_pdf_open_in_acrobat(win_store, tmp_path, monkeypatch, sleeps):
    from lei_desktop.services import claim_export, claims

    ref = claims.create_claim(win_store, "D1")
    ref = getattr(ref, "ref", ref)
    out = tmp_path / "理赔 申请.pdf"
    out.write_bytes(b"%PDF- old")
    HeldOpen(monkeypatch, out)
    with pytest.raises(FileInUse):
        claim_export.export_claim(win_store, ref, out)
    assert out.read_bytes() == b"%PDF- old" and _leftovers(tmp_path, {out.name, "张三 的文档"}) == []


def test_backup_over_an_open_archive(win_store, tmp_path, monkeypatch, sleeps):
    from lei_desktop.services import backup

    out = tmp_path / "备份.leibak"
    out.write_bytes(b"old archive")
    HeldOpen(monkeypatch, out)
    with pytest.raises(FileInUse) as info:
        backup.create_backup(win_store, out)
    assert info.value.field == "--out" and out.read_bytes() == b"old archive"


def test_cli_refuses_with_exit_1_and_one_line_naming_the_file(win_store, tmp_path, monkeypatch, sleeps, capsys):
    from lei_desktop.cli import main
    from lei_desktop.services import claims

    ref = claims.create_claim(win_store, "D1")
    ref = getattr(ref, "ref", ref)
    db = str(win_store.path)
    win_store.close()
    out = tmp_path / "理赔 申请.pdf"
    out.write_bytes(b"%PDF- old")
    HeldOpen(monkeypatch, out)
    code = main(["--db", db, "--lang", "zh", "claim", "export", ref, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert len(err.strip().splitlines()) == 1 and str(out) in err and "关闭" in err and "内部错误" not in err
    assert out.read_bytes() == b"%PDF- old"
    code = main(["--db", db, "--lang", "en", "backup", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and str(out) in err and "open in another program" in err


def test_temporary_names_stay_short_for_windows_260_character_paths(tmp_path, monkeypatch):
    seen = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (seen.append(src), real(src, dst))[1])
    target = tmp_path / ("理赔申请书及费用明细表" * 4 + ".pdf")
    atomic_write(target, b"x")
    from lei_desktop.reports.common import atomic_output

    with atomic_output(target) as tmp:
        tmp.write_bytes(b"y")
    assert target.read_bytes() == b"y" and len(seen) == 2
    for src in seen:
        assert os.path.dirname(src) == str(tmp_path) and len(os.path.basename(src)) <= 40 and ".pdf." in str(src)


def test_a_killed_backups_leftover_is_still_found_by_rotation(win_store, tmp_path):
    import time as clock

    from lei_desktop.fileio import short_name
    from lei_desktop.services import backup

    folder = tmp_path / "backups"
    folder.mkdir()
    name = "账本 2026--20260101T000000000000Z-exit" + backup.SUFFIX
    leftover = folder / f".{short_name(name)}.k1ll3d.tmp"  # as atomic_write names its temporary file
    leftover.write_bytes(b"half")
    old = clock.time() - 7200
    os.utime(leftover, (old, old))
    backup.rotate(win_store, folder)
    assert not leftover.exists()
