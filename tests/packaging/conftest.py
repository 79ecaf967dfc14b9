from tests.ui.conftest import ctx, loaded_ctx, window  # noqa: F401  (the About dialog test needs a window)
