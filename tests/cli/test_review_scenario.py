"""Independent review scenario (tests/data/scenarios/review.json) run through the real ``lei-cli``.

Every expected figure below is derived by hand from /work/shared/domain/settlement.md, step by step
in the comments; none is copied from the program's output.

Policy P1 (fx_basis payment_date): deductible 10,000.00 per dispute; coinsurance 0.85;
per-claim limit 300,000.00 per dispute; aggregate 320,000.00; travel sub-limit 30,000.00;
translation and "other" need consent; investigation not covered.
Policy P2 (fx_basis invoice_date): deductible 5,000.00; coinsurance 0.80; 500,000 / 1,000,000.

Rates (CNY per unit; JPY per 100):
  USD 04-01 7.0800, 04-03 (Fri) 7.1235, 04-06 (Mon) 7.2000, 06-05 (Fri) 7.1500, 06-08 (Mon) 7.3000
  JPY 04-03 (Fri) 4.7315, 04-06 4.8000, 04-15 4.9000          EUR 04-03 7.7250, 06-05 7.8000
Consents of D1: C1 translation, granted 03-20, cap 15,000.00; C2 other, granted 05-10, cap 10,000.00.
All disputes first asserted on 2026-03-02.

Claims in the file (loaded in this order, each frozen at its own submission):
  CL-2026-0001 (D1, settled, paid 130,000.00 although payable is more)
  CL-2026-0002 (D2, rejected: counts for nothing)
  CL-2026-0003 (D2, under review)
  CL-2026-0004 (D4 under P2, submitted: another policy, never counts against P1)
Then by CLI: the supplementary claim of D1, a claim of D3 (not covered) and one of D5 (floors).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lei_desktop.cli import main

SCENARIO = Path(__file__).resolve().parents[1] / "data" / "scenarios" / "review.json"


def cli(db, capsys, *args, lang="en"):
    code = main(["--db", str(db), "--lang", lang, *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(db, capsys, *args):
    code, out, err = cli(db, capsys, *args)
    assert code == 0, err
    return out


def assess(db, capsys, ref):
    return json.loads(ok(db, capsys, "claim", "assess", ref, "--json"))


def lines_of(doc):
    return {ln["expense"]: ln for ln in doc["lines"]}


def codes(line):
    return [r["code"] for r in line["reasons"]]


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "review.sqlite3"
    ok(path, capsys, "load", str(SCENARIO))
    return path


def test_initial_claim_frozen_at_load(db, capsys):
    doc = assess(db, capsys, "CL-2026-0001")
    assert (doc["status"], doc["claim_kind"]) == ("settled", "initial")
    ln = lines_of(doc)
    # A1: 20,000.00 USD paid Fri 04-03 at 7.1235 = 142,470.00 (the invoice date 04-01 is not the basis)
    assert (ln["A1"]["rate"], ln["A1"]["rate_date"], ln["A1"]["cny"], ln["A1"]["decision"]) == (
        "7.1235", "2026-04-03", "142470.00", "covered")
    # A2: 303,000 JPY paid Saturday 04-04 -> Friday 04-03's 4.7315 per 100:
    #     303,000 × 4.7315 / 100 = 14,336.445 -> half-up 14,336.45 (half-even would give .44;
    #     Monday's 4.8000 would give 14,544.00)
    a2 = ln["A2"]
    assert (a2["amount"], a2["rate"], a2["rate_per"], a2["rate_date"], a2["cny"]) == (
        "303000", "4.7315", 100, "2026-04-03", "14336.45")
    assert a2["rate_note"]["code"] == "rate_earlier" and "2026-04-03" in a2["rate_note"]["en"]
    # A3: 1,500.00 EUR × 7.7250 = 11,587.50, inside C1's cap 15,000.00 -> covered, uses 11,587.50 of C1
    assert (ln["A3"]["cny"], ln["A3"]["covered_cny"], ln["A3"]["decision"]) == ("11587.50", "11587.50", "covered")
    assert ln["A3"]["consent_use"] == [{"consent": "C1", "cny": "11587.50"}]
    # A4: expert paid to the insured's own staff -> excluded, still converted: 2,000 × 7.1235 = 14,247.00
    assert (ln["A4"]["decision"], codes(ln["A4"]), ln["A4"]["cny"], ln["A4"]["covered_cny"]) == (
        "excluded", ["insured_staff"], "14247.00", "0.00")
    # A5: invoiced 02-20, before first_asserted_on 03-02 (although paid 04-03) -> excluded
    assert (ln["A5"]["decision"], codes(ln["A5"])) == ("excluded", ["before_dispute"])
    # A6: "other" paid 04-03, C2 granted only on 05-10 (after the payment) -> consent missing
    assert (ln["A6"]["decision"], codes(ln["A6"]), ln["A6"]["covered_cny"]) == (
        "needs_consent", ["consent_missing"], "0.00")
    # covered = 142,470.00 + 14,336.45 + 11,587.50 = 168,393.95; travel 14,336.45 < 30,000 -> gross same
    # deductible 10,000.00 -> 158,393.95 × 0.85 = 134,634.8575 -> 134,634.86
    # limits: nothing prior (first claim loaded) -> payable 134,634.86
    assert (doc["covered"], doc["gross"], doc["deductible_applied"], doc["insurer_share"], doc["payable"]) == (
        "168393.95", "168393.95", "10000.00", "134634.86", "134634.86")
    assert doc["payable_in_words"] == "人民币壹拾叁万肆仟陆佰叁拾肆元捌角陆分"
    assert doc["paid"] == "130000.00"


def test_rejected_claim_and_other_dispute_and_other_policy(db, capsys):
    # CL-2026-0002 (D2, later rejected), frozen when submitted: G2 30,000.00 EUR × 7.7250 = 231,750.00;
    # − 10,000 = 221,750.00 × 0.85 = 188,487.50; aggregate room 320,000 − 130,000 (CL-0001 paid) = 190,000
    rejected = assess(db, capsys, "CL-2026-0002")
    assert (rejected["status"], rejected["payable"]) == ("rejected", "188487.50")
    # CL-2026-0003 (D2): the rejected claim counts for nothing, so D2's deductible is applied again:
    # G1 25,000.00 EUR paid 06-05 × 7.8000 = 195,000.00; − 10,000.00 = 185,000.00 × 0.85 = 157,250.00
    # per-claim room 300,000.00 (nothing counted for D2); aggregate 320,000 − 130,000 = 190,000.00
    doc = assess(db, capsys, "CL-2026-0003")
    assert (doc["status"], doc["claim_kind"], doc["deductible_applied"]) == ("under_review", "initial", "10000.00")
    assert (doc["per_claim_room"], doc["aggregate_room"], doc["payable"]) == ("300000.00", "190000.00", "157250.00")
    # CL-2026-0004 (D4 under P2, fx_basis invoice_date):
    #   F1 10,000.00 USD invoiced Saturday 04-04 (paid 06-08 at 7.3000, not the basis) -> Friday 04-03's
    #      7.1235 = 71,235.00
    #   F2 1,000,000 JPY invoiced 04-06 (paid 04-15, whose 4.9000 is not the basis) -> 4.8000 per 100 = 48,000.00
    #   covered 119,235.00 − 5,000.00 = 114,235.00 × 0.80 = 91,388.00; P1's claims are not prior for P2
    doc = assess(db, capsys, "CL-2026-0004")
    ln = lines_of(doc)
    assert (ln["F1"]["rate_date"], ln["F1"]["rate_basis_date"], ln["F1"]["cny"]) == (
        "2026-04-03", "2026-04-04", "71235.00")
    assert (ln["F2"]["rate"], ln["F2"]["rate_per"], ln["F2"]["rate_date"], ln["F2"]["cny"]) == (
        "4.8", 100, "2026-04-06", "48000.00")
    assert ln["F2"]["rate_note"] is None
    assert (doc["aggregate_room"], doc["payable"]) == ("1000000.00", "91388.00")


def test_supplementary_claim_every_figure(db, capsys):
    # B3 is listed before B2 on purpose: consent order is payment date, then expense reference.
    ref = ok(db, capsys, "claim", "create", "--dispute", "D1", "--expenses",
             "A1,B3,B2,B1,B4,B5,B6,B7,B8").strip()
    doc = assess(db, capsys, ref)
    assert (doc["status"], doc["claim_kind"], doc["supplementary_to"]) == ("draft", "supplementary", "CL-2026-0001")
    ln = lines_of(doc)
    assert list(ln) == ["A1", "B3", "B2", "B1", "B4", "B5", "B6", "B7", "B8"]
    # A1 is in the settled CL-2026-0001 -> excluded (already claimed), shown at its worth 142,470.00
    assert (ln["A1"]["decision"], codes(ln["A1"]), ln["A1"]["covered_cny"]) == ("excluded", ["already_claimed"], "0.00")
    assert "CL-2026-0001" in ln["A1"]["reasons"][0]["en"]
    # B1: 2,500.00 USD paid Saturday 06-06 -> Friday 06-05's 7.1500 = 17,875.00 (Monday's 7.3000 not used)
    assert (ln["B1"]["rate"], ln["B1"]["rate_date"], ln["B1"]["cny"], ln["B1"]["covered_cny"]) == (
        "7.15", "2026-06-05", "17875.00", "17875.00")
    # consent C1 (cap 15,000.00): CL-2026-0001's A3 used 11,587.50 -> 3,412.50 left.
    # B2 and B3 both paid 06-05: B2 first (reference): 300.00 EUR × 7.8000 = 2,340.00, all inside -> covered;
    # left 3,412.50 − 2,340.00 = 1,072.50. B3: 200.00 EUR × 7.8000 = 1,560.00 crosses the cap:
    # covered 1,072.50, needs consent for 1,560.00 − 1,072.50 = 487.50.
    assert (ln["B2"]["cny"], ln["B2"]["covered_cny"], ln["B2"]["decision"]) == ("2340.00", "2340.00", "covered")
    assert (ln["B3"]["cny"], ln["B3"]["covered_cny"], ln["B3"]["decision"], codes(ln["B3"])) == (
        "1560.00", "1072.50", "needs_consent", ["consent_cap"])
    assert "487.50" in ln["B3"]["reasons"][0]["en"]
    # B4: 8,000.30 USD × 7.1500 = 57,202.145 -> half-up 57,202.15 (half-even: .14)
    assert ln["B4"]["cny"] == "57202.15" and ln["B4"]["decision"] == "covered"
    # B5: "other" paid 06-05, C2 granted 05-10 (cap 10,000): 400.00 × 7.1500 = 2,860.00 covered
    assert (ln["B5"]["covered_cny"], ln["B5"]["decision"]) == ("2860.00", "covered")
    # B6: 1,000.30 CNY at 1
    assert (ln["B6"]["cny"], ln["B6"]["decision"]) == ("1000.30", "covered")
    # B7: invoiced 02-27 (before 03-02) AND insured staff: the first failing rule decides, both reasons listed
    assert (ln["B7"]["decision"], codes(ln["B7"]), ln["B7"]["covered_cny"]) == (
        "excluded", ["before_dispute", "insured_staff"], "0.00")
    # B8: 100.00 GBP, consent C2 fine, but no GBP rate at all -> blocked
    assert (ln["B8"]["decision"], codes(ln["B8"]), ln["B8"]["cny"], ln["B8"]["covered_cny"]) == (
        "blocked", ["no_fx_rate"], None, "0.00")

    # covered = 57,202.15 (attorney) + 1,000.30 (court) + 17,875.00 (travel) + 2,340.00 + 1,072.50 (translation)
    #         + 2,860.00 (other) = 82,349.95
    assert doc["covered"] == "82349.95"
    cats = {c["category"]: c for c in doc["categories"]}
    # travel: the initial claim used 14,336.45 of the 30,000.00 sub-limit -> 15,663.55 left;
    # allowed = min(17,875.00, 15,663.55) = 15,663.55  (the sub-limit crossed across the two claims)
    assert (cats["travel_lodging"]["prior_used"], cats["travel_lodging"]["allowed"]) == ("14336.45", "15663.55")
    assert cats["translation_notarization"]["covered"] == "3412.50"
    # gross = 82,349.95 − 17,875.00 + 15,663.55 = 80,138.50
    # deductible: CL-2026-0001 applied the whole 10,000.00 of D1 -> 0.00 now
    # co-payment: 80,138.50 × 0.85 = 68,117.725 -> half-up 68,117.73 (half-even: .72)
    assert (doc["gross"], doc["deductible_prior"], doc["deductible_applied"], doc["after_deductible"]) == (
        "80138.50", "10000.00", "0.00", "80138.50")
    assert doc["insurer_share"] == "68117.73"
    # per-claim room: 300,000.00 − 130,000.00 (CL-0001 settled: counts at the amount paid) = 170,000.00
    # aggregate room: 320,000.00 − 130,000.00 (CL-0001 paid) − 157,250.00 (CL-0003 payable, under review)
    #   − 0 (CL-0002 rejected) − 0 (CL-0004 is under P2) = 32,750.00
    # payable = min(68,117.73, 170,000.00, 32,750.00) = 32,750.00
    assert (doc["per_claim_prior"], doc["per_claim_room"]) == ("130000.00", "170000.00")
    assert (doc["aggregate_prior"], doc["aggregate_room"]) == ("287250.00", "32750.00")
    assert doc["payable"] == "32750.00"
    assert doc["payable_in_words"] == "人民币叁万贰仟柒佰伍拾元整"
    assert {p["claim"] for p in doc["prior_claims"]} == {"CL-2026-0001", "CL-2026-0003"}

    # submitting freezes the same figures; the list shows them
    sub = json.loads(ok(db, capsys, "claim", "submit", ref, "--override", "originals follow", "--json"))
    assert (sub["status"], sub["payable"]) == ("submitted", "32750.00")
    frozen = assess(db, capsys, ref)
    assert (frozen["status"], frozen["payable"], lines_of(frozen)["B3"]["covered_cny"]) == (
        "submitted", "32750.00", "1072.50")
    listed = {c["claim"]: c for c in json.loads(ok(db, capsys, "claim", "list", "--json"))["claims"]}
    assert (listed["CL-2026-0001"]["payable"], listed["CL-2026-0001"]["paid"]) == ("134634.86", "130000.00")
    assert (listed[ref]["status"], listed[ref]["payable"], listed[ref]["paid"]) == ("submitted", "32750.00", "0.00")

    # D5 (JP, covered): J1 5,000.00 CNY: gross 5,000.00 < deductible 10,000.00 -> applied 5,000.00,
    # share 0.00; aggregate room 320,000 − 130,000 − 157,250 − 32,750 = 0.00 -> payable 0.00
    d5 = ok(db, capsys, "claim", "create", "--dispute", "D5").strip()
    doc = assess(db, capsys, d5)
    assert (doc["gross"], doc["deductible_applied"], doc["after_deductible"], doc["insurer_share"]) == (
        "5000.00", "5000.00", "0.00", "0.00")
    assert (doc["aggregate_room"], doc["payable"], doc["payable_in_words"]) == ("0.00", "0.00", "人民币零元整")


def test_dispute_not_covered(db, capsys):
    # D3: forum BR (territories US, EU, JP) and known before inception: both reasons, in the table's order
    ref = ok(db, capsys, "claim", "create", "--dispute", "D3").strip()
    doc = assess(db, capsys, ref)
    assert [r["code"] for r in doc["dispute_reasons"]] == ["territory", "known_before_inception"]
    t1 = lines_of(doc)["T1"]
    # still converted so the user sees its worth: 500.00 USD × 7.1235 = 3,561.75
    assert (t1["decision"], t1["cny"], t1["covered_cny"]) == ("excluded", "3561.75", "0.00")
    assert codes(t1)[:2] == ["territory", "known_before_inception"]
    assert (doc["covered"], doc["deductible_applied"], doc["payable"], doc["payable_in_words"]) == (
        "0.00", "0.00", "0.00", "人民币零元整")


# --- the CLI contract of cli.md for claim commands -------------------------------------------------

def test_refusals_exit_1_with_one_line_naming_the_field(db, capsys):
    cases = [
        (("claim", "assess", "CL-NOPE", "--json"), "CL-NOPE"),
        (("claim", "settle", "CL-2026-0003", "--paid", "12,3x", "--date", "2026-07-01"), "paid"),
        (("claim", "settle", "CL-2026-0003", "--paid", "-5", "--date", "2026-07-01"), "paid"),
        (("claim", "settle", "CL-2026-0003", "--paid", "100.001", "--date", "2026-07-01"), "paid"),
        (("claim", "settle", "CL-2026-0003", "--paid", "100.00", "--date", "2026-13-01"), "date"),
        (("claim", "settle", "CL-2026-0001", "--paid", "100.00", "--date", "2026-07-01"), "CL-2026-0001"),
        (("claim", "create", "--dispute", "D9"), "D9"),
        (("claim", "create", "--dispute", "D1", "--expenses", "G1"), "G1"),
    ]
    for args, needle in cases:
        code, out, err = cli(db, capsys, *args)
        assert code == 1, (args, err)
        assert err.count("\n") == 1 and "Traceback" not in err, (args, err)
        assert needle in err, (args, err)
    # the same refusal in Chinese
    code, _, err = cli(db, capsys, "claim", "assess", "CL-NOPE", lang="zh")
    assert code == 1 and "CL-NOPE" in err and any("\u4e00" <= ch <= "\u9fff" for ch in err)
    # the refused settle changed nothing
    assert assess(db, capsys, "CL-2026-0003")["status"] == "under_review"


def test_usage_errors_exit_2(db, capsys):
    for args in (("claim", "settle", "CL-2026-0003", "--date", "2026-07-01"), ("claim", "create")):
        with pytest.raises(SystemExit) as exc:
            main(["--db", str(db), *args])
        assert exc.value.code == 2
        capsys.readouterr()


def test_settle_records_the_payment(db, capsys):
    out = json.loads(ok(db, capsys, "claim", "settle", "CL-2026-0003", "--paid", "150000.00", "--date",
                        "2026-07-10", "--json"))
    assert out == {"claim": "CL-2026-0003", "status": "settled", "paid": "150000.00"}


class _ClosedPipe:
    """A stdout whose reader went away."""

    def write(self, s):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self):
        raise OSError("no descriptor")


def test_broken_pipe_is_quiet(db, capsys, monkeypatch):
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    code = main(["--db", str(db), "claim", "assess", "CL-2026-0001", "--json"])
    monkeypatch.undo()
    _, err = capsys.readouterr()
    assert code == 141 and err == ""


def test_assess_json_piped_to_head(db, tmp_path):
    # the real thing: `lei-cli claim assess REF --json | head -1` prints no internal error
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    cmd = f'"{sys.executable}" -m lei_desktop.cli --db "{db}" claim assess CL-2026-0001 --json | head -1'
    done = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout == "{\n"
    assert done.stderr == ""


def test_export_then_load_gives_the_same_frozen_claims_back(tmp_path, capsys):
    """cli.md: "`load` of [export-json] into an empty database gives the same data back" — also when a
    claim was settled only after a later claim had been submitted (the replay follows the times)."""
    raw = json.loads(SCENARIO.read_text("utf-8"))
    raw.pop("claims")
    src = tmp_path / "no_claims.json"
    src.write_text(json.dumps(raw), "utf-8")
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    ok(a, capsys, "load", str(src))
    ok(a, capsys, "claim", "create", "--dispute", "D1", "--expenses", "A1,A2,A3", "--ref", "X1")
    ok(a, capsys, "claim", "submit", "X1", "--override", "o")
    # X1 alone: 142,470.00 + 14,336.45 + 11,587.50 = 168,393.95 − 10,000 = 158,393.95 × 0.85 = 134,634.86
    ok(a, capsys, "claim", "create", "--dispute", "D2", "--expenses", "G2", "--ref", "X2")
    ok(a, capsys, "claim", "submit", "X2", "--override", "o")
    # X2, submitted while X1 is still open (counted at its payable):
    # G2 231,750.00 − 10,000 = 221,750.00 × 0.85 = 188,487.50; aggregate room 320,000 − 134,634.86
    # = 185,365.14 -> payable 185,365.14
    ok(a, capsys, "claim", "settle", "X1", "--paid", "130000.00", "--date", "2026-07-01")
    ok(a, capsys, "claim", "create", "--dispute", "D3", "--ref", "X3")
    ok(a, capsys, "claim", "withdraw", "X3")
    assert assess(a, capsys, "X2")["payable"] == "185365.14"

    out = tmp_path / "out.json"
    ok(a, capsys, "export-json", str(out))
    ok(b, capsys, "load", str(out))
    # had X1 been settled (130,000.00) before X2 was frozen, X2 would be 188,487.50 (room 190,000.00)
    doc = assess(b, capsys, "X2")
    assert (doc["aggregate_prior"], doc["payable"]) == ("134634.86", "185365.14")
    listed = json.loads(ok(b, capsys, "claim", "list", "--json"))["claims"]
    assert [(c["claim"], c["status"], c["payable"], c["paid"]) for c in listed] == [
        ("X1", "settled", "134634.86", "130000.00"), ("X2", "submitted", "185365.14", "0.00"),
        ("X3", "withdrawn", "0.00", "0.00")]
    again = tmp_path / "again.json"
    ok(b, capsys, "export-json", str(again))
    assert json.loads(again.read_text("utf-8"))["claims"] == json.loads(out.read_text("utf-8"))["claims"]
