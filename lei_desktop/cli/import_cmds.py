"""import-ledes, import-csv, fx import, export-xlsx (files in and out)."""

from __future__ import annotations

from pathlib import Path

from lei_desktop.domain import categories as cats
from lei_desktop.domain import messages
from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.money import check_currency
from lei_desktop.fileio import file_problem

messages.register(
    {
        "cli_file_unreadable": ("无法读取文件 {path}：{reason}", "cannot read {path}: {reason}"),
        "cli_import_preview": (
            "预览（未写入）：{rows} 笔费用，{summary}",
            "preview (nothing written): {rows} expense(s), {summary}",
        ),
        "cli_import_done": ("已导入 {rows} 笔费用（{first}…{last}），{summary}", "imported {rows} expense(s) ({first}…{last}), {summary}"),
        "cli_invoice_line": (
            "发票 {invoice}（{firm}，{date}）：{lines} 行，合计 {total} {currency}",
            "invoice {invoice} ({firm}, {date}): {lines} line(s), total {total} {currency}",
        ),
        "cli_fx_done": ("汇率：新增 {added}，更新 {changed}，未变 {same}", "rates: {added} added, {changed} changed, {same} unchanged"),
        "cli_fx_preview": ("预览（未写入）：{count} 条汇率", "preview (nothing written): {count} rate(s)"),
        "cli_xlsx_done": ("已导出到 {path}（{sheets}）", "exported to {path} ({sheets})"),
        "cli_mapping_saved": ("列映射已保存为 “{name}”", "column mapping saved as '{name}'"),
    }
)


def register(sub, common) -> None:
    p = sub.add_parser("import-ledes", parents=[common], help="import a LEDES 1998B or LEDES98BI V2 invoice file")
    p.add_argument("file", type=Path)
    p.add_argument("--dispute", required=True, metavar="REF")
    p.add_argument("--currency", metavar="CUR", help="currency of a 1998B file (98BI files name their own)")
    p.add_argument("--paid-on", metavar="YYYY-MM-DD", help="payment date to record on every line (optional)")
    p.add_argument("--payee", metavar="NAME", help="payee to record instead of the law firm's id or name")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    p.set_defaults(func=cmd_import_ledes)

    p = sub.add_parser("import-csv", parents=[common], help="import expenses from CSV with a column mapping")
    p.add_argument("file", type=Path)
    p.add_argument("--dispute", required=True, metavar="REF")
    p.add_argument("--mapping", required=True, metavar="NAME_OR_FILE",
                   help="a saved mapping's name, or a JSON mapping file")
    p.add_argument("--save-mapping", metavar="NAME", help="also save the mapping under this name")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    p.set_defaults(func=cmd_import_csv)

    p = sub.add_parser("csv-mappings", parents=[common], help="list the saved CSV column mappings (JSON with --json)")
    p.set_defaults(func=cmd_mappings)

    fx = sub.add_parser("fx", parents=[common], help="exchange rates")
    fx_sub = fx.add_subparsers(dest="fx_command", metavar="COMMAND")
    p = fx_sub.add_parser("import", parents=[common], help="import rates: date,currency,rate,per[,source]")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check the file; write nothing")
    p.set_defaults(func=cmd_fx_import)
    p = fx_sub.add_parser("list", parents=[common], help="list the stored rates")
    p.add_argument("--currency", metavar="CUR")
    p.set_defaults(func=cmd_fx_list)
    fx.set_defaults(func=lambda ctx: _usage(fx))

    p = sub.add_parser("export-xlsx", parents=[common], help="expense ledger and claim schedules as a workbook")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    p.add_argument("--dispute", metavar="REF")
    p.set_defaults(func=cmd_export_xlsx)


def _usage(parser) -> int:
    import sys

    parser.print_help(sys.stderr)
    return 2


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise file_problem(exc, "file", path) from None


def _summary(totals: dict) -> str:
    return ", ".join(f"{format(v, 'f')} {c}" for c, v in sorted(totals.items())) or "0"


def _print_preview(ctx, preview) -> None:
    lang = ctx.lang
    for inv in preview.invoices:
        ctx.out(ctx.t("cli_invoice_line", invoice=inv.invoice_number, firm=inv.law_firm_id,
                      date=inv.invoice_date.isoformat() if inv.invoice_date else "-", lines=inv.line_count,
                      total=format(inv.invoice_total if inv.invoice_total is not None else inv.lines_total, "f"),
                      currency=inv.currency))
    for r in preview.rows:
        e = r.expense
        name = r.utbms_name_zh if lang == "zh" else r.utbms_name_en
        code = f"{e.utbms_code} {name}".strip()
        ctx.out(f"  {r.line:>5}  {r.kind or '-':<2}  {cats.label(e.category, lang)}  "
                f"{format(e.amount, 'f')} {e.currency}  {code}  {e.description_en or e.description_zh}")
    for category, by_cur in sorted(preview.by_category.items()):
        ctx.out(f"  = {cats.label(category, lang)}: {_summary(by_cur)}")


