"""Frozen entry point of the windowed ``lei-desktop`` (see packaging/lei_desktop.spec)."""

import sys

from lei_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
