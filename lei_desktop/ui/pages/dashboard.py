"""Dashboard: per policy and dispute, limit used and left, spent vs covered vs claimed vs paid,
with a bar chart drawn with QPainter (QtCharts is not part of PySide6-Essentials).

The figures come from :mod:`lei_desktop.services.dashboard`, computed off the GUI thread.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from lei_desktop.services import dashboard as dashboard_service
from lei_desktop.ui.pages.base import BasePage

SERIES_COLOURS = ("#8c9bab", "#3b82c4", "#e0962b", "#2e9d5b")


class BarChart(QWidget):
    """Grouped horizontal bars: one group per label, one bar per series, values in CNY."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[Decimal]]] = []
        self.series: list[str] = []
        self.format_value = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, groups, series, format_value) -> None:
        self.groups, self.series, self.format_value = list(groups), list(series), format_value
        self.updateGeometry()
        self.update()

    BAR, GAP, GROUP_GAP, TOP = 14, 2, 14, 30

    def sizeHint(self) -> QSize:
        per_group = len(self.series) * (self.BAR + self.GAP) + self.GROUP_GAP
        return QSize(600, self.TOP + max(1, len(self.groups)) * per_group + 10)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        fm = QFontMetrics(self.font())
        # legend
        x = 8
        for name, colour in zip(self.series, SERIES_COLOURS, strict=False):
            p.fillRect(QRectF(x, 9, 12, 12), QColor(colour))
            p.setPen(QColor("#333333"))
            p.drawText(x + 16, 20, name)
            x += 16 + fm.horizontalAdvance(name) + 18
        if not self.groups:
            p.end()
            return
        label_w = max(fm.horizontalAdvance(label) for label, _ in self.groups) + 16
        value_w = max((fm.horizontalAdvance(self.format_value(v)) for _, vs in self.groups for v in vs), default=40) + 12
        top = max((v for _, vs in self.groups for v in vs), default=Decimal(0))
        width = max(10, self.width() - label_w - value_w - 16)
        y = self.TOP
        for label, values in self.groups:
            group_h = len(values) * (self.BAR + self.GAP)
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(8, y, label_w - 12, group_h), int(Qt.AlignmentFlag.AlignVCenter), label)
            for i, v in enumerate(values):
                share = float(v / top) if top > 0 else 0.0  # pixels only: figures stay exact Decimals
                bar = QRectF(label_w, y + i * (self.BAR + self.GAP), max(1.0, share * width), self.BAR)
                p.fillRect(bar, QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
                p.setPen(QColor("#333333"))
                p.drawText(QRectF(bar.right() + 6, bar.top() - 1, value_w, self.BAR + 2),
                           int(Qt.AlignmentFlag.AlignVCenter), self.format_value(v))
            y += group_h + self.GROUP_GAP
            p.setPen(QPen(QColor("#e5e5e5")))
            p.drawLine(8, int(y - self.GROUP_GAP / 2), self.width() - 8, int(y - self.GROUP_GAP / 2))
        p.end()


class LimitGauge(QWidget):
    """One bar: used (filled) out of a limit, with both figures written on it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.used, self.limit, self.text = Decimal(0), Decimal(0), ""
        self.setMinimumHeight(26)

    def set_values(self, used: Decimal, limit: Decimal, text: str) -> None:
        self.used, self.limit, self.text = used, limit, text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 26)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        r = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.fillRect(r, QColor("#e9eef3"))
        share = min(1.0, float(self.used / self.limit)) if self.limit > 0 else 0.0
        colour = "#2e9d5b" if share < 0.75 else ("#e0962b" if share < 0.95 else "#c43b3b")
        p.fillRect(QRectF(r.left(), r.top(), r.width() * share, r.height()), QColor(colour))
        p.setPen(QColor("#9aa5b1"))
        p.drawRect(r)
        p.setPen(QColor("#111111"))
        p.drawText(r.adjusted(8, 0, -8, 0), int(Qt.AlignmentFlag.AlignVCenter), self.text)
        p.end()


class DashboardPage(BasePage):
    page_id = "dashboard"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.data: dashboard_service.Dashboard | None = None
        self.loading = False
        self.title = QLabel()
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        self.title.setFont(f)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        self.policy_widgets: list[QWidget] = []
        self.tables: list[QTableWidget] = []
        self.charts: list[BarChart] = []
        self.gauges: list[LimitGauge] = []
        self.retranslate()
        self.refresh()
        self._stale = False  # loaded: the main window need not refresh it again on first show

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        self._show()

    def refresh(self) -> None:
        """Recompute the figures on a worker thread; the page redraws when they arrive."""
        if self.loading:
            return
        self.loading = True
        store = self.ctx.store
        self.ctx.run_in_thread(lambda: dashboard_service.figures(store), self._loaded, self._failed)

    def _loaded(self, data) -> None:
        if not isValid(self):  # the page went away while the figures were computed
            return
        self.loading = False
        self.data = data
        self._show()

    def _failed(self, exc) -> None:
        """Shown on the page, not in a dialog: the figures are computed in the background."""
        if not isValid(self):
            return
        self.loading = False
        self.note.setText(self.tr("The figures could not be computed: {error}").format(error=self.ctx.error_text(exc)))

    def money(self, value: Decimal) -> str:
        return self.ctx.fmt_money(value, "CNY")

    def series_names(self) -> list[str]:
        return [self.tr("Spent"), self.tr("Covered"), self.tr("Claimed"), self.tr("Paid")]

    def _clear(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.policy_widgets, self.tables, self.charts, self.gauges = [], [], [], []

    def _show(self) -> None:
        self._clear()
        data = self.data
        if data is None:
            self.note.setText(self.tr("Loading figures…"))
            return
        notes = [self.tr("Spent: every expense in CNY at its rate. Covered: what the claims count as covered. "
                         "Claimed: payable of submitted claims. Paid: what the insurer paid. Limits used: settled "
                         "claims at the amount paid, open claims at their payable.")]
        if not data.claims_available:
            notes.append(self.tr("The claims engine is not part of this build: claim figures are zero."))
        if data.claims_by_status:
            sep = "，" if self.ctx.lang == "zh" else ", "
            counts = sep.join(f"{self._status(s)} {n}" for s, n in data.claims_by_status)
            notes.append(self.tr("Claims: {counts}").format(counts=counts))
        self.note.setText("\n".join(notes))
        if not data.policies:
            empty = QLabel(self.tr("No policy yet: record the company and its policy first."))
            self.body_layout.addWidget(empty)
            return
        if data.deadlines:
            self.body_layout.addWidget(self._deadlines_block(data.deadlines))
        for pol in data.policies:
            self.body_layout.addWidget(self._policy_block(pol))
        self.body_layout.addStretch(1)

    def _deadlines_block(self, items) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 4, 0, 4)
        head = QLabel(self.tr("Deadlines"))
        hf = QFont(head.font())
        hf.setBold(True)
        head.setFont(hf)
        v.addWidget(head)
        table = QTableWidget(len(items), 3)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Status"), self.tr("What")])
        colours = {"overdue": "#b00020", "due_soon": "#9a6700", "upcoming": "#1f3f77"}
        lang = self.ctx.lang
        from datetime import date

        for i, d in enumerate(items):
            due = QTableWidgetItem(self.ctx.fmt_date(date.fromisoformat(d["due"])))
            status = QTableWidgetItem(d.get(f"status_{lang}") or d.get("status_en") or d["status"])
            status.setForeground(QColor(colours.get(d["status"], "#333333")))
            what = QTableWidgetItem(d.get(lang) or d.get("en") or d["kind"])
            for j, item in enumerate((due, status, what)):
                table.setItem(i, j, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setFixedHeight(table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(len(items))) + 4)
        v.addWidget(table)
        self.deadlines_table = table
        return box

    def _status(self, status: str) -> str:
        return {
            "draft": self.tr("draft"),
            "submitted": self.tr("submitted"),
            "under_review": self.tr("under review"),
            "settled": self.tr("settled"),
            "rejected": self.tr("rejected"),
            "withdrawn": self.tr("withdrawn"),
        }.get(status, status)

    def _policy_block(self, pol) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 8, 0, 8)
        insurer = pol.insurer_zh if self.ctx.lang == "zh" and pol.insurer_zh else pol.insurer_en or pol.insurer_zh
        head = QLabel(self.tr("Policy {ref} · {insurer} · No. {number}").format(
            ref=pol.ref, insurer=insurer or "—", number=pol.policy_number))
        hf = QFont(head.font())
        hf.setBold(True)
        head.setFont(hf)
        v.addWidget(head)
        gauge = LimitGauge()
        gauge.set_values(pol.used, pol.aggregate_limit, self.tr("Aggregate limit {limit}: used {used}, left {left}").format(
            limit=self.money(pol.aggregate_limit), used=self.money(pol.used), left=self.money(pol.left)))
        v.addWidget(gauge)
        self.gauges.append(gauge)

        table = QTableWidget(len(pol.disputes) + 1, 9)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setHorizontalHeaderLabels([
            self.tr("Dispute"), self.tr("Expenses"), self.tr("Spent"), self.tr("Covered"), self.tr("Claimed"),
            self.tr("Paid"), self.tr("Limit (per claim / aggregate)"), self.tr("Used"), self.tr("Left")])
        rows = list(pol.disputes)
        for i, d in enumerate(rows):
            title = d.title_zh if self.ctx.lang == "zh" and d.title_zh else d.title_en or d.title_zh
            values = [f"{d.ref} — {title}" if title else d.ref, str(d.expenses), self.money(d.spent),
                      self.money(d.covered), self.money(d.claimed), self.money(d.paid), self.money(d.limit),
                      self.money(d.used), self.money(d.left)]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if j == 2 and d.unconverted:
                    item.setToolTip(self.tr("%n expense(s) without a rate are not included", "", d.unconverted))
                    item.setText(value + " *")
                table.setItem(i, j, item)
        total_row = len(rows)
        totals = [self.tr("Total"), str(sum(d.expenses for d in rows)), self.money(pol.spent), self.money(pol.covered),
                  self.money(pol.claimed), self.money(pol.paid), self.money(pol.aggregate_limit),
                  self.money(pol.used), self.money(pol.left)]
        for j, value in enumerate(totals):
            item = QTableWidgetItem(value)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            if j:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(total_row, j, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setWordWrap(False)
        height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
        table.setFixedHeight(height)
        chart = BarChart()
        chart.set_data([(d.ref, [d.spent, d.covered, d.claimed, d.paid]) for d in rows], self.series_names(), self.money)
        v.addWidget(chart)
        self.charts.append(chart)
        v.addWidget(table)
        self.tables.append(table)
        return box
