"""Workbook export: the expense ledger (with CNY at the policy's rate basis) and claim schedules."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lei_desktop.domain.fx import RateTable
from lei_desktop.domain.fx import convert as to_cny
from lei_desktop.domain.messages import register
from lei_desktop.fileio import FileInUse, file_problem
from lei_desktop.formats import excel
from lei_desktop.services import convert
from lei_desktop.services.common import by_ref
from lei_desktop.services.scenario import atomic_write
from lei_desktop.services.store import Store
from lei_desktop.store.models import DisputeRow, ExpenseRow, FxRateRow, PolicyRow

register({"export_unwritable": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}")})


def ledger_rows(store: Store, dispute: str | None = None) -> list[excel.LedgerRow]:
    """Every expense (of one dispute, or all) with the rate its policy's basis date gives."""
    with store.session() as s:
        if dispute:
            by_ref(s, DisputeRow, dispute, "dispute", "dispute")
        table = RateTable(convert.fx_rate(r) for r in s.scalars(select(FxRateRow)))
        basis_of = {
            d.id: p.fx_basis
            for d, p in s.execute(select(DisputeRow, PolicyRow).join(PolicyRow, DisputeRow.policy_id == PolicyRow.id))
        }
        q = (
            select(ExpenseRow)
            .options(selectinload(ExpenseRow.dispute))
            .join(DisputeRow)
            .order_by(DisputeRow.ref, ExpenseRow.paid_on, ExpenseRow.id)
        )
        if dispute:
            q = q.where(DisputeRow.ref == dispute)
        out = []
        for row in s.scalars(q):
            e = convert.expense(row, with_attachments=False)
            basis = e.invoice_date if basis_of.get(row.dispute_id) == "invoice_date" else e.paid_on
            used = table.rate_for(e.currency, basis, e.rate_override)
            cny = to_cny(e.amount, used.rate, used.per) if used else None
            out.append(
                excel.LedgerRow(
                    ref=e.ref, dispute=e.dispute, category=e.category, payee=e.payee,
                    invoice_number=e.invoice_number, invoice_date=e.invoice_date, paid_on=e.paid_on,
                    amount=e.amount, currency=e.currency,
                    rate=used.rate if used else None, rate_per=used.per if used else None,
                    rate_date=used.rate_date if used else None, cny=cny, utbms_code=e.utbms_code,
                    description_zh=e.description_zh, description_en=e.description_en, source=e.source,
                    service_date=e.service_date,
                )
            )  # fmt: skip
        return out


def claim_schedules(store: Store, dispute: str | None = None) -> list[dict]:
    """The assessment of every claim (of the dispute), when the claims engine is installed."""
    try:
        from lei_desktop.services import claims
    except ImportError:
        return []
    out = []
    for c in claims.list_claims(store, dispute=dispute):
        ref = c.ref if hasattr(c, "ref") else c["claim"] if isinstance(c, dict) and "claim" in c else c["ref"]
        out.append(claims.assess(store, ref))
    return out


def export_xlsx(store: Store, out: Path, dispute: str | None = None) -> list[str]:
    """Write the workbook atomically; returns the sheet names."""
    data, sheets, _ = excel.workbook_bytes(ledger_rows(store, dispute), claim_schedules(store, dispute))
    try:
        atomic_write(Path(out), data)
    except FileInUse:
        raise  # its own message: close the workbook in Excel / WPS and try again
    except OSError as exc:
        raise file_problem(exc, "out", out, writing=True) from None
    return sheets
