"""``lei-cli claim …`` and ``lei-cli deadlines``.

Claim subcommands: create, assess, checklist, submit, review, decide, pay, settle, reject,
withdraw, list, reconcile.

Extension point for other modules (e.g. ``claim export`` of the claim-package PDF)::

    from lei_desktop.cli.claim_cmds import add_claim_subcommand

    def _configure(p):                       # p: an argparse parser with the common options
        p.add_argument("ref")
        p.add_argument("--out", required=True)
        p.set_defaults(func=my_command)      # my_command(ctx) -> exit code

    add_claim_subcommand("export", _configure, help="the bilingual claim package PDF")

Call it at import time or from your module's ``register(sub, common)``; it works whether the
``claim`` group is already built or not, and every parser built later has it too.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from lei_desktop.domain import messages
from lei_desktop.domain.fields import parse_date

messages.register(
    {
        "cli_claim_submitted": ("索赔 {claim} 已提交并冻结；应赔金额 {payable} 元（{words}）",
                                "claim {claim} submitted and frozen; payable {payable} CNY ({words})"),
        "cli_claim_override": ("单证不齐，已按例外说明提交：{reason}", "submitted with incomplete documents; override: {reason}"),
        "cli_claim_status": ("索赔 {claim}：{status}", "claim {claim}: {status}"),
        "cli_claim_none": ("没有索赔", "no claims"),
        "cli_deadlines_none": ("没有待办期限", "nothing is due"),
        "cli_head_claim": ("索赔 {claim}（{kind}）  纠纷 {dispute}  状态 {status}",
                           "claim {claim} ({kind})  dispute {dispute}  status {status}"),
        "cli_dispute_not_covered": ("纠纷不在承保范围：", "the dispute is not covered:"),
        "cli_payable_words": ("大写金额：{words}", "in words: {words}"),
    }
)

_CLAIM_SUB = None
_COMMON = None
#: subcommands added by other modules; kept, so that every parser built later has them too
_EXTRA: dict[str, tuple[Callable[[argparse.ArgumentParser], None], str]] = {}


def add_claim_subcommand(name: str, configure: Callable[[argparse.ArgumentParser], None], help: str = "") -> None:
    """Add ``lei-cli claim NAME``: ``configure(parser)`` adds arguments and ``set_defaults(func=...)``."""
    _EXTRA[name] = (configure, help)
    if _CLAIM_SUB is not None and name not in _CLAIM_SUB.choices:
        configure(_CLAIM_SUB.add_parser(name, parents=[_COMMON], help=help))


def _refs(value: str) -> list[str]:
    return [r.strip() for r in value.split(",") if r.strip()]


def register(sub, common) -> None:
    global _CLAIM_SUB, _COMMON
    claim = sub.add_parser("claim", parents=[common], help="claims: create, assess, submit, settle, ...")
    csub = claim.add_subparsers(dest="claim_command", metavar="SUBCOMMAND")
    claim.set_defaults(func=lambda ctx: (claim.print_help(), 2)[1])

    p = csub.add_parser("create", parents=[common], help="create a draft claim")
    p.add_argument("--dispute", required=True)
    p.add_argument("--expenses", type=_refs, default=None, metavar="REF,REF,...")
    p.add_argument("--ref", default=None, help="claim reference (default CL-<year>-<nnnn>)")
    p.set_defaults(func=cmd_create)

    p = csub.add_parser("assess", parents=[common], help="the assessment (frozen once submitted)")
    p.add_argument("ref")
    p.set_defaults(func=cmd_assess)

    p = csub.add_parser("checklist", parents=[common], help="the document checklist")
    p.add_argument("ref")
    p.set_defaults(func=cmd_checklist)

    p = csub.add_parser("submit", parents=[common], help="freeze and submit")
    p.add_argument("ref")
    p.add_argument("--override", default=None, metavar="REASON",
                   help="submit although the checklist is incomplete (the reason is recorded)")
    p.set_defaults(func=cmd_submit)

    p = csub.add_parser("review", parents=[common], help="the insurer has started its review")
    p.add_argument("ref")
    p.set_defaults(func=lambda ctx: _simple(ctx, "start_review"))

    p = csub.add_parser("decide", parents=[common], help="the insurer's decision on one line")
    p.add_argument("ref")
    p.add_argument("--expense", required=True)
    p.add_argument("--decision", required=True, choices=("approved", "reduced", "rejected"))
    p.add_argument("--amount", default=None, help="CNY approved (required for reduced)")
    p.add_argument("--reason", default="")
    p.add_argument("--date", default=None)
    p.set_defaults(func=cmd_decide)

    p = csub.add_parser("pay", parents=[common], help="record a (partial) payment by the insurer")
    p.add_argument("ref")
    p.add_argument("--amount", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--reference", default="")
    p.set_defaults(func=cmd_pay)

    p = csub.add_parser("settle", parents=[common], help="record the insurer's payment; the claim is settled")
    p.add_argument("ref")
    p.add_argument("--paid", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--reference", default="")
    p.set_defaults(func=cmd_settle)

    p = csub.add_parser("reject", parents=[common], help="record the insurer's rejection")
    p.add_argument("ref")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_reject)

    p = csub.add_parser("withdraw", parents=[common], help="withdraw a claim")
    p.add_argument("ref")
    p.set_defaults(func=lambda ctx: _simple(ctx, "withdraw"))

    p = csub.add_parser("list", parents=[common], help="every claim with status, payable and paid")
    p.add_argument("--dispute", default=None)
    p.add_argument("--policy", default=None)
    p.set_defaults(func=cmd_list)

    p = csub.add_parser("reconcile", parents=[common], help="claimed vs approved vs paid vs outstanding")
    p.add_argument("--dispute", default=None)
    p.add_argument("--policy", default=None)
    p.set_defaults(func=cmd_reconcile)

    _CLAIM_SUB, _COMMON = csub, common
    for name, (configure, help_text) in _EXTRA.items():
        if name not in csub.choices:
            configure(csub.add_parser(name, parents=[common], help=help_text))

    p = sub.add_parser("deadlines", parents=[common], help="notice, limitation and policy-expiry deadlines")
    p.add_argument("--today", default=None, help="the day to judge from (default: today)")
    p.add_argument("--soon", type=int, default=30, help="days ahead that count as due soon (default 30)")
    p.add_argument("--all", action="store_true", help="also list deadlines met and policies expired")
    p.set_defaults(func=cmd_deadlines)


# --- commands -------------------------------------------------------------------------------------

def _strs(value):
    """Decimals as strings, dates ISO, recursively (the JSON shape of cli.md)."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _strs(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_strs(v) for v in value]
    return value


