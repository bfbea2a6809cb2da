"""DataLoaders: one SQL statement per batch, visibility applied in SQL, built per request."""
