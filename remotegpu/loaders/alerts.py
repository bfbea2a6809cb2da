"""Loaders of the `alerts` area: alert rules and the alerts they fired, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import AlertRecord, AlertRule
from remotegpu.loaders.area import AreaLoaders, Rows
from remotegpu.loaders.scopes import own_only


def visible_alert_rules(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every rule. Customers: their own; platform-wide rules (NULL owner) are
    admin-only. Agents and anonymous: none."""
    return own_only(viewer, AlertRule.customer_id)


def visible_alert_records(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every alert. Customers: alerts raised for them (customer_id). Others: none."""
    return own_only(viewer, AlertRecord.customer_id)


rules = Rows(AlertRule, visible_alert_rules)
records = Rows(AlertRecord, visible_alert_records)


class AlertsLoaders(AreaLoaders):
    alert_rule_by_id = rules.by(AlertRule.id)
    alert_rules_page_by_customer_id = rules.pages_by(AlertRule.customer_id)
    alert_rules_count_by_customer_id = rules.counts_by(AlertRule.customer_id)
    alert_record_by_id = records.by(AlertRecord.id)
    alert_records_page_by_rule_id = records.pages_by(AlertRecord.rule_id)
    alert_records_count_by_rule_id = records.counts_by(AlertRecord.rule_id)
    alert_records_page_by_customer_id = records.pages_by(AlertRecord.customer_id)
    alert_records_count_by_customer_id = records.counts_by(AlertRecord.customer_id)
