"""Validate each distinct document once per deployment, limits included.

strawberry's QueryDepthLimiter and MaxAliasesLimiter build a new validation-rule class per
instance, and its ValidationCache keys on the rule tuple and the parsed document object: as
per-request extensions, every request brought new rule classes and the cache never hit (a
third of the CPU of a simple list read went to validating the same document again). Here the
limit rules are built once per Settings and the cache keys on the document text and the
(now constant) rule tuple. The query cost depends on variables: it is computed after this,
per request (see `cost.py`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from functools import cache

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension
from strawberry.extensions.disable_introspection import DisableIntrospection

from remotegpu.settings import Settings

_Key = tuple[str, tuple[type[ASTValidationRule], ...]]


class DocumentValidator:
    """graphql validation with this deployment's limit rules and a bounded LRU of results."""

    def __init__(self, settings: Settings) -> None:
        # The limiter extensions are built once, only to take their rule classes.
        limiters = [
            QueryDepthLimiter(max_depth=settings.max_query_depth),
            MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        ]
        if not settings.introspection_enabled:
            limiters.append(DisableIntrospection())
        self.limit_rules: tuple[type[ASTValidationRule], ...] = tuple(
            rule for limiter in limiters for rule in limiter.validation_rules
        )
        self.maxsize = settings.document_cache_size
        self.validations = 0  # documents actually validated (cache misses)
        self._results: OrderedDict[_Key, list[GraphQLError]] = OrderedDict()

    def validate(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        query: str | None,
        base_rules: tuple[type[ASTValidationRule], ...],
    ) -> list[GraphQLError]:
        rules = (*base_rules, *self.limit_rules)
        if query is None:  # a pre-parsed document: nothing stable to key on
            return self._run(schema, document, rules)
        key = (query, rules)
        cached = self._results.get(key)
        if cached is not None:
            self._results.move_to_end(key)
            return cached
        errors = self._run(schema, document, rules)
        self._results[key] = errors
        if len(self._results) > self.maxsize:
            self._results.popitem(last=False)
        return errors

    def _run(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        rules: tuple[type[ASTValidationRule], ...],
    ) -> list[GraphQLError]:
        # strawberry's own entry point: it adds its OneOf and MaybeNull rules.
        from strawberry.schema.schema import validate_document

        self.validations += 1
        return validate_document(schema, document, rules)


@cache
def document_validator(settings: Settings) -> DocumentValidator:
    """One validator (rules and cache) per deployment settings."""
    return DocumentValidator(settings)


class CachedValidation(SchemaExtension):
    """Runs validation through the deployment's DocumentValidator instead of strawberry's."""

    def __init__(self, validator: DocumentValidator) -> None:
        self.validator = validator

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        assert ctx.graphql_document is not None
        # Setting the errors (even an empty list) tells strawberry validation has run.
        ctx.pre_execution_errors = self.validator.validate(
            ctx.schema._schema, ctx.graphql_document, ctx.query, tuple(ctx.validation_rules)
        )
        yield
