"""Translated labels for the domain's codes (IP types, roles, FX basis, eligibility, categories)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lei_desktop.domain import categories


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def ip_type(code: str) -> str:
    return {
        "patent": _t("Patent"),
        "trademark": _t("Trademark"),
        "copyright": _t("Copyright"),
        "trade_secret": _t("Trade secret"),
    }.get(code, code)


def role(code: str) -> str:
    return {"defendant": _t("Defendant"), "plaintiff": _t("Plaintiff")}.get(code, code)


def fx_basis(code: str) -> str:
    return {"payment_date": _t("Rate on the payment date"), "invoice_date": _t("Rate on the invoice date")}.get(
        code, code)


def eligibility(code: str) -> str:
    return {
        "registered_in_beijing": _t("Registered address in Beijing"),
        "no_violations_2y": _t("No record of violations in the last 2 years"),
        "not_on_credit_china_list": _t("Not listed for dishonesty on Credit China (信用中国)"),
        "sells_overseas": _t("Sells the insured products overseas during the policy period"),
    }.get(code, code)


def category(code: str, lang: str) -> str:
    return categories.label(code, lang)


def yes_no(value: bool) -> str:
    return _t("Yes") if value else _t("No")
