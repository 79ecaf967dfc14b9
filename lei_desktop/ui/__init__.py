"""The PySide6 face of lei_desktop."""
