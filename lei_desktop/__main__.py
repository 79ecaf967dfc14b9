"""python -m lei_desktop -> the desktop app."""

import sys

from lei_desktop.app import main

sys.exit(main())
