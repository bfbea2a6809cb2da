"""The typed set of loaders a request carries: `ctx.loaders.<area>.<loader>`.

Areas are built on first use, so a request that touches two areas builds two areas' loaders.
The area modules are imported at start-up anyway (resolvers and types use their visibility
rules), so importing them here costs nothing and needs no function-local import.
"""

from __future__ import annotations

from functools import cached_property

from remotegpu.loaders.activity import ActivityLoaders
from remotegpu.loaders.alerts import AlertsLoaders
from remotegpu.loaders.base import LoaderEnv
from remotegpu.loaders.billing import BillingLoaders
from remotegpu.loaders.config import ConfigLoaders
from remotegpu.loaders.customers import CustomersLoaders
from remotegpu.loaders.environments import EnvironmentsLoaders
from remotegpu.loaders.hosts import HostsLoaders
from remotegpu.loaders.jobs import JobsLoaders
from remotegpu.loaders.metrics import MetricsLoaders
from remotegpu.loaders.storage import StorageLoaders
from remotegpu.loaders.tickets import TicketsLoaders
from remotegpu.loaders.webhooks import WebhooksLoaders
from remotegpu.loaders.workloads import WorkloadsLoaders
from remotegpu.loaders.workspaces import WorkspacesLoaders


class Loaders:
    def __init__(self, env: LoaderEnv) -> None:
        self.env = env

    @cached_property
    def config(self) -> ConfigLoaders:
        return ConfigLoaders(self.env)

    @cached_property
    def customers(self) -> CustomersLoaders:
        return CustomersLoaders(self.env)

    @cached_property
    def workspaces(self) -> WorkspacesLoaders:
        return WorkspacesLoaders(self.env)

    @cached_property
    def hosts(self) -> HostsLoaders:
        return HostsLoaders(self.env)

    @cached_property
    def environments(self) -> EnvironmentsLoaders:
        return EnvironmentsLoaders(self.env)

    @cached_property
    def storage(self) -> StorageLoaders:
        return StorageLoaders(self.env)

    @cached_property
    def metrics(self) -> MetricsLoaders:
        return MetricsLoaders(self.env)

    @cached_property
    def billing(self) -> BillingLoaders:
        return BillingLoaders(self.env)

    @cached_property
    def workloads(self) -> WorkloadsLoaders:
        return WorkloadsLoaders(self.env)

    @cached_property
    def activity(self) -> ActivityLoaders:
        return ActivityLoaders(self.env)

    @cached_property
    def alerts(self) -> AlertsLoaders:
        return AlertsLoaders(self.env)

    @cached_property
    def webhooks(self) -> WebhooksLoaders:
        return WebhooksLoaders(self.env)

    @cached_property
    def tickets(self) -> TicketsLoaders:
        return TicketsLoaders(self.env)

    @cached_property
    def jobs(self) -> JobsLoaders:
        return JobsLoaders(self.env)

    def clear_all(self) -> None:
        """Forget every cached row (after a mutation commits)."""
        for name in list(vars(self)):
            if name != "env":
                delattr(self, name)