def _status_text(ctx, status: str) -> str:
    return ctx.t(f"status.{status}")


def cmd_create(ctx) -> int:
    from lei_desktop.services import claims

    ref = claims.create_claim(ctx.store, ctx.args.dispute, ctx.args.expenses, ctx.args.ref)
    claim = claims.get_claim(ctx.store, ref)
    if ctx.json:
        ctx.emit_json({"claim": ref, "dispute": claim.dispute, "expenses": list(claim.expense_refs),
                       "supplementary_to": claim.supplementary_to})
    else:
        ctx.out(ref)
    return 0


def _print_assessment(ctx, doc: dict) -> None:
    lang = ctx.lang
    ctx.out(ctx.t("cli_head_claim", claim=doc["claim"], kind=doc.get(f"claim_kind_{lang}", doc["claim_kind"]),
                  dispute=doc["dispute"], status=_status_text(ctx, doc["status"])))
    if doc.get("dispute_reasons"):
        ctx.out(ctx.t("cli_dispute_not_covered"))
        for r in doc["dispute_reasons"]:
            ctx.out(f"  - {r[lang]}")
    ctx.out("")
    for line in doc["lines"]:
        rate = f"{line['rate']}/{line['rate_per']} @{line['rate_date']}" if line["rate"] else "-"
        ctx.out(f"{line['expense']:<10} {line[f'category_{lang}']:<25} {line['amount']:>14} {line['currency']}  {rate:<24} "
                f"{line['cny'] or '-':>14} {line['covered_cny']:>14}  {line[f'decision_{lang}']}")
        if line.get("rate_note"):
            ctx.out(f"{'':10} {line['rate_note'][lang]}")
        for r in line["reasons"]:
            ctx.out(f"{'':10} - {r[lang]}")
    ctx.out("")
    for step in doc["steps"]:
        ctx.out(f"{step[lang]:<90} {step['amount']:>16}")
    ctx.out(ctx.t("cli_payable_words", words=doc["payable_in_words"]))


def cmd_assess(ctx) -> int:
    from lei_desktop.services import claims

    doc = claims.assess(ctx.store, ctx.args.ref)
    if ctx.json:
        ctx.emit_json(doc)
    else:
        _print_assessment(ctx, doc)
    return 0


def cmd_checklist(ctx) -> int:
    from lei_desktop.services import claims

    items = claims.checklist(ctx.store, ctx.args.ref)
    if ctx.json:
        ctx.emit_json({"claim": ctx.args.ref, "complete": all(i["ok"] for i in items), "items": items})
    else:
        for i in items:
            mark = "[x]" if i["ok"] else "[ ]"
            ctx.out(f"{mark} {i[ctx.lang]} — {i['detail_' + ctx.lang]}")
    return 0


