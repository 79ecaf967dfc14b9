"""Claim lifecycle through the services: assessment, checklist, submission and freezing,
supplementary claims, the insurer's decisions and payments, reconciliation, scenario files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from lei_desktop.domain.errors import Conflict, LeiError, NotFound, ValidationError
from lei_desktop.domain.fx import FxRate
from lei_desktop.services import attachments, claims, expenses, rates, scenario
from lei_desktop.store.models import AuditEventRow

D = Decimal
# the example scenario's lines (settlement.md §7): E1 attorney 89,042.50; E2 travel 46,128.00;
# E3 travel 14,246.80; E4 other, needs consent, 21,370.20
E1, E2, E3 = D("89042.50"), D("46128.00"), D("14246.80")
DEDUCTIBLE, SHARE, TRAVEL_SUB_LIMIT = D("20000.00"), D("0.80"), D("50000.00")


def complete_documents(store, refs=("E1", "E2", "E3")):
    attachments.add_attachment(store, "dispute", "D1", "complaint.pdf", b"%PDF complaint", "complaint")
    attachments.add_attachment(store, "dispute", "D1", "engagement.pdf", b"%PDF engagement", "engagement_letter")
    for ref in refs:
        attachments.add_attachment(store, "expense", ref, f"inv-{ref}.pdf", f"invoice {ref}".encode(), "invoice")
        attachments.add_attachment(store, "expense", ref, f"pay-{ref}.pdf", f"paid {ref}".encode(), "payment_proof")


def test_worked_example_through_the_services(loaded_store):
    ref = claims.create_claim(loaded_store, "D1")
    assert ref.startswith("CL-") and ref.endswith("-0001")
    doc = claims.assess(loaded_store, ref)
    assert [ln["expense"] for ln in doc["lines"]] == ["E1", "E2", "E3", "E4"]
    assert (doc["covered"], doc["gross"], doc["deductible_applied"], doc["insurer_share"], doc["payable"]) == (
        "149417.30", "139042.50", "20000.00", "95234.00", "95234.00")
    assert doc["payable_in_words"] == "人民币玖万伍仟贰佰叁拾肆元整"
    assert doc["claim_kind"] == "initial" and doc["policy"]["ref"] == "P1" and doc["company"]["uscc"]
    assert doc["lines"][3]["decision"] == "needs_consent"
    assert doc["lines"][3]["reasons"][0]["code"] == "consent_missing"
    assert doc["lines"][3]["reasons"][0]["zh"] and doc["lines"][3]["reasons"][0]["en"]
    listed = claims.list_claims(loaded_store)
    assert listed[0]["payable"] == D("95234.00") and listed[0]["paid"] == D("0.00")


def test_submission_is_refused_while_documents_are_missing_unless_overridden(loaded_store):
    ref = claims.create_claim(loaded_store, "D1", ["E1", "E3"])
    items = {i["code"]: i for i in claims.checklist(loaded_store, ref)}
    assert not items["complaint"]["ok"] and items["invoices"]["missing"] == ["E1", "E3"]
    assert items["consent_letters"]["ok"] and items["fx_statement"]["ok"]
    with pytest.raises(Conflict) as exc:
        claims.submit(loaded_store, ref)
    assert exc.value.code == "checklist_incomplete" and "E1, E3" in exc.value.en and "E1, E3" in exc.value.zh
    with pytest.raises(ValidationError):
        claims.submit(loaded_store, ref, override="   ")
    assert claims.get_claim(loaded_store, ref).status == "draft"
    claims.submit(loaded_store, ref, override="originals follow by courier")
    c = claims.get_claim(loaded_store, ref)
    assert (c.status, c.override_reason) == ("submitted", "originals follow by courier")
    with loaded_store.session() as s:
        ev = s.scalars(select(AuditEventRow).where(AuditEventRow.ref == ref, AuditEventRow.action == "submit")).one()
        assert ev.changes["override_reason"] == [None, "originals follow by courier"]
        assert "invoices" in ev.changes["checklist_missing"][1]


def test_complete_claim_submits_without_override(loaded_store):
    complete_documents(loaded_store)
    ref = claims.create_claim(loaded_store, "D1", ["E1", "E2", "E3"])
    assert all(i["ok"] for i in claims.checklist(loaded_store, ref))
    doc = claims.submit(loaded_store, ref)
    assert doc["status"] == "submitted" and doc["override_reason"] is None
    assert {a["kind"] for a in doc["lines"][0]["attachments"]} == {"invoice", "payment_proof"}


def test_submission_freezes_lines_rates_and_assessment(loaded_store):
    ref = claims.create_claim(loaded_store, "D1", ["E1", "E3"])
    frozen = claims.submit(loaded_store, ref, override="test")
    # the rate table changes afterwards: the submitted claim does not
    rates.save_rates(loaded_store, [FxRate(date(2026, 4, 1), "USD", D("7.5000"), 1, "corrected")])
    again = claims.assess(loaded_store, ref)
    assert again["payable"] == frozen["payable"] and again["lines"] == frozen["lines"]
    assert again["lines"][0]["rate"] == "7.1234" and again["frozen"] is True
    c = claims.get_claim(loaded_store, ref)
    assert [(ln.expense, ln.rate, ln.cny) for ln in c.lines] == [("E1", D("7.1234"), E1), ("E3", D("7.1234"), E3)]
    # a draft sees the new rate
    draft = claims.create_claim(loaded_store, "D1", ["E2", "E4"])
    assert claims.assess(loaded_store, draft)["lines"][1]["rate"] == "7.5"


def test_frozen_expenses_cannot_be_edited_or_deleted(loaded_store, tmp_path):
    ref = claims.create_claim(loaded_store, "D1", ["E1"])
    e1 = expenses.get_expense(loaded_store, "E1")
    # before submission a draft's expense may still change
    expenses.update_expense(loaded_store, "E1", replace(e1, payee="Smith & Lee LLP (Dallas)"))
    claims.submit(loaded_store, ref, override="test")
    e1 = expenses.get_expense(loaded_store, "E1")
    for attempt in (
        lambda: expenses.update_expense(loaded_store, "E1", replace(e1, amount=D("1.00"))),
        lambda: expenses.delete_expense(loaded_store, "E1"),
        lambda: attachments.add_attachment(loaded_store, "expense", "E1", "x.pdf", b"x", "invoice"),
    ):
        with pytest.raises(Conflict) as exc:
            attempt()
        assert exc.value.code == "frozen" and ref in exc.value.en
    # loading a file that changes it is refused as a whole; loading it unchanged is fine
    doc = json.loads(scenario.export(loaded_store, tmp_path / "s.json") and (tmp_path / "s.json").read_text("utf-8"))
    assert scenario.load(loaded_store, tmp_path / "s.json").counts["expenses"]["same"] == 4
    doc["expenses"][0]["amount"] = "99.00"
    (tmp_path / "bad.json").write_text(json.dumps(doc), "utf-8")
    with pytest.raises(Conflict) as exc:
        scenario.load(loaded_store, tmp_path / "bad.json")
    assert exc.value.field.startswith("expenses[0]")
    # E2 is in no submitted claim: still editable
    e2 = expenses.get_expense(loaded_store, "E2")
    expenses.update_expense(loaded_store, "E2", replace(e2, payee="Hotel"))
    # frozen for submitted, under review and settled; released by rejection
    claims.start_review(loaded_store, ref)
    with pytest.raises(Conflict):
        expenses.delete_expense(loaded_store, "E1")
    claims.reject(loaded_store, ref, "not a covered proceeding")
    expenses.update_expense(loaded_store, "E1", replace(e1, payee="edited after rejection"))


def test_supplementary_claim_sequence(loaded_store):
    first = claims.create_claim(loaded_store, "D1", ["E1", "E3"])
    doc1 = claims.submit(loaded_store, first, override="test")
    share1 = ((E1 + E3) - DEDUCTIBLE) * SHARE  # travel 14,246.80 is under its sub-limit
    assert D(doc1["payable"]) == share1.quantize(D("0.01")) == D("66631.44")

    second = claims.create_claim(loaded_store, "D1")  # the rest: E2, E4
    c2 = claims.get_claim(loaded_store, second)
    assert c2.expense_refs == ("E2", "E4") and c2.supplementary_to == first
    doc2 = claims.assess(loaded_store, second)
    assert doc2["claim_kind"] == "supplementary" and doc2["supplementary_to"] == first
    travel = next(c for c in doc2["categories"] if c["category"] == "travel_lodging")
    room = TRAVEL_SUB_LIMIT - E3
    assert (D(travel["prior_used"]), D(travel["allowed"])) == (E3, min(E2, room))
    assert D(doc2["deductible_applied"]) == 0  # used once per dispute, by the first claim
    share2 = (min(E2, room) * SHARE).quantize(D("0.01"))
    assert D(doc2["payable"]) == share2
    assert D(doc2["per_claim_prior"]) == share1

    # the first is settled for less than its payable: the supplementary counts it at the amount paid
    claims.settle(loaded_store, first, "60000.00", "2026-05-03")
    assert D(claims.assess(loaded_store, second)["per_claim_prior"]) == D("60000.00")
    doc2 = claims.submit(loaded_store, second, override="test")
    assert doc2["status"] == "submitted" and D(doc2["payable"]) == share2
    with pytest.raises(Conflict):
        claims.create_claim(loaded_store, "D1")  # nothing left to claim
    # an expense already in a submitted claim is excluded from a new one
    third = claims.create_claim(loaded_store, "D1", ["E1"])
    line = claims.assess(loaded_store, third)["lines"][0]
    assert (line["decision"], line["reasons"][0]["code"]) == ("excluded", "already_claimed")
    assert first in line["reasons"][0]["en"]


def test_insurer_decisions_payments_and_reconciliation(loaded_store):
    ref = claims.create_claim(loaded_store, "D1", ["E1", "E2", "E3"])
    doc = claims.submit(loaded_store, ref, override="test")
    payable = D(doc["payable"])
    rec = claims.reconcile(loaded_store)
    assert rec["claims"][0]["claimed"] == payable and rec["claims"][0]["outstanding"] == payable
    claims.decide_line(loaded_store, ref, "E1", "reduced", amount="80000.00", reason="rates above guideline")
    claims.decide_line(loaded_store, ref, "E2", "approved")
    claims.decide_line(loaded_store, ref, "E3", "rejected", reason="no boarding pass")
    assert claims.get_claim(loaded_store, ref).status == "under_review"
    approved = ((D("80000.00") + min(E2, TRAVEL_SUB_LIMIT)) - DEDUCTIBLE) * SHARE
    rec = claims.reconcile(loaded_store, policy="P1")
    assert rec["claims"][0]["approved"] == approved.quantize(D("0.01"))
    claims.record_payment(loaded_store, ref, "50000.00", "2026-06-01", "PAY-1")
    rec = claims.reconcile(loaded_store, dispute="D1")
    assert rec["claims"][0]["paid"] == D("50000.00")
    assert rec["disputes"]["D1"]["outstanding"] == approved.quantize(D("0.01")) - D("50000.00")
    claims.settle(loaded_store, ref, approved.quantize(D("0.01")) - D("50000.00"), "2026-06-20")
    c = claims.get_claim(loaded_store, ref)
    assert c.status == "settled" and c.paid == approved.quantize(D("0.01"))
    rec = claims.reconcile(loaded_store)
    assert rec["policies"]["P1"]["paid"] == c.paid and rec["total"]["outstanding"] == 0
    with pytest.raises(Conflict):
        claims.decide_line(loaded_store, ref, "E1", "approved")  # settled claims take no more decisions


def test_line_decisions_are_checked(loaded_store):
    ref = claims.create_claim(loaded_store, "D1", ["E1"])
    claims.submit(loaded_store, ref, override="test")
    with pytest.raises(ValidationError):
        claims.decide_line(loaded_store, ref, "E1", "reduced")  # no amount
    with pytest.raises(ValidationError):
        claims.decide_line(loaded_store, ref, "E1", "reduced", amount="999999.00")  # above the line
    with pytest.raises(ValidationError):
        claims.decide_line(loaded_store, ref, "E1", "rejected")  # no reason
    with pytest.raises(ValidationError):
        claims.decide_line(loaded_store, ref, "E1", "maybe")
    with pytest.raises(NotFound):
        claims.decide_line(loaded_store, ref, "E2", "approved")


def test_status_transitions_are_enforced(loaded_store):
    ref = claims.create_claim(loaded_store, "D1", ["E1"])
    for attempt in (lambda: claims.settle(loaded_store, ref, "1.00", "2026-05-01"),
                    lambda: claims.start_review(loaded_store, ref),
                    lambda: claims.reject(loaded_store, ref, "x"),
                    lambda: claims.record_payment(loaded_store, ref, "1.00", "2026-05-01")):
        with pytest.raises(Conflict) as exc:
            attempt()
        assert exc.value.code == "claim_status" and "draft" in exc.value.en and "草稿" in exc.value.zh
    claims.submit(loaded_store, ref, override="test")
    with pytest.raises(Conflict):
        claims.submit(loaded_store, ref, override="again")
    with pytest.raises(ValidationError):
        claims.reject(loaded_store, ref, "  ")
    with pytest.raises(ValidationError):
        claims.settle(loaded_store, ref, "-5.00", "2026-05-01")
    with pytest.raises(ValidationError):
        claims.settle(loaded_store, ref, "5.001", "2026-05-01")
    claims.withdraw(loaded_store, ref)
    assert claims.get_claim(loaded_store, ref).status == "withdrawn"
    # withdrawn claims free their expenses and count for nothing
    again = claims.create_claim(loaded_store, "D1", ["E1"])
    assert claims.assess(loaded_store, again)["lines"][0]["decision"] == "covered"


def test_create_refuses_bad_expense_lists(loaded_store):
    with pytest.raises(NotFound):
        claims.create_claim(loaded_store, "D9")
    with pytest.raises(LeiError) as exc:
        claims.create_claim(loaded_store, "D1", ["E1", "E1"])
    assert exc.value.field == "expenses[1]"
    with pytest.raises(NotFound):
        claims.create_claim(loaded_store, "D1", ["E1", "E77"])
    claims.create_claim(loaded_store, "D1", ["E1"], ref="MY-1")
    with pytest.raises(Conflict):
        claims.create_claim(loaded_store, "D1", ["E2"], ref="MY-1")


def _with_claims(example_path, tmp_path, section) -> object:
    doc = json.loads(example_path.read_text("utf-8"))
    doc["claims"] = section
    path = tmp_path / "with-claims.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def test_scenario_claims_section_loads_and_round_trips(store, example_path, tmp_path):
    from lei_desktop.services import Store

    path = _with_claims(example_path, tmp_path, [
        {"ref": "CL-A", "dispute": "D1", "expenses": ["E1", "E3"], "status": "settled", "paid": "60000.00",
         "paid_on": "2026-05-03"},
        {"ref": "CL-B", "dispute": "D1", "status": "under_review",
         "decisions": [{"expense": "E2", "decision": "approved"}]},
    ])
    report = scenario.load(store, path)
    assert report.counts["claims"] == {"create": 2}
    listed = {c["ref"]: c for c in claims.list_claims(store)}
    assert listed["CL-A"]["status"] == "settled" and listed["CL-A"]["paid"] == D("60000.00")
    assert listed["CL-B"]["claim_kind"] == "supplementary" and listed["CL-B"]["status"] == "under_review"
    out = tmp_path / "out" / "s.json"
    scenario.export(store, out)
    with Store(tmp_path / "copy.sqlite3") as copy:
        scenario.load(copy, out)
        assert [(c["ref"], c["status"], c["payable"], c["paid"]) for c in claims.list_claims(copy)] == [
            (c["ref"], c["status"], c["payable"], c["paid"]) for c in claims.list_claims(store)]
        assert scenario.load(copy, out).counts["claims"] == {"same": 2}


def test_scenario_claims_section_errors_name_the_path(store, example_path, tmp_path):
    path = _with_claims(example_path, tmp_path, [{"ref": "CL-A", "dispute": "D1", "status": "flying"}])
    with pytest.raises(ValidationError) as exc:
        scenario.load(store, path)
    assert exc.value.field == "claims[0].status"
    path = _with_claims(example_path, tmp_path, [{"ref": "CL-A", "dispute": "D1", "expenses": ["E1", "E99"]}])
    with pytest.raises(LeiError) as exc:
        scenario.load(store, path)
    assert exc.value.field == "claims[0].expenses[1]"
    assert claims.list_claims(store) == [] and expenses.list_expenses(store) == []  # all-or-nothing


def test_scenario_claims_accept_other_spellings_and_no_ref(store, example_path, tmp_path):
    path = _with_claims(example_path, tmp_path, [
        {"dispute": "D1", "expense_refs": ["E1"], "status": "paid", "amount_paid": "100.00",
         "payment_date": "2026-05-01"}])
    scenario.load(store, path)
    (c,) = claims.list_claims(store)
    assert c["ref"].startswith("CL-") and c["status"] == "settled" and c["paid"] == D("100.00")


def test_consent_letters_in_the_checklist(loaded_store):
    from lei_desktop.domain.model import Expense

    expenses.create_expense(loaded_store, Expense(
        ref="E5", dispute="D1", category="translation_notarization", amount=D("3000.00"), currency="CNY",
        invoice_date=date(2026, 4, 1), paid_on=date(2026, 4, 1)))
    ref = claims.create_claim(loaded_store, "D1", ["E5"])
    item = next(i for i in claims.checklist(loaded_store, ref) if i["code"] == "consent_letters")
    assert not item["ok"] and item["missing"] == ["C1"]
    attachments.add_attachment(loaded_store, "consent", "C1", "consent.pdf", b"%PDF consent", "consent_letter")
    item = next(i for i in claims.checklist(loaded_store, ref) if i["code"] == "consent_letters")
    assert item["ok"]
    line = claims.assess(loaded_store, ref)["lines"][0]
    assert (line["decision"], line["consent_use"]) == ("covered", [{"consent": "C1", "cny": "3000.00"}])
    # E4 (other) has no consent at all: named as a category without consent
    claims.set_expenses(loaded_store, ref, ["E4", "E5"])
    item = next(i for i in claims.checklist(loaded_store, ref) if i["code"] == "consent_letters")
    assert not item["ok"] and "other" in item["missing"] and "Other legal costs" in item["detail_en"]


def test_drafts_can_be_changed_and_deleted_submitted_claims_cannot(loaded_store):
    ref = claims.create_claim(loaded_store, "D1", ["E1"])
    claims.set_expenses(loaded_store, ref, ["E1", "E2"])
    assert claims.get_claim(loaded_store, ref).expense_refs == ("E1", "E2")
    assert claims.assess(loaded_store, ref)["payable"] != "0.00"
    claims.delete_claim(loaded_store, ref)
    with pytest.raises(NotFound):
        claims.get_claim(loaded_store, ref)
    ref = claims.create_claim(loaded_store, "D1", ["E1"])
    claims.submit(loaded_store, ref, override="test")
    with pytest.raises(Conflict):
        claims.set_expenses(loaded_store, ref, ["E1", "E2"])
    with pytest.raises(Conflict):
        claims.delete_claim(loaded_store, ref)
    with pytest.raises(Conflict):
        claims.submit(loaded_store, ref, override="x", expected_version=1)  # stale copy
