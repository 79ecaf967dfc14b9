"""Pure domain core: no Qt, no SQLAlchemy, no I/O."""
