"""Reading content from disk into the model, collecting every problem with file, line and field."""
