"""lei-cli claim … and lei-cli deadlines, run in-process as a user would type them."""

from __future__ import annotations

import json

import pytest

from lei_desktop.cli import main


@pytest.fixture
def run(db_path, capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), "--lang", "en", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def loaded(run, example_path):
    code, _, err = run("load", str(example_path))
    assert code == 0, err
    return run


def test_claim_assess_json_is_the_worked_example(loaded):
    code, out, _ = loaded("claim", "create", "--dispute", "D1", "--json")
    assert code == 0
    ref = json.loads(out)["claim"]
    code, out, _ = loaded("claim", "assess", ref, "--json")
    doc = json.loads(out)
    for key in ("claim", "dispute", "status", "lines", "covered", "gross", "deductible_applied", "coinsurance",
                "insurer_share", "payable", "payable_in_words", "policy", "company", "claim_kind", "steps",
                "dispute_reasons"):
        assert key in doc, key
    assert (doc["claim"], doc["dispute"], doc["status"]) == (ref, "D1", "draft")
    assert (doc["covered"], doc["gross"], doc["deductible_applied"], doc["coinsurance"], doc["insurer_share"],
            doc["payable"]) == ("149417.30", "139042.50", "20000.00", "0.80", "95234.00", "95234.00")
    assert doc["payable_in_words"] == "人民币玖万伍仟贰佰叁拾肆元整"
    e1 = doc["lines"][0]
    assert {k: e1[k] for k in ("expense", "category", "amount", "currency", "rate", "rate_per", "rate_date", "cny",
                               "covered_cny", "decision")} == {
        "expense": "E1", "category": "attorney_fees", "amount": "12500.00", "currency": "USD", "rate": "7.1234",
        "rate_per": 1, "rate_date": "2026-04-01", "cny": "89042.50", "covered_cny": "89042.50", "decision": "covered"}
    for key in ("date", "payment_date", "payee", "invoice_no", "description_zh", "description_en", "rate_source",
                "rate_overridden", "attachments", "reasons"):
        assert key in e1, key
    assert doc["lines"][1]["amount"] == "1000000" and doc["lines"][1]["rate_per"] == 100
    code, text_out, _ = loaded("claim", "assess", ref)
    assert code == 0 and "95234.00" in text_out and "人民币玖万伍仟贰佰叁拾肆元整" in text_out


def test_claim_submit_settle_list_and_refusals(loaded):
    _, out, _ = loaded("claim", "create", "--dispute", "D1", "--expenses", "E1,E3")
    ref = out.strip()
    code, out, err = loaded("claim", "submit", ref)
    assert code == 1 and out == "" and err.count("\n") == 1 and "override" in err and "E1, E3" in err
    code, out, err = main_zh(loaded, "claim", "submit", ref)
    assert code == 1 and "单证不齐" in err
    code, out, _ = loaded("claim", "submit", ref, "--override", "originals follow", "--json")
    assert code == 0 and json.loads(out)["status"] == "submitted"
    code, out, _ = loaded("claim", "create", "--dispute", "D1", "--json")
    sup = json.loads(out)
    assert sup["supplementary_to"] == ref and sup["expenses"] == ["E2", "E4"]
    code, _, err = loaded("claim", "settle", ref, "--paid", "66631.44", "--date", "2026-05-31")
    assert code == 0, err
    code, _, err = loaded("claim", "settle", ref, "--paid", "1.00", "--date", "2026-06-01")
    assert code == 1 and "settled" in err
    code, _, err = loaded("claim", "settle", sup["claim"], "--paid", "1.00", "--date", "31/05/2026")
    assert code == 1 and "date" in err
    code, out, _ = loaded("claim", "list", "--json")
    rows = {c["claim"]: c for c in json.loads(out)["claims"]}
    assert rows[ref]["status"] == "settled" and rows[ref]["paid"] == "66631.44" and rows[ref]["payable"] == "66631.44"
    assert rows[sup["claim"]]["status"] == "draft"
    code, out, _ = loaded("claim", "reconcile", "--json")
    rec = json.loads(out)
    assert rec["total"]["paid"] == "66631.44" and rec["total"]["outstanding"] == "0.00"
    code, _, err = loaded("claim", "assess", "CL-NOPE", "--json")
    assert code == 1 and "CL-NOPE" in err


def main_zh(run, *args):
    return run("--lang", "zh", *args)


def test_claim_reject_and_decide(loaded):
    _, out, _ = loaded("claim", "create", "--dispute", "D1", "--expenses", "E1,E2")
    ref = out.strip()
    loaded("claim", "submit", ref, "--override", "x")
    code, out, err = loaded("claim", "decide", ref, "--expense", "E1", "--decision", "reduced", "--amount",
                            "50000.00", "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "under_review"
    code, out, _ = loaded("claim", "assess", ref, "--json")
    assert json.loads(out)["lines"][0]["insurer_decision"]["approved_cny"] == "50000.00"
    code, _, err = loaded("claim", "reject", ref, "--reason", "late notice")
    assert code == 0, err
    code, out, _ = loaded("claim", "list", "--json")
    assert json.loads(out)["claims"][0]["status"] == "rejected"


def test_deadlines_json(loaded, run):
    code, out, _ = loaded("deadlines", "--json", "--today", "2026-06-01", "--all")
    assert code == 0
    items = json.loads(out)["deadlines"]
    kinds = {(d["kind"], d["ref"]) for d in items}
    assert ("limitation", "D1") in kinds and ("policy_expiry", "P1") in kinds
    lim = next(d for d in items if d["kind"] == "limitation")
    assert lim["due"] == "2028-03-02" and lim["status"] == "upcoming" and lim["zh"] and lim["en"]
    code, out, _ = loaded("deadlines", "--today", "2029-01-01")
    assert code == 0 and "overdue" in out


def test_other_modules_can_add_claim_subcommands(run):
    from lei_desktop.cli import claim_cmds

    def configure(p):
        p.add_argument("ref")
        p.set_defaults(func=lambda ctx: (ctx.out(f"hello {ctx.args.ref}"), 0)[1])

    claim_cmds.add_claim_subcommand("hello-test", configure, help="test only")
    try:
        for _ in range(2):  # every parser built afterwards has it
            code, out, _ = run("claim", "hello-test", "CL-1")
            assert (code, out.strip()) == (0, "hello CL-1")
    finally:
        claim_cmds._EXTRA.pop("hello-test")
