"""Revision 0003_docs3 (company.legal_representative, expense.service_date): upgrading an 0002 store
with data keeps every row; downgrading drops the two columns and nothing else."""

from __future__ import annotations

import json
import sqlite3

import pytest
from alembic import command
from sqlalchemy import func, inspect, select

from lei_desktop.services import Store, scenario
from lei_desktop.services.enrolment import get_company
from lei_desktop.store import migrate
from lei_desktop.store.models import AuditEventRow, ExpenseRow


def _counts(db) -> dict:
    raw = sqlite3.connect(db)
    try:
        tables = [r[0] for r in raw.execute("select name from sqlite_master where type='table'")]
        return {t: raw.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables if t != "alembic_version"}
    finally:
        raw.close()


@pytest.mark.sqlite_only
def test_upgrade_from_0002_keeps_the_data(tmp_path, example_path):
    db = tmp_path / "old.sqlite3"
    with Store(db, actor="tester") as s:
        scenario.load(s, example_path)
        command.downgrade(migrate.alembic_config(s.engine), "0002_safety")
        assert migrate.current_revision(s.engine) == "0002_safety"
        cols = {c["name"] for c in inspect(s.engine).get_columns("company")}
        assert "legal_representative" not in cols
        assert "service_date" not in {c["name"] for c in inspect(s.engine).get_columns("expense")}
    before = _counts(db)
    raw = sqlite3.connect(db)
    expense_rows = raw.execute("select ref, amount_minor, currency, paid_on from expense order by ref").fetchall()
    triggers = sorted(r[0] for r in raw.execute("select name from sqlite_master where type='trigger'"))
    raw.close()
    assert before["expense"] == 4 and before["company"] == 1 and before["audit_event"] > 0

    with Store(db, actor="tester") as s:  # opening migrates to head
        assert migrate.current_revision(s.engine) == migrate.head_revision()
        company = get_company(s)
        assert company.legal_representative == "" and company.name_zh == "北京星河智造科技有限公司"
        with s.session() as ses:
            assert ses.scalar(select(func.count()).select_from(ExpenseRow)) == 4
            assert ses.scalar(select(func.count()).select_from(AuditEventRow)) >= before["audit_event"]
    after = _counts(db)
    assert {t: n for t, n in after.items() if t not in ("audit_event",)} == {
        t: n for t, n in before.items() if t not in ("audit_event",)}
    raw = sqlite3.connect(db)
    assert raw.execute("select ref, amount_minor, currency, paid_on from expense order by ref").fetchall() == expense_rows
    assert sorted(r[0] for r in raw.execute("select name from sqlite_master where type='trigger'")) == triggers
    assert raw.execute("pragma foreign_key_check").fetchall() == []
    assert {r[0] for r in raw.execute("select service_date from expense")} == {None}
    raw.close()


def test_new_store_round_trips_the_new_fields(store, example_path, tmp_path):
    doc = json.loads(example_path.read_text("utf-8"))
    doc["company"]["legal_representative"] = "张三"
    src = tmp_path / "s.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    scenario.load(store, src)
    assert get_company(store).legal_representative == "张三"
