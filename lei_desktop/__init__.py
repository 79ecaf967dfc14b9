"""lei_desktop: claims for the Beijing overseas-IP legal-expenses insurance pilot."""

from lei_desktop.version import __version__

__all__ = ["__version__"]
