"""The expenses table: a lazy Qt model over the store, sorted and filtered in SQL.

Rows arrive a page at a time through ``canFetchMore``/``fetchMore`` with keyset paging
(:func:`lei_desktop.services.expense_table.page_after`), so opening, sorting or filtering a
100,000-row table costs one count and one page, and scrolling deeper costs the same per page.
No ``QSortFilterProxyModel``: ``sort()`` changes the SQL ORDER BY and starts again.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from shiboken6 import isValid

from lei_desktop.domain.categories import label as category_label
from lei_desktop.domain.money import minor_units
from lei_desktop.services.expense_table import RateContext, attachment_counts, claims_of, count, page_after
from lei_desktop.services.expenses import ExpenseQuery

#: (column key, the ExpenseQuery sort key or None when the column cannot be sorted in SQL)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("ref", "ref"),
    ("dispute", "dispute"),
    ("category", "category"),
    ("paid_on", "paid_on"),
    ("invoice_date", "invoice_date"),
    ("payee", "payee"),
    ("invoice_number", "invoice_number"),
    ("amount", "amount"),
    ("currency", "currency"),
    ("cny", None),
    ("files", None),
    ("claim", None),
)
COLUMN_KEYS = tuple(c for c, _ in COLUMNS)
EXPENSE_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
#: the roles data() answers; the view asks for a dozen per cell on every paint, the rest get None at once
_ROLES = frozenset({_DISPLAY, _ALIGN, _FOREGROUND, _TOOLTIP, EXPENSE_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_COLUMNS = frozenset(i for i, key in enumerate(COLUMN_KEYS) if key in ("amount", "cny", "files"))


class ExpenseTableModel(QAbstractTableModel):
    """Expenses in the order and filter of an :class:`ExpenseQuery`; ``EXPENSE_ROLE`` gives the object."""

    totalChanged = Signal(int)

    PAGE = 200
    COUNT_DELAY_MS = 120

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ExpenseQuery()
        self._rows: list = []
        self._files: dict[str, int] = {}
        self._next = None
        self._done = True
        self.total = 0
        self._rates: RateContext | None = None
        self._cache: dict[int, list[str]] = {}
        self._claims: dict[str, tuple[str, str]] = {}
        self._generation = 0
        self._headers: list[str] | None = None  # translated once per language, not on every header paint

    # --- loading ------------------------------------------------------------------------------

    @property
    def rates(self) -> RateContext:
        if self._rates is None:
            self._rates = RateContext(self.ctx.store)
        return self._rates

    def set_query(self, query: ExpenseQuery) -> None:
        self.query = query
        self.reload()

    def reload(self, keep_rates: bool = True, recount: bool = True) -> None:
        """Start again from the first page (after a change, a new sort or a new filter).

        The total for the status line is counted on a worker thread when more than one page
        matches (a filtered count scans the table; the first page is on screen before it is in).
        """
        self.beginResetModel()
        if not keep_rates:
            self._rates = None
        self._rows, self._files, self._next, self._done, self._cache = [], {}, None, False, {}
        self._claims = {}
        self._fetch()
        self.endResetModel()
        self._generation += 1
        if self._done:
            self._set_total(len(self._rows))
        elif recount or self.total < 0:
            self.total = -1
            self.totalChanged.emit(-1)
            generation, store, query = self._generation, self.ctx.store, self.query
            run = getattr(self.ctx, "run_in_thread", None)
            if run is None:
                self._set_total(count(store, query))
            else:
                # a moment later, so the count does not compete with painting the first page (and a
                # filter typed on meanwhile makes it moot: only the latest generation is counted)
                def start() -> None:
                    if generation == self._generation:
                        run(lambda: count(store, query), lambda n: self._counted(generation, n), self._count_failed)

                QTimer.singleShot(self.COUNT_DELAY_MS, self, start)  # dropped if the model is gone

    def _count_failed(self, _exc) -> None:
        """The count is only for the status line: a failure (the store closed meanwhile) is not a dialog."""

    def _counted(self, generation: int, n: int) -> None:
        if not isValid(self):  # the model went away while counting
            return
        if generation == self._generation or self.total < 0:
            self._set_total(n)

    def _set_total(self, n: int) -> None:
        self.total = n
        self.totalChanged.emit(n)

    def _fetch(self) -> list:
        page = page_after(self.ctx.store, self.query, self._next, self.PAGE)
        self._rows.extend(page.rows)
        self._note(page.rows)
        self._next = page.next_after
        self._done = page.next_after is None
        return list(page.rows)

    def _note(self, rows) -> None:
        """Per page: how many files each expense holds and which claim holds it."""
        refs = [e.ref for e in rows]
        self._files.update(attachment_counts(self.ctx.store, refs))
        self._claims.update(claims_of(self.ctx.store, refs))

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and not self._done

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid() or self._done:
            return
        before = len(self._rows)
        page = page_after(self.ctx.store, self.query, self._next, self.PAGE)
        if not page.rows:
            self._done = True
            return
        self.beginInsertRows(QModelIndex(), before, before + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._note(page.rows)
        self._next = page.next_after
        self._done = page.next_after is None
        self.endInsertRows()

    def fetch_all_until(self, ref: str) -> int:
        """Load pages until ``ref`` is among the rows; its row number or -1."""
        while True:
            row = self.row_of(ref)
            if row >= 0 or self._done:
                return row
            self.fetchMore()

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def expense(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ref: str) -> int:
        for i, e in enumerate(self._rows):
            if e.ref == ref:
                return i
        return -1

    def column_of(self, key: str) -> int:
        return COLUMN_KEYS.index(key)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:
            return None
        row = index.row()
        if role == _DISPLAY:
            cached = self._cache.get(row)
            if cached is None:
                if not index.isValid():
                    return None
                cached = self._cache[row] = [self._display(self._rows[row], k) for k in COLUMN_KEYS]
            return cached[index.column()]
        if role == _ALIGN:
            return _RIGHT if index.column() in _RIGHT_COLUMNS else None
        if not index.isValid():
            return None
        e = self._rows[row]
        if role == EXPENSE_ROLE:
            return e
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and key == "claim" and e.ref in self._claims:
            return QColor("#1f3f77") if self._claims[e.ref][1] != "draft" else QColor("#666666")
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "cny":
                used = self.rates.rate(e)
                if used is None:
                    return self.tr("No exchange rate for this currency and date")
                return self.tr("{rate} CNY per {per} {currency}, rate of {date}").format(
                    rate=used.rate, per=used.per, currency=e.currency, date=self.ctx.fmt_date(used.rate_date)
                    if used.rate_date else "—"
                )
            if key == "claim" and e.ref in self._claims:
                claim, status = self._claims[e.ref]
                if status == "draft":
                    return self.tr("In draft claim {claim}").format(claim=claim)
                return self.tr("Locked: in claim {claim} ({status})").format(claim=claim, status=self.status_text(status))
            if key in ("payee", "category", "ref"):
                return e.description_zh if self.ctx.lang == "zh" and e.description_zh else e.description_en or None
        return None

    def _display(self, e, key: str):
        if key == "category":
            return category_label(e.category, self.ctx.lang)
        if key in ("paid_on", "invoice_date"):
            value = getattr(e, key)
            return self.ctx.fmt_date(value) if value else ""
        if key == "amount":
            return self.ctx.fmt_number(e.amount, minor_units(e.currency))
        if key == "cny":
            cny = self.rates.cny(e)
            return self.ctx.fmt_money(cny, "CNY") if isinstance(cny, Decimal) else "—"
        if key == "files":
            n = self._files.get(e.ref, 0)
            return str(n) if n else ""
        if key == "claim":
            held = self._claims.get(e.ref)
            return held[0] if held else ""
        return str(getattr(e, key))

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        if self._headers is None:
            self._headers = self.header_labels()
        return self._headers[section]

    def header_labels(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Dispute"),
            self.tr("Category"),
            self.tr("Paid on"),
            self.tr("Invoice date"),
            self.tr("Payee"),
            self.tr("Invoice no."),
            self.tr("Amount"),
            self.tr("Currency"),
            self.tr("CNY"),
            self.tr("Files"),
            self.tr("Claim"),
        ]

    def status_text(self, status: str) -> str:
        return {"submitted": self.tr("submitted"), "under_review": self.tr("under review"),
                "settled": self.tr("settled")}.get(status, status)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.query.sort and descending == self.query.descending:
            return
        self.query = replace(self.query, sort=key, descending=descending)
        self.reload(recount=False)  # the same rows in another order: the total stays

    def retranslate(self) -> None:
        self._cache = {}
        self._headers = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
