"""init, load, export-json, demo."""

from __future__ import annotations

from pathlib import Path

from lei_desktop.domain import messages

messages.register(
    {
        "cli_initialised": ("数据库已就绪：{url}", "database ready: {url}"),
        "cli_loaded": ("已载入 {path}：{summary}", "loaded {path}: {summary}"),
        "cli_exported": ("已导出到 {path}", "exported to {path}"),
        "cli_load_nothing": ("没有内容", "nothing"),
        "cli_demo": ("演示数据已写入：{summary}", "demo data written: {summary}"),
        "cli_demo_not_empty": (
            "数据库中已有数据；演示数据只写入空数据库（请用 --db 指定新文件）",
            "the database already holds data; demo data goes only into an empty database (use --db with a new file)",
        ),
    }
)


def register(sub, common) -> None:
    p = sub.add_parser("init", parents=[common], help="create or migrate the database")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("load", parents=[common], help="load a scenario JSON file (all-or-nothing)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("export-json", parents=[common], help="write everything as a scenario JSON file")
    p.add_argument("file", type=Path)
    p.add_argument("--audit", action="store_true",
                   help="also write the audit trail (who changed what, when, before and after) as an 'audit' section")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("demo", parents=[common], help="fill an empty database with realistic demo data")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--expenses", type=int, default=300, help="how many expenses (default 300)")
    p.set_defaults(func=cmd_demo)


def _summary(counts: dict, lang: str = "en") -> str:
    parts = []
    for section, actions in counts.items():
        bits = ", ".join(f"{k} {v}" for k, v in actions.items() if v)
        if bits:
            parts.append(f"{section} ({bits})")
    return "; ".join(parts) or messages.text("cli_load_nothing", lang)


def cmd_init(ctx) -> int:
    store = ctx.store
    if ctx.json:
        ctx.emit_json({"database": store.url, "status": "ok"})
    else:
        ctx.out(ctx.t("cli_initialised", url=store.url))
    return 0


def cmd_load(ctx) -> int:
    from lei_desktop.services import scenario

    report = scenario.load(ctx.store, ctx.args.file)
    for w in report.warnings:
        ctx.warn(w.message(ctx.lang) if hasattr(w, "message") else w)
    if ctx.json:
        ctx.emit_json({"loaded": str(ctx.args.file), "counts": report.counts, "warnings": report.warnings})
    else:
        ctx.out(ctx.t("cli_loaded", path=ctx.args.file, summary=_summary(report.counts, ctx.lang)))
    return 0


def cmd_export(ctx) -> int:
    from lei_desktop.services import scenario

    scenario.export(ctx.store, ctx.args.file, optional={"audit"} if ctx.args.audit else ())
    if ctx.json:
        ctx.emit_json({"exported": str(ctx.args.file)})
    else:
        ctx.out(ctx.t("cli_exported", path=ctx.args.file))
    return 0


def cmd_demo(ctx) -> int:
    from lei_desktop.domain.errors import Conflict, ValidationError
    from lei_desktop.services import demo

    if not 0 <= ctx.args.expenses <= demo.DEMO_MAX_EXPENSES:  # the arguments first, then the store
        raise ValidationError("out_of_range", "--expenses", low=0, high=demo.DEMO_MAX_EXPENSES)
    if not demo.is_empty(ctx.store):
        raise Conflict("cli_demo_not_empty", "db")
    counts = demo.build(ctx.store, seed=ctx.args.seed, n_expenses=ctx.args.expenses)
    if ctx.json:
        ctx.emit_json({"demo": counts})
    else:
        ctx.out(ctx.t("cli_demo", summary=", ".join(f"{k} {v}" for k, v in counts.items())))
    return 0
