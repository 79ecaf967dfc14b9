from dataclasses import replace
from decimal import Decimal

import pytest

from lei_desktop.domain.errors import Conflict, NotFound, ValidationError
from lei_desktop.domain.validation import company_from_dict, expense_from_dict
from lei_desktop.services import attachments, disputes, enrolment, expenses, policies, rates, scenario
from lei_desktop.services.store import Store
from lei_desktop.store.models import AuditEventRow


def test_example_scenario_loads_and_reads_back(loaded_store):
    company = enrolment.get_company(loaded_store)
    assert company.uscc == "91110108MA01XH7K2R" and company.overseas_revenue_share == Decimal("0.45")
    p = policies.get_policy(loaded_store, "P1")
    assert p.terms("travel_lodging").sub_limit == Decimal("50000.00") and p.coinsurance == Decimal("0.80")
    assert p.terms("investigation").covered is False and p.terms("other").requires_consent is True
    assert p.subsidy == Decimal("48000.00")
    e2 = expenses.get_expense(loaded_store, "E2")
    assert (e2.amount, e2.currency) == (Decimal("1000000"), "JPY")
    assert [r.per for r in rates.list_rates(loaded_store)] == [100, 1]
    assert disputes.list_consents(loaded_store, "D1")[0].cap == Decimal("30000.00")


def test_expense_update_delete_and_the_audit_trail(loaded_store):
    e1 = expenses.get_expense(loaded_store, "E1")
    changed = expenses.update_expense(loaded_store, "E1", replace(e1, amount=Decimal("12600.00")), e1.version)
    assert changed.amount == Decimal("12600.00") and changed.version == e1.version + 1
    with loaded_store.session() as s:
        events = s.query(AuditEventRow).filter_by(entity="expense", ref="E1", action="update").all()
    assert events and events[-1].changes["amount"] == ["12500.00", "12600.00"]
    assert events[-1].actor == "tester"
    expenses.delete_expense(loaded_store, "E4")
    with pytest.raises(NotFound):
        expenses.get_expense(loaded_store, "E4")


def test_a_stale_edit_is_refused(loaded_store):
    e1 = expenses.get_expense(loaded_store, "E1")
    expenses.update_expense(loaded_store, "E1", replace(e1, payee="A"), e1.version)
    with pytest.raises(Conflict) as info:
        expenses.update_expense(loaded_store, "E1", replace(e1, payee="B"), e1.version)
    assert info.value.code == "stale"
    assert expenses.get_expense(loaded_store, "E1").payee == "A"


def test_duplicate_refs_and_missing_links_are_refused(loaded_store):
    e1 = expenses.get_expense(loaded_store, "E1")
    with pytest.raises(Conflict):
        expenses.create_expense(loaded_store, e1)
    with pytest.raises(NotFound) as info:
        expenses.create_expense(loaded_store, replace(e1, ref="E9", dispute="NOPE"))
    assert info.value.field == "dispute"
    with pytest.raises(Conflict) as info:
        policies.delete_policy(loaded_store, "P1")
    assert info.value.code == "in_use"


def test_validation_names_the_field_in_both_languages():
    with pytest.raises(ValidationError) as info:
        expense_from_dict({"ref": "E1", "dispute": "D1", "category": "attorney_fees", "amount": "1.5",
                           "currency": "JPY"})
    assert info.value.field == "amount" and "JPY" in info.value.zh and "JPY" in info.value.en
    with pytest.raises(ValidationError) as info:
        expense_from_dict({"ref": "E1", "dispute": "D1", "category": "lunch", "amount": "1", "currency": "USD"})
    assert info.value.field == "category"


def test_a_failing_uscc_needs_an_override_reason():
    base = {"name_zh": "某公司", "uscc": "91350100M0001TGQXM"}
    with pytest.raises(ValidationError) as info:
        company_from_dict(base)
    assert info.value.code == "uscc_override_needed" and info.value.field == "uscc"
    c = company_from_dict({**base, "uscc_override": "early Fujian pilot code, as on the licence"})
    assert c.uscc_override


def test_attachments_are_content_addressed_and_deduplicated(loaded_store, tmp_path):
    data = b"%PDF-1.4 receipt"
    a = attachments.add_attachment(loaded_store, "expense", "E1", "r.pdf", data, "invoice")
    b = attachments.add_attachment(loaded_store, "expense", "E2", "copy.pdf", data, "invoice")
    assert a.sha256 == b.sha256 and attachments.blob(loaded_store, a.sha256) == data
    assert sorted(attachments.find_by_hash(loaded_store, a.sha256)) == [("expense", "E1"), ("expense", "E2")]
    with pytest.raises(ValidationError):
        attachments.add_attachment(loaded_store, "expense", "E1", "x", data, "selfie")


def test_export_load_export_is_identical(loaded_store, tmp_path):
    attachments.add_attachment(loaded_store, "expense", "E1", "发票.pdf", b"%PDF-1.4 a", "invoice")
    attachments.add_attachment(loaded_store, "dispute", "D1", "complaint.pdf", b"%PDF-1.4 c", "complaint")
    first = tmp_path / "one" / "export.json"
    scenario.export(loaded_store, first)
    other = Store(tmp_path / "other.sqlite3")
    scenario.load(other, first)
    second = tmp_path / "two" / "export.json"
    scenario.export(other, second)
    assert first.read_bytes() == second.read_bytes()
    assert (second.parent / "export.files").is_dir()
    other.close()


def test_a_bad_file_changes_nothing_and_names_the_json_path(loaded_store, example_path, tmp_path):
    import json

    doc = json.loads(example_path.read_text("utf-8"))
    doc["expenses"][3]["amount"] = "12.345"
    doc["expenses"][0]["amount"] = "99999.00"  # would change E1 if the load went half-way
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    with pytest.raises(ValidationError) as info:
        scenario.load(loaded_store, bad)
    assert info.value.field == "expenses[3].amount"
    assert expenses.get_expense(loaded_store, "E1").amount == Decimal("12500.00")


def test_loading_the_same_file_twice_changes_nothing(loaded_store, example_path):
    report = scenario.load(loaded_store, example_path)
    changed = {section: {k: v for k, v in actions.items() if k != "same" and v} for section, actions in report.counts.items()}
    assert all(not c for c in changed.values()), changed


def test_paged_query_sorts_and_filters_in_sql(loaded_store):
    q = expenses.ExpenseQuery(sort="amount", descending=True)
    refs = [e.ref for e in expenses.page_expenses(loaded_store, q, 0, 10)]
    assert refs == ["E1", "E4", "E3", "E2"]  # amounts compare within a currency: USD before JPY, descending
    q = expenses.ExpenseQuery(text="Lodging")
    assert expenses.count_expenses(loaded_store, q) == 1
    assert [e.ref for e in expenses.page_expenses(loaded_store, q, 0, 10)] == ["E2"]


def test_demo_builds_realistic_data(store):
    from lei_desktop.services import demo

    counts = demo.build(store, n_expenses=40)
    assert counts["expenses"] == 40 and counts["attachments"] >= 40
    currencies = {e.currency for e in expenses.list_expenses(store)}
    assert {"USD", "EUR", "JPY", "CNY"} <= currencies
    assert {d.forum_country for d in disputes.list_disputes(store)} == {"US", "DE", "JP"}
    table = rates.rate_table(store)
    for e in expenses.list_expenses(store):
        assert e.currency == "CNY" or table.lookup(e.currency, e.paid_on) is not None
    assert not demo.is_empty(store)

