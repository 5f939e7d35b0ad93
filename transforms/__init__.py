"""Pure text and table transforms for newscurate: no Prefect, no file IO."""
