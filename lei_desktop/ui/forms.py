"""A small form builder: typed fields, values as the plain dict the domain validators take,
an error label under each field, and change tracking (for live validation and unsaved edits)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lei_desktop.domain.errors import LeiError, ValidationErrors

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"

_LOOSE_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def loose_date(text: str) -> str:
    """Dates typed the way people type them: ``2026/4/1``, ``2026.4.1``, ``2026年4月1日``, ``20260401``
    become ``2026-04-01``; anything else is passed on unchanged for the domain's check to name."""
    m = _LOOSE_DATE.match(text) or _COMPACT_DATE.match(text)
    if not m:
        return text.strip()
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


_ICON: list[QIcon] = []


def _calendar_icon() -> QIcon:
    """A small drawn calendar (no icon theme is needed, so it looks the same on every system);
    drawn once and shared by every date field."""
    if _ICON:
        return _ICON[0]
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#4a5a70"), 1.2))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(1.5, 2.5, 13, 12), 1.5, 1.5)
    p.fillRect(QRectF(2, 3, 12, 3), QColor("#c0392b"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#4a5a70"))
    for row in range(2):
        for col in range(3):
            p.drawRect(QRectF(4 + col * 3.2, 8 + row * 3, 1.8, 1.8))
    p.end()
    _ICON.append(QIcon(pix))
    return _ICON[0]


def ui_locale() -> QLocale:
    from lei_desktop.ui import i18n

    if i18n.current() == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class _CalendarPopup(QFrame):
    """The calendar under a date field. It keeps Enter/Escape to itself, so a page's Enter-saves
    shortcut does not fire while a date is being picked."""

    picked = Signal(QDate)
    cleared = Signal()

    def __init__(self, owner: QWidget, selected: QDate, optional: bool) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.setObjectName("date_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("date_calendar")
        self.calendar.setLocale(ui_locale())
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setSelectedDate(selected)
        self.calendar.activated.connect(self.picked)  # Enter or double-click
        self.calendar.clicked.connect(self.picked)
        self.today_button = QPushButton(QCoreApplication.translate("DateEdit", "Today"))
        self.today_button.setObjectName("date_today")
        self.today_button.clicked.connect(lambda: self.picked.emit(QDate.currentDate()))
        self.clear_button = QPushButton(QCoreApplication.translate("DateEdit", "No date"))
        self.clear_button.setObjectName("date_clear")
        self.clear_button.clicked.connect(self.cleared)
        self.clear_button.setVisible(optional)
        for b in (self.today_button, self.clear_button):
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and e.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            e.accept()
            return True
        return super().event(e)


class DateEdit(QLineEdit):
    """One date field for the whole app: typed from the keyboard (``2026-04-01``, ``2026/4/1``,
    ``2026年4月1日``, ``20260401`` — :func:`loose_date`) or picked from a calendar in the UI's language
    (the button at the right, or Alt+Down / F4). Still a QLineEdit, so Tab order, Enter-saves and
    live validation work as for any text field; picking emits ``textEdited`` like typing does.
    ``optional`` fields can be emptied (clear button, or "No date" in the calendar)."""

    def __init__(self, parent=None, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        self.popup: _CalendarPopup | None = None
        self.setPlaceholderText("YYYY-MM-DD")
        self.setClearButtonEnabled(optional)
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setObjectName("date_calendar_action")
        self.calendar_action.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self._normalise)
        self._retranslate()

    def _normalise(self) -> None:
        """Leaving the field shows a typed date the way it is stored (``2026/4/1`` -> ``2026-04-01``);
        text that is not a date stays as typed, with its message."""
        if self.isReadOnly():
            return
        d = self.date()
        if d is not None and self.text() != d.isoformat():
            self.setText(d.isoformat())

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - Qt's name
        """A read-only date (a locked expense) offers neither the calendar nor clearing."""
        super().setReadOnly(read_only)
        self.calendar_action.setVisible(not read_only)
        self.setClearButtonEnabled(self.optional and not read_only)

    def _retranslate(self) -> None:
        self.calendar_action.setToolTip(QCoreApplication.translate("DateEdit", "Choose from a calendar (Alt+↓)"))

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if (e.key() == Qt.Key.Key_Down and e.modifiers() & Qt.KeyboardModifier.AltModifier) or e.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(e)

    def date(self) -> date | None:
        """The typed date, or None when empty or not a date."""
        try:
            return date.fromisoformat(loose_date(self.text()))
        except ValueError:
            return None

    def iso_text(self) -> str:
        """The text as ``YYYY-MM-DD`` where it reads as a date, else as typed (for the domain to refuse)."""
        return loose_date(self.text())

    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def show_calendar(self) -> None:
        if not self.isEnabled() or self.isReadOnly():
            return
        d = self.date() or date.today()
        if self.popup is not None:
            self.popup.close()
        self.popup = _CalendarPopup(self, QDate(d.year, d.month, d.day), self.optional)
        # closed any way (a date taken, Escape, a click elsewhere), it is deleted and forgotten
        self.popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.popup.destroyed.connect(self._popup_gone)
        self.popup.picked.connect(self._picked)
        self.popup.cleared.connect(self._cleared)
        self.popup.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = below.x(), below.y()
        if screen is not None:
            x = max(screen.left(), min(x, screen.right() - self.popup.width()))
            if y + self.popup.height() > screen.bottom():
                y = self.mapToGlobal(QPoint(0, 0)).y() - self.popup.height()
        self.popup.move(x, y)
        self.popup.show()
        self.popup.calendar.setFocus()

    def _set_edited(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
            self.textEdited.emit(text)
        if self.popup is not None:
            self.popup.close()
            self.popup = None
        self.setFocus()

    def _popup_gone(self, *_args) -> None:
        self.popup = None

    def _picked(self, qd: QDate) -> None:
        self._set_edited(date(qd.year(), qd.month(), qd.day()).isoformat())

    def _cleared(self) -> None:
        self._set_edited("")


@dataclass
class Field:
    key: str
    kind: str = "text"  # text | multiline | date | decimal | int | choice | bool | list | multi
    choices: Sequence[str] = ()
    placeholder: str = ""
    stand_in: object = None  # a valid value for live checking while the field is not reached yet
    optional: bool = True  # a date field that may stay empty (offers clearing)


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class Form(QWidget):
    """Fields laid out in a QFormLayout; ``values()`` gives strings/bools/lists keyed like the JSON."""

    changed = Signal()
    submitted = Signal()  # Enter in a one-line field

    def __init__(self, fields: Sequence[Field], parent=None) -> None:
        super().__init__(parent)
        self.fields = {f.key: f for f in fields}
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.extras: dict[str, QLabel] = {}
        self._loading = False
        self.dirty = False
        self.touched: set[str] = set()  # fields edited since the record was loaded
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in fields:
            w = self._make(f)
            self.widgets[f.key] = w
            label = QLabel()
            label.setBuddy(w)
            self.labels[f.key] = label
            err = QLabel()
            err.setStyleSheet(ERROR_STYLE)
            err.setWordWrap(True)
            err.hide()
            self.errors[f.key] = err
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(1)
            v.addWidget(w)
            v.addWidget(err)
            layout.addRow(label, box)

    # -- widgets ---------------------------------------------------------------------------------
    def _make(self, f: Field) -> QWidget:
        if f.kind == "multiline":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(56)
            w.textChanged.connect(lambda *_a, k=f.key: self._touched(k))
        elif f.kind == "choice":
            w = QComboBox()
            for code in f.choices:
                w.addItem(code, code)
            w.currentIndexChanged.connect(lambda *_a, k=f.key: self._touched(k))
        elif f.kind == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda *_a, k=f.key: self._touched(k))
        elif f.kind == "multi":
            w = QWidget()
            h = QHBoxLayout(w)
            h.setContentsMargins(0, 0, 0, 0)
            w.boxes = {}
            for code in f.choices:
                cb = QCheckBox(code)
                cb.toggled.connect(lambda *_a, k=f.key: self._touched(k))
                h.addWidget(cb)
                w.boxes[code] = cb
            h.addStretch(1)
        else:
            w = DateEdit(optional=f.optional) if f.kind == "date" else QLineEdit()
            if f.placeholder:
                w.setPlaceholderText(f.placeholder)
            w.textChanged.connect(lambda *_a, k=f.key: self._touched(k))
            w.returnPressed.connect(self.submitted)
        w.setObjectName(f"field_{f.key}")
        return w

    def _touched(self, key: str) -> None:
        if self._loading:
            return
        self.touched.add(key)
        self.dirty = True
        self.changed.emit()

    # -- labels ----------------------------------------------------------------------------------
    def set_labels(self, labels: dict[str, str]) -> None:
        for key, text in labels.items():
            if key in self.labels:
                self.labels[key].setText(text)

    def set_choice_labels(self, key: str, label: Callable[[str], str]) -> None:
        w = self.widgets[key]
        f = self.fields[key]
        if f.kind == "choice":
            for i in range(w.count()):
                w.setItemText(i, label(w.itemData(i)))
        elif f.kind == "multi":
            for code, cb in w.boxes.items():
                cb.setText(label(code))

    def set_choices(self, key: str, choices: Sequence[tuple[str, str]]) -> None:
        """Replace a choice field's options with (code, label) pairs, keeping the current code."""
        w = self.widgets[key]
        keep = w.currentData()
        loading, self._loading = self._loading, True
        w.clear()
        for code, label in choices:
            w.addItem(label, code)
        i = w.findData(keep)
        w.setCurrentIndex(max(i, 0))
        self._loading = loading

    def set_placeholder(self, key: str, text: str) -> None:
        w = self.widgets[key]
        if isinstance(w, QLineEdit):
            w.setPlaceholderText(text)

    # -- values ----------------------------------------------------------------------------------
    def value(self, key: str):
        f = self.fields[key]
        w = self.widgets[key]
        if f.kind == "multiline":
            return w.toPlainText().strip()
        if f.kind == "choice":
            return w.currentData()
        if f.kind == "bool":
            return w.isChecked()
        if f.kind == "multi":
            return [code for code, cb in w.boxes.items() if cb.isChecked()]
        text = w.text().strip()
        if f.kind == "date":
            text = loose_date(text)
        if f.kind == "list":
            return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]
        return text or None

    def values(self) -> dict:
        return {key: self.value(key) for key in self.fields}

    def set_value(self, key: str, value) -> None:
        f = self.fields[key]
        w = self.widgets[key]
        if f.kind == "multiline":
            w.setPlainText(_plain(value))
        elif f.kind == "choice":
            i = w.findData(value)
            w.setCurrentIndex(max(i, 0))
        elif f.kind == "bool":
            w.setChecked(bool(value))
        elif f.kind == "multi":
            chosen = set(value or ())
            for code, cb in w.boxes.items():
                cb.setChecked(code in chosen)
        elif f.kind == "list":
            w.setText(", ".join(value or ()))
        else:
            w.setText(_plain(value))

    def set_values(self, values: dict) -> None:
        self._loading = True
        try:
            for key in self.fields:
                self.set_value(key, values.get(key))
        finally:
            self._loading = False
        self.dirty = False
        self.touched.clear()
        self.clear_errors()

    def clear(self) -> None:
        self.set_values({})

    # -- errors ----------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for err in self.errors.values():
            err.clear()
            err.hide()

    def field_for(self, error_field: str) -> str | None:
        """The form key an error's field path points at (``cost_categories.x.sub_limit`` -> ``cost_categories``)."""
        head = error_field.split(".")[0].split("[")[0]
        return head if head in self.fields else None

    def show_error(self, exc: LeiError, lang: str, only_touched: bool = False) -> bool:
        """Put the message under its field; False if the field is not on this form. While typing
        (``only_touched``) a field the user has not reached yet is not reproached."""
        self.clear_errors()
        problems = exc.errors if isinstance(exc, ValidationErrors) else [exc]
        shown = False
        for p in problems:
            key = self.field_for(p.field)
            if key is None or (only_touched and key not in self.touched):
                continue
            body = p.zh if lang == "zh" else p.en
            self.errors[key].setText(body)
            self.errors[key].show()
            shown = True
        return shown

    #: stand-ins for fields the user has not reached yet, tried in turn (live checking only)
    STAND_INS = {"text": ("X",), "multiline": ("X",), "date": ("2000-01-01", "2999-12-31"), "decimal": ("1", "0"),
                 "int": ("1",), "list": ([],), "multi": ([],)}

    def live_check(self, values: dict, parse, lang: str) -> bool:
        """Validate while typing: show the first problem in a field the user has edited. A problem
        in a field not reached yet is set aside by trying a stand-in value there and checking again,
        so an early empty field does not hide the message for the one being typed."""
        values = dict(values)
        tried: dict[str, int] = {}
        for _ in range(3 * len(self.fields) + 1):
            try:
                parse(values)
            except LeiError as exc:
                key = self.field_for(exc.field)
                if key is None or key in self.touched:
                    if key is None:
                        self.clear_errors()
                    else:
                        self.show_error(exc, lang, only_touched=True)
                    return False
                f = self.fields[key]
                stand_ins = ((f.stand_in,) if f.stand_in is not None else ()) + self.STAND_INS.get(f.kind, ())
                i = tried.get(key, -1) + 1
                if i >= len(stand_ins):
                    self.clear_errors()
                    return False
                tried[key] = i
                values[key] = stand_ins[i]
                continue
            self.clear_errors()
            return not tried
        return False

    def error_text(self, key: str) -> str:
        return self.errors[key].text() if self.errors[key].isVisible() or self.errors[key].text() else ""
