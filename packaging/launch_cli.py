"""Frozen entry point of the console ``lei-cli`` (see packaging/lei_desktop.spec)."""

import sys

from lei_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
