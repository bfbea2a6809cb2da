"""The consistency rules over rows (quotas, GPUs, hosts, ports, workspaces, storage, billing,
ticket numbers, alerts, workloads), and `Check`, the shape of every rule.

Each check is one SQL statement that returns the offending rows as a text `ref`; the logical
references between tables are in invariant_references.py, the runner in invariants.py.
"""

from __future__ import annotations

from dataclasses import dataclass

# Statuses in which an environment holds CPU, memory, disk and GPUs (domain-rules.md).
LIVE = "('creating', 'running')"


@dataclass(frozen=True)
class Check:
    name: str
    description: str
    sql: str  # selects one text column `ref` per offending row


def _ticket_numbers(table: str, column: str, prefix: str) -> Check:
    """PREFIX-YYYY-NNNN: well-formed, and per year exactly 1..count (unique, no gaps)."""
    return Check(
        f"numbering:{table}",
        f"{table}.{column} is not {prefix}-YYYY-NNNN numbered 1..n without gaps per year",
        f"""
        WITH parsed AS (
            SELECT id, {column} AS no,
                   substring({column} FROM '^{prefix}-([0-9]{{4}})-[0-9]{{4,}}$') AS year,
                   substring({column} FROM '^{prefix}-[0-9]{{4}}-([0-9]{{4,}})$')::bigint AS n
            FROM {table})
        SELECT no AS ref FROM parsed WHERE year IS NULL
        UNION ALL
        SELECT '{prefix}-' || year || ' has ' || count(*) || ' numbers, max ' || max(n)
        FROM parsed WHERE year IS NOT NULL GROUP BY year
        HAVING count(*) <> max(n) OR count(DISTINCT n) <> count(*) OR min(n) <> 1
        """,
    )


