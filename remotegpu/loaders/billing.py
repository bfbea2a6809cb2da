"""Loaders of the `billing` area: billing records and invoices, each customer's own only.

An invoice's records are the billing records of its customer whose `start_time` falls in the
invoice's period `[billing_period_start, billing_period_end)`. Their page and count loaders
are keyed by invoice id and join the invoice in SQL, so all invoices of one tree level share
one statement although every invoice has its own period.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause, Select, Subquery, and_, func, select

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import BillingRecord, Invoice
from remotegpu.loaders.area import AreaLoaders, Declared, Rows
from remotegpu.loaders.base import (
    CountByParentLoader,
    LateralPageByParentLoader,
    LoaderEnv,
    _any,
)
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


class InvoiceRecordsPageLoader(LateralPageByParentLoader[BillingRecord]):
    """Pages of an invoice's billing records, keyed by invoice id (LATERAL per invoice)."""

    def __init__(self, env: LoaderEnv) -> None:
        super().__init__(env, BillingRecord, Invoice.id, visible_billing_records)

    def _parents(self, parents: list[Any]) -> tuple[FromClause, Any, ColumnElement[bool], Any]:
        invoices = _visible_invoices_of(self.env.viewer, parents)
        return invoices, invoices.c.id, _in_period(invoices.c), invoices.c.id


class InvoiceRecordsCountLoader(CountByParentLoader):
    """How many visible billing records each invoice's period holds, keyed by invoice id."""

    def __init__(self, env: LoaderEnv) -> None:
        super().__init__(env, BillingRecord, Invoice.id, visible_billing_records)

    def _count_statement(
        self, parents: list[Any], conditions: list[ColumnElement[bool]]
    ) -> Select[tuple[Any, int]]:
        invoices = _visible_invoices_of(self.env.viewer, parents)
        return (
            select(invoices.c.id, func.count(BillingRecord.id))
            .select_from(invoices)
            .join(BillingRecord, _in_period(invoices.c))
            .where(self.visible(self.env.viewer), *conditions)
            .group_by(invoices.c.id)
        )


def _visible_invoices_of(viewer: Viewer, keys: list[Any]) -> Subquery:
    """The asked invoices the viewer may see, with the columns that define their records."""
    return (
        select(
            Invoice.id,
            Invoice.customer_id,
            Invoice.billing_period_start,
            Invoice.billing_period_end,
        )
        .where(_any(Invoice.id, keys), visible_invoices(viewer))
        .subquery("inv")
    )


billing_records = Rows(BillingRecord, visible_billing_records)
invoices = Rows(Invoice, visible_invoices)


class BillingLoaders(AreaLoaders):
    billing_record_by_id = billing_records.by(BillingRecord.id)
    billing_records_page_by_customer_id = billing_records.pages_by(BillingRecord.customer_id)
    billing_records_count_by_customer_id = billing_records.counts_by(BillingRecord.customer_id)
    billing_records_page_by_env_id = billing_records.pages_by(BillingRecord.env_id)
    billing_records_count_by_env_id = billing_records.counts_by(BillingRecord.env_id)
    billing_records_page_by_invoice_id = Declared(InvoiceRecordsPageLoader)
    billing_records_count_by_invoice_id = Declared(InvoiceRecordsCountLoader)
    invoice_by_id = invoices.by(Invoice.id)
    invoice_by_invoice_no = invoices.by(Invoice.invoice_no)
    invoices_page_by_customer_id = invoices.pages_by(Invoice.customer_id)
    invoices_count_by_customer_id = invoices.counts_by(Invoice.customer_id)
