"""GraphQL inputs: filters (`where`), orderings (`orderBy`), mutation inputs; per area."""
