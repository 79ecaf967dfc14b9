"""A small form builder: typed fields, values as the plain dict the domain validators take,
an error label under each field, and change tracking (for live validation and unsaved edits)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lei_desktop.domain.errors import LeiError, ValidationErrors

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


@dataclass
class Field:
    key: str
    kind: str = "text"  # text | multiline | date | decimal | int | choice | bool | list | multi
    choices: Sequence[str] = ()
    placeholder: str = ""
    stand_in: object = None  # a valid value for live checking while the field is not reached yet


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
            w = QLineEdit()
            if f.kind == "date":
                w.setPlaceholderText("YYYY-MM-DD")
                w.setInputMask("")
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