def _finish(ctx, preview, dry_run: bool) -> int:
    from lei_desktop.services import imports

    refused = preview.refusal()
    if refused is None:  # a refusal is one line on stderr; the warnings come with a file that is taken
        for w in preview.warnings:
            ctx.warn(w.message(ctx.lang))
    if dry_run or refused is not None:
        if ctx.json:
            ctx.emit_json({**preview.as_dict(), "dry_run": dry_run, "imported": []})
        elif refused is None:
            _print_preview(ctx, preview)
            ctx.out(ctx.t("cli_import_preview", rows=len(preview.rows), summary=_summary(preview.totals)))
        if refused is not None:
            raise refused
        return 0
    result = imports.commit(ctx.store, preview)
    if ctx.json:
        doc = preview.as_dict()
        for row, ref in zip(doc["rows"], result.refs, strict=True):
            row["ref"] = ref
        ctx.emit_json({**doc, "dry_run": False, "imported": list(result.refs)})
    else:
        _print_preview(ctx, preview)
        ctx.out(ctx.t("cli_import_done", rows=len(result.refs), first=result.refs[0], last=result.refs[-1],
                      summary=_summary(result.totals)))
    return 0


def cmd_import_ledes(ctx) -> int:
    from lei_desktop.domain.fields import parse_date
    from lei_desktop.services import imports

    a = ctx.args
    data = _read(a.file)
    paid_on = parse_date(a.paid_on, "--paid-on") if a.paid_on is not None else None
    currency = check_currency(a.currency, "--currency") if a.currency is not None else None
    preview = imports.preview_ledes(ctx.store, data, a.dispute, currency=currency, filename=a.file.name,
                                    paid_on=paid_on, payee=a.payee)
    return _finish(ctx, preview, a.dry_run)


def cmd_import_csv(ctx) -> int:
    from lei_desktop.services import imports

    a = ctx.args
    data = _read(a.file)
    mapping = imports.resolve_mapping(ctx.store, a.mapping)
    preview = imports.preview_csv(ctx.store, data, a.dispute, mapping, filename=a.file.name)
    if a.save_mapping is not None and preview.refusal() is None:  # a refused import saves nothing either
        try:
            imports.save_mapping(ctx.store, a.save_mapping, mapping)
        except ValidationError as exc:
            raise ValidationError(exc.code, "--save-mapping", **exc.params) from None
        if not ctx.json:
            ctx.out(ctx.t("cli_mapping_saved", name=a.save_mapping))
    return _finish(ctx, preview, a.dry_run)


def cmd_mappings(ctx) -> int:
    from lei_desktop.services import imports

    names = imports.list_mappings(ctx.store)
    if ctx.json:
        ctx.emit_json({"mappings": {n: imports.load_mapping(ctx.store, n).to_dict() for n in names}})
    else:
        for n in names:
            ctx.out(n)
    return 0


def cmd_fx_import(ctx) -> int:
    from lei_desktop.services import imports

    a = ctx.args
    data = _read(a.file)
    preview = imports.preview_rates(data)
    if preview.errors:
        raise imports.first_refusal(preview.errors)
    for w in preview.warnings:
        ctx.warn(w.message(ctx.lang))
    if a.dry_run:
        if ctx.json:
            ctx.emit_json({"dry_run": True, "rates": [_rate_json(r) for r in preview.rates]})
        else:
            for r in preview.rates:
                ctx.out(f"  {r.on_date.isoformat()}  {r.currency}  {format(r.rate, 'f')} / {r.per}  {r.source}")
            ctx.out(ctx.t("cli_fx_preview", count=len(preview.rates)))
        return 0
    added, changed = imports.commit_rates(ctx.store, preview)
    same = len(preview.rates) - added - changed
    if ctx.json:
        ctx.emit_json({"added": added, "changed": changed, "unchanged": same,
                       "rates": [_rate_json(r) for r in preview.rates]})
    else:
        ctx.out(ctx.t("cli_fx_done", added=added, changed=changed, same=same))
    return 0


def _rate_json(r) -> dict:
    return {"date": r.on_date.isoformat(), "currency": r.currency, "rate": format(r.rate, "f"), "per": r.per,
            "source": r.source}


def cmd_fx_list(ctx) -> int:
    from lei_desktop.services import rates

    currency = check_currency(ctx.args.currency, "--currency") if ctx.args.currency is not None else None
    items = rates.list_rates(ctx.store, currency)
    if ctx.json:
        ctx.emit_json({"rates": [_rate_json(r) for r in items]})
    else:
        for r in items:
            ctx.out(f"{r.on_date.isoformat()}  {r.currency}  {format(r.rate, 'f')} / {r.per}  {r.source}")
    return 0


def cmd_export_xlsx(ctx) -> int:
    from lei_desktop.services import exports

    a = ctx.args
    if a.dispute is not None and not a.dispute.strip():  # "" would quietly mean every dispute
        raise ValidationError("required", "--dispute")
    sheets = exports.export_xlsx(ctx.store, a.out, dispute=a.dispute)
    if ctx.json:
        ctx.emit_json({"exported": str(a.out), "sheets": sheets})
    else:
        ctx.out(ctx.t("cli_xlsx_done", path=a.out, sheets=", ".join(sheets)))
    return 0
