"""GraphQL output types, inputs, scalars and shared schema pieces."""
