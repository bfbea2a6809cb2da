"""Strawberry output types, one module per area."""
