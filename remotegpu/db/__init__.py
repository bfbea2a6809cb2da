"""Database layer: migrations, the embedded server, the engine and the table models."""
