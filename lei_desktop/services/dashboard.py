"""Figures for the dashboard: per policy and per dispute, limits used and left, and spent vs
covered vs claimed vs paid (CNY, exact Decimals).

- **spent**: every expense of the dispute converted to CNY at its rate (policy's date basis,
  override first); expenses with no rate yet are counted in ``unconverted``.
- **covered**: the covered amount of the dispute's claims that still count (draft, submitted,
  under review, settled; live figures for drafts, frozen ones after submission).
- **claimed**: the payable of submitted, under-review and settled claims.
- **paid**: what the insurer has paid on them.
- **limit used**: settled claims count at the amount paid, open ones at their payable (the
  engine's own rule for prior claims); **left** = limit − used, never below zero.

Without the claims engine (an older build) the claim figures are zero and ``claims_available``
is False.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from decimal import Decimal

from lei_desktop.services import disputes as dispute_service
from lei_desktop.services import policies as policy_service
from lei_desktop.services.expense_table import RateContext
from lei_desktop.services.expenses import list_expenses
from lei_desktop.services.store import Store

ZERO = Decimal("0.00")
COUNTING = ("submitted", "under_review", "settled")


@dataclass(frozen=True)
class DisputeFigures:
    ref: str
    policy: str
    title_zh: str
    title_en: str
    expenses: int
    spent: Decimal
    unconverted: int
    covered: Decimal
    claimed: Decimal
    paid: Decimal
    limit: Decimal  # the policy's per-claim limit
    used: Decimal

    @property
    def left(self) -> Decimal:
        return max(self.limit - self.used, ZERO)


@dataclass(frozen=True)
class PolicyFigures:
    ref: str
    policy_number: str
    insurer_zh: str
    insurer_en: str
    aggregate_limit: Decimal
    used: Decimal
    spent: Decimal
    covered: Decimal
    claimed: Decimal
    paid: Decimal
    disputes: tuple[DisputeFigures, ...] = field(default_factory=tuple)

    @property
    def left(self) -> Decimal:
        return max(self.aggregate_limit - self.used, ZERO)


@dataclass(frozen=True)
class Dashboard:
    policies: tuple[PolicyFigures, ...]
    claims_available: bool
    claims_by_status: tuple[tuple[str, int], ...] = ()
    #: open deadlines (overdue, due soon, upcoming) as ``Deadline.to_json()`` dicts, soonest first
    deadlines: tuple[dict, ...] = ()


def _claims_module():
    try:
        return importlib.import_module("lei_desktop.services.claims")
    except ImportError:
        return None


def figures(store: Store) -> Dashboard:
    rates = RateContext(store)
    spent: dict[str, Decimal] = {}
    count: dict[str, int] = {}
    unconverted: dict[str, int] = {}
    for e in list_expenses(store):
        count[e.dispute] = count.get(e.dispute, 0) + 1
        cny = rates.cny(e)
        if cny is None:
            unconverted[e.dispute] = unconverted.get(e.dispute, 0) + 1
        else:
            spent[e.dispute] = spent.get(e.dispute, ZERO) + cny

    covered: dict[str, Decimal] = {}
    claimed: dict[str, Decimal] = {}
    paid: dict[str, Decimal] = {}
    used: dict[str, Decimal] = {}
    statuses: dict[str, int] = {}
    claims = _claims_module()
    if claims is not None:
        for c in claims.list_claims(store):
            d, status = c["dispute"], c["status"]
            statuses[status] = statuses.get(status, 0) + 1
            if status in ("rejected", "withdrawn"):
                continue
            doc = claims.assess(store, c["ref"])
            covered[d] = covered.get(d, ZERO) + Decimal(str(doc.get("covered", "0")))
            if status in COUNTING:
                payable, got = Decimal(c["payable"]), Decimal(c["paid"])
                claimed[d] = claimed.get(d, ZERO) + payable
                paid[d] = paid.get(d, ZERO) + got
                used[d] = used.get(d, ZERO) + (got if status == "settled" else payable)

    out = []
    all_disputes = dispute_service.list_disputes(store)
    for p in policy_service.list_policies(store):
        rows = []
        for d in all_disputes:
            if d.policy != p.ref:
                continue
            rows.append(DisputeFigures(
                ref=d.ref, policy=p.ref, title_zh=d.title_zh, title_en=d.title_en, expenses=count.get(d.ref, 0),
                spent=spent.get(d.ref, ZERO), unconverted=unconverted.get(d.ref, 0), covered=covered.get(d.ref, ZERO),
                claimed=claimed.get(d.ref, ZERO), paid=paid.get(d.ref, ZERO), limit=p.per_claim_limit,
                used=used.get(d.ref, ZERO),
            ))

        def total(attr: str, rows=rows) -> Decimal:
            return sum((getattr(r, attr) for r in rows), ZERO)

        out.append(PolicyFigures(
            ref=p.ref, policy_number=p.policy_number, insurer_zh=p.insurer_zh, insurer_en=p.insurer_en,
            aggregate_limit=p.aggregate_limit, used=total("used"), spent=total("spent"), covered=total("covered"),
            claimed=total("claimed"), paid=total("paid"), disputes=tuple(rows),
        ))
    return Dashboard(tuple(out), claims is not None, tuple(sorted(statuses.items())), open_deadlines(store))


def open_deadlines(store: Store) -> tuple[dict, ...]:
    """Notice, limitation, insurer-decision and policy-expiry dates still to meet, soonest first."""
    try:
        module = importlib.import_module("lei_desktop.services.deadlines")
    except ImportError:
        return ()
    items = sorted(module.list_deadlines(store), key=lambda d: (d.due, d.kind, d.ref))
    return tuple(d.to_json() for d in items)
