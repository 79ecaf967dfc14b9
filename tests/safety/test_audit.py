"""The audit trail: amounts, currencies, links and claim states, who and when, before and after;
append-only in the database; per expense and per claim; in export-json."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from lei_desktop.services import attachments, audit, claims, expenses, scenario
from lei_desktop.services.store import Store


def test_expense_history_records_amount_currency_link_and_attachments(loaded_store):
    e3 = expenses.get_expense(loaded_store, "E3")
    other = Store(loaded_store.url, actor="officer-2")
    try:
        expenses.update_expense(other, "E3", replace(e3, amount=Decimal("777.00"), currency="EUR"), e3.version)
    finally:
        other.close()
    info = attachments.add_attachment(loaded_store, "expense", "E3", "inv.pdf", b"%PDF-1.4 x", "invoice")
    attachments.remove_attachment(loaded_store, info.id)
    trail = audit.history(loaded_store, "expense", "E3")
    actions = [t.action for t in trail]
    assert actions[0] == "create" and actions[-3:] == ["update", "attach", "detach"]
    update = trail[-3]
    assert update.actor == "officer-2" and update.at.year >= 2026
    assert update.changes["amount"] == [str(e3.amount), "777.00"]
    assert update.changes["currency"] == [e3.currency, "EUR"]
    assert trail[0].changes["dispute"] == [None, e3.dispute]  # the link, as created
    assert trail[-1].changes["attachment"][0]["file"] == "inv.pdf" and trail[-1].changes["attachment"][1] is None


def test_claim_history_records_each_state_and_the_expense_sees_its_claims(loaded_store):
    ref = claims.create_claim(loaded_store, "D1")
    claims.submit(loaded_store, ref, override="audit test")
    claims.start_review(loaded_store, ref)
    trail = audit.history(loaded_store, "claim", ref)
    assert [t.action for t in trail][:2] == ["create", "submit"]
    assert trail[1].changes["status"] == ["draft", "submitted"]
    assert any(t.changes.get("status") == ["submitted", "under_review"] for t in trail[2:])
    member = trail[0].changes["expenses"][1][0]
    seen = [(t.entity, t.action) for t in audit.history(loaded_store, "expense", member)]
    assert ("claim", "create") in seen and ("claim", "submit") in seen


def test_the_database_refuses_to_change_or_delete_audit_events(loaded_store):
    for sql in ("UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError) as info:
            with loaded_store.engine.begin() as conn:
                conn.execute(text(sql))
        assert "append-only" in str(info.value)
    assert {t.actor for t in audit.all_events(loaded_store)} == {"tester"}


def test_export_json_carries_the_trail_and_loading_it_back_ignores_it(loaded_store, tmp_path):
    e1 = expenses.get_expense(loaded_store, "E1")
    expenses.update_expense(loaded_store, "E1", replace(e1, amount=Decimal("1.50")), e1.version)
    out = tmp_path / "s.json"
    scenario.export(loaded_store, out, optional={"audit"})
    doc = json.loads(out.read_text("utf-8"))
    events = doc["audit"]
    assert len(events) == len(audit.all_events(loaded_store))
    last = events[-1]
    assert (last["entity"], last["ref"], last["action"], last["actor"]) == ("expense", "E1", "update", "tester")
    assert last["changes"]["amount"] == [str(e1.amount), "1.50"] and last["at"].endswith("+00:00")
    with Store(tmp_path / "copy.sqlite3", actor="loader") as copy:
        report = scenario.load(copy, out)
        assert not [w for w in report.warnings if "audit" in w]
        assert {t.actor for t in audit.all_events(copy)} == {"loader"}  # its own history, not the file's


def test_an_imported_expense_shows_the_ledes_invoice_it_came_from(loaded_store):
    from pathlib import Path

    from lei_desktop.services import imports

    data = (Path(__file__).resolve().parents[1] / "data" / "ledes" / "canonical_1998b.txt").read_bytes()
    preview = imports.preview_ledes(loaded_store, data, "D1", currency="USD", filename="canonical.txt")
    result = imports.commit(loaded_store, preview)
    trail = audit.history(loaded_store, "expense", result.refs[0])
    assert [(t.entity, t.action) for t in trail] == [("ledes_invoice", "import")]
    assert trail[0].changes["file"] == [None, "canonical.txt"]
