"""Live events: the LISTEN connection of each process and the fan-out to GraphQL subscribers."""
