"""lei-cli: the headless face of lei_desktop. Each command group is a module with ``register``.

Exit codes: 0 success, 1 the user's input was refused (one clear line on stderr), 2 wrong usage,
3 an internal error (a bug: the traceback goes to stderr only with LEI_DEBUG=1).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from lei_desktop import __version__
from lei_desktop.cli.common import EXIT_BUG, EXIT_REFUSED, CliContext, add_common, safe_output, system_lang
from lei_desktop.domain.errors import LeiError
from lei_desktop.domain.messages import text

#: Command modules, each with ``register(subparsers, common)``; later issues add theirs here.
COMMAND_MODULES = [
    "lei_desktop.cli.data_cmds",
    "lei_desktop.cli.tool_cmds",
    "lei_desktop.cli.claim_cmds",
    "lei_desktop.cli.import_cmds",
    "lei_desktop.cli.safety_cmds",
    "lei_desktop.cli.report_cmds",
]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    add_common(common, suppress=True)
    parser = argparse.ArgumentParser(
        prog="lei-cli",
        description="lei_desktop from the command line: overseas-IP legal-expenses claims (Beijing pilot).",
    )
    add_common(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"lei-cli {__version__}")
    parser.add_argument("--selftest", action="store_true", help="prove that this build works, then exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def _damaged_store(exc: BaseException) -> str | None:
    """SQLite's own words when ``exc`` says the database file is damaged, else None."""
    import sqlite3

    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.DatabaseError) and not isinstance(orig, sqlite3.OperationalError | sqlite3.IntegrityError):
        message = str(orig)
        if "malformed" in message or "not a database" in message or "corrupt" in message:
            return message
    return None


def main(argv: list[str] | None = None) -> int:
    safe_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang_given = args.lang is not None  # amount-in-words answers in English only when asked
    if args.lang is None:
        args.lang = system_lang()
    ctx = CliContext(args)
    try:
        if args.selftest:
            from lei_desktop.selftest import run as selftest

            return selftest(ctx)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return 2
        code = int(args.func(ctx) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except LeiError as exc:
        if exc.code == "store_not_sqlite":  # say what to do about it, as for any damaged store
            body = exc.zh if args.lang == "zh" else exc.en
            exc = LeiError("cli_store_damaged", exc.field, problem=body)
        print(f"{text('error_prefix', args.lang)}: {exc.message(args.lang)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so plainly, never a bare traceback unless asked
        if isinstance(exc, OSError) and (exc.filename or exc.filename2):
            # a file the user named (or its folder) cannot be read or written: the machine, not a bug
            from lei_desktop.fileio import file_problem

            problem = file_problem(exc, "", writing=None)
            print(f"{text('error_prefix', args.lang)}: {problem.message(args.lang)}", file=sys.stderr)
            return EXIT_REFUSED
        damage = _damaged_store(exc)
        if damage is not None:  # not a bug: the file on disk is damaged (lei-cli check / restore)
            print(f"{text('error_prefix', args.lang)}: {text('cli_store_damaged', args.lang, problem=damage)}",
                  file=sys.stderr)
            return EXIT_REFUSED
        if os.environ.get("LEI_DEBUG"):
            traceback.print_exc()
        print(f"{text('internal_error', args.lang)}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_BUG
    finally:
        ctx.close()


def _quiet_broken_pipe() -> int:
    """The reader of stdout went away (``lei-cli … | head -1``): stop quietly, no internal error.

    stdout is pointed at devnull so that Python's final flush does not complain again
    (the recipe of the ``signal`` module's documentation, "Note on SIGPIPE").
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - stdout without a descriptor
        pass
    return EXIT_BROKEN_PIPE


#: 128 + SIGPIPE, what a shell reports for a command ended by a closed pipe
EXIT_BROKEN_PIPE = 141


if __name__ == "__main__":
    sys.exit(main())
