"""Use cases over the store: one transaction per call, plain domain objects in and out."""

from lei_desktop.services.store import Store

__all__ = ["Store"]