def cmd_submit(ctx) -> int:
    from lei_desktop.services import claims

    doc = claims.submit(ctx.store, ctx.args.ref, override=ctx.args.override)
    if ctx.json:
        ctx.emit_json({"claim": doc["claim"], "status": doc["status"], "payable": doc["payable"],
                       "payable_in_words": doc["payable_in_words"], "override_reason": doc.get("override_reason")})
    else:
        ctx.out(ctx.t("cli_claim_submitted", claim=doc["claim"], payable=doc["payable"], words=doc["payable_in_words"]))
        if doc.get("override_reason"):
            ctx.out(ctx.t("cli_claim_override", reason=doc["override_reason"]))
    return 0


def _report_status(ctx, ref: str) -> int:
    from lei_desktop.services import claims

    c = claims.get_claim(ctx.store, ref)
    if ctx.json:
        ctx.emit_json({"claim": c.ref, "status": c.status, "paid": f"{c.paid:.2f}"})
    else:
        ctx.out(ctx.t("cli_claim_status", claim=c.ref, status=_status_text(ctx, c.status)))
    return 0


def _simple(ctx, action: str) -> int:
    from lei_desktop.services import claims

    getattr(claims, action)(ctx.store, ctx.args.ref)
    return _report_status(ctx, ctx.args.ref)


def _date(value: str | None, field: str) -> date | None:
    return parse_date(value, field) if value is not None else None


def cmd_decide(ctx) -> int:
    from lei_desktop.services import claims

    a = ctx.args
    claims.decide_line(ctx.store, a.ref, a.expense, a.decision, amount=a.amount, reason=a.reason,
                       on=_date(a.date, "date"))
    return _report_status(ctx, a.ref)


def cmd_pay(ctx) -> int:
    from lei_desktop.services import claims

    a = ctx.args
    claims.record_payment(ctx.store, a.ref, a.amount, _date(a.date, "date"), a.reference)
    return _report_status(ctx, a.ref)


def cmd_settle(ctx) -> int:
    from lei_desktop.services import claims

    a = ctx.args
    claims.settle(ctx.store, a.ref, a.paid, _date(a.date, "date"), a.reference)
    return _report_status(ctx, a.ref)


def cmd_reject(ctx) -> int:
    from lei_desktop.services import claims

    claims.reject(ctx.store, ctx.args.ref, ctx.args.reason)
    return _report_status(ctx, ctx.args.ref)


def cmd_list(ctx) -> int:
    from lei_desktop.services import claims

    rows = claims.list_claims(ctx.store, dispute=ctx.args.dispute, policy=ctx.args.policy)
    if ctx.json:
        ctx.emit_json({"claims": [
            {"claim": r["ref"], "dispute": r["dispute"], "policy": r["policy"], "status": r["status"],
             "claim_kind": r["claim_kind"], "supplementary_to": r["supplementary_to"], "lines": r["lines"],
             "payable": f"{r['payable']:.2f}", "paid": f"{r['paid']:.2f}",
             "created_at": r["created_at"].isoformat() if r["created_at"] else None,
             "submitted_at": r["submitted_at"].isoformat() if r["submitted_at"] else None}
            for r in rows]})
    elif not rows:
        ctx.out(ctx.t("cli_claim_none"))
    else:
        for r in rows:
            ctx.out(f"{r['ref']:<14} {r['dispute']:<8} {_status_text(ctx, r['status']):<14} "
                    f"{r['payable']:>16.2f} {r['paid']:>16.2f}")
    return 0


def cmd_reconcile(ctx) -> int:
    from lei_desktop.services import claims

    rec = claims.reconcile(ctx.store, policy=ctx.args.policy, dispute=ctx.args.dispute)
    if ctx.json:
        ctx.emit_json(_strs(rec))
    else:
        head = ("claim", "dispute", "status", "claimed", "approved", "paid", "outstanding")
        ctx.out("  ".join(f"{h:>14}" for h in head))
        for c in rec["claims"]:
            ctx.out("  ".join(f"{str(_strs(c[h])):>14}" for h in head))
        t = rec["total"]
        ctx.out("  ".join(f"{v:>14}" for v in ("", "", "total", *(f"{t[k]:.2f}" for k in head[3:]))))
    return 0


def cmd_deadlines(ctx) -> int:
    from lei_desktop.services.deadlines import list_deadlines

    today = _date(ctx.args.today, "today") or date.today()
    items = list_deadlines(ctx.store, today=today, soon=ctx.args.soon, include_done=ctx.args.all)
    if ctx.json:
        ctx.emit_json({"today": today.isoformat(), "deadlines": [d.to_json() for d in items]})
    elif not items:
        ctx.out(ctx.t("cli_deadlines_none"))
    else:
        for d in items:
            j = d.to_json()
            ctx.out(f"{j['due']}  {j['status_' + ctx.lang]:<10} {j[ctx.lang]}")
    return 0
