"""Loaders of the `alerts` area: alert rules and the alerts they fired, scoped to the viewer."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from remotegpu.auth.viewer import Viewer
from remotegpu.db.models import AlertRecord, AlertRule
from remotegpu.loaders.base import (
    CountByParentLoader,
    LoaderEnv,
    PageByParentLoader,
    RowByKeyLoader,
)
from remotegpu.loaders.scopes import own_only


def visible_alert_rules(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every rule. Customers: their own; platform-wide rules (NULL owner) are
    admin-only. Agents and anonymous: none."""
    return own_only(viewer, AlertRule.customer_id)


def visible_alert_records(viewer: Viewer) -> ColumnElement[bool]:
    """Admins: every alert. Customers: alerts raised for them (customer_id). Others: none."""
    return own_only(viewer, AlertRecord.customer_id)


class AlertsLoaders:
    def __init__(self, env: LoaderEnv) -> None:
        rules, records = visible_alert_rules, visible_alert_records
        self.alert_rule_by_id = RowByKeyLoader(env, AlertRule, AlertRule.id, rules)
        self.alert_rules_page_by_customer_id = PageByParentLoader(
            env, AlertRule, AlertRule.customer_id, rules
        )
        self.alert_rules_count_by_customer_id = CountByParentLoader(
            env, AlertRule, AlertRule.customer_id, rules
        )
        self.alert_record_by_id = RowByKeyLoader(env, AlertRecord, AlertRecord.id, records)
        self.alert_records_page_by_rule_id = PageByParentLoader(
            env, AlertRecord, AlertRecord.rule_id, records
        )
        self.alert_records_count_by_rule_id = CountByParentLoader(
            env, AlertRecord, AlertRecord.rule_id, records
        )
        self.alert_records_page_by_customer_id = PageByParentLoader(
            env, AlertRecord, AlertRecord.customer_id, records
        )
        self.alert_records_count_by_customer_id = CountByParentLoader(
            env, AlertRecord, AlertRecord.customer_id, records
        )
