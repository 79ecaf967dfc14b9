"""GUI-3: a message names the thing in the user's language — 找不到索赔“CL-9”, not 找不到 claim “CL-9”."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lei_desktop.domain import messages
from lei_desktop.domain.errors import Conflict, NotFound
from lei_desktop.domain.nouns import NOUNS, SECTIONS

ROOT = Path(__file__).resolve().parents[2] / "lei_desktop"
NOUN_CODES = ("not_found", "duplicate_ref", "in_use", "stale")


def kinds_used_in_the_code() -> set[str]:
    """Every kind the core passes to a message naming a record: ``kind="…"`` beside one of the codes
    above, the kind argument of ``by_ref(...)``, and ``by_kind``."""
    found: set[str] = set()
    for path in ROOT.rglob("*.py"):
        if "/ui/" in path.as_posix():
            continue
        src = path.read_text("utf-8")
        codes = "|".join(NOUN_CODES)
        for m in re.finditer(r'"(' + codes + r')"[^)]*?\bkind="([a-z_]+)"', src):
            found.add(m.group(2))
        for m in re.finditer(r'by_ref\(\s*\w+,\s*\w+,\s*[\w.]+,\s*"([a-z_]+)"', src):
            found.add(m.group(1))
        for m in re.finditer(r'\(\w+Row, "([a-z_]+)"\)', src):  # the in_use label tables
            found.add(m.group(1))
        for m in re.finditer(r'by_kind="([a-z_]+)"', src):
            found.add(m.group(1))
    return found


def test_every_kind_the_core_names_has_a_noun_in_both_languages():
    used = kinds_used_in_the_code()
    assert {"claim", "dispute", "policy", "expense", "consent", "mapping"} <= used  # the scan sees them
    missing = used - set(NOUNS) - set(SECTIONS)
    assert not missing, f"kinds without a translated noun: {sorted(missing)}"
    for code, (zh, en, measure, plural) in NOUNS.items():
        assert zh and en and measure and plural
        assert not re.search(r"[A-Za-z]", zh), (code, zh)  # the Chinese noun is Chinese


def test_the_scenario_sections_are_named_too():
    from lei_desktop.formats.scenario import SECTIONS as SCENARIO_SECTIONS

    assert set(SCENARIO_SECTIONS) <= set(SECTIONS)


@pytest.mark.parametrize("kind", sorted(NOUNS))
def test_not_found_reads_in_each_language(kind):
    err = NotFound("not_found", kind, kind=kind, ref="X-1")
    zh, en, _measure, _plural = NOUNS[kind]
    assert err.zh == f"找不到{zh}“X-1”"
    assert err.en == f"no {en} 'X-1'"
    assert kind not in err.zh or kind == zh


def test_in_use_counts_in_each_language():
    err = Conflict("in_use", "ref", kind="dispute", ref="D1", count=3, by_kind="expense")
    assert err.zh == "纠纷“D1”仍被 3 笔费用 引用，不能删除"
    assert err.en == "dispute 'D1' is still used by 3 expenses and cannot be deleted"
    one = Conflict("in_use", "ref", kind="policy", ref="P1", count=1, by_kind="dispute")
    assert one.en == "policy 'P1' is still used by 1 dispute and cannot be deleted"
    assert one.zh == "保单“P1”仍被 1 起纠纷 引用，不能删除"


def test_an_unknown_kind_is_shown_as_given():
    assert messages.text("not_found", "zh", kind="widget", ref="W") == "找不到widget“W”"
    assert messages.noun("widget", "zh") == "widget"


def test_service_refusals_name_the_kind_in_chinese(loaded_store):
    from lei_desktop.services import claims, disputes, policies

    with pytest.raises(NotFound) as e:
        claims.assess(loaded_store, "CL-NONE")
    assert e.value.zh == "找不到索赔“CL-NONE”"
    with pytest.raises(NotFound) as e:
        disputes.get_dispute(loaded_store, "D-NONE")
    assert e.value.zh == "找不到纠纷“D-NONE”"
    with pytest.raises(Conflict) as e:
        policies.delete_policy(loaded_store, policies.list_policies(loaded_store)[0].ref)
    assert "纠纷" in e.value.zh and "dispute(s)" not in e.value.zh and "dispute" not in e.value.zh
