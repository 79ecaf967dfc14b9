"""The shared PostgreSQL store: migrations, backup and restore across SQLite and PostgreSQL, check,
attachments seen by every officer. Runs when LEI_TEST_PG_URL is set (CI starts the server)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from lei_desktop.services import attachments, backup, expenses, integrity, restore, scenario
from lei_desktop.services.store import Store
from lei_desktop.store import migrate
from lei_desktop.store.models import Base

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.7 shared " * 300


def _export(store: Store, path: Path) -> bytes:
    scenario.export(store, path)
    return path.read_bytes()


def test_migrations_on_postgresql_match_the_models(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        Store(pg_url).close()
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_attachments_live_in_the_database_for_every_officer(pg_url, example_path):
    a = Store(pg_url, actor="officer-1")
    b = Store(pg_url, actor="officer-2")
    try:
        scenario.load(a, example_path)
        attachments.add_attachment(a, "expense", "E1", "invoice.pdf", PDF, "invoice")
        seen = attachments.list_attachments(b, "expense", "E1")
        assert [x.filename for x in seen] == ["invoice.pdf"]
        assert attachments.blob(b, hashlib.sha256(PDF).hexdigest()) == PDF
    finally:
        a.close()
        b.close()


def test_backup_of_postgresql_restores_into_sqlite_and_back(pg_url, example_path, tmp_path):
    with Store(pg_url, actor="tester") as pg:
        scenario.load(pg, example_path)
        attachments.add_attachment(pg, "expense", "E2", "r.pdf", PDF, "payment_proof")
        original = _export(pg, tmp_path / "orig" / "s.json")
        archive = tmp_path / "pg.leibak"
        info = backup.create_backup(pg, archive, password=b"pw")
        assert info.manifest["source"] == "postgresql"
        assert [a["sha256"] for a in info.manifest["attachments"]] == [hashlib.sha256(PDF).hexdigest()]
        e1 = expenses.get_expense(pg, "E1")
        expenses.update_expense(pg, "E1", replace(e1, amount=Decimal("1.00")), e1.version)

    # into SQLite
    lite = tmp_path / "lite.sqlite3"
    restore.restore(archive, lite, b"pw")
    with Store(lite) as s:
        assert _export(s, tmp_path / "lite" / "s.json") == original
        assert integrity.check(s).ok

    # back into PostgreSQL, over the edited data: the edit is gone, ids continue after the restored ones
    result = restore.restore(archive, pg_url, b"pw")
    assert result.safety_copy is not None and result.safety_copy.is_file()
    with Store(pg_url, actor="tester") as pg:
        assert _export(pg, tmp_path / "back" / "s.json") == original
        e1 = expenses.get_expense(pg, "E1")
        assert e1.amount == Decimal("12500.00")
        expenses.create_expense(pg, replace(e1, ref="E-NEW", version=1))  # the id sequence was moved on
        attachments.add_attachment(pg, "expense", "E-NEW", "n.pdf", b"new", "invoice")
        report = integrity.check(pg)
        assert report.ok and report.blobs_checked == 2


def test_an_sqlite_backup_restores_into_postgresql(pg_url, example_path, tmp_path):
    lite = tmp_path / "lite.sqlite3"
    with Store(lite, actor="tester") as s:
        scenario.load(s, example_path)
        original = _export(s, tmp_path / "a" / "s.json")
        backup.create_backup(s, tmp_path / "lite.leibak")
    restore.restore(tmp_path / "lite.leibak", pg_url)
    with Store(pg_url) as pg:
        assert _export(pg, tmp_path / "b" / "s.json") == original


def test_check_on_postgresql_rehashes_every_attachment(pg_url, example_path):
    with Store(pg_url, actor="tester") as pg:
        scenario.load(pg, example_path)
        attachments.add_attachment(pg, "expense", "E1", "invoice.pdf", PDF, "invoice")
        assert integrity.check(pg).ok
        with pg.engine.begin() as conn:
            conn.execute(text("UPDATE blob SET data = :d"), {"d": b"tampered"})
        report = integrity.check(pg)
        assert [p["code"] for p in report.problems] == ["check_blob_hash"]


def test_lei_cli_with_a_postgresql_url(pg_url, example_path, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8"}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "lei_desktop.cli", "--db", pg_url, *args],
                              capture_output=True, text=True, env=env, timeout=120)

    assert cli("load", str(example_path)).returncode == 0
    r = cli("backup", "--out", str(tmp_path / "pg.leibak"))
    assert r.returncode == 0, r.stderr
    r = cli("check")
    assert r.returncode == 0 and "all checks passed" in r.stdout, r.stderr
    r = cli("restore", str(tmp_path / "pg.leibak"))
    assert r.returncode == 0, r.stderr
    assert cli("export-json", str(tmp_path / "out.json")).returncode == 0


def test_a_postgresql_store_is_backed_up_before_a_migration(pg_url, example_path, tmp_path):
    from alembic import command

    with Store(pg_url, actor="tester") as pg:
        scenario.load(pg, example_path)
        command.downgrade(migrate.alembic_config(pg.engine), "0001_initial")
    with Store(pg_url, actor="tester") as pg:  # migrates again, after the automatic backup
        assert migrate.current_revision(pg.engine) == migrate.head_revision()
        found = backup.list_backups(pg)
    assert len(found) == 1 and "pre-migrate" in found[0].name
    result = restore.restore(found[0], tmp_path / "copy.sqlite3")
    assert result.migrated_from == "0001_initial"
    with Store(tmp_path / "copy.sqlite3") as copy:
        assert expenses.get_expense(copy, "E2").currency == "JPY"


def test_times_survive_a_postgresql_server_outside_utc(pg_url, example_path, tmp_path):
    """A server in Beijing time: the SQLite copy must still hold UTC (and the way back too)."""
    from lei_desktop.services import audit

    sep = "&" if "?" in pg_url else "?"
    shanghai = f"{pg_url}{sep}options=-c%20timezone%3DAsia/Shanghai"
    with Store(shanghai, actor="tester") as pg:
        with pg.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW timezone").scalar() == "Asia/Shanghai"
        scenario.load(pg, example_path)
        times = [e.as_json()["at"] for e in audit.all_events(pg)]
        backup.create_backup(pg, tmp_path / "sh.leibak")
    restore.restore(tmp_path / "sh.leibak", tmp_path / "lite.sqlite3")
    with Store(tmp_path / "lite.sqlite3") as lite:
        assert [e.as_json()["at"] for e in audit.all_events(lite)] == times
    restore.restore(tmp_path / "sh.leibak", shanghai)
    with Store(shanghai) as pg:
        assert [e.as_json()["at"] for e in audit.all_events(pg)] == times
