"""The desktop face (PySide6). Only this package and ``lei_desktop.app`` import Qt."""
