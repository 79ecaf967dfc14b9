"""Problems found while reading a file: a bilingual message that names the line and the column.

The readers never raise on bad input: they collect :class:`LineProblem` objects as errors (the
file is refused) or warnings (the file may still be imported). A ``LineProblem`` is a
``ValidationError`` so that it can also be raised, and its :meth:`message` says where in the
user's language: ``line 5, LINE_ITEM_TOTAL: ...`` / ``第 5 行，LINE_ITEM_TOTAL：...``.
"""

from __future__ import annotations

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.messages import register

register(
    {
        "imp_where_line": ("第 {line} 行", "line {line}"),
        "imp_where_line_col": ("第 {line} 行，{column}", "line {line}, {column}"),
        "imp_where_file": ("文件", "file"),
    }
)


class LineProblem(ValidationError):
    """A message code with its parameters, at a line (1-based, 0 = the whole file) and column."""

    def __init__(self, code: str, line: int = 0, column: str = "", /, **params: object) -> None:
        for reserved in ("code", "field", "lang"):  # names the message functions take themselves
            if reserved in params:
                params[f"{reserved}_"] = params.pop(reserved)
        self.line = line
        self.column = column
        field = f"line {line}" if line else "file"
        if column:
            field = f"{field}, {column}"
        super().__init__(code, field, **params)

    def where(self, lang: str = "en") -> str:
        from lei_desktop.domain.messages import text

        if not self.line:
            return text("imp_where_file", lang) + (f", {self.column}" if self.column else "")
        if self.column:
            return text("imp_where_line_col", lang, line=self.line, column=self.column)
        return text("imp_where_line", lang, line=self.line)

    def message(self, lang: str = "en") -> str:
        sep = "：" if lang == "zh" else ": "
        body = self.zh if lang == "zh" else self.en
        return f"{self.where(lang)}{sep}{body}"

    def as_dict(self) -> dict:
        from lei_desktop.domain.messages import both

        return {"line": self.line, "column": self.column, **both(self.code, **self.params),
                "where_zh": self.where("zh"), "where_en": self.where("en")}

    def __repr__(self) -> str:
        return f"LineProblem({self.code!r}, line={self.line}, column={self.column!r}, {self.params!r})"
