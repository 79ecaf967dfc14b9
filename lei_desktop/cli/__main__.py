import sys

from lei_desktop.cli import main

sys.exit(main())
