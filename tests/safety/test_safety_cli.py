"""backup, restore and check as a user runs them: lei-cli in a subprocess, exit codes, one-line refusals."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8"}
    return subprocess.run([sys.executable, "-m", "lei_desktop.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def loaded(tmp_path: Path, example_path: Path, name: str = "a.sqlite3") -> Path:
    db = tmp_path / name
    r = cli("--db", str(db), "load", str(example_path))
    assert r.returncode == 0, r.stderr
    return db


def test_backup_restore_round_trip_and_check(tmp_path, example_path):
    db = loaded(tmp_path, example_path)
    archive = tmp_path / "ledger.leibak"
    r = cli("--db", str(db), "backup", "--out", str(archive), "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["encrypted"] is False and doc["manifest"]["format"] == "lei-backup"
    target = tmp_path / "restored.sqlite3"
    r = cli("--db", str(target), "restore", str(archive))
    assert r.returncode == 0, r.stderr
    assert "restored" in r.stdout
    r = cli("--db", str(target), "check")
    assert r.returncode == 0 and "all checks passed" in r.stdout
    a, b = tmp_path / "x" / "a.json", tmp_path / "y" / "b.json"
    assert cli("--db", str(db), "export-json", str(a)).returncode == 0
    assert cli("--db", str(target), "export-json", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_encrypted_backup_wrong_then_right_password(tmp_path, example_path):
    db = loaded(tmp_path, example_path)
    pw, bad = tmp_path / "pw.txt", tmp_path / "bad.txt"
    pw.write_text("s3cret 密码\n", "utf-8")
    bad.write_text("guess\n", "utf-8")
    archive = tmp_path / "enc.leibak"
    r = cli("--db", str(db), "backup", "--out", str(archive), "--password-file", str(pw))
    assert r.returncode == 0 and "encrypted" in r.stdout, r.stderr
    assert not zipfile.is_zipfile(archive)
    target = tmp_path / "t.sqlite3"
    r = cli("--db", str(target), "restore", str(archive))
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "--password-file" in r.stderr
    r = cli("--db", str(target), "restore", str(archive), "--password-file", str(bad))
    assert r.returncode == 1 and "wrong password" in r.stderr
    r = cli("--db", str(target), "restore", str(archive), "--password-file", str(bad), lang="zh")
    assert r.returncode == 1 and "密码错误" in r.stderr
    assert not target.exists()
    r = cli("--db", str(target), "restore", str(archive), "--password-file", str(pw))
    assert r.returncode == 0, r.stderr
    assert cli("--db", str(target), "check").returncode == 0


def test_archives_built_to_escape_the_target_folder_are_refused(tmp_path, example_path):
    db = loaded(tmp_path, example_path)
    good = tmp_path / "good.leibak"
    assert cli("--db", str(db), "backup", "--out", str(good)).returncode == 0
    with zipfile.ZipFile(good) as zf:
        manifest, data = zf.read("manifest.json"), zf.read("db.sqlite3")
    victim = tmp_path / "victim"
    victim.mkdir()
    for name in ("../../escaped.sqlite3", "/tmp/escaped-abs.sqlite3", "..\\escaped.sqlite3"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("manifest.json", manifest)
            zf.writestr("db.sqlite3", data)
            zf.writestr(name, data)
        hostile = tmp_path / "hostile.leibak"
        hostile.write_bytes(buf.getvalue())
        r = cli("--db", str(victim / "store.sqlite3"), "restore", str(hostile))
        assert r.returncode == 1, r.stderr
        assert name in r.stderr and "unsafe" in r.stderr
        assert r.stderr.count("\n") == 1
    assert not (tmp_path / "escaped.sqlite3").exists() and not (tmp_path.parent / "escaped.sqlite3").exists()
    assert not Path("/tmp/escaped-abs.sqlite3").exists()
    assert not (victim / "store.sqlite3").exists()


def test_a_store_damaged_on_disk_fails_check_with_a_readable_report(tmp_path, example_path):
    db = loaded(tmp_path, example_path)
    archive = tmp_path / "good.leibak"
    assert cli("--db", str(db), "backup", "--out", str(archive)).returncode == 0
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(db, "r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(bytes((i * 53) % 256 for i in range(4096 * 4)))
    r = cli("--db", str(db), "check")
    assert r.returncode == 1
    assert "problem" in r.stderr and "integrity" in r.stderr
    r = cli("--db", str(db), "check", lang="zh")
    assert r.returncode == 1 and "完整性检查失败" in r.stderr
    r = cli("--db", str(db), "check", "--json")
    assert r.returncode == 1 and json.loads(r.stdout)["ok"] is False
    r = cli("--db", str(db), "backup", "--out", str(tmp_path / "of-damaged.leibak"))
    assert r.returncode == 1 and "damaged" in r.stderr
    # the way back: restore the good backup over the damaged store
    r = cli("--db", str(db), "restore", str(archive))
    assert r.returncode == 0, r.stderr
    assert cli("--db", str(db), "check").returncode == 0


def test_foreign_files_are_refused_with_one_line(tmp_path):
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    r = cli("--db", str(tmp_path / "s.sqlite3"), "restore", str(junk))
    assert r.returncode == 1 and "not a backup made by this app" in r.stderr and r.stderr.count("\n") == 1
    r = cli("--db", str(tmp_path / "s.sqlite3"), "restore", str(tmp_path / "nothing.leibak"))
    assert r.returncode == 1 and "does not exist" in r.stderr


def test_history_shows_who_changed_what_for_an_expense_and_a_claim(tmp_path, example_path):
    db = loaded(tmp_path, example_path)
    r = cli("--db", str(db), "claim", "create", "--dispute", "D1", "--json")
    assert r.returncode == 0, r.stderr
    claim = json.loads(r.stdout)["claim"]
    r = cli("--db", str(db), "history", "expense", "E1", "--json")
    assert r.returncode == 0, r.stderr
    events = json.loads(r.stdout)["events"]
    assert events[0]["action"] == "create" and events[0]["changes"]["amount"] == [None, "12500.00"]
    assert any(e["entity"] == "claim" and e["ref"] == claim for e in events)
    r = cli("--db", str(db), "history", "claim", claim)
    assert r.returncode == 0 and "create" in r.stdout and "expenses" in r.stdout
    doc_path = tmp_path / "out" / "s.json"
    assert cli("--db", str(db), "export-json", "--audit", str(doc_path)).returncode == 0
    audit = json.loads(doc_path.read_text("utf-8"))["audit"]
    assert [e for e in audit if e["entity"] == "claim" and e["action"] == "create"]


def test_any_command_on_a_damaged_store_says_so_instead_of_crashing(tmp_path, example_path):
    db = loaded(tmp_path, example_path)
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(db, "r+b") as fh:
        fh.write(b"definitely not SQLite")
    r = cli("--db", str(db), "export-json", str(tmp_path / "out.json"))
    assert r.returncode == 1, r.stderr
    assert "damaged" in r.stderr and "lei-cli check" in r.stderr and r.stderr.count("\n") == 1


def test_backups_lists_the_automatic_backups_and_sets_the_rotation(tmp_path, example_path):
    db = loaded(tmp_path, example_path)
    data = tmp_path / "data"
    env_cli = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "lei_desktop.cli", "--db", str(db), *a], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", "LEI_DATA_DIR": str(data)})
    code = ("import sys; from lei_desktop.services import backup; from lei_desktop.services.store import Store\n"
            f"s = Store({str(db)!r})\n"
            "for _ in range(4): backup.auto_backup(s)\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120,
                   env={**os.environ, "PYTHONPATH": str(ROOT), "LEI_DATA_DIR": str(data)})
    r = env_cli("backups", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["keep"] == 10 and len(doc["backups"]) == 4
    r = env_cli("backups", "--keep", "2", "--json")
    doc = json.loads(r.stdout)
    assert doc["keep"] == 2 and len(doc["backups"]) == 2
    assert sorted(p.name for p in (data / "backups").iterdir()) == sorted(Path(p).name for p in doc["backups"])
    r = env_cli("backups", "--keep", "0")
    assert r.returncode == 1 and "backup.keep" in r.stderr
