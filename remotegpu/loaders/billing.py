"""Loaders of the `billing` area: billing records and invoices, each customer's own only.

An invoice's records are the billing records of its customer whose `start_time` falls in the
invoice's period `[billing_period_start, billing_period_end)`. Their page and count loaders
are keyed by invoice id and join the invoice in SQL, so all invoices of one tree level share
one statement although every invoice has its own period.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, any_, bindparam, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import BillingRecord, Invoice
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
    _array_type,
)
from remotegpu.loaders.paging import Ordering, PageRequest
from remotegpu.loaders.scopes import own_only


def visible_billing_records(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: their own. Agents and anonymous: none."""
    return own_only(viewer, BillingRecord.customer_id)


def visible_invoices(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: all. Customers: their own. Agents and anonymous: none."""
    return own_only(viewer, Invoice.customer_id)


def _in_period(invoice: Any) -> ColumnElement[bool]:
    return and_(
        BillingRecord.customer_id == invoice.customer_id,
        BillingRecord.start_time >= invoice.billing_period_start,
        BillingRecord.start_time < invoice.billing_period_end,
    )


def _invoices_of(env: LoaderEnv, keys: Sequence[Any]) -> Any:
    ids = bindparam("keys", value=list(keys), type_=_array_type(Invoice.id))
    return (
        select(
            Invoice.id,
            Invoice.customer_id,
            Invoice.billing_period_start,
            Invoice.billing_period_end,
        )
        .where(Invoice.id == any_(ids), visible_invoices(env.viewer))
        .subquery("inv")
    )


class InvoiceRecordsPageLoader(PageByParentLoader[BillingRecord]):
    """Pages of an invoice's billing records, keyed by invoice id (LATERAL per invoice)."""

    def __init__(self, env: LoaderEnv) -> None:
        super().__init__(env, BillingRecord, Invoice.id, visible_billing_records)

    async def _fetch(
        self,
        session: AsyncSession,
        request: PageRequest,
        ordering: Ordering,
        conditions: list[ColumnElement[bool]],
        parents: list[Any],
    ) -> dict[Any, list[BillingRecord]]:
        if request.limit == 0 or not parents:
            return {}
        inv = _invoices_of(self.env, parents)
        inner = (
            select(BillingRecord)
            .where(_in_period(inv.c), self.visible(self.env.viewer), *conditions)
            .order_by(*ordering.sort_clause(reverse=request.backward))
            .limit(request.limit + 1)
            .lateral("r")
        )
        row = aliased(BillingRecord, inner)
        down = ordering.descending != request.backward
        sort = [inner.c[c.key].desc() if down else inner.c[c.key].asc() for c in ordering.columns]
        stmt = select(inv.c.id, row).select_from(inv).join(inner, true()).order_by(inv.c.id, *sort)
        grouped: dict[Any, list[BillingRecord]] = {}
        for invoice_id, item in (await session.execute(stmt)).all():
            grouped.setdefault(invoice_id, []).append(item)
        return grouped


class InvoiceRecordsCountLoader(CountByParentLoader):
    """How many visible billing records each invoice's period holds, keyed by invoice id."""

    def __init__(self, env: LoaderEnv) -> None:
        super().__init__(env, BillingRecord, Invoice.id, visible_billing_records)

    async def batch_load_fn(self, keys: Sequence[tuple[Any, str]]) -> list[int]:
        wanted: dict[str, list[Any]] = {}
        for parent_key, fp in keys:
            wanted.setdefault(fp, []).append(parent_key)
        counts: dict[tuple[Any, str], int] = {}
        async with self.env.sessions() as session:
            for fp, parents in wanted.items():
                inv = _invoices_of(self.env, parents)
                stmt = (
                    select(inv.c.id, func.count(BillingRecord.id))
                    .select_from(inv)
                    .join(BillingRecord, _in_period(inv.c))
                    .where(self.visible(self.env.viewer), *self._groups[fp])
                    .group_by(inv.c.id)
                )
                for invoice_id, n in (await session.execute(stmt)).all():
                    counts[(invoice_id, fp)] = n
        return [counts.get(key, 0) for key in keys]


class BillingLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        b, i = visible_billing_records, visible_invoices
        self.billing_record_by_id = RowByKeyLoader(env, BillingRecord, BillingRecord.id, b)
        self.billing_records_page_by_customer_id = PageByParentLoader(
            env, BillingRecord, BillingRecord.customer_id, b
        )
        self.billing_records_count_by_customer_id = CountByParentLoader(
            env, BillingRecord, BillingRecord.customer_id, b
        )
        self.billing_records_page_by_env_id = PageByParentLoader(
            env, BillingRecord, BillingRecord.env_id, b
        )
        self.billing_records_count_by_env_id = CountByParentLoader(
            env, BillingRecord, BillingRecord.env_id, b
        )
        self.billing_records_page_by_invoice_id = InvoiceRecordsPageLoader(env)
        self.billing_records_count_by_invoice_id = InvoiceRecordsCountLoader(env)
        self.invoice_by_id = RowByKeyLoader(env, Invoice, Invoice.id, i)
        self.invoice_by_invoice_no = RowByKeyLoader(env, Invoice, Invoice.invoice_no, i)
        self.invoices_page_by_customer_id = PageByParentLoader(env, Invoice, Invoice.customer_id, i)
        self.invoices_count_by_customer_id = CountByParentLoader(
            env, Invoice, Invoice.customer_id, i
        )
