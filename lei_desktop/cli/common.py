"""What every command shares: --db/--json/--lang, the open store, output helpers."""

from __future__ import annotations

import argparse
import json
import locale
import os
import sys

from lei_desktop.domain.messages import register

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3

register(
    {
        "error_prefix": ("错误", "error"),
        "internal_error": ("内部错误（请报告此问题）", "internal error (please report this)"),
        "warning_prefix": ("警告", "warning"),
    }
)


def system_lang() -> str:
    """'zh' when the system locale is Chinese, else 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith(("zh", "chinese")) else "en"


def add_common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", default=default, metavar="PATH_OR_URL",
                        help="SQLite file or SQLAlchemy URL (default: the per-user database)")
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="print one JSON document on stdout")
    parser.add_argument("--lang", choices=("zh", "en"), default=default,
                        help="language of messages (default: the system locale)")


class CliContext:
    """The parsed arguments, the store opened on first use, and output in the chosen form."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang: str = args.lang or "en"
        self.json: bool = bool(getattr(args, "json", False))
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from lei_desktop.services import Store

            self._store = Store(self.args.db)
        return self._store

    def out(self, line: str = "") -> None:
        print(line)

    def emit_json(self, doc) -> None:
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")

    def warn(self, message: str) -> None:
        from lei_desktop.domain.messages import text

        print(f"{text('warning_prefix', self.lang)}: {message}", file=sys.stderr)

    def t(self, code: str, **params) -> str:
        from lei_desktop.domain.messages import text

        return text(code, self.lang, **params)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def safe_output() -> None:
    """Any text (narratives, names) may reach the console: on one that cannot show a character
    (a Latin-1 or GBK console and an emoji), print a stand-in instead of failing."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="backslashreplace")
