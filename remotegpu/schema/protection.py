"""Limits and error hygiene, applied before any resolver runs.

Depth and alias limits reject abusive documents during (cached) validation, the token limit
during parsing, and the cost limit right before execution, so a rejected operation never
reaches the database. See `validation.py`, `cost.py` and `error_hygiene.py`.
"""

from __future__ import annotations

from collections.abc import Callable

from strawberry.extensions import MaxTokensLimiter, ParserCache, SchemaExtension

from remotegpu.schema.cost import CostModel, QueryCostLimiter
from remotegpu.schema.error_hygiene import ErrorHygiene
from remotegpu.schema.validation import CachedValidation, document_validator
from remotegpu.settings import Settings

__all__ = ["ErrorHygiene", "protection_extensions"]


def protection_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Factories, so every request gets fresh extension instances (sharing built rules)."""
    tokens, suggestions = settings.max_tokens, settings.suggestions_enabled
    cache_size = settings.document_cache_size
    validator = document_validator(settings)
    cost_model, budget = CostModel.from_settings(settings), settings.max_query_cost

    def hygiene() -> SchemaExtension:
        extension = ErrorHygiene()
        extension.suggestions = suggestions
        return extension

    return [
        # Sets the max-tokens parse option (on_operation, before parsing); the parser cache
        # keys on the document text and that option.
        lambda: MaxTokensLimiter(max_token_count=tokens),
        hygiene,
        # The console sends the same few documents over and over: parse and validate once.
        lambda: ParserCache(maxsize=cache_size),
        lambda: CachedValidation(validator),
        lambda: QueryCostLimiter(cost_model, budget),
    ]
