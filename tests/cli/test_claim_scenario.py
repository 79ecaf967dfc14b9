"""A scenario shaped like the acceptance one: several disputes, every exclusion, a sub-limit, a
consent cap, a weekend payment date, a per-100 quote, half-up rounding, a settled prior claim,
another dispute's claim against the aggregate, and a supplementary claim — loaded with
``lei-cli load`` and assessed with ``lei-cli claim``. Each expected figure is derived in the comments
from settlement.md."""

from __future__ import annotations

import json

from lei_desktop.cli import main

POLICY = {
    "ref": "P1", "policy_number": "PICC-T-1", "period_start": "2026-01-01", "period_end": "2026-12-31",
    "retroactive_date": "2025-01-01", "territories": ["US", "EU", "JP"], "ip_types": ["patent", "trademark"],
    "roles": ["defendant"], "insured_products": ["X1", "X2"],
    "cost_categories": {
        "attorney_fees": {"covered": True}, "court_fees": {"covered": True}, "expert_witness": {"covered": True},
        "witness_appearance": {"covered": True}, "travel_lodging": {"covered": True, "sub_limit": "50000.00"},
        "translation_notarization": {"covered": True, "requires_consent": True},
        "investigation": {"covered": False}, "other": {"covered": True, "requires_consent": True},
    },
    "deductible": "20000.00", "coinsurance": "0.80", "per_claim_limit": "150000.00", "aggregate_limit": "200000.00",
    "fx_basis": "payment_date", "notice_days": 30,
}


def dispute(ref, **kw):
    d = {"ref": ref, "policy": "P1", "title_zh": ref, "title_en": ref, "ip_type": "patent", "role": "defendant",
         "forum_country": "US", "accused_products": ["X1"], "first_asserted_on": "2026-03-02",
         "infringement_began_on": "2025-06-01", "known_before_inception": False}
    d.update(kw)
    return d


def expense(ref, dispute_ref, category, amount, currency, paid, invoice=None, staff=False):
    return {"ref": ref, "dispute": dispute_ref, "category": category, "amount": amount, "currency": currency,
            "paid_on": paid, "invoice_date": invoice or paid, "payee": "p", "incurred_by_insured_staff": staff}


SCENARIO = {
    "format": "lei-desktop/scenario@1",
    "policies": [POLICY],
    "disputes": [
        dispute("D1"),
        dispute("D2", ip_type="trademark", forum_country="DE", accused_products=["X2"]),
        dispute("D3", forum_country="BR"),
        dispute("D4", ip_type="copyright"),
        dispute("D5", role="plaintiff"),
        dispute("D6", accused_products=["Y9"]),
        dispute("D7", known_before_inception=True),
        dispute("D8", first_asserted_on="2027-02-01"),
        dispute("D9", infringement_began_on="2024-12-31"),
    ],
    "consents": [{"ref": "C1", "dispute": "D1", "granted_on": "2026-03-20", "categories": ["translation_notarization"],
                  "cap": "10000.00"}],
    "fx_rates": [
        {"date": "2026-04-01", "currency": "JPY", "rate": "4.6128", "per": 100},
        {"date": "2026-04-01", "currency": "EUR", "rate": "7.8000", "per": 1},
        {"date": "2026-04-01", "currency": "USD", "rate": "7.0500", "per": 1},
        {"date": "2026-04-03", "currency": "USD", "rate": "7.1000", "per": 1},  # Friday
        {"date": "2026-04-06", "currency": "USD", "rate": "7.2000", "per": 1},  # Monday
    ],
    "expenses": [
        expense("A1", "D1", "attorney_fees", "10000.00", "USD", "2026-04-04", "2026-04-01"),  # Saturday
        expense("T1", "D1", "translation_notarization", "6000.00", "CNY", "2026-04-02"),
        expense("A2", "D1", "travel_lodging", "1234567", "JPY", "2026-04-01"),
        expense("A3", "D1", "travel_lodging", "500.05", "USD", "2026-04-06"),
        expense("A4", "D1", "attorney_fees", "10.15", "USD", "2026-04-03"),
        expense("T2", "D1", "translation_notarization", "7000.00", "CNY", "2026-04-03"),
        expense("I1", "D1", "investigation", "1000.00", "USD", "2026-04-06"),
        expense("B1", "D1", "attorney_fees", "2000.00", "USD", "2026-04-06", "2026-02-27"),
        expense("S1", "D1", "expert_witness", "3000.00", "USD", "2026-04-06", staff=True),
        expense("O1", "D1", "other", "800.00", "USD", "2026-04-06"),
        expense("X1", "D1", "attorney_fees", "100.00", "GBP", "2026-04-06"),
        expense("G1", "D2", "attorney_fees", "25000.00", "EUR", "2026-04-01"),
        *[expense(f"Z{d}", f"D{d}", "attorney_fees", "100.00", "USD", "2026-04-06") for d in range(3, 10)],
    ],
}


