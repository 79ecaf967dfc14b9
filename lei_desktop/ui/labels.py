"""Translated labels for the domain's codes (IP types, roles, FX basis, eligibility, categories)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lei_desktop.domain import categories


def ip_type(code: str) -> str:
    return {
        "patent": QCoreApplication.translate("Labels", "Patent"),
        "trademark": QCoreApplication.translate("Labels", "Trademark"),
        "copyright": QCoreApplication.translate("Labels", "Copyright"),
        "trade_secret": QCoreApplication.translate("Labels", "Trade secret"),
    }.get(code, code)


def role(code: str) -> str:
    return {"defendant": QCoreApplication.translate("Labels", "Defendant"), "plaintiff": QCoreApplication.translate("Labels", "Plaintiff")}.get(code, code)


def fx_basis(code: str) -> str:
    return {"payment_date": QCoreApplication.translate("Labels", "Rate on the payment date"), "invoice_date": QCoreApplication.translate("Labels", "Rate on the invoice date")}.get(
        code, code)


def eligibility(code: str) -> str:
    return {
        "registered_in_beijing": QCoreApplication.translate("Labels", "Registered address in Beijing"),
        "no_violations_2y": QCoreApplication.translate("Labels", "No record of violations in the last 2 years"),
        "not_on_credit_china_list": QCoreApplication.translate("Labels", "Not listed for dishonesty on Credit China (信用中国)"),
        "sells_overseas": QCoreApplication.translate("Labels", "Sells the insured products overseas during the policy period"),
    }.get(code, code)


def category(code: str, lang: str) -> str:
    return categories.label(code, lang)


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Labels", "Yes") if value else QCoreApplication.translate("Labels", "No")
