"""Backup and restore through the services: round trips, encryption, rotation, hostile archives."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import stat
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from lei_desktop.domain.errors import LeiError
from lei_desktop.services import attachments, backup, expenses, restore, scenario
from lei_desktop.services.store import Store
from lei_desktop.store import migrate

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _export(store: Store, path: Path) -> bytes:
    scenario.export(store, path)
    return path.read_bytes()


@pytest.fixture
def plain_store(db_path):
    """An SQLite store, for tests whose subject is the archive rather than the database server."""
    s = Store(db_path, actor="tester")
    yield s
    s.close()


@pytest.fixture
def rich_store(loaded_store):
    attachments.add_attachment(loaded_store, "expense", "E1", "invoice.pdf", PDF, "invoice")
    attachments.add_attachment(loaded_store, "expense", "E2", "receipt.png", b"\x89PNG" + b"x" * 999, "payment_proof")
    return loaded_store


def test_round_trip_restores_everything_into_a_new_file(rich_store, tmp_path):
    archive = tmp_path / "ledger.leibak"
    info = backup.create_backup(rich_store, archive)
    assert not info.encrypted and archive.is_file()
    m = info.manifest
    assert m["format"] == "lei-backup" and m["schema_revision"] == migrate.head_revision()
    from lei_desktop import __version__

    assert m["app_version"] == __version__
    assert sorted(a["sha256"] for a in m["attachments"]) == sorted(
        [hashlib.sha256(PDF).hexdigest(), hashlib.sha256(b"\x89PNG" + b"x" * 999).hexdigest()]
    )
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == ["db.sqlite3", "manifest.json"]
        db_bytes = zf.read("db.sqlite3")
    assert m["members"]["db.sqlite3"] == {"sha256": hashlib.sha256(db_bytes).hexdigest(), "size": len(db_bytes)}

    target = tmp_path / "restored.sqlite3"
    result = restore.restore(archive, target)
    assert result.migrated_from is None and result.safety_copy is None
    with Store(target, actor="tester") as again:
        assert _export(again, tmp_path / "b" / "s.json") == _export(rich_store, tmp_path / "a" / "s.json")
        assert attachments.blob(again, hashlib.sha256(PDF).hexdigest()) == PDF


@pytest.mark.sqlite_only
def test_restore_over_an_existing_store_replaces_it_and_keeps_a_safety_copy(rich_store, tmp_path, db_path):
    archive = tmp_path / "before.leibak"
    backup.create_backup(rich_store, archive)
    before = _export(rich_store, tmp_path / "a" / "s.json")
    e1 = expenses.get_expense(rich_store, "E1")
    expenses.update_expense(rich_store, "E1", replace(e1, amount=Decimal("99.00")), e1.version)
    rich_store.close()  # the app is closed while restoring
    result = restore.restore(archive, db_path)
    assert result.safety_copy is not None and result.safety_copy.is_file()
    with Store(db_path, actor="tester") as back:
        assert _export(back, tmp_path / "b" / "s.json") == before
        assert expenses.get_expense(back, "E1").amount == Decimal("12500.00")
    # the safety copy holds the edit that the restore replaced
    restore.restore(result.safety_copy, tmp_path / "safety.sqlite3")
    with Store(tmp_path / "safety.sqlite3") as saved:
        assert expenses.get_expense(saved, "E1").amount == Decimal("99.00")


def test_encrypted_backup_hides_its_content_and_needs_the_right_password(rich_store, tmp_path):
    archive = tmp_path / "secret.leibak"
    backup.create_backup(rich_store, archive, password=b"correct horse")
    raw = archive.read_bytes()
    assert raw.startswith(backup.MAGIC)
    assert b"PK\x03\x04" not in raw and b"manifest" not in raw and b"SQLite format" not in raw
    assert PDF[:200] not in raw and b"91110108MA01XH7K2R" not in raw
    with pytest.raises(LeiError) as info:
        restore.restore(archive, tmp_path / "x.sqlite3")
    assert info.value.code == "restore_needs_password"
    with pytest.raises(LeiError) as info:
        restore.restore(archive, tmp_path / "x.sqlite3", password=b"wrong horse")
    assert info.value.code == "restore_bad_password"
    assert not (tmp_path / "x.sqlite3").exists()
    # one flipped bit in the ciphertext is refused like a wrong password
    tampered = bytearray(raw)
    tampered[-40] ^= 1
    (tmp_path / "tampered.leibak").write_bytes(bytes(tampered))
    with pytest.raises(LeiError) as info:
        restore.restore(tmp_path / "tampered.leibak", tmp_path / "x.sqlite3", password=b"correct horse")
    assert info.value.code == "restore_bad_password"
    restore.restore(archive, tmp_path / "x.sqlite3", password=b"correct horse")
    with Store(tmp_path / "x.sqlite3") as back:
        assert attachments.blob(back, hashlib.sha256(PDF).hexdigest()) == PDF


def test_automatic_backups_rotate_keeping_the_setting(rich_store, tmp_path):
    folder = tmp_path / "backups"
    backup.set_keep_count(rich_store, 3)
    made = [backup.auto_backup(rich_store, folder=folder) for _ in range(5)]
    kept = backup.list_backups(rich_store, folder)
    assert kept == sorted(made[-3:], reverse=True)
    assert all(not p.exists() for p in made[:2])


def _at_revision(db: Path, example: Path, revision: str) -> None:
    """A store with the example data, taken back to an older schema revision."""
    from alembic import command

    with Store(db, actor="tester") as s:
        scenario.load(s, example)
        command.downgrade(migrate.alembic_config(s.engine), revision)
        assert migrate.current_revision(s.engine) == revision


def test_backup_before_a_migration(tmp_path, example_path):
    """Opening a store at an older revision backs it up (as it was) before migrating it."""
    db = tmp_path / "old.sqlite3"
    _at_revision(db, example_path, "0001_initial")
    with Store(db, actor="tester") as s:
        assert migrate.current_revision(s.engine) == migrate.head_revision()
        found = backup.list_backups(s)
    assert len(found) == 1 and "pre-migrate" in found[0].name
    with zipfile.ZipFile(found[0]) as zf:
        assert json.loads(zf.read("manifest.json"))["schema_revision"] == "0001_initial"


def test_an_archive_from_an_older_schema_is_migrated(tmp_path, example_path):
    old = tmp_path / "old.sqlite3"
    _at_revision(old, example_path, "0001_initial")
    archive = tmp_path / "old.leibak"
    archive.write_bytes(backup.build_archive(old, "sqlite"))
    assert json.loads(zipfile.ZipFile(archive).read("manifest.json"))["schema_revision"] == "0001_initial"
    result = restore.restore(archive, tmp_path / "new.sqlite3")
    assert result.migrated_from == "0001_initial"
    with Store(tmp_path / "new.sqlite3", upgrade=False) as s:
        assert migrate.current_revision(s.engine) == migrate.head_revision()
        assert expenses.get_expense(s, "E2").currency == "JPY"


def test_an_empty_archive_database_is_built_up_to_the_newest_schema(tmp_path):
    old = tmp_path / "old.sqlite3"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.commit()
    con.close()
    archive = tmp_path / "old.leibak"
    archive.write_bytes(backup.build_archive(old, "sqlite"))
    result = restore.restore(archive, tmp_path / "new.sqlite3")
    assert result.migrated_from == "empty"
    with Store(tmp_path / "new.sqlite3", upgrade=False) as s:
        assert migrate.current_revision(s.engine) == migrate.head_revision()


# --- hostile and damaged archives ---------------------------------------------------------------


def _good_parts(store: Store, tmp_path: Path) -> tuple[dict, bytes]:
    archive = tmp_path / "good.leibak"
    backup.create_backup(store, archive)
    with zipfile.ZipFile(archive) as zf:
        return json.loads(zf.read("manifest.json")), zf.read("db.sqlite3")


def _zip(members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info, data)
    return buf.getvalue()


def _refused(tmp_path: Path, data: bytes, code: str, password: bytes | None = None) -> LeiError:
    archive = tmp_path / "hostile.leibak"
    archive.write_bytes(data)
    target = tmp_path / "target" / "store.sqlite3"
    with pytest.raises(LeiError) as info:
        restore.restore(archive, target, password)
    assert info.value.code == code, info.value.en
    assert info.value.en and info.value.zh and info.value.en != info.value.zh
    # nothing was written beside the target: no store, no staging folder
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir()] in ([], ["store.sqlite3.lock"])
    return info.value


@pytest.mark.parametrize(
    "name, why",
    [
        ("../escape.sqlite3", "traversal"),
        ("sub/../../escape", "traversal"),
        ("/etc/cron.d/evil", "absolute"),
        ("C:/Windows/evil.dll", "absolute"),
        ("..\\..\\evil", "backslash"),
    ],
)
def test_member_names_escaping_the_folder_are_refused(plain_store, tmp_path, name, why):
    manifest, db = _good_parts(plain_store, tmp_path)
    err = _refused(tmp_path, _zip([("manifest.json", json.dumps(manifest)), ("db.sqlite3", db), (name, b"x")]),
                   "restore_unsafe_name")
    assert name in err.en
    assert not (tmp_path / "escape.sqlite3").exists() and not (tmp_path.parent / "escape.sqlite3").exists()


def test_a_symlink_member_is_refused(plain_store, tmp_path):
    manifest, db = _good_parts(plain_store, tmp_path)
    link = zipfile.ZipInfo("db.sqlite3")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    _refused(tmp_path, _zip([("manifest.json", json.dumps(manifest)), (link, b"/etc/passwd")]), "restore_link")


def test_unexpected_and_duplicate_members_are_refused(plain_store, tmp_path):
    manifest, db = _good_parts(plain_store, tmp_path)
    _refused(tmp_path, _zip([("manifest.json", json.dumps(manifest)), ("db.sqlite3", db), ("run.sh", b"rm -rf")]),
             "restore_unexpected_member")
    with pytest.warns(UserWarning):  # zipfile itself warns about the duplicate name
        data = _zip([("manifest.json", json.dumps(manifest)), ("db.sqlite3", db), ("db.sqlite3", db)])
    _refused(tmp_path, data, "restore_duplicate_member")
    _refused(tmp_path, _zip([("manifest.json", json.dumps(manifest))]), "restore_missing_member")


def test_a_member_far_larger_than_declared_is_refused(plain_store, tmp_path):
    """A compression bomb: the manifest declares a small database, the member inflates to 64 MiB."""
    manifest, db = _good_parts(plain_store, tmp_path)
    bomb = db + b"\0" * (64 * 1024 * 1024)
    manifest["members"]["db.sqlite3"] = {"sha256": hashlib.sha256(db).hexdigest(), "size": len(db)}
    data = _zip([("manifest.json", json.dumps(manifest)), ("db.sqlite3", bomb)])
    assert len(data) < 1024 * 1024  # small on disk
    err = _refused(tmp_path, data, "restore_size_mismatch")
    assert str(len(db)) in err.en


def test_a_member_whose_zip_header_lies_about_its_size_is_refused(plain_store, tmp_path):
    manifest, db = _good_parts(plain_store, tmp_path)
    big = db + b"\0" * (8 * 1024 * 1024)
    data = bytearray(_zip([("manifest.json", json.dumps(manifest)), ("db.sqlite3", big)]))
    # rewrite the declared uncompressed size in both headers to the manifest's (small) size
    import struct

    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            name_len = struct.unpack_from("<H", data, at + (26 if sig == b"PK\x03\x04" else 28))[0]
            name_at = at + (30 if sig == b"PK\x03\x04" else 46)
            if bytes(data[name_at : name_at + name_len]) == b"db.sqlite3":
                struct.pack_into("<I", data, at + offset, len(db))
            at += 4
    # zipfile stops inflating at the declared size, so the extra 8 MiB never reach the disk; the
    # CRC of the truncated stream then fails and the archive is refused as damaged
    err = _refused(tmp_path, bytes(data), "restore_damaged_zip")
    assert "db.sqlite3" in err.en


def test_damaged_and_foreign_files_are_refused(plain_store, tmp_path):
    manifest, db = _good_parts(plain_store, tmp_path)
    good = (tmp_path / "good.leibak").read_bytes()
    _refused(tmp_path, b"just some text, not a backup", "restore_foreign")
    _refused(tmp_path, b"%PDF-1.4 " + good, "restore_foreign")
    _refused(tmp_path, good[: len(good) // 2], "restore_damaged_zip")
    altered = bytearray(db)
    altered[5000] ^= 0xFF
    _refused(tmp_path, _zip([("manifest.json", json.dumps(manifest)), ("db.sqlite3", bytes(altered))]),
             "restore_hash_mismatch")
    _refused(tmp_path, _zip([("manifest.json", "{not json"), ("db.sqlite3", db)]), "restore_bad_manifest")
    other = dict(manifest, format="someone-else")
    _refused(tmp_path, _zip([("manifest.json", json.dumps(other)), ("db.sqlite3", db)]), "restore_bad_manifest")
    newer = dict(manifest, format_version=99)
    _refused(tmp_path, _zip([("manifest.json", json.dumps(newer)), ("db.sqlite3", db)]), "restore_newer_format")
    junk = b"not sqlite at all" * 100
    fake = dict(manifest, members={"db.sqlite3": {"sha256": hashlib.sha256(junk).hexdigest(), "size": len(junk)}})
    _refused(tmp_path, _zip([("manifest.json", json.dumps(fake)), ("db.sqlite3", junk)]), "restore_not_sqlite")


def test_an_archive_whose_database_is_damaged_inside_is_refused(rich_store, tmp_path):
    """The manifest hashes match (made by an attacker or a broken disk before hashing) but SQLite's
    own integrity check or the attachment re-hash fails."""
    manifest, db = _good_parts(rich_store, tmp_path)
    work = tmp_path / "w.sqlite3"
    work.write_bytes(db)
    con = sqlite3.connect(work)
    con.execute("UPDATE blob SET data = ? WHERE sha256 = ?", (b"forged", hashlib.sha256(PDF).hexdigest()))
    con.commit()
    con.close()
    forged = work.read_bytes()
    m = dict(manifest, members={"db.sqlite3": {"sha256": hashlib.sha256(forged).hexdigest(), "size": len(forged)}})
    err = _refused(tmp_path, _zip([("manifest.json", json.dumps(m)), ("db.sqlite3", forged)]),
                   "restore_attachment_bad")
    assert hashlib.sha256(PDF).hexdigest() in err.en


def test_an_archive_from_a_newer_app_is_refused(plain_store, tmp_path):
    manifest, db = _good_parts(plain_store, tmp_path)
    work = tmp_path / "w.sqlite3"
    work.write_bytes(db)
    con = sqlite3.connect(work)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    newer = work.read_bytes()
    m = dict(manifest, members={"db.sqlite3": {"sha256": hashlib.sha256(newer).hexdigest(), "size": len(newer)}})
    _refused(tmp_path, _zip([("manifest.json", json.dumps(m)), ("db.sqlite3", newer)]), "restore_unknown_schema")


@pytest.mark.sqlite_only
def test_a_refused_restore_leaves_the_existing_store_untouched(rich_store, tmp_path, db_path):
    before = _export(rich_store, tmp_path / "a" / "s.json")
    rich_store.close()
    hostile = tmp_path / "h.leibak"
    hostile.write_bytes(_zip([("../../x", b"x")]))
    with pytest.raises(LeiError):
        restore.restore(hostile, db_path)
    with Store(db_path) as again:
        assert _export(again, tmp_path / "b" / "s.json") == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".store")) == []


def test_a_stale_wal_beside_the_target_never_leaks_into_the_restored_store(plain_store, tmp_path, example_path):
    """The app was killed with committed pages still in ``-wal``: restoring over it must not let
    SQLite replay that old log onto the new file."""
    archive = tmp_path / "empty.leibak"
    backup.create_backup(plain_store, archive)  # an empty store
    live = tmp_path / "live.sqlite3"
    with Store(live, actor="tester") as s:
        scenario.load(s, example_path)
    con = sqlite3.connect(live)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE expense SET payee = 'only in the wal'")
    con.commit()
    victim = tmp_path / "victim"
    victim.mkdir()
    for suffix in ("", "-wal", "-shm"):  # what a SIGKILL leaves on disk
        src = live.with_name(live.name + suffix)
        if src.exists():
            (victim / ("store.sqlite3" + suffix)).write_bytes(src.read_bytes())
    con.close()
    target = victim / "store.sqlite3"
    assert (victim / "store.sqlite3-wal").stat().st_size > 0
    result = restore.restore(archive, target)
    assert result.safety_copy is not None  # the killed store, wal included, was kept
    from lei_desktop.services import integrity

    assert integrity.check(target).ok
    with Store(target) as s:
        assert expenses.list_expenses(s) == []
    restore.restore(result.safety_copy, tmp_path / "saved.sqlite3")
    with Store(tmp_path / "saved.sqlite3") as s:
        assert {e.payee for e in expenses.list_expenses(s)} == {"only in the wal"}


@pytest.mark.sqlite_only
def test_a_backup_taken_while_another_officer_writes_is_a_consistent_snapshot(loaded_store, db_path, tmp_path):
    """A writer commits one expense (and its audit event) per transaction while backups are taken:
    every snapshot holds whole transactions only."""
    import threading

    stop = threading.Event()
    template = expenses.get_expense(loaded_store, "E1")

    def writer():
        with Store(db_path, actor="officer-2") as other:
            i = 0
            while not stop.is_set():
                expenses.create_expense(other, replace(template, ref=f"W-{i:05d}", version=1, attachments=()))
                i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        archives = []
        for n in range(4):
            archive = tmp_path / f"during-{n}.leibak"
            backup.create_backup(loaded_store, archive)
            archives.append(archive)
    finally:
        stop.set()
        thread.join(30)
    seen = []
    for n, archive in enumerate(archives):
        target = tmp_path / f"r{n}.sqlite3"
        restore.restore(archive, target)
        con = sqlite3.connect(target)
        try:
            rows = con.execute("SELECT COUNT(*) FROM expense WHERE ref LIKE 'W-%'").fetchone()[0]
            events = con.execute("SELECT COUNT(*) FROM audit_event WHERE entity = 'expense' AND ref LIKE 'W-%' "
                                 "AND action = 'create'").fetchone()[0]
        finally:
            con.close()
        assert rows == events
        seen.append(rows)
    assert seen == sorted(seen) and seen[-1] > 0  # the writer really was writing meanwhile