def run(db, capsys, *args):
    code = main(["--db", str(db), "--lang", "en", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def assess(db, capsys, ref):
    return json.loads(run(db, capsys, "claim", "assess", ref, "--json"))


def test_acceptance_shaped_scenario(tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(SCENARIO), "utf-8")
    run(db, capsys, "load", str(path))

    # every dispute exclusion, each on its own dispute
    for d, code in (("D3", "territory"), ("D4", "ip_type"), ("D5", "role"), ("D6", "product"),
                    ("D7", "known_before_inception"), ("D8", "outside_period"), ("D9", "before_retroactive_date")):
        ref = run(db, capsys, "claim", "create", "--dispute", d).strip()
        doc = assess(db, capsys, ref)
        assert [r["code"] for r in doc["dispute_reasons"]] == [code]
        assert doc["lines"][0]["decision"] == "excluded" and doc["payable"] == "0.00"
        run(db, capsys, "claim", "withdraw", ref)

    # claim 1 of D1: A1 (Saturday -> Friday's 7.1000: 71,000.00) and T1 (6,000.00 CNY, inside the consent)
    c1 = run(db, capsys, "claim", "create", "--dispute", "D1", "--expenses", "A1,T1").strip()
    doc = assess(db, capsys, c1)
    a1 = doc["lines"][0]
    assert (a1["rate"], a1["rate_date"], a1["cny"], a1["decision"]) == ("7.1", "2026-04-03", "71000.00", "covered")
    assert a1["rate_note"]["code"] == "rate_earlier"
    # 77,000.00 − 20,000.00 = 57,000.00 × 0.80 = 45,600.00
    assert (doc["covered"], doc["deductible_applied"], doc["payable"]) == ("77000.00", "20000.00", "45600.00")
    run(db, capsys, "claim", "submit", c1, "--override", "documents follow")
    run(db, capsys, "claim", "settle", c1, "--paid", "45000.00", "--date", "2026-05-15")

    # D2's claim: 25,000 EUR × 7.80 = 195,000.00; − 20,000 = 175,000 × 0.80 = 140,000.00
    # (per-claim room 150,000; aggregate room 200,000 − 45,000 paid on claim 1 = 155,000)
    c3 = run(db, capsys, "claim", "create", "--dispute", "D2").strip()
    doc = assess(db, capsys, c3)
    assert (doc["gross"], doc["insurer_share"], doc["aggregate_room"], doc["payable"]) == (
        "195000.00", "140000.00", "155000.00", "140000.00")
    run(db, capsys, "claim", "submit", c3, "--override", "documents follow")

    # the supplementary claim of D1 takes the rest
    c2 = run(db, capsys, "claim", "create", "--dispute", "D1").strip()
    doc = assess(db, capsys, c2)
    assert doc["claim_kind"] == "supplementary" and doc["supplementary_to"] == c1
    lines = {ln["expense"]: ln for ln in doc["lines"]}
    # 1,234,567 JPY × 4.6128 / 100 = 56,948.106576 -> 56,948.11
    assert (lines["A2"]["cny"], lines["A2"]["rate_per"]) == ("56948.11", 100)
    # 500.05 USD × 7.2000 = 3,600.36 ; 10.15 USD × 7.1000 = 72.065 -> 72.07 (half-up)
    assert lines["A3"]["cny"] == "3600.36" and lines["A4"]["cny"] == "72.07"
    # consent C1 cap 10,000: claim 1's T1 used 6,000, so T2 (7,000) is covered for 4,000
    assert (lines["T2"]["decision"], lines["T2"]["covered_cny"]) == ("needs_consent", "4000.00")
    assert [r["code"] for r in lines["T2"]["reasons"]] == ["consent_cap"]
    expected = {"I1": ("excluded", "category_not_covered"), "B1": ("excluded", "before_dispute"),
                "S1": ("excluded", "insured_staff"), "O1": ("needs_consent", "consent_missing"),
                "X1": ("blocked", "no_fx_rate")}
    for ref, (decision, code) in expected.items():
        assert (lines[ref]["decision"], lines[ref]["reasons"][0]["code"], lines[ref]["covered_cny"]) == (
            decision, code, "0.00"), ref
    # covered = 56,948.11 + 3,600.36 + 72.07 + 4,000.00 = 64,620.54
    # travel 60,548.47 cut to the 50,000.00 sub-limit: gross = 50,000.00 + 72.07 + 4,000.00 = 54,072.07
    # deductible already used by claim 1: 0; × 0.80 = 43,257.656 -> 43,257.66
    # per-claim room 150,000 − 45,000 (claim 1 at the amount paid) = 105,000.00
    # aggregate room 200,000 − 45,000 − 140,000 = 15,000.00 -> payable 15,000.00
    assert (doc["covered"], doc["gross"], doc["deductible_applied"], doc["insurer_share"]) == (
        "64620.54", "54072.07", "0.00", "43257.66")
    assert (doc["per_claim_room"], doc["aggregate_room"], doc["payable"]) == ("105000.00", "15000.00", "15000.00")
    assert doc["payable_in_words"] == "人民币壹万伍仟元整"

    listed = {c["claim"]: c for c in json.loads(run(db, capsys, "claim", "list", "--json"))["claims"]}
    assert (listed[c1]["status"], listed[c1]["payable"], listed[c1]["paid"]) == ("settled", "45600.00", "45000.00")
    assert (listed[c3]["status"], listed[c3]["payable"]) == ("submitted", "140000.00")
