"""The amount payable in English words: assessment JSON, claim form and cover letter, CLI."""

from __future__ import annotations

import json
from decimal import Decimal

from lei_desktop.domain.numerals import amount_in_words_en
from lei_desktop.services import claim_export, claims
from tests.cli.test_cli import cli
from tests.reports.pdf_helpers import flat, pages_text

WORKED = "SAY RENMINBI NINETY-FIVE THOUSAND TWO HUNDRED AND THIRTY-FOUR YUAN ONLY"  # settlement.md §7: 95,234.00


def test_assessment_carries_the_english_words(loaded_store):
    ref = claims.create_claim(loaded_store, "D1")
    doc = claims.assess(loaded_store, ref)
    assert doc["payable"] == "95234.00"
    assert doc["payable_in_words_en"] == WORKED


def test_claim_form_and_cover_letter_show_both_words(loaded_store, tmp_path):
    ref = claims.create_claim(loaded_store, "D1")
    doc = claims.assess(loaded_store, ref)
    out = tmp_path / "claim.pdf"
    claim_export.export_claim(loaded_store, ref, out)
    texts = [flat(t) for t in pages_text(out)]
    cover = texts[0]
    assert flat("Cover Letter") in cover and flat(WORKED) in cover and "人民币玖万伍仟贰佰叁拾肆元整" in cover
    form = next(t for t in texts if flat("Claim Form") in t)
    claimed = sum(Decimal(line["cny"]) for line in doc["lines"])
    assert flat(WORKED) in form and "人民币玖万伍仟贰佰叁拾肆元整" in form
    assert flat(amount_in_words_en(claimed)) in form  # the amount claimed, in English too


def test_claim_frozen_without_the_english_words_still_shows_them(loaded_store, tmp_path):
    ref = claims.create_claim(loaded_store, "D1")
    data = claim_export.package_data(loaded_store, ref)
    data["assessment"].pop("payable_in_words_en")
    from lei_desktop.reports import claim_package

    out = tmp_path / "old.pdf"
    claim_package.write(data, out)
    assert flat(WORKED) in flat("".join(pages_text(out)))


def test_cli_english_only_when_asked():
    r = cli("amount-in-words", "95234")
    assert r.returncode == 0 and r.stdout.strip() == "人民币玖万伍仟贰佰叁拾肆元整"  # default unchanged (cli.md)
    r = cli("amount-in-words", "95234", "--lang", "en")
    assert r.returncode == 0 and r.stdout.strip() == WORKED
    r = cli("amount-in-words", "10.10", "--lang", "en", "--json")
    assert json.loads(r.stdout) == {"amount": "10.10", "words": "人民币壹拾元零壹角",
                                    "words_en": "SAY RENMINBI TEN YUAN AND TEN FEN ONLY"}
    r = cli("amount-in-words", "10.10", "--lang", "zh")
    assert r.stdout.strip() == "人民币壹拾元零壹角"