RULE_CHECKS: tuple[Check, ...] = (
    Check(
        "quota:one-per-customer",
        "customers without exactly one resource_quotas row",
        """SELECT c.id::text || ' has ' || count(q.id) AS ref
           FROM customers c LEFT JOIN resource_quotas q ON q.user_id = c.id
           GROUP BY c.id HAVING count(q.id) <> 1""",
    ),
    Check(
        "customers:soft-delete",
        "customers whose status 'deleted' and deleted_at disagree",
        """SELECT id::text AS ref FROM customers
           WHERE (status = 'deleted') <> (deleted_at IS NOT NULL)""",
    ),
    Check(
        "customers:deleted-with-live-environments",
        "soft-deleted customers still own live environments",
        f"""SELECT e.id AS ref FROM environments e JOIN customers c ON c.id = e.user_id
            WHERE c.deleted_at IS NOT NULL AND e.status IN {LIVE}""",
    ),
    Check(
        "gpus:allocated-to",
        "gpus whose status 'allocated' disagrees with allocated_to/allocated_at",
        """SELECT id::text AS ref FROM gpus
           WHERE (status = 'allocated') <> (allocated_to IS NOT NULL)
              OR (status = 'allocated' AND allocated_at IS NULL)""",
    ),
    Check(
        "gpus:allocated-to-live-environment",
        "gpus allocated to an environment that is not creating/running or on another host",
        f"""SELECT g.id::text || ' -> ' || e.id || ' (' || e.status || ')' AS ref
            FROM gpus g JOIN environments e ON e.id = g.allocated_to
            WHERE e.status NOT IN {LIVE} OR e.host_id <> g.host_id""",
    ),
    Check(
        "environments:gpu-count",
        "creating/running environments whose gpu column differs from their allocated GPUs",
        f"""SELECT e.id || ' gpu=' || e.gpu || ' allocated=' || count(g.id) AS ref
            FROM environments e LEFT JOIN gpus g ON g.allocated_to = e.id
            WHERE e.status IN {LIVE}
            GROUP BY e.id, e.gpu HAVING coalesce(e.gpu, 0) <> count(g.id)""",
    ),
    Check(
        "hosts:used-counters",
        "hosts whose used_cpu/memory/disk/gpu differ from the sums over live environments",
        f"""SELECT h.id AS ref FROM hosts h LEFT JOIN (
                SELECT host_id, sum(cpu) AS cpu, sum(memory) AS memory,
                       sum(coalesce(storage, 0)) AS disk, sum(coalesce(gpu, 0)) AS gpu
                FROM environments WHERE status IN {LIVE} GROUP BY host_id) s ON s.host_id = h.id
            WHERE coalesce(h.used_cpu, 0) <> coalesce(s.cpu, 0)
               OR coalesce(h.used_memory, 0) <> coalesce(s.memory, 0)
               OR coalesce(h.used_disk, 0) <> coalesce(s.disk, 0)
               OR coalesce(h.used_gpu, 0) <> coalesce(s.gpu, 0)""",
    ),
    Check(
        "hosts:over-capacity",
        "hosts using more than they have, a negative amount, or total_gpu not their GPU count",
        """SELECT id AS ref FROM hosts
           WHERE used_cpu > total_cpu OR used_memory > total_memory
              OR used_disk > coalesce(total_disk, 0) OR used_gpu > total_gpu
              OR least(used_cpu, used_memory, used_disk, used_gpu) < 0
              OR total_gpu <> (SELECT count(*) FROM gpus g WHERE g.host_id = hosts.id)""",
    ),
    Check(
        "ports:unique-active",
        "external ports held by more than one active mapping",
        """SELECT external_port::text AS ref FROM port_mappings WHERE status = 'active'
           GROUP BY external_port HAVING count(*) > 1""",
    ),
    Check(
        "ports:in-range",
        "active mappings outside the system_configs port range of their service",
        """WITH ranges AS (
               SELECT s.service, lo.config_value::int AS lo, hi.config_value::int AS hi
               FROM (VALUES ('ssh'), ('rdp'), ('jupyter')) AS s(service)
               JOIN system_configs lo ON lo.config_key = s.service || '_port_range_start'
               JOIN system_configs hi ON hi.config_key = s.service || '_port_range_end')
           SELECT m.id::text || ' ' || m.service_type || ':' || m.external_port AS ref
           FROM port_mappings m JOIN ranges r ON r.service = m.service_type
           WHERE m.status = 'active' AND m.external_port NOT BETWEEN r.lo AND r.hi""",
    ),
    Check(
        "ports:environment-columns",
        "environments whose ssh/jupyter/rdp port columns differ from their active mappings",
        """SELECT e.id AS ref FROM environments e LEFT JOIN (
               SELECT env_id,
                      max(external_port) FILTER (WHERE service_type = 'ssh') AS ssh,
                      max(external_port) FILTER (WHERE service_type = 'jupyter') AS jupyter,
                      max(external_port) FILTER (WHERE service_type = 'rdp') AS rdp
               FROM port_mappings WHERE status = 'active' GROUP BY env_id) m ON m.env_id = e.id
           WHERE e.ssh_port IS DISTINCT FROM m.ssh OR e.jupyter_port IS DISTINCT FROM m.jupyter
              OR e.rdp_port IS DISTINCT FROM m.rdp""",
    ),
    Check(
        "ports:one-per-service",
        "environments with several active mappings of one service",
        """SELECT env_id || ' ' || service_type AS ref FROM port_mappings
           WHERE status = 'active' AND service_type IN ('ssh', 'jupyter', 'rdp')
           GROUP BY env_id, service_type HAVING count(*) > 1""",
    ),
    Check(
        "ports:required",
        "non-deleted environments without active ssh and jupyter (and rdp on Windows) mappings",
        """SELECT e.id AS ref FROM environments e JOIN hosts h ON h.id = e.host_id
           WHERE e.status NOT IN ('deleted', 'deleting') AND (
               NOT EXISTS (SELECT 1 FROM port_mappings m WHERE m.env_id = e.id
                           AND m.status = 'active' AND m.service_type = 'ssh')
            OR NOT EXISTS (SELECT 1 FROM port_mappings m WHERE m.env_id = e.id
                           AND m.status = 'active' AND m.service_type = 'jupyter')
            OR (h.os_type = 'windows' AND NOT EXISTS (SELECT 1 FROM port_mappings m
                WHERE m.env_id = e.id AND m.status = 'active' AND m.service_type = 'rdp')))""",
    ),
    Check(
        "ports:released-when-deleted",
        "deleted environments still holding active mappings, or released mappings without time",
        """SELECT m.id::text || ' -> ' || m.env_id AS ref FROM port_mappings m
           LEFT JOIN environments e ON e.id = m.env_id
           WHERE (m.status = 'active' AND e.status = 'deleted')
              OR (m.status = 'released' AND m.released_at IS NULL)""",
    ),
    Check(
        "workspaces:member-count",
        "workspaces whose member_count differs from their active members",
        """SELECT w.id::text || ' count=' || w.member_count || ' active=' || count(m.id) AS ref
           FROM workspaces w
           LEFT JOIN workspace_members m ON m.workspace_id = w.id AND m.status = 'active'
           GROUP BY w.id, w.member_count HAVING coalesce(w.member_count, 0) <> count(m.id)""",
    ),
    Check(
        "workspaces:one-owner",
        "workspaces without exactly one owner member, or whose owner member is not owner_id",
        """SELECT w.id::text AS ref FROM workspaces w
           LEFT JOIN workspace_members m ON m.workspace_id = w.id AND m.role = 'owner'
           GROUP BY w.id, w.owner_id
           HAVING count(m.id) <> 1 OR NOT coalesce(bool_or(m.customer_id = w.owner_id), false)""",
    ),
    Check(
        "storage:dataset-sizes",
        "datasets whose total_size/file_count differ from the sums over their versions",
        """SELECT d.id::text AS ref FROM datasets d LEFT JOIN (
               SELECT dataset_id, sum(size) AS size, sum(file_count) AS files
               FROM dataset_versions GROUP BY dataset_id) v ON v.dataset_id = d.id
           WHERE coalesce(d.total_size, 0) <> coalesce(v.size, 0)
              OR coalesce(d.file_count, 0) <> coalesce(v.files, 0)""",
    ),
    Check(
        "storage:model-sizes",
        "models whose total_size differs from the sum over their versions",
        """SELECT m.id::text AS ref FROM models m LEFT JOIN (
               SELECT model_id, sum(size) AS size FROM model_versions GROUP BY model_id) v
               ON v.model_id = m.id
           WHERE coalesce(m.total_size, 0) <> coalesce(v.size, 0)""",
    ),
    Check(
        "storage:workspace-visibility",
        "datasets/models with visibility 'workspace' but no workspace_id",
        """SELECT 'dataset ' || id AS ref FROM datasets
           WHERE visibility = 'workspace' AND workspace_id IS NULL
           UNION ALL
           SELECT 'model ' || id FROM models
           WHERE visibility = 'workspace' AND workspace_id IS NULL""",
    ),
    Check(
        "mounts:open-in-deleted-environment",
        "open dataset mounts in deleted environments, or with a relative mount path",
        """SELECT u.id::text || ' -> ' || u.env_id AS ref FROM dataset_usage u
           JOIN environments e ON e.id = u.env_id
           WHERE u.unmounted_at IS NULL
             AND (e.status = 'deleted' OR u.mount_path NOT LIKE '/%')""",
    ),
    Check(
        "mounts:duplicate-path",
        "environments with two open mounts at the same path",
        """SELECT env_id || ' ' || mount_path AS ref FROM dataset_usage
           WHERE unmounted_at IS NULL GROUP BY env_id, mount_path HAVING count(*) > 1""",
    ),
    Check(
        "quota:live-environments",
        "customers whose live environments exceed their quota (count, cpu, memory, gpu, storage)",
        f"""SELECT e.user_id::text AS ref FROM environments e
            JOIN resource_quotas q ON q.user_id = e.user_id
            WHERE e.status IN {LIVE}
            GROUP BY e.user_id, q.id
            HAVING count(*) > max(q.environment_quota)
                OR sum(e.cpu) > max(q.cpu_quota)
                OR sum(e.memory) > max(q.memory_quota)::bigint * 1048576
                OR sum(coalesce(e.gpu, 0)) > max(q.gpu_quota)
                OR sum(coalesce(e.storage, 0)) > max(q.storage_quota)
                OR count(*) > coalesce((SELECT config_value::int FROM system_configs
                                        WHERE config_key = 'max_environments_per_user'),
                                       count(*))""",
    ),
    Check(
        "billing:amount",
        "billing records whose amount is not quantity x unit_price rounded to 4 places",
        """SELECT id::text AS ref FROM billing_records
           WHERE abs(amount - round(quantity::numeric * unit_price, 4)) > 0.0001""",
    ),
    Check(
        "billing:invoice-total",
        "invoices whose total differs from the customer's records starting in the period",
        # A join and one aggregate: a correlated sum per invoice is far slower at scale.
        """SELECT i.invoice_no AS ref
           FROM invoices i LEFT JOIN billing_records r
             ON r.customer_id = i.customer_id AND r.start_time >= i.billing_period_start
            AND r.start_time < i.billing_period_end
           GROUP BY i.id, i.invoice_no, i.total_amount
           HAVING i.total_amount <> coalesce(sum(r.amount), 0)""",
    ),
    Check(
        "billing:one-invoice-per-month",
        "customers with several invoices for one billing period",
        """SELECT customer_id::text || ' ' || billing_period_start::text AS ref FROM invoices
           WHERE status <> 'cancelled'
           GROUP BY customer_id, billing_period_start HAVING count(*) > 1""",
    ),
    Check(
        "billing:invoice-numbers",
        "invoice numbers not INV-YYYY-MM-NNNN numbered 1..n without gaps per month",
        """WITH parsed AS (
               SELECT invoice_no,
                      substring(invoice_no FROM '^INV-([0-9]{4}-[0-9]{2})-[0-9]{4,}$') AS month,
                      substring(invoice_no FROM '^INV-[0-9]{4}-[0-9]{2}-([0-9]{4,})$')::bigint
                          AS n
               FROM invoices)
           SELECT invoice_no AS ref FROM parsed WHERE month IS NULL
           UNION ALL
           SELECT 'INV-' || month || ' has ' || count(*) || ' numbers, max ' || max(n)
           FROM parsed WHERE month IS NOT NULL GROUP BY month
           HAVING count(*) <> max(n) OR min(n) <> 1""",
    ),
    _ticket_numbers("issues", "issue_no", "ISSUE"),
    _ticket_numbers("requirements", "requirement_no", "REQ"),
    Check(
        "alerts:one-firing",
        "rules firing more than once for one resource",
        """SELECT rule_id::text || ' ' || coalesce(resource_type, '') || ':'
                  || coalesce(resource_id, '') AS ref
           FROM alert_records WHERE status = 'firing'
           GROUP BY rule_id, resource_type, resource_id HAVING count(*) > 1""",
    ),
    Check(
        "workloads:training-times",
        "training jobs whose started_at/completed_at do not fit their status",
        """SELECT id AS ref FROM training_jobs
           WHERE (status = 'pending' AND (started_at IS NOT NULL OR completed_at IS NOT NULL))
              OR (status = 'running' AND (started_at IS NULL OR completed_at IS NOT NULL))
              OR (status IN ('completed', 'failed')
                  AND (started_at IS NULL OR completed_at IS NULL))
              OR completed_at < started_at""",
    ),
    Check(
        "workloads:replicas",
        "inference services with fewer than one replica",
        "SELECT id AS ref FROM inference_services WHERE replicas IS NULL OR replicas < 1",
    ),
)
