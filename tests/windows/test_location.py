"""A database in a OneDrive-synced folder or on a network drive is named as a risk, not refused."""

from __future__ import annotations

from lei_desktop.services.location import DRIVE_REMOTE, location_text, location_warning

ENV = {"OneDrive": r"C:\Users\张三\OneDrive - 北京某某科技有限公司", "LOCALAPPDATA": r"C:\Users\张三\AppData\Local"}


def _local(_root: str) -> int:
    return 3  # DRIVE_FIXED


def win(path: str, drive_type=_local):
    found = location_warning(path, windows=True, environ=ENV, drive_type=drive_type)
    return found and found[0]


def test_onedrive_folders_are_named():
    assert win(r"C:\Users\张三\OneDrive - 北京某某科技有限公司\文档\lei.sqlite3") == "db_in_synced_folder"
    assert win(r"c:\users\张三\onedrive - 北京某某科技有限公司\lei.sqlite3") == "db_in_synced_folder"  # any case
    assert win(r"D:\OneDrive\理赔\lei.sqlite3") == "db_in_synced_folder"  # by its folder name
    assert win(r"D:\坚果云\lei.sqlite3") == "db_in_synced_folder"


def test_local_folders_pass():
    assert win(r"C:\Users\张三\AppData\Local\lei_desktop\lei_desktop.sqlite3") is None
    assert win(r"C:\Users\张三\Documents\OneDrive备忘\lei.sqlite3") is None  # only the sync folder itself
    assert win(r"C:\数据\OneDrive.sqlite3") is None  # the file's own name is no folder


def test_network_shares_and_mapped_drives():
    assert win(r"\\fileserver\法务\lei.sqlite3") == "db_on_network"
    assert win(r"Z:\法务\lei.sqlite3", drive_type=lambda root: DRIVE_REMOTE if root == "Z:\\" else 3) == "db_on_network"
    assert win(r"\\?\C:\很长的路径\lei.sqlite3") is None


def test_the_message_names_the_file_in_both_languages():
    path = r"D:\OneDrive\理赔\lei.sqlite3"
    zh = location_text(path, "zh", windows=True, environ=ENV, drive_type=_local)
    en = location_text(path, "en", windows=True, environ=ENV, drive_type=_local)
    assert path in zh and "同步" in zh and path in en and "OneDrive" in en


def test_lei_cli_check_warns_but_succeeds(tmp_path):
    from tests.cli.test_cli import cli

    db = tmp_path / "OneDrive - 公司" / "账本.sqlite3"
    assert cli("--db", str(db), "init").returncode == 0
    r = cli("--db", str(db), "--lang", "zh", "check")
    assert r.returncode == 0, r.stderr
    assert str(db) in r.stderr and "同步文件夹" in r.stderr
    plain = tmp_path / "plain" / "a.sqlite3"
    assert cli("--db", str(plain), "init").returncode == 0
    r = cli("--db", str(plain), "check")
    assert r.returncode == 0 and r.stderr == ""
