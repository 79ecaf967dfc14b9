"""Data safety in the GUI: File › Back up now…, Restore from a backup…, and the audit history of the
selected expense or claim.

Texts come from the core's bilingual catalog (``messages.text``), so they follow ``ctx.lang``
without a Qt catalogue entry. ``install(window)`` adds the actions to the main window's menus;
``retranslate(window)`` refreshes their texts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from lei_desktop.domain.messages import register, text

register(
    {
        "ui_backup_action": ("立即备份(&B)…", "&Back up now…"),
        "ui_backup_title": ("备份", "Back up"),
        "ui_backup_filter": ("lei_desktop 备份 (*.leibak)", "lei_desktop backups (*.leibak)"),
        "ui_backup_password": (
            "加密密码（留空则不加密）：",
            "Password to encrypt with (leave empty for no encryption):",
        ),
        "ui_backup_password_again": ("请再次输入密码：", "Type the password again:"),
        "ui_backup_password_mismatch": ("两次输入的密码不一致，未备份。", "The passwords differ; nothing was backed up."),
        "ui_backup_done": ("备份已写入 {path}", "Backup written to {path}"),
        "ui_restore_action": ("从备份恢复(&R)…", "&Restore from a backup…"),
        "ui_restore_title": ("从备份恢复", "Restore from a backup"),
        "ui_restore_password": ("该备份已加密，请输入密码：", "This backup is encrypted; its password:"),
        "ui_restore_confirm": (
            "用备份 {path} 替换当前的全部数据？\n\n当前数据会先另存为一份“恢复前”备份。",
            "Replace all current data with the backup {path}?\n\nThe current data is first kept as a "
            "pre-restore backup.",
        ),
        "ui_restore_unsaved": ("请先保存或放弃未保存的修改。", "Save or discard the unsaved changes first."),
        "ui_restore_done": ("已从 {path} 恢复", "Restored from {path}"),
        "ui_history_action": ("所选记录的修改历史(&H)…", "&History of the selected record…"),
        "ui_history_title": ("{kind} {ref} 的修改历史", "History of {kind} {ref}"),
        "ui_history_pick": ("请先在“费用”或“理赔”页面选中一条记录。", "Select an expense or a claim first."),
        "ui_history_empty": ("没有记录。", "No events recorded."),
        "ui_history_when": ("时间", "When"),
        "ui_history_who": ("操作人", "Who"),
        "ui_history_what": ("操作", "Action"),
        "ui_history_field": ("字段", "Field"),
        "ui_history_before": ("修改前", "Before"),
        "ui_history_after": ("修改后", "After"),
        "ui_action_create": ("新建", "created"),
        "ui_action_update": ("修改", "changed"),
        "ui_action_delete": ("删除", "deleted"),
        "ui_action_attach": ("添加附件", "file attached"),
        "ui_action_detach": ("移除附件", "file removed"),
        "ui_action_submit": ("提交", "submitted"),
        "ui_action_review": ("开始审核", "review started"),
        "ui_action_decide": ("保险人决定", "insurer's decision"),
        "ui_action_payment": ("收到付款", "payment received"),
        "ui_action_settle": ("结案", "settled"),
        "ui_action_reject": ("拒赔", "rejected"),
        "ui_action_withdraw": ("撤回", "withdrawn"),
        "ui_field_amount": ("金额", "amount"),
        "ui_field_currency": ("币种", "currency"),
        "ui_field_dispute": ("纠纷", "dispute"),
        "ui_field_status": ("状态", "status"),
        "ui_field_expenses": ("费用", "expenses"),
        "ui_field_attachment": ("附件", "attachment"),
        "ui_field_category": ("类别", "category"),
        "ui_field_payee": ("收款人", "payee"),
        "ui_field_paid_on": ("付款日期", "paid on"),
        "ui_field_invoice_date": ("发票日期", "invoice date"),
        "ui_field_invoice_number": ("发票号", "invoice number"),
        "ui_field_payable": ("应付金额", "payable"),
        "ui_kind_expense": ("费用", "expense"),
        "ui_kind_claim": ("理赔", "claim"),
    }
)


def _t(ctx, code: str, **params) -> str:
    return text(code, ctx.lang, **params)


# --- backup ------------------------------------------------------------------------------------------


def backup_now(window, path: str | Path | None = None, password: bytes | None = None, ask: bool = True) -> None:
    """Ask where (and for an optional password), then write a backup on a worker thread."""
    from lei_desktop.services import backup

    ctx = window.ctx
    if ctx.store is None:
        return
    if path is None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(window, _t(ctx, "ui_backup_title"), f"lei-backup-{stamp}.leibak",
                                              _t(ctx, "ui_backup_filter"))
        if not path:
            return
    if ask and password is None:
        first, ok = QInputDialog.getText(window, _t(ctx, "ui_backup_title"), _t(ctx, "ui_backup_password"),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return
        if first:
            again, ok = QInputDialog.getText(window, _t(ctx, "ui_backup_title"), _t(ctx, "ui_backup_password_again"),
                                             QLineEdit.EchoMode.Password)
            if not ok:
                return
            if again != first:
                QMessageBox.warning(window, _t(ctx, "ui_backup_title"), _t(ctx, "ui_backup_password_mismatch"))
                return
            password = first.encode("utf-8")
    target = Path(path)

    def done(info) -> None:
        window.statusBar().showMessage(_t(ctx, "ui_backup_done", path=info.path), 8000)

    ctx.run_in_thread(lambda: backup.create_backup(ctx.store, target, password), done,
                      lambda exc: ctx.show_error(window, exc))


# --- restore ---------------------------------------------------------------------------------------


def restore_from_backup(window, path: str | Path | None = None, password: bytes | None = None,
                        confirm: bool = True) -> bool:
    """Verify a backup, close the store, swap the backup in, reopen and refresh every page.

    The archive is verified before the store is closed, so a refused archive changes nothing."""
    from lei_desktop.domain.errors import LeiError
    from lei_desktop.services import backup, restore
    from lei_desktop.services.store import Store

    ctx = window.ctx
    if ctx.store is None:
        return False
    title = _t(ctx, "ui_restore_title")
    if getattr(window, "unsaved_pages", lambda: [])():
        QMessageBox.warning(window, title, _t(ctx, "ui_restore_unsaved"))
        return False
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, title, "", _t(ctx, "ui_backup_filter"))
        if not path:
            return False
    path = Path(path)
    try:
        if password is None and path.is_file() and backup.is_encrypted(path):
            text_in, ok = QInputDialog.getText(window, title, _t(ctx, "ui_restore_password"),
                                               QLineEdit.EchoMode.Password)
            if not ok:
                return False
            password = text_in.encode("utf-8")
        import tempfile

        with tempfile.TemporaryDirectory(prefix="lei-verify-") as tmp:  # refuse before touching anything
            restore.verify(path, password, Path(tmp))
    except LeiError as exc:
        ctx.show_error(window, exc)
        return False
    if confirm:
        answer = QMessageBox.question(window, title, _t(ctx, "ui_restore_confirm", path=path),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    ctx.wait_idle()
    url, actor = ctx.store.url, ctx.store.actor
    ctx.store.close()
    try:
        restore.restore(path, url, password, lock_held=True)
    except LeiError as exc:
        ctx.show_error(window, exc)
        return False
    finally:
        ctx.store = Store(url, actor=actor)
        ctx.notify("*")
        page = window.current_page()
        if page is not None and hasattr(page, "refresh"):
            page.refresh()
    window.statusBar().showMessage(_t(ctx, "ui_restore_done", path=path.name), 8000)
    return True


# --- history -----------------------------------------------------------------------------------------


def selected_record(window) -> tuple[str, str] | None:
    """(kind, ref) of what is selected on the current page: an expense or a claim."""
    page = window.current_page()
    page_id = next((pid for pid, p in getattr(window, "pages", {}).items() if p is page), None)
    if page_id == "expenses":
        current = getattr(getattr(page, "editor", None), "current", None)
        if current is not None and getattr(current, "ref", None):
            return "expense", current.ref
    if page_id == "claims":
        claim = getattr(page, "current", None)
        if isinstance(claim, str) and claim:
            return "claim", claim
    return None


def _label(ctx, prefix: str, code: str) -> str:
    from lei_desktop.domain.messages import has

    key = f"{prefix}_{code}"
    return _t(ctx, key) if has(key) else code


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


class HistoryDialog(QDialog):
    """The audit trail of one record: one row per changed field, newest first."""

    def __init__(self, ctx, kind: str, ref: str, parent=None) -> None:
        super().__init__(parent)
        from lei_desktop.services import audit

        self.ctx = ctx
        self.entries = audit.history(ctx.store, kind, ref)
        kind_text = _t(ctx, f"ui_kind_{kind}") if kind in ("expense", "claim") else kind
        self.setWindowTitle(_t(ctx, "ui_history_title", kind=kind_text, ref=ref))
        self.resize(900, 480)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([_t(ctx, f"ui_history_{c}")
                                              for c in ("when", "who", "what", "field", "before", "after")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for e in reversed(self.entries):
            at = e.at if e.at.tzinfo else e.at.replace(tzinfo=UTC)
            when = at.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # the officer's local time
            action = _label(ctx, "ui_action", e.action)
            if (e.entity, e.ref) != (kind, ref):
                action = f"{action} ({_label(ctx, 'ui_kind', e.entity)} {e.ref})"
            changes = [(k, v) for k, v in e.changes.items()] or [("", [None, None])]
            for name, pair in changes:
                before, after = (pair if isinstance(pair, list) and len(pair) == 2 else (None, pair))
                row = self.table.rowCount()
                self.table.insertRow(row)
                field = _label(ctx, "ui_field", name) if name else ""
                for col, value in enumerate((when, e.actor, action, field, _cell(before), _cell(after))):
                    item = QTableWidgetItem(value)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, col, item)
        layout = QVBoxLayout(self)
        if not self.entries:
            layout.addWidget(QLabel(_t(ctx, "ui_history_empty")))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_history(window) -> HistoryDialog | None:
    ctx = window.ctx
    if ctx.store is None:
        return None
    target = selected_record(window)
    if target is None:
        QMessageBox.information(window, _t(ctx, "ui_history_action").replace("&", ""), _t(ctx, "ui_history_pick"))
        return None
    dialog = HistoryDialog(ctx, *target, parent=window)
    dialog.show()
    return dialog


# --- menus ---------------------------------------------------------------------------------------------


def install(window) -> None:
    window.act_backup = QAction(window)
    window.act_backup.triggered.connect(lambda: backup_now(window))
    window.act_restore = QAction(window)
    window.act_restore.triggered.connect(lambda: restore_from_backup(window))
    window.act_history = QAction(window)
    window.act_history.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_H))
    window.act_history.triggered.connect(lambda: show_history(window))
    actions = window.menu_file.actions()
    quit_action = getattr(window, "act_quit", None)
    before = quit_action if quit_action in actions else None
    window.menu_file.insertAction(before, window.act_backup)
    window.menu_file.insertAction(before, window.act_restore)
    window.menu_file.insertAction(before, window.act_history)
    window.menu_file.insertSeparator(before)
    retranslate(window)


def retranslate(window) -> None:
    if getattr(window, "act_backup", None) is None:
        return
    window.act_backup.setText(_t(window.ctx, "ui_backup_action"))
    window.act_restore.setText(_t(window.ctx, "ui_restore_action"))
    window.act_history.setText(_t(window.ctx, "ui_history_action"))
