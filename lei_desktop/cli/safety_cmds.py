"""backup, restore, check, backups: keeping the ledger safe."""

from __future__ import annotations

import sys
from pathlib import Path

from lei_desktop.domain import messages
from lei_desktop.domain.errors import NotFound

messages.register(
    {
        "cli_backup_done": ("备份已写入 {path}（{size} 字节{enc}）", "backup written to {path} ({size} bytes{enc})"),
        "cli_backup_encrypted": ("，已加密", ", encrypted"),
        "cli_restore_done": ("已从 {archive} 恢复到 {target}", "restored {archive} into {target}"),
        "cli_restore_migrated": (
            "备份的数据库版本 {revision} 已升级到当前版本",
            "the backup's schema {revision} was migrated to the current version",
        ),
        "cli_restore_safety": ("原数据库已另存为 {path}", "the replaced store was kept as {path}"),
        "cli_check_failed": ("检查发现 {n} 个问题：{target}", "check found {n} problem(s) in {target}"),
        "cli_store_damaged": (
            "数据库已损坏（{problem}）；请运行 lei-cli check，或用 lei-cli restore 恢复备份",
            "the store is damaged ({problem}); run lei-cli check, or lei-cli restore a backup",
        ),
        "cli_backups_none": ("没有自动备份", "no automatic backups"),
        "cli_backups_keep": ("保留最近 {n} 个自动备份", "keeping the last {n} automatic backups"),
        "cli_history_none": ("{kind} {ref} 没有审计记录", "no audit events for {kind} {ref}"),
    }
)


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help="write one backup archive (database, attachments, manifest)")
    p.add_argument("--out", type=Path, required=True, help="the archive to write (e.g. ledger.leibak)")
    p.add_argument("--password-file", type=Path, help="encrypt with the password in this file (AES-GCM, scrypt)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="verify a backup archive, then make it the store (--db)")
    p.add_argument("file", type=Path)
    p.add_argument("--password-file", type=Path, help="the password of an encrypted backup")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", parents=[common], help="integrity check of the store and every attachment")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("history", parents=[common], help="the audit trail of one record (who, when, before/after)")
    p.add_argument("kind", choices=("expense", "claim", "dispute", "consent", "policy", "company", "fx_rate"))
    p.add_argument("ref")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("backups", parents=[common], help="list automatic backups; --keep N sets the rotation")
    p.add_argument("--keep", type=int, help="how many automatic backups to keep (default 10)")
    p.set_defaults(func=cmd_backups)


def _password(ctx) -> bytes | None:
    from lei_desktop.services.backup import read_password_file

    f = getattr(ctx.args, "password_file", None)
    return read_password_file(f) if f else None


def _refuse_damaged(ctx) -> None:
    from lei_desktop.domain.errors import LeiError
    from lei_desktop.services.integrity import quick_check
    from lei_desktop.store.db import sqlite_path, to_url

    path = sqlite_path(to_url(ctx.args.db))
    problem = quick_check(path) if path else None
    if problem:
        raise LeiError("cli_store_damaged", "db", problem=problem)


def cmd_backup(ctx) -> int:
    from lei_desktop.services.backup import create_backup

    password = _password(ctx)
    _refuse_damaged(ctx)
    info = create_backup(ctx.store, ctx.args.out, password)
    if ctx.json:
        ctx.emit_json({"backup": str(info.path), "size": info.size, "encrypted": info.encrypted, "manifest": info.manifest})
    else:
        enc = ctx.t("cli_backup_encrypted") if info.encrypted else ""
        ctx.out(ctx.t("cli_backup_done", path=info.path, size=info.size, enc=enc))
    return 0


def cmd_restore(ctx) -> int:
    from lei_desktop.services.restore import restore

    result = restore(ctx.args.file, ctx.args.db, _password(ctx))
    if ctx.json:
        ctx.emit_json(
            {
                "restored": str(ctx.args.file),
                "target": result.target,
                "migrated_from": result.migrated_from,
                "safety_copy": str(result.safety_copy) if result.safety_copy else None,
                "manifest": result.manifest,
            }
        )
    else:
        ctx.out(ctx.t("cli_restore_done", archive=ctx.args.file, target=result.target))
        if result.migrated_from:
            ctx.out(ctx.t("cli_restore_migrated", revision=result.migrated_from))
        if result.safety_copy:
            ctx.out(ctx.t("cli_restore_safety", path=result.safety_copy))
    return 0


def _warn_location(ctx) -> None:
    """A store in a OneDrive (or other synced) folder or on a network drive: say so, refuse nothing."""
    from lei_desktop.services.location import location_text
    from lei_desktop.store.db import sqlite_path, to_url

    try:
        warning = location_text(sqlite_path(to_url(ctx.args.db)), ctx.lang)
    except ValueError:
        return
    if warning:
        ctx.warn(warning)


def cmd_check(ctx) -> int:
    from lei_desktop.services.integrity import check

    report = check(ctx.args.db)
    _warn_location(ctx)
    if ctx.json:
        ctx.emit_json(report.as_json())
    elif report.ok:
        ctx.out(ctx.t("check_ok", blobs=report.blobs_checked))
    if not report.ok:
        print(ctx.t("cli_check_failed", n=len(report.problems), target=report.target), file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem[ctx.lang if ctx.lang in ('zh', 'en') else 'en']}", file=sys.stderr)
        return 1
    return 0


def cmd_backups(ctx) -> int:
    from lei_desktop.services import backup

    store = ctx.store
    if ctx.args.keep is not None:
        backup.set_keep_count(store, ctx.args.keep)
        backup.rotate(store)
    found = backup.list_backups(store)
    keep = backup.keep_count(store)
    if ctx.json:
        ctx.emit_json({"keep": keep, "backups": [str(p) for p in found]})
        return 0
    ctx.out(ctx.t("cli_backups_keep", n=keep))
    if not found:
        ctx.out(ctx.t("cli_backups_none"))
    for p in found:
        ctx.out(str(p))
    return 0


def cmd_history(ctx) -> int:
    from lei_desktop.services import audit

    trail = audit.history(ctx.store, ctx.args.kind, ctx.args.ref)
    if not trail:  # never created here (a deleted record keeps its events): most likely a mistyped reference
        raise NotFound("cli_history_none", "ref", kind=ctx.args.kind, ref=ctx.args.ref)
    if ctx.json:
        ctx.emit_json({"kind": ctx.args.kind, "ref": ctx.args.ref, "events": [e.as_json() for e in trail]})
        return 0
    for e in trail:
        doc = e.as_json()
        where = "" if (e.entity, e.ref) == (ctx.args.kind, ctx.args.ref) else f" [{e.entity} {e.ref}]"
        ctx.out(f"{doc['at']}  {e.actor}  {e.action}{where}")
        for name, pair in e.changes.items():
            if isinstance(pair, list) and len(pair) == 2:
                ctx.out(f"    {name}: {pair[0]!r} -> {pair[1]!r}")
            else:
                ctx.out(f"    {name}: {pair!r}")
    return 0
