"""The bad-input audit on the GUI forms: the hostile values of the lei-cli audit typed into the
expense editor, the company page and the policy and dispute forms. Each gives a message under the
field it concerns, in the language of the window, and nothing is saved (the store's export is the
same before and after)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit

from lei_desktop.domain import validation as v
from lei_desktop.domain.errors import LeiError, ValidationErrors
from lei_desktop.services import scenario
from lei_desktop.ui.context import UiContext

from .gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture

CJK = range(0x4E00, 0x9FA6)
HOSTILE_AMOUNTS = ["1,5", "1e3", "NaN", "-5", "12345678901234567890", "abc", "1.2.3", "Infinity"]
HOSTILE_DATES = ["2026-02-30", "26/11/2026", "2026-13-01", "tomorrow"]


def has_cjk(text: str) -> bool:
    return any(ord(ch) in CJK for ch in text)


def state(store) -> bytes:
    """Everything the store holds, as the scenario export writes it (audit trail included)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "s.json"
        scenario.export(store, out, optional=("audit",))
        return out.read_bytes()


@pytest.fixture(params=["en", "zh"])
def lang(request):
    return request.param


@pytest.fixture
def ctx(loaded_store, tmp_path, lang):
    from lei_desktop.ui import i18n

    i18n.install(lang)
    c = UiContext(loaded_store, lang, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield c
    c.wait_idle()
    i18n.install("en")


def put(qtbot, widget, text: str) -> None:
    """Type ``text`` like a user: ASCII by key presses, the rest as one input (an IME)."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.clear()
        if text.isascii():
            qtbot.keyClicks(widget, text)
        else:
            widget.insert(text)
            widget.textEdited.emit(widget.text())
    else:  # an editable combo box
        widget.setEditText(text)


def domain_message(parse, values: dict, lang: str) -> tuple[str, str]:
    """(field, message) the domain's own check gives for these values."""
    try:
        parse(values)
    except LeiError as exc:
        first = exc.errors[0] if isinstance(exc, ValidationErrors) else exc
        return first.field, first.zh if lang == "zh" else first.en
    raise AssertionError(f"the domain took {values!r}")


def check_refused(shown: str, expected: str, lang: str, value: str) -> None:
    assert shown, "no message under the field"
    assert shown == expected
    assert has_cjk(shown) if lang == "zh" else not has_cjk(shown.replace(value, "")), shown


# --- the expense editor ---------------------------------------------------------------------------


@pytest.fixture
def editor(qtbot, ctx):
    from lei_desktop.ui.pages.expenses import ExpensesPage

    page = ExpensesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page.editor


def _new_valid(qtbot, ed) -> None:
    ed.new_expense()
    for key, text in {"amount": "300.00", "currency": "USD", "paid_on": "2026-04-01", "payee": "FedEx",
                      "invoice_number": "FX-1", "description_en": "Courier"}.items():
        put(qtbot, getattr(ed, key), text)


EXPENSE_CASES = [("amount", value) for value in HOSTILE_AMOUNTS] + [
    ("currency", value) for value in ("RMB", "XXX", "US$", "人民币")]


@pytest.mark.parametrize(("key", "value"), EXPENSE_CASES)
def test_expense_amount_and_currency(qtbot, editor, ctx, lang, key, value):
    before = state(ctx.store)
    _new_valid(qtbot, editor)
    put(qtbot, getattr(editor, key), value)
    assert editor.save() is False
    field, expected = domain_message(v.expense_from_dict, editor.form_dict(), lang)
    assert field == key
    check_refused(editor.error_text(key), expected, lang, value)
    assert state(ctx.store) == before


@pytest.mark.parametrize("value", HOSTILE_DATES)
def test_expense_payment_date(qtbot, editor, ctx, lang, value):
    before = state(ctx.store)
    _new_valid(qtbot, editor)
    widget = editor.paid_on
    put(qtbot, widget, value) if isinstance(widget, QLineEdit) else None
    if not isinstance(widget, QLineEdit):  # a date widget: it cannot hold the bad date at all
        assert value not in str(getattr(widget, "text", lambda: "")())
        return
    assert editor.save() is False
    field, expected = domain_message(v.expense_from_dict, editor.form_dict(), lang)
    assert field == "paid_on"
    check_refused(editor.error_text("paid_on"), expected, lang, value)
    assert state(ctx.store) == before


# --- the record forms: company, policy, dispute ------------------------------------------------------


def _company(qtbot, ctx):
    from lei_desktop.ui.pages.company import CompanyPage

    page = CompanyPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def _records(qtbot, ctx, kind):
    from lei_desktop.ui.pages.disputes import DisputesPage
    from lei_desktop.ui.pages.policies import PoliciesPage

    page = {"policy": PoliciesPage, "dispute": DisputesPage}[kind](ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.current is not None  # the first record is open for editing
    return page


FORM_CASES = [
    ("company", "uscc", "91110108MA01XH7K2X"),
    ("company", "uscc", "9111010８MA01XH7K2R"),
    ("company", "uscc", "abc"),
    ("company", "contact_email", "legal@@xinghe"),
    ("company", "overseas_revenue_share", "1,5"),
    ("company", "overseas_revenue_share", "NaN"),
    ("company", "overseas_revenue_share", "2"),
    ("company", "export_markets", "USA, 中国"),
    ("policy", "per_claim_limit", "1e3"),
    ("policy", "per_claim_limit", "12345678901234567890"),
    ("policy", "aggregate_limit", "-5"),
    ("policy", "deductible", "abc"),
    ("policy", "coinsurance", "1.5"),
    ("policy", "period_start", "2026-02-30"),
    ("policy", "period_end", "26/11/2026"),
    ("policy", "ref", "P 1"),
    ("policy", "notice_days", "thirty"),
    ("dispute", "ref", "D,1"),
    ("dispute", "forum_country", "USA"),
    ("dispute", "first_asserted_on", "2026-02-30"),
    ("dispute", "forum_country", "美国"),
    ("company", "contact_email", "legal@xinghe"),
]


@pytest.mark.parametrize("kind, key, value", FORM_CASES, ids=[f"{k}-{f}-{x}" for k, f, x in FORM_CASES])
def test_record_form_field(qtbot, ctx, lang, kind, key, value):
    before = state(ctx.store)
    page = _company(qtbot, ctx) if kind == "company" else _records(qtbot, ctx, kind)
    widget = page.form.widgets[key]
    if not isinstance(widget, QLineEdit):  # a date widget: it cannot hold the bad date at all
        assert value not in str(getattr(widget, "text", lambda: "")())
        return
    put(qtbot, widget, value)
    assert page.save() is False
    values = page.data() if kind == "company" else page.collect()
    parse = v.company_from_dict if kind == "company" else page.parse
    field, expected = domain_message(parse, values, lang)
    assert page.form.field_for(field) == key, (field, key)
    check_refused(page.form.errors[key].text(), expected, lang, value)
    assert state(ctx.store) == before
