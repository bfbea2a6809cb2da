/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A 64-bit integer (bytes, counters), serialised as a decimal string. */
  BigInt: { input: string; output: string; }
  /** An instant as an RFC 3339 date-time with its UTC offset, e.g. "2026-12-07T21:15:00+00:00"; every instant the API returns is in UTC. */
  DateTime: { input: string; output: string; }
  /** An exact decimal amount (money), serialised as a string such as "12.3400". */
  Decimal: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** An RFC 4122 UUID in its canonical 36-character text form. */
  UUID: { input: string; output: string; }
};

/** customers.account_type */
export type AccountType =
  /** A company account. */
  | 'ENTERPRISE'
  /** A person. */
  | 'INDIVIDUAL';

/** Match a status/enum column. */
export type AccountTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<AccountType>;
  /** One of. */
  in?: InputMaybe<Array<AccountType>>;
};

/** alert_rules.comparison: how the metric is compared to the threshold */
export type AlertComparison =
  /** Fires when the metric equals the threshold. */
  | 'EQ'
  /** Fires when the metric is greater than the threshold. */
  | 'GT'
  /** Fires when the metric is greater than or equal to the threshold. */
  | 'GTE'
  /** Fires when the metric is less than the threshold. */
  | 'LT'
  /** Fires when the metric is less than or equal to the threshold. */
  | 'LTE';

/** Metrics an alert rule can watch (alert_rules.metric_type). */
export type AlertMetricType =
  /** CPU usage, percent. */
  | 'CPU_USAGE'
  /** Disk usage, percent. */
  | 'DISK_USAGE'
  /** GPU memory usage, percent. */
  | 'GPU_MEMORY_USAGE'
  /** GPU temperature, degrees Celsius. */
  | 'GPU_TEMPERATURE'
  /** GPU utilisation, percent. */
  | 'GPU_USAGE'
  /** Memory usage, percent. */
  | 'MEMORY_USAGE'
  /** Network traffic received. */
  | 'NETWORK_RX'
  /** Network traffic sent. */
  | 'NETWORK_TX';

/** Alerts fired by a rule, kept until resolved. */
export type AlertRecord = Node & {
  __typename?: 'AlertRecord';
  /** Metric value that triggered the alert. */
  currentValue: Scalars['Float']['output'];
  /** The customer this alert was raised for. */
  customer?: Maybe<Customer>;
  /** Customer the alert concerns, optional (logical reference to customers.id). */
  customerId?: Maybe<Scalars['Int']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Human-readable alert message. */
  message?: Maybe<Scalars['String']['output']>;
  /** Metric that crossed the threshold. */
  metricType: Scalars['String']['output'];
  /** Time the alert was resolved (UTC). */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Identifier of the host, GPU or environment the value came from. */
  resourceId?: Maybe<Scalars['String']['output']>;
  /** Type of the resource the value came from, e.g. host, gpu or environment. */
  resourceType?: Maybe<Scalars['String']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** The rule that fired this alert (null if not visible). */
  rule?: Maybe<AlertRule>;
  /** Rule that fired (logical reference to alert_rules.id). */
  ruleId: Scalars['Int']['output'];
  /** Alert severity: info, warning or critical. */
  severity: AlertSeverity;
  /** Alert status: firing or resolved. */
  status?: Maybe<AlertStatus>;
  /** Rule threshold at the time the alert fired. */
  threshold: Scalars['Float']['output'];
  /** Time the alert fired (UTC). */
  triggeredAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of a list, Relay style. */
export type AlertRecordConnection = {
  __typename?: 'AlertRecordConnection';
  /** The items with their cursors. */
  edges: Array<AlertRecordEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<AlertRecord>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type AlertRecordEdge = {
  __typename?: 'AlertRecordEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AlertRecord;
};

/** Orderings of fired alerts. */
export type AlertRecordOrder =
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By trigger time, newest first. */
  | 'TRIGGERED_AT_DESC';

/** The firing alert to mark resolved. */
export type AlertRecordResolveInput = {
  /** rowId of the alert record. */
  rowId: Scalars['Int']['input'];
};

/** Result of `alertRecordResolve`. */
export type AlertRecordResolvePayload = {
  __typename?: 'AlertRecordResolvePayload';
  /** The alert, now resolved (resolvedAt set). */
  alertRecord?: Maybe<AlertRecord>;
  /** Why the resolution did not happen; empty on success. */
  errors: Array<UserError>;
};

/** Filter fired alerts (every field is an indexed column). */
export type AlertRecordWhere = {
  /** The customer alerted (alert_records.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** The rule that fired (alert_records.rule_id). */
  ruleId?: InputMaybe<KeyFilter>;
  /** Firing or resolved. */
  status?: InputMaybe<AlertStatusEnumFilter>;
  /** When the alert fired. */
  triggeredAt?: InputMaybe<DateTimeFilter>;
};

/** Threshold rules on a metric; a NULL customer_id means a platform-wide rule. */
export type AlertRule = Node & {
  __typename?: 'AlertRule';
  /** Operator comparing the metric value with the threshold: >, <, >=, <= or ==. */
  comparison: AlertComparison;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer, NULL for a platform-wide rule (logical reference to customers.id). */
  customerId?: Maybe<Scalars['Int']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Seconds the condition must hold before the alert fires. */
  duration?: Maybe<Scalars['Int']['output']>;
  /** Whether the rule is evaluated. */
  enabled?: Maybe<Scalars['Boolean']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Watched metric, e.g. cpu_usage, memory_usage, gpu_usage or disk_usage. */
  metricType: Scalars['String']['output'];
  /** Rule name. */
  name: Scalars['String']['output'];
  /** The customer owning this rule; null for platform-wide rules. */
  owner?: Maybe<Customer>;
  /** Alerts this rule fired, newest first, visible to the viewer. */
  records: AlertRecordConnection;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Severity of the fired alert: info, warning or critical. */
  severity?: Maybe<AlertSeverity>;
  /** Threshold the metric value is compared with. */
  threshold: Scalars['Float']['output'];
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** Threshold rules on a metric; a NULL customer_id means a platform-wide rule. */
export type AlertRuleRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: AlertRecordOrder;
  where?: InputMaybe<AlertRecordWhere>;
};

/** A page of a list, Relay style. */
export type AlertRuleConnection = {
  __typename?: 'AlertRuleConnection';
  /** The items with their cursors. */
  edges: Array<AlertRuleEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<AlertRule>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new alert rule. */
export type AlertRuleCreateInput = {
  /** How the metric is compared with the threshold. */
  comparison: AlertComparison;
  /** What the rule is for (at most 2000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Seconds the condition must hold before the rule fires (0 to 86400). */
  duration?: Scalars['Int']['input'];
  /** Whether the rule is evaluated. */
  enabled?: Scalars['Boolean']['input'];
  /** Metric the rule watches. */
  metricType: AlertMetricType;
  /** Name of the rule (1 to 256 characters). */
  name: Scalars['String']['input'];
  /** Platform admins only: a rule of no customer, watching the whole fleet. Otherwise the rule belongs to the viewer. */
  platformWide?: Scalars['Boolean']['input'];
  /** Severity of the alerts it fires. */
  severity?: AlertSeverity;
  /** Value the metric is compared with: a percentage 0..100 for *_USAGE, degrees Celsius 0..150 for GPU_TEMPERATURE, bytes per second (0 or more) for NETWORK_*. */
  threshold: Scalars['Float']['input'];
};

/** Result of `alertRuleCreate`. */
export type AlertRuleCreatePayload = {
  __typename?: 'AlertRuleCreatePayload';
  /** The new rule. */
  alertRule?: Maybe<AlertRule>;
  /** Why the rule creation did not happen; empty on success. */
  errors: Array<UserError>;
};

/** The alert rule to delete. */
export type AlertRuleDeleteInput = {
  /** rowId of the rule. A rule that has fired alerts cannot be deleted (its alerts are history): disable it instead. */
  rowId: Scalars['Int']['input'];
};

/** Result of `alertRuleDelete`. */
export type AlertRuleDeletePayload = {
  __typename?: 'AlertRuleDeletePayload';
  /** The rule as it was before it was deleted. */
  alertRule?: Maybe<AlertRule>;
  /** Why the deletion did not happen; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type AlertRuleEdge = {
  __typename?: 'AlertRuleEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AlertRule;
};

/** Orderings of alert rules. */
export type AlertRuleOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** Enable or disable an alert rule. */
export type AlertRuleToggleInput = {
  /** True to evaluate the rule, false to pause it. */
  enabled: Scalars['Boolean']['input'];
  /** rowId of the rule. */
  rowId: Scalars['Int']['input'];
};

/** Result of `alertRuleToggle`. */
export type AlertRuleTogglePayload = {
  __typename?: 'AlertRuleTogglePayload';
  /** The rule, enabled or disabled. */
  alertRule?: Maybe<AlertRule>;
  /** Why the change did not happen; empty on success. */
  errors: Array<UserError>;
};

/** Changes to an alert rule; omitted fields stay as they are. */
export type AlertRuleUpdateInput = {
  /** New comparison. */
  comparison?: InputMaybe<AlertComparison>;
  /** New description; an empty string clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New duration in seconds (0 to 86400). */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** Enable or disable. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** New metric (the threshold must fit it). */
  metricType?: InputMaybe<AlertMetricType>;
  /** New name (1 to 256). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** rowId of the rule. */
  rowId: Scalars['Int']['input'];
  /** New severity. */
  severity?: InputMaybe<AlertSeverity>;
  /** Value the metric is compared with: a percentage 0..100 for *_USAGE, degrees Celsius 0..150 for GPU_TEMPERATURE, bytes per second (0 or more) for NETWORK_*. */
  threshold?: InputMaybe<Scalars['Float']['input']>;
};

/** Result of `alertRuleUpdate`. */
export type AlertRuleUpdatePayload = {
  __typename?: 'AlertRuleUpdatePayload';
  /** The rule after the change. */
  alertRule?: Maybe<AlertRule>;
  /** Why the change did not happen; empty on success. */
  errors: Array<UserError>;
};

/** Filter alert rules. */
export type AlertRuleWhere = {
  /** Owning customer (alert_rules.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** Enabled or disabled. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Metric the rule watches, e.g. gpu_usage. */
  metricType?: InputMaybe<StringFilter>;
  /** Rule severity. */
  severity?: InputMaybe<AlertSeverityEnumFilter>;
};

/** alert_rules.severity / alert_records.severity */
export type AlertSeverity =
  /** Needs attention now. */
  | 'CRITICAL'
  /** For information. */
  | 'INFO'
  /** Needs attention soon. */
  | 'WARNING';

/** Match a status/enum column. */
export type AlertSeverityEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<AlertSeverity>;
  /** One of. */
  in?: InputMaybe<Array<AlertSeverity>>;
};

/** alert_records.status */
export type AlertStatus =
  /** The condition holds. */
  | 'FIRING'
  /** The condition cleared (`resolvedAt`). */
  | 'RESOLVED';

/** Match a status/enum column. */
export type AlertStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<AlertStatus>;
  /** One of. */
  in?: InputMaybe<Array<AlertStatus>>;
};

/** A long-lived API token of the viewer; the secret is never shown. */
export type ApiToken = {
  __typename?: 'ApiToken';
  /** Creation time (UTC). */
  createdAt: Scalars['DateTime']['output'];
  /** When the token stops working (UTC); null = never. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Host an agent token speaks for; null for other tokens. */
  hostId?: Maybe<Scalars['String']['output']>;
  /** Last request made with the token (UTC, to the minute); null = never used. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Name given by the owner. */
  name: Scalars['String']['output'];
  /** Visible part of the token: it reads `rgp_<prefix>_...`. */
  prefix: Scalars['String']['output'];
  /** When the token was revoked (UTC); null while it is live. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Primary key of the token (api_tokens.id). */
  rowId: Scalars['Int']['output'];
  /** What the token may do. */
  scopes: Array<ApiTokenScope>;
};

/** A new API token of the viewer. */
export type ApiTokenCreateInput = {
  /** When the token stops working (UTC); omitted = never. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Host an AGENT token speaks for; required for AGENT only. */
  hostId?: InputMaybe<Scalars['String']['input']>;
  /** Name to tell the token apart (1 to 128 characters). */
  name: Scalars['String']['input'];
  /** What the token may do: READ and/or WRITE, or AGENT alone. */
  scopes: Array<ApiTokenScope>;
};

/** Result of `apiTokenCreate`: the token, its secret shown once. */
export type ApiTokenCreatePayload = {
  __typename?: 'ApiTokenCreatePayload';
  /** The new token's description. */
  apiToken?: Maybe<ApiToken>;
  /** Why no token was created; empty on success. */
  errors: Array<UserError>;
  /** The secret token (rgp_...). Shown only here, once: store it now. */
  token?: Maybe<Scalars['String']['output']>;
};

/** The API token to revoke. */
export type ApiTokenRevokeInput = {
  /** rowId of the token. */
  rowId: Scalars['Int']['input'];
};

/** Result of `apiTokenRevoke`. */
export type ApiTokenRevokePayload = {
  __typename?: 'ApiTokenRevokePayload';
  /** The revoked token (revokedAt set). */
  apiToken?: Maybe<ApiToken>;
  /** Why the token was not revoked; empty on success. */
  errors: Array<UserError>;
};

/** What an API token may do. READ: read what the owner may see; WRITE: change what the owner may change; AGENT: a host agent reporting heartbeats and metrics of its one host (created by admins only, never combined with other scopes). */
export type ApiTokenScope =
  /** A host agent reporting heartbeats and metrics of its one host. */
  | 'AGENT'
  /** Read what the owner may see. */
  | 'READ'
  /** Change what the owner may change. */
  | 'WRITE';

/** Files produced by work (model files, checkpoints, logs, reports), with the job, service or environment that produced them. */
export type Artifact = Node & {
  __typename?: 'Artifact';
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Artifact name. */
  name: Scalars['String']['output'];
  /** The customer owning this artifact (artifacts.customer_id). */
  owner?: Maybe<Customer>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Size in bytes. */
  size?: Maybe<Scalars['BigInt']['output']>;
  /** The job, service or environment that produced this artifact; null when unknown, gone, or not visible to the viewer. */
  source?: Maybe<ArtifactSource>;
  /** Identifier of the producing source, per source_type. */
  sourceId?: Maybe<Scalars['String']['output']>;
  /** Kind of producing source: training_job, inference_service or environment. */
  sourceType?: Maybe<ArtifactSourceType>;
  /** Location of the artifact in storage. */
  storagePath: Scalars['String']['output'];
  /** Artifact type: model, checkpoint, log or report. */
  type: ArtifactType;
  /** The workspace this artifact belongs to, if any. */
  workspace?: Maybe<Workspace>;
  /** Workspace the artifact belongs to, optional (logical reference to workspaces.id). */
  workspaceId?: Maybe<Scalars['Int']['output']>;
};

/** A page of a list, Relay style. */
export type ArtifactConnection = {
  __typename?: 'ArtifactConnection';
  /** The items with their cursors. */
  edges: Array<ArtifactEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Artifact>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** Record a file produced by a job, service or environment. */
export type ArtifactCreateInput = {
  /** Display name, 1-256 characters. */
  name: Scalars['String']['input'];
  /** Owner (customer rowId); platform admins only. Default: the viewer. */
  ownerId?: InputMaybe<Scalars['Int']['input']>;
  /** Bytes (>= 0; absent means 0). */
  size?: InputMaybe<Scalars['BigInt']['input']>;
  /** rowId of the producing job, service or environment; it must belong to the artifact's owner. */
  sourceId: Scalars['String']['input'];
  /** What produced it. */
  sourceType: ArtifactSourceType;
  /** Where the files live, e.g. s3://bucket/prefix (1-512 characters). */
  storagePath: Scalars['String']['input'];
  /** What the file is. */
  type: ArtifactType;
  /** Workspace (rowId) it belongs to; the viewer must be an active owner, admin or member. */
  workspaceId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of artifactCreate. */
export type ArtifactCreatePayload = {
  __typename?: 'ArtifactCreatePayload';
  /** The new artifact. */
  artifact?: Maybe<Artifact>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** The artifact record to delete. */
export type ArtifactDeleteInput = {
  /** The artifact (rowId). */
  artifactId: Scalars['Int']['input'];
};

/** Result of artifactDelete. */
export type ArtifactDeletePayload = {
  __typename?: 'ArtifactDeletePayload';
  /** Global ID of the deleted artifact. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** rowId of the deleted artifact. */
  deletedRowId?: Maybe<Scalars['Int']['output']>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type ArtifactEdge = {
  __typename?: 'ArtifactEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Artifact;
};

/** Orderings of artifacts. */
export type ArtifactOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** What produced an artifact: a training job, an inference service or an environment (artifacts.source_type / source_id). */
export type ArtifactSource = Environment | InferenceService | TrainingJob;

/** artifacts.source_type */
export type ArtifactSourceType =
  /** Produced in an environment. */
  | 'ENVIRONMENT'
  /** Produced by an inference service. */
  | 'INFERENCE_SERVICE'
  /** Produced by a training job. */
  | 'TRAINING_JOB';

/** Match a status/enum column. */
export type ArtifactSourceTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<ArtifactSourceType>;
  /** One of. */
  in?: InputMaybe<Array<ArtifactSourceType>>;
};

/** artifacts.type */
export type ArtifactType =
  /** A training checkpoint. */
  | 'CHECKPOINT'
  /** A log file. */
  | 'LOG'
  /** Trained model weights. */
  | 'MODEL'
  /** A report (evaluation, profiling...). */
  | 'REPORT';

/** Match a status/enum column. */
export type ArtifactTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<ArtifactType>;
  /** One of. */
  in?: InputMaybe<Array<ArtifactType>>;
};

/** Filter artifacts (every field is an indexed column). */
export type ArtifactWhere = {
  /** Owner (artifacts.customer_id). */
  ownerId?: InputMaybe<KeyFilter>;
  /** Key of the producing job, service or environment. */
  sourceId?: InputMaybe<KeyFilter>;
  /** Match the source type (one value or a list). */
  sourceType?: InputMaybe<ArtifactSourceTypeEnumFilter>;
  /** Match the type (one value or a list). */
  type?: InputMaybe<ArtifactTypeEnumFilter>;
  /** Match the workspace id (one key or a list). */
  workspaceId?: InputMaybe<KeyFilter>;
};

/** Append-only record of who did what to which resource, from where, with which outcome. */
export type AuditLog = Node & {
  __typename?: 'AuditLog';
  /** Action performed, e.g. create, update, delete, login or logout. */
  action: Scalars['String']['output'];
  /** The customer who acted (null for anonymous/system entries). */
  actor?: Maybe<Customer>;
  /** Time the action was recorded (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Acting customer, NULL for anonymous or system actions (logical reference to customers.id). */
  customerId?: Maybe<Scalars['Int']['output']>;
  /** Error message when the action failed. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Client IP address. */
  ipAddress?: Maybe<Scalars['String']['output']>;
  /** Request method, e.g. POST. */
  requestMethod?: Maybe<Scalars['String']['output']>;
  /** Request path. */
  requestPath?: Maybe<Scalars['String']['output']>;
  /** Identifier of the affected resource. */
  resourceId?: Maybe<Scalars['String']['output']>;
  /** Type of the affected resource, e.g. environment, dataset or model. */
  resourceType?: Maybe<Scalars['String']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Outcome status code of the request. */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** Client user agent. */
  userAgent?: Maybe<Scalars['String']['output']>;
  /** Username of the actor at the time of the action. */
  username?: Maybe<Scalars['String']['output']>;
};

/** A page of a list, Relay style. */
export type AuditLogConnection = {
  __typename?: 'AuditLogConnection';
  /** The items with their cursors. */
  edges: Array<AuditLogEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<AuditLog>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type AuditLogEdge = {
  __typename?: 'AuditLogEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AuditLog;
};

/** Orderings of audit log entries. */
export type AuditLogOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC';

/** Filter audit log entries (every field is an indexed column). */
export type AuditLogWhere = {
  /** create, update, delete, login, ... */
  action?: InputMaybe<StringFilter>;
  /** Time range on created at. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** The actor (audit_logs.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** Entries about this resource (use with resourceType). */
  resourceId?: InputMaybe<Scalars['String']['input']>;
  /** Entries about this kind of resource (environment, ...). */
  resourceType?: InputMaybe<Scalars['String']['input']>;
};

/** Metered usage lines: quantity times unit_price equals amount, for one resource type over [start_time, end_time). */
export type BillingRecord = Node & {
  __typename?: 'BillingRecord';
  /** Charged amount (quantity times unit_price, rounded half-up to 4 places), in currency. */
  amount: Scalars['Decimal']['output'];
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** ISO 4217 currency code. */
  currency?: Maybe<Scalars['String']['output']>;
  /** The customer billed. */
  customer?: Maybe<Customer>;
  /** Billed customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** End of the metered interval, exclusive (UTC). */
  endTime: Scalars['DateTime']['output'];
  /** Environment that used the resource, optional (logical reference to environments.id). */
  envId?: Maybe<Scalars['String']['output']>;
  /** The environment whose usage was metered, if any. */
  environment?: Maybe<Environment>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Metered quantity, e.g. core-hours, GB-hours or GPU-hours. */
  quantity: Scalars['Float']['output'];
  /** Metered resource: cpu, memory, gpu, storage or network. */
  resourceType: BillingResourceType;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Start of the metered interval, inclusive (UTC). */
  startTime: Scalars['DateTime']['output'];
  /** Price per unit of quantity, in currency. */
  unitPrice: Scalars['Decimal']['output'];
};

/** A page of a list, Relay style. */
export type BillingRecordConnection = {
  __typename?: 'BillingRecordConnection';
  /** The items with their cursors. */
  edges: Array<BillingRecordEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<BillingRecord>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type BillingRecordEdge = {
  __typename?: 'BillingRecordEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: BillingRecord;
};

/** Orderings of billing records. */
export type BillingRecordOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By start of the billed interval, newest first. */
  | 'START_TIME_DESC';

/** Filter billing records. */
export type BillingRecordWhere = {
  /** customers.id */
  customerId?: InputMaybe<KeyFilter>;
  /** environments.id */
  envId?: InputMaybe<KeyFilter>;
  /** Match the resource type (one value or a list). */
  resourceType?: InputMaybe<BillingResourceTypeEnumFilter>;
  /** Start of the metered interval. */
  startTime?: InputMaybe<DateTimeFilter>;
};

/** billing_records.resource_type */
export type BillingResourceType =
  /** CPU core-hours. */
  | 'CPU'
  /** GPU-hours. */
  | 'GPU'
  /** Memory GB-hours. */
  | 'MEMORY'
  /** Network traffic. */
  | 'NETWORK'
  /** Storage GB-days. */
  | 'STORAGE';

/** Match a status/enum column. */
export type BillingResourceTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<BillingResourceType>;
  /** One of. */
  in?: InputMaybe<Array<BillingResourceType>>;
};

/** Comments on an issue or a requirement, addressed polymorphically by resource_type and resource_id. */
export type Comment = Node & {
  __typename?: 'Comment';
  /** The customer who wrote this comment. */
  author?: Maybe<Customer>;
  /** Comment text. */
  content: Scalars['String']['output'];
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Author (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Commented resource (logical reference to issues.id or requirements.id, per resource_type). */
  resourceId: Scalars['Int']['output'];
  /** Kind of commented resource: issue or requirement. */
  resourceType: CommentResourceType;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** The issue or requirement this comment is on. */
  subject?: Maybe<CommentSubject>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of a list, Relay style. */
export type CommentConnection = {
  __typename?: 'CommentConnection';
  /** The items with their cursors. */
  edges: Array<CommentEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Comment>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A comment on an issue or requirement the viewer may see (as its reporter, its assignee or staff). */
export type CommentCreateInput = {
  /** 1 to 10000 characters, not only spaces. */
  content: Scalars['String']['input'];
  /** The ticket's rowId. */
  subjectId: Scalars['Int']['input'];
  /** Issue or requirement. */
  subjectType: CommentResourceType;
};

/** Result of commentCreate. */
export type CommentCreatePayload = {
  __typename?: 'CommentCreatePayload';
  /** The comment after the change; null when it failed. */
  comment?: Maybe<Comment>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** The comment to delete (its author or staff). */
export type CommentDeleteInput = {
  /** The comment (comments.id). */
  id: Scalars['Int']['input'];
};

/** Result of commentDelete. */
export type CommentDeletePayload = {
  __typename?: 'CommentDeletePayload';
  /** rowId of the deleted comment; null when it failed. */
  deletedCommentId?: Maybe<Scalars['Int']['output']>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type CommentEdge = {
  __typename?: 'CommentEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Comment;
};

/** Orderings of comments (default: conversation order). */
export type CommentOrder =
  /** By creation time, oldest first. */
  | 'CREATED_AT_ASC'
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC';

/** comments.resource_type: what kind of ticket a comment is on */
export type CommentResourceType =
  /** On an issue. */
  | 'ISSUE'
  /** On a requirement. */
  | 'REQUIREMENT';

/** Match a status/enum column. */
export type CommentResourceTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<CommentResourceType>;
  /** One of. */
  in?: InputMaybe<Array<CommentResourceType>>;
};

/** The ticket a comment is on. */
export type CommentSubject = Issue | Requirement;

/** New text of a comment (its author or staff). */
export type CommentUpdateInput = {
  /** 1 to 10000 characters, not only spaces. */
  content: Scalars['String']['input'];
  /** The comment (comments.id). */
  id: Scalars['Int']['input'];
};

/** Result of commentUpdate. */
export type CommentUpdatePayload = {
  __typename?: 'CommentUpdatePayload';
  /** The comment after the change; null when it failed. */
  comment?: Maybe<Comment>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** Filter comments. */
export type CommentWhere = {
  /** When the ticket or comment was created. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Author (comments.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** Key of the ticket commented on (issues.id or requirements.id). */
  resourceId?: InputMaybe<KeyFilter>;
  /** Kind of ticket commented on. */
  resourceType?: InputMaybe<CommentResourceTypeEnumFilter>;
};

/** system_configs.config_type */
export type ConfigType =
  /** true or false stored as text. */
  | 'BOOLEAN'
  /** Whole number stored as text. */
  | 'INTEGER'
  /** A JSON document stored as text. */
  | 'JSON'
  /** Text value. */
  | 'STRING';

/** Platform accounts (the users); soft-deleted through deleted_at. */
export type Customer = Node & {
  __typename?: 'Customer';
  /** Account type: individual or enterprise. */
  accountType?: Maybe<AccountType>;
  /** Alert rules of this customer. */
  alertRules: AlertRuleConnection;
  /** Artifacts this customer owns, visible to the viewer. */
  artifacts: ArtifactConnection;
  /** Audit log entries of this customer's actions. */
  auditLogs: AuditLogConnection;
  /** URL of the avatar image. */
  avatarUrl?: Maybe<Scalars['String']['output']>;
  /** Billing records of this customer. */
  billingRecords: BillingRecordConnection;
  /** Company or organisation name. */
  company?: Maybe<Scalars['String']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Datasets this customer owns, visible to the viewer. */
  datasets: DatasetConnection;
  /** Soft-deletion time (UTC); a soft-deleted customer is invisible to ordinary queries and cannot log in. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Name shown in the user interface. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Unique e-mail address. */
  email: Scalars['String']['output'];
  /** Whether the e-mail address has been verified. */
  emailVerified?: Maybe<Scalars['Boolean']['output']>;
  /** Environments this customer owns (environments.user_id). */
  environments: EnvironmentConnection;
  /** Full legal name. */
  fullName?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Inference services of this customer, visible to the viewer. */
  inferenceServices: InferenceServiceConnection;
  /** Invoices of this customer. */
  invoices: InvoiceConnection;
  /** Issues this customer reported. */
  issues: IssueConnection;
  /** Time of the last successful login (UTC). */
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  /** This customer's workspace memberships (any status). */
  memberships: WorkspaceMemberConnection;
  /** ML models this customer owns, visible to the viewer. */
  models: ModelConnection;
  /** Notifications addressed to this customer. */
  notifications: NotificationConnection;
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Whether the phone number has been verified. */
  phoneVerified?: Maybe<Scalars['Boolean']['output']>;
  /** This customer's resource limits (itself and admins only). */
  quota?: Maybe<ResourceQuota>;
  /** Requirements this customer submitted. */
  requirements: RequirementConnection;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Account status: active, suspended or deleted. */
  status?: Maybe<CustomerStatus>;
  /** Training jobs of this customer, visible to the viewer. */
  trainingJobs: TrainingJobConnection;
  /** How many of this customer's notifications are unread; null unless the viewer is this customer or an admin. */
  unreadNotificationCount?: Maybe<Scalars['Int']['output']>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sums over this customer's live environments (creating, running); null unless the viewer is this customer or an admin. */
  usage?: Maybe<ResourceUsage>;
  /** User type: admin (platform staff), internal or external. */
  userType?: Maybe<UserType>;
  /** Unique login name. */
  username: Scalars['String']['output'];
  /** Stable public identifier of the customer. */
  uuid: Scalars['UUID']['output'];
  /** Webhooks of this customer. */
  webhooks: WebhookConnection;
  /** Workspaces this customer owns. */
  workspaces: WorkspaceConnection;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerAlertRulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AlertRuleOrder>;
  where?: InputMaybe<AlertRuleWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArtifactOrder>;
  where?: InputMaybe<ArtifactWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerAuditLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AuditLogOrder>;
  where?: InputMaybe<AuditLogWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerBillingRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<BillingRecordOrder>;
  where?: InputMaybe<BillingRecordWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DatasetOrder>;
  where?: InputMaybe<DatasetWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerEnvironmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EnvironmentOrder>;
  where?: InputMaybe<EnvironmentWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerInferenceServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<InferenceServiceOrder>;
  where?: InputMaybe<InferenceServiceWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<InvoiceOrder>;
  where?: InputMaybe<InvoiceWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<IssueOrder>;
  where?: InputMaybe<IssueWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<WorkspaceMemberOrder>;
  where?: InputMaybe<WorkspaceMemberWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ModelOrder>;
  where?: InputMaybe<ModelWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NotificationOrder>;
  where?: InputMaybe<NotificationWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerRequirementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<RequirementOrder>;
  where?: InputMaybe<RequirementWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerTrainingJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TrainingJobOrder>;
  where?: InputMaybe<TrainingJobWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerWebhooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<WebhookOrder>;
  where?: InputMaybe<WebhookWhere>;
};


/** Platform accounts (the users); soft-deleted through deleted_at. */
export type CustomerWorkspacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<WorkspaceOrder>;
  where?: InputMaybe<WorkspaceWhere>;
};

/** The suspended customer to reactivate (platform admins only). */
export type CustomerActivateInput = {
  /** The customer (customers.id). */
  customerId: Scalars['Int']['input'];
};

/** Result of customerActivate. */
export type CustomerActivatePayload = {
  __typename?: 'CustomerActivatePayload';
  /** The customer after the change; null when it failed. */
  customer?: Maybe<Customer>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** A page of a list, Relay style. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The items with their cursors. */
  edges: Array<CustomerEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Customer>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new customer account (platform admins only). */
export type CustomerCreateInput = {
  /** individual or enterprise. */
  accountType?: AccountType;
  /** Company. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** Name shown in the UI. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** E-mail address (at most 128 characters); unique case-insensitively. */
  email: Scalars['String']['input'];
  /** Legal name. */
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** Initial password: at least 10 characters. */
  password: Scalars['String']['input'];
  /** Phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** admin (platform staff), internal or external; decides the default quota. */
  userType?: UserType;
  /** 3 to 64 characters of a-z, 0-9, '.', '_', '-' (stored in lower case); unique among non-deleted customers. */
  username: Scalars['String']['input'];
};

/** Result of customerCreate. */
export type CustomerCreatePayload = {
  __typename?: 'CustomerCreatePayload';
  /** The customer after the change; null when it failed. */
  customer?: Maybe<Customer>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** The customer to soft-delete (itself, or any for admins). */
export type CustomerDeleteInput = {
  /** The customer (customers.id); the viewer itself if omitted. */
  customerId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of customerDelete. */
export type CustomerDeletePayload = {
  __typename?: 'CustomerDeletePayload';
  /** The deleted customer (admins only: others no longer see it). */
  customer?: Maybe<Customer>;
  /** Key of the soft-deleted customer; null when it failed. */
  deletedCustomerId?: Maybe<Scalars['Int']['output']>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Customer;
};

/** Orderings of customers. */
export type CustomerOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By username, ascending. */
  | 'USERNAME_ASC';

/** customers.status */
export type CustomerStatus =
  /** Can sign in and use the platform. */
  | 'ACTIVE'
  /** Soft-deleted (terminal). */
  | 'DELETED'
  /** Cannot sign in; data kept. */
  | 'SUSPENDED';

/** Match a status/enum column. */
export type CustomerStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<CustomerStatus>;
  /** One of. */
  in?: InputMaybe<Array<CustomerStatus>>;
};

/** The customer to suspend (platform admins only). */
export type CustomerSuspendInput = {
  /** The customer (customers.id). */
  customerId: Scalars['Int']['input'];
};

/** Result of customerSuspend. */
export type CustomerSuspendPayload = {
  __typename?: 'CustomerSuspendPayload';
  /** The customer after the change; null when it failed. */
  customer?: Maybe<Customer>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** Changes to a customer (itself, or any customer for platform admins). An absent field is left alone; null clears a profile field. */
export type CustomerUpdateInput = {
  /** Platform admins only. */
  accountType?: InputMaybe<AccountType>;
  /** http(s) URL of a picture (at most 512 characters). */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  /** Company (at most 256 characters). */
  company?: InputMaybe<Scalars['String']['input']>;
  /** The customer (customers.id); the viewer itself if omitted. */
  customerId?: InputMaybe<Scalars['Int']['input']>;
  /** Name shown in the UI (at most 128 characters). */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** New e-mail address, unique case-insensitively; marks it unverified. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Legal name (at most 256 characters). */
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** Phone number (at most 32 characters). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Platform admins only. */
  userType?: InputMaybe<UserType>;
};

/** Result of customerUpdate. */
export type CustomerUpdatePayload = {
  __typename?: 'CustomerUpdatePayload';
  /** The customer after the change; null when it failed. */
  customer?: Maybe<Customer>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** Filter customers (every field is an indexed column). */
export type CustomerWhere = {
  /** Individual or enterprise account. */
  accountType?: InputMaybe<AccountTypeEnumFilter>;
  /** When the account was created. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Email address. */
  email?: InputMaybe<StringFilter>;
  /** Account status. */
  status?: InputMaybe<CustomerStatusEnumFilter>;
  /** Admin (platform staff), internal or external. */
  userType?: InputMaybe<UserTypeEnumFilter>;
  /** Login name (use `startsWith` for a prefix). */
  username?: InputMaybe<StringFilter>;
};

/** Datasets owned by a customer, optionally in a workspace. */
export type Dataset = Node & {
  __typename?: 'Dataset';
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Number of files. */
  fileCount?: Maybe<Scalars['Int']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Where this dataset is or was mounted (environments the viewer may see). */
  mounts: DatasetMountConnection;
  /** Dataset name. */
  name: Scalars['String']['output'];
  /** The customer owning this dataset (datasets.customer_id). */
  owner?: Maybe<Customer>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Dataset status: uploading, ready or error. */
  status?: Maybe<StorageStatus>;
  /** Location of the dataset files in storage. */
  storagePath: Scalars['String']['output'];
  /** Storage backend: minio, s3 or nfs. */
  storageType?: Maybe<StorageType>;
  /** Total size in bytes. */
  totalSize?: Maybe<Scalars['BigInt']['output']>;
  /** Training jobs that train on this dataset. */
  trainingJobs: TrainingJobConnection;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable public identifier of the dataset. */
  uuid: Scalars['UUID']['output'];
  /** Versions of this dataset. */
  versions: DatasetVersionConnection;
  /** Visibility: private, workspace or public. */
  visibility?: Maybe<StorageVisibility>;
  /** The workspace this dataset belongs to, if any. */
  workspace?: Maybe<Workspace>;
  /** Workspace the dataset belongs to, optional (logical reference to workspaces.id). */
  workspaceId?: Maybe<Scalars['Int']['output']>;
};


/** Datasets owned by a customer, optionally in a workspace. */
export type DatasetMountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: DatasetMountOrder;
  where?: InputMaybe<DatasetMountWhere>;
};


/** Datasets owned by a customer, optionally in a workspace. */
export type DatasetTrainingJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TrainingJobOrder>;
  where?: InputMaybe<TrainingJobWhere>;
};


/** Datasets owned by a customer, optionally in a workspace. */
export type DatasetVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: DatasetVersionOrder;
  where?: InputMaybe<DatasetVersionWhere>;
};

/** A page of a list, Relay style. */
export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  /** The items with their cursors. */
  edges: Array<DatasetEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Dataset>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new dataset; it starts in status UPLOADING. */
export type DatasetCreateInput = {
  /** Free text, at most 10,000 characters; blank means none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Display name, 1-256 characters. */
  name: Scalars['String']['input'];
  /** Owner (customer rowId); platform admins only. Default: the viewer. */
  ownerId?: InputMaybe<Scalars['Int']['input']>;
  /** Where the files live, e.g. s3://bucket/prefix (1-512 characters). */
  storagePath: Scalars['String']['input'];
  /** Storage backend of storagePath. */
  storageType?: StorageType;
  /** Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer). */
  visibility?: StorageVisibility;
  /** Workspace (rowId) it belongs to; the viewer must be an active owner, admin or member. */
  workspaceId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of datasetCreate. */
export type DatasetCreatePayload = {
  __typename?: 'DatasetCreatePayload';
  /** The new dataset. */
  dataset?: Maybe<Dataset>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** The dataset to delete, with its versions. */
export type DatasetDeleteInput = {
  /** The dataset (rowId). */
  datasetId: Scalars['Int']['input'];
};

/** Result of datasetDelete. */
export type DatasetDeletePayload = {
  __typename?: 'DatasetDeletePayload';
  /** Global ID of the deleted dataset. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** rowId of the deleted dataset. */
  deletedRowId?: Maybe<Scalars['Int']['output']>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type DatasetEdge = {
  __typename?: 'DatasetEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Dataset;
};

/** Mount history of datasets in environments; unmounted_at is set on unmount. */
export type DatasetMount = Node & {
  __typename?: 'DatasetMount';
  /** The mounted dataset (null if the viewer may not see it). */
  dataset?: Maybe<Dataset>;
  /** Mounted dataset (logical reference to datasets.id). */
  datasetId: Scalars['Int']['output'];
  /** Environment the dataset is mounted in (logical reference to environments.id). */
  envId: Scalars['String']['output'];
  /** The environment the dataset is mounted into. */
  environment?: Maybe<Environment>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Mount path inside the environment. */
  mountPath: Scalars['String']['output'];
  /** Time the dataset was mounted (UTC). */
  mountedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Still mounted: unmounted_at is null. */
  open: Scalars['Boolean']['output'];
  /** Whether the dataset is mounted read-only. */
  readonly?: Maybe<Scalars['Boolean']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Time the dataset was unmounted (UTC), NULL while still mounted. */
  unmountedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of a list, Relay style. */
export type DatasetMountConnection = {
  __typename?: 'DatasetMountConnection';
  /** The items with their cursors. */
  edges: Array<DatasetMountEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<DatasetMount>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type DatasetMountEdge = {
  __typename?: 'DatasetMountEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: DatasetMount;
};

/** Mount a ready dataset into an environment. */
export type DatasetMountInput = {
  /** The dataset (rowId); status READY. */
  datasetId: Scalars['Int']['input'];
  /** The environment (rowId); its owner must be able to read the dataset. */
  environmentId: Scalars['String']['input'];
  /** Absolute path inside the environment, without '..', outside the system directories (/, /bin, /boot, /dev, /etc, /proc, /root, /sbin, /sys, /usr); stored normalised (no '.', '//' or trailing '/'). */
  mountPath: Scalars['String']['input'];
  /** Mount read-only. */
  readonly?: Scalars['Boolean']['input'];
};

/** Orderings of dataset mounts. */
export type DatasetMountOrder =
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By mount time, newest first. */
  | 'MOUNTED_AT_DESC';

/** Result of datasetMount. */
export type DatasetMountPayload = {
  __typename?: 'DatasetMountPayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** The new mount. */
  mount?: Maybe<DatasetMount>;
};

/** Filter dataset mounts (dataset_usage). */
export type DatasetMountWhere = {
  /** Match the dataset id (one key or a list). */
  datasetId?: InputMaybe<KeyFilter>;
  /** Environment key. */
  envId?: InputMaybe<KeyFilter>;
  /** true: still mounted (unmounted_at is null); false: ended. */
  open?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Orderings of datasets. */
export type DatasetOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** End an open dataset mount. */
export type DatasetUnmountInput = {
  /** The mount (DatasetMount rowId). */
  mountId: Scalars['Int']['input'];
};

/** Result of datasetUnmount. */
export type DatasetUnmountPayload = {
  __typename?: 'DatasetUnmountPayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** The mount, now with unmountedAt set. */
  mount?: Maybe<DatasetMount>;
};

/** Changes to a dataset (owner, or owner/admin of its workspace); omitted fields stay as they are. */
export type DatasetUpdateInput = {
  /** The dataset (rowId). */
  datasetId: Scalars['Int']['input'];
  /** Free text, at most 10,000 characters; blank means none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New name, 1-256 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New status (UPLOADING, READY, ERROR). */
  status?: InputMaybe<StorageStatus>;
  /** Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer). */
  visibility?: InputMaybe<StorageVisibility>;
};

/** Result of datasetUpdate. */
export type DatasetUpdatePayload = {
  __typename?: 'DatasetUpdatePayload';
  /** The changed dataset. */
  dataset?: Maybe<Dataset>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** Immutable versions of a dataset. */
export type DatasetVersion = Node & {
  __typename?: 'DatasetVersion';
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The dataset this is a version of. */
  dataset?: Maybe<Dataset>;
  /** Dataset this version belongs to (logical reference to datasets.id). */
  datasetId: Scalars['Int']['output'];
  /** Free-text description of the version. */
  description?: Maybe<Scalars['String']['output']>;
  /** Number of files in the version. */
  fileCount?: Maybe<Scalars['Int']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Size of the version in bytes. */
  size?: Maybe<Scalars['BigInt']['output']>;
  /** Location of the version files in storage. */
  storagePath: Scalars['String']['output'];
  /** Version label such as v1.0, unique per dataset. */
  version: Scalars['String']['output'];
};

/** A page of a list, Relay style. */
export type DatasetVersionConnection = {
  __typename?: 'DatasetVersionConnection';
  /** The items with their cursors. */
  edges: Array<DatasetVersionEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<DatasetVersion>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new, immutable version of a dataset. */
export type DatasetVersionCreateInput = {
  /** The dataset (rowId). */
  datasetId: Scalars['Int']['input'];
  /** Free text, at most 10,000 characters; blank means none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Files in this version (>= 0); added to the dataset. */
  fileCount?: Scalars['Int']['input'];
  /** Bytes in this version (>= 0; absent means 0); added to the dataset. */
  size?: InputMaybe<Scalars['BigInt']['input']>;
  /** Where the files live, e.g. s3://bucket/prefix (1-512 characters). */
  storagePath: Scalars['String']['input'];
  /** Version label, 1-64 of A-Z a-z 0-9 . _ - (e.g. v1.0); unique per parent. */
  version: Scalars['String']['input'];
};

/** Result of datasetVersionCreate. */
export type DatasetVersionCreatePayload = {
  __typename?: 'DatasetVersionCreatePayload';
  /** Its dataset, with the new total size and file count. */
  dataset?: Maybe<Dataset>;
  /** The new version. */
  datasetVersion?: Maybe<DatasetVersion>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type DatasetVersionEdge = {
  __typename?: 'DatasetVersionEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: DatasetVersion;
};

/** Orderings of dataset versions. */
export type DatasetVersionOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By version, ascending. */
  | 'VERSION_ASC';

/** Filter dataset versions. */
export type DatasetVersionWhere = {
  /** Match the dataset id (one key or a list). */
  datasetId?: InputMaybe<KeyFilter>;
  /** Version label (indexed together with the dataset). */
  version?: InputMaybe<StringFilter>;
};

/** Filter datasets (every field is an indexed column). */
export type DatasetWhere = {
  /** Time range on created at. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Match the name text (exact, list, prefix or substring). */
  name?: InputMaybe<StringFilter>;
  /** Owner (datasets.customer_id). */
  ownerId?: InputMaybe<KeyFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<StorageStatusEnumFilter>;
  /** Match the visibility (one value or a list). */
  visibility?: InputMaybe<StorageVisibilityEnumFilter>;
  /** Match the workspace id (one key or a list). */
  workspaceId?: InputMaybe<KeyFilter>;
};

/** Match a time column (half-open ranges: gte + lt). */
export type DateTimeFilter = {
  /** After. */
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  /** At or after. */
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  /** Before. */
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  /** At or before. */
  lte?: InputMaybe<Scalars['DateTime']['input']>;
};

/** hosts.deployment_mode */
export type DeploymentMode =
  /** Workloads scheduled through Kubernetes. */
  | 'KUBERNETES'
  /** Containers or VMs run directly by the host agent. */
  | 'TRADITIONAL';

/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type Environment = Node & {
  __typename?: 'Environment';
  /** Billing records charged for this environment. */
  billingRecords: BillingRecordConnection;
  /** Container identifier (traditional deployment). */
  containerId?: Maybe<Scalars['String']['output']>;
  /** Number of CPU cores. */
  cpu: Scalars['Int']['output'];
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Datasets mounted into this environment (dataset_usage). */
  datasetMounts: DatasetMountConnection;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Number of GPUs. */
  gpu?: Maybe<Scalars['Int']['output']>;
  /** GPUs allocated to this environment (gpus.allocated_to). */
  gpus: GpuConnection;
  /** The host this environment is placed on. */
  host?: Maybe<Host>;
  /** Host the environment is placed on (logical reference to hosts.id). */
  hostId: Scalars['String']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** The image this environment runs (images.name = image). */
  image?: Maybe<Image>;
  /** Image reference the environment runs, matching images.name. */
  imageName: Scalars['String']['output'];
  /** External gateway port mapped to JupyterLab, if any. */
  jupyterPort?: Maybe<Scalars['Int']['output']>;
  /** Memory in bytes. */
  memory: Scalars['BigInt']['output'];
  /** Samples of the given metrics in time buckets over [from, to) (widened to whole buckets, UTC): MINUTE from the raw samples (kept 7 days), HOUR from the hourly roll-ups (90 days) plus raw samples not rolled up yet, DAY from the daily roll-ups (1 year) plus newer hourly and raw data. At most REMOTEGPU_METRIC_SERIES_MAX_BUCKETS buckets per call (BAD_USER_INPUT beyond). Buckets without samples are left out. Readable by whoever sees the environment. */
  metricSeries?: Maybe<Array<MetricSeries>>;
  /** Resource samples of this environment, newest first. */
  metrics: EnvironmentMetricConnection;
  /** Environment name. */
  name: Scalars['String']['output'];
  /** The customer owning this environment (environments.user_id). */
  owner?: Maybe<Customer>;
  /** Pod name (Kubernetes deployment). */
  podName?: Maybe<Scalars['String']['output']>;
  /** Gateway ports mapped to services of this environment. */
  portMappings: PortMappingConnection;
  /** External gateway port mapped to RDP, if any. */
  rdpPort?: Maybe<Scalars['Int']['output']>;
  /** Primary key: text environment identifier. */
  rowId: Scalars['String']['output'];
  /** External gateway port mapped to SSH, if any. */
  sshPort?: Maybe<Scalars['Int']['output']>;
  /** Time the environment last started (UTC). */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Lifecycle status: creating, running, stopped, error or deleting. */
  status?: Maybe<EnvironmentStatus>;
  /** Time the environment last stopped (UTC). */
  stoppedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Storage in bytes. */
  storage?: Maybe<Scalars['BigInt']['output']>;
  /** Training jobs running in this environment. */
  trainingJobs: TrainingJobConnection;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer (logical reference to customers.id). */
  userId: Scalars['Int']['output'];
  /** The workspace this environment belongs to; null for personal ones. */
  workspace?: Maybe<Workspace>;
  /** Workspace the environment belongs to (-> workspaces.id); NULL for personal ones. */
  workspaceId?: Maybe<Scalars['Int']['output']>;
};


/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type EnvironmentBillingRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<BillingRecordOrder>;
  where?: InputMaybe<BillingRecordWhere>;
};


/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type EnvironmentDatasetMountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DatasetMountOrder>;
  where?: InputMaybe<DatasetMountWhere>;
};


/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type EnvironmentGpusArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: GpuOrder;
  where?: InputMaybe<GpuWhere>;
};


/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type EnvironmentMetricSeriesArgs = {
  bucket: MetricBucket;
  from: Scalars['DateTime']['input'];
  metrics: Array<AlertMetricType>;
  to: Scalars['DateTime']['input'];
};


/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type EnvironmentMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<MetricWhere>;
};


/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type EnvironmentPortMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: PortMappingOrder;
  where?: InputMaybe<PortMappingWhere>;
};


/** Remote development environments (containers, pods or VMs) placed on a host and owned by a customer. */
export type EnvironmentTrainingJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TrainingJobOrder>;
  where?: InputMaybe<TrainingJobWhere>;
};

/** A page of a list, Relay style. */
export type EnvironmentConnection = {
  __typename?: 'EnvironmentConnection';
  /** The items with their cursors. */
  edges: Array<EnvironmentEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Environment>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new environment. Placed on `hostId` if given, else on the best-fit online, healthy host; GPUs, ports and host capacity are taken in the same transaction. */
export type EnvironmentCreateInput = {
  /** CPU cores, at least 1. */
  cpu: Scalars['Int']['input'];
  /** Free text, at most 4000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Number of GPUs (0 or more). */
  gpuCount?: Scalars['Int']['input'];
  /** Host to place it on (hosts.id); best fit if omitted. */
  hostId?: InputMaybe<Scalars['String']['input']>;
  /** Up to 128 characters: a retry with the same key and input returns the same environment; the same key with another input is IDEMPOTENCY_CONFLICT. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Image to run (images.name); must be active. */
  image: Scalars['String']['input'];
  /** Memory in bytes, at least 256 MiB. */
  memory: Scalars['BigInt']['input'];
  /** Name, 1 to 128 characters. */
  name: Scalars['String']['input'];
  /** Customer to create it for (customers.id); platform admins only. The viewer if omitted. */
  ownerId?: InputMaybe<Scalars['Int']['input']>;
  /** Disk in bytes; 10 GiB if omitted. */
  storage?: InputMaybe<Scalars['BigInt']['input']>;
  /** Workspace it belongs to (workspaces.id); the viewer must be an active owner, admin or member there. Personal if omitted. */
  workspaceId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of environmentCreate. */
export type EnvironmentCreatePayload = {
  __typename?: 'EnvironmentCreatePayload';
  /** The environment after the change; null on failure. */
  environment?: Maybe<Environment>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** Delete an environment that is running, stopped or failed. */
export type EnvironmentDeleteInput = {
  /** The environment (environments.id). */
  id: Scalars['String']['input'];
};

/** Result of environmentDelete (the environment, now deleted). */
export type EnvironmentDeletePayload = {
  __typename?: 'EnvironmentDeletePayload';
  /** The environment after the change; null on failure. */
  environment?: Maybe<Environment>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type EnvironmentEdge = {
  __typename?: 'EnvironmentEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Environment;
};

/** Time series of per-environment samples. */
export type EnvironmentMetric = Node & {
  __typename?: 'EnvironmentMetric';
  /** Time the sample was collected (UTC). */
  collectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** CPU usage in percent. */
  cpuUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** Disk usage in percent. */
  diskUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** Sampled environment (logical reference to environments.id). */
  envId: Scalars['String']['output'];
  /** The environment this sample describes. */
  environment?: Maybe<Environment>;
  /** GPU usage in percent. */
  gpuUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Memory usage in percent. */
  memoryUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** Network bytes received. */
  networkRxBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Network bytes transmitted. */
  networkTxBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
};

/** A page of a list, Relay style. */
export type EnvironmentMetricConnection = {
  __typename?: 'EnvironmentMetricConnection';
  /** The items with their cursors. */
  edges: Array<EnvironmentMetricEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<EnvironmentMetric>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type EnvironmentMetricEdge = {
  __typename?: 'EnvironmentMetricEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: EnvironmentMetric;
};

/** Filter environment samples; non-admins must name the environment. */
export type EnvironmentMetricWhere = {
  /** Sample time range. */
  collectedAt?: InputMaybe<DateTimeFilter>;
  /** environments.id */
  envId?: InputMaybe<KeyFilter>;
};

/** Orderings of environments. */
export type EnvironmentOrder =
  /** By creation time, oldest first. */
  | 'CREATED_AT_ASC'
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** What a host agent reports about a creating or running environment. */
export type EnvironmentReportedStatus =
  /** The environment failed. */
  | 'ERROR'
  /** The environment started. */
  | 'RUNNING';

/** One sample of an environment on the reporting host (an environment_metrics row). */
export type EnvironmentSampleInput = {
  /** Time the sample was collected (UTC). Default: when the report arrives; at most 7 days old. */
  collectedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** CPU usage in percent. */
  cpuUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** Disk usage in percent. */
  diskUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** The environment (rowId); it must be on the host. */
  environmentId: Scalars['String']['input'];
  /** GPU usage in percent. */
  gpuUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** Memory usage in percent. */
  memoryUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** Network bytes received. */
  networkRxBytes?: InputMaybe<Scalars['BigInt']['input']>;
  /** Network bytes transmitted. */
  networkTxBytes?: InputMaybe<Scalars['BigInt']['input']>;
};

/** Start a stopped environment again on its host. */
export type EnvironmentStartInput = {
  /** The environment (environments.id). */
  id: Scalars['String']['input'];
};

/** Result of environmentStart. */
export type EnvironmentStartPayload = {
  __typename?: 'EnvironmentStartPayload';
  /** The environment after the change; null on failure. */
  environment?: Maybe<Environment>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** environments.status ('deleted': kept after delete, terminal) */
export type EnvironmentStatus =
  /** Placed and holding resources; the host agent is starting it. */
  | 'CREATING'
  /** Deleted (terminal); kept for history. */
  | 'DELETED'
  /** Being deleted; resources are being released. */
  | 'DELETING'
  /** Failed to start or crashed. */
  | 'ERROR'
  /** Started; holds CPU, memory, GPUs and ports. */
  | 'RUNNING'
  /** Stopped: CPU, memory and GPUs released, ports kept. */
  | 'STOPPED';

/** Match a status/enum column. */
export type EnvironmentStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<EnvironmentStatus>;
  /** One of. */
  in?: InputMaybe<Array<EnvironmentStatus>>;
};

/** A host agent's report that an environment is running (it was creating) or has failed (it was creating or running). */
export type EnvironmentStatusReportInput = {
  /** Container id on the host (at most 128 characters). */
  containerId?: InputMaybe<Scalars['String']['input']>;
  /** The environment (environments.id). */
  id: Scalars['String']['input'];
  /** Detail for the owner, e.g. why it failed. */
  message?: InputMaybe<Scalars['String']['input']>;
  /** Kubernetes pod name (at most 128 characters). */
  podName?: InputMaybe<Scalars['String']['input']>;
  /** The new status. */
  status: EnvironmentReportedStatus;
};

/** Result of environmentStatusReport. */
export type EnvironmentStatusReportPayload = {
  __typename?: 'EnvironmentStatusReportPayload';
  /** The environment after the change; null on failure. */
  environment?: Maybe<Environment>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** Stop a running environment: its compute is released. */
export type EnvironmentStopInput = {
  /** The environment (environments.id). */
  id: Scalars['String']['input'];
};

/** Result of environmentStop. */
export type EnvironmentStopPayload = {
  __typename?: 'EnvironmentStopPayload';
  /** The environment after the change; null on failure. */
  environment?: Maybe<Environment>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** Rename or re-describe an environment; absent fields stay. */
export type EnvironmentUpdateInput = {
  /** New description (at most 4000 characters); empty clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The environment (environments.id). */
  id: Scalars['String']['input'];
  /** New name, 1 to 128 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Result of environmentUpdate. */
export type EnvironmentUpdatePayload = {
  __typename?: 'EnvironmentUpdatePayload';
  /** The environment after the change; null on failure. */
  environment?: Maybe<Environment>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** Filter environments (every field is an indexed column). */
export type EnvironmentWhere = {
  /** Time range on created at. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Host the environment is placed on. */
  hostId?: InputMaybe<KeyFilter>;
  /** Image reference (images.name). */
  image?: InputMaybe<StringFilter>;
  /** Match the name text (exact, list, prefix or substring). */
  name?: InputMaybe<StringFilter>;
  /** Owning customer (environments.user_id). */
  ownerId?: InputMaybe<KeyFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<EnvironmentStatusEnumFilter>;
};

/** Why a mutation did not do what was asked; one enum for the whole API. */
export type ErrorCode =
  /** It clashes with an existing object (a unique name, a duplicate). */
  | 'CONFLICT'
  /** The viewer may see the object but not do this. */
  | 'FORBIDDEN'
  /** The idempotency key was used with a different input. */
  | 'IDEMPOTENCY_CONFLICT'
  /** Wrong login or password. */
  | 'INVALID_CREDENTIALS'
  /** An input value is malformed or out of range (see `field`). */
  | 'INVALID_INPUT'
  /** The token is unknown, expired, revoked or already used. */
  | 'INVALID_TOKEN'
  /** The object's state does not allow this change. */
  | 'INVALID_TRANSITION'
  /** Other objects still use it (live environments, open mounts). */
  | 'IN_USE'
  /** A workspace must keep exactly one owner. */
  | 'LAST_OWNER'
  /** The object does not exist or the viewer may not see it. */
  | 'NOT_FOUND'
  /** No host has enough free CPU, memory or GPUs. */
  | 'NO_CAPACITY'
  /** The port range of a service is exhausted. */
  | 'NO_PORTS'
  /** The owner's quota would be exceeded. */
  | 'QUOTA_EXCEEDED'
  /** Concurrent changes aborted every attempt; nothing was written, send the same mutation again. */
  | 'RETRY_LATER'
  /** This needs a signed-in viewer. */
  | 'UNAUTHENTICATED';

/** GPU devices of a host; allocated_to holds the environment that holds the device. */
export type Gpu = Node & {
  __typename?: 'Gpu';
  /** Time the GPU was allocated (UTC). */
  allocatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The environment holding this GPU (gpus.allocated_to). */
  allocatedTo?: Maybe<Environment>;
  /** GPU architecture, e.g. Ampere. */
  architecture?: Maybe<Scalars['String']['output']>;
  /** Vendor brand. */
  brand?: Maybe<Scalars['String']['output']>;
  /** CUDA compute capability, e.g. 8.0. */
  computeCapability?: Maybe<Scalars['String']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Number of CUDA cores. */
  cudaCores?: Maybe<Scalars['Int']['output']>;
  /** Device index on the host, unique per host. */
  gpuIndex: Scalars['Int']['output'];
  /** Health status: healthy, degraded or error. */
  healthStatus?: Maybe<HostHealthStatus>;
  /** The host this GPU is installed in. */
  host?: Maybe<Host>;
  /** Host the GPU is installed in (logical reference to hosts.id). */
  hostId: Scalars['String']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Total device memory in bytes. */
  memoryTotal?: Maybe<Scalars['BigInt']['output']>;
  /** Samples of the given metrics in time buckets over [from, to) (widened to whole buckets, UTC): MINUTE from the raw samples (kept 7 days), HOUR from the hourly roll-ups (90 days) plus raw samples not rolled up yet, DAY from the daily roll-ups (1 year) plus newer hourly and raw data. At most REMOTEGPU_METRIC_SERIES_MAX_BUCKETS buckets per call (BAD_USER_INPUT beyond). Buckets without samples are left out. Customers: the GPUs allocated to their environments. */
  metricSeries?: Maybe<Array<MetricSeries>>;
  /** Samples of this GPU, newest first. */
  metrics: GpuMetricConnection;
  /** Model name, e.g. NVIDIA A100-SXM4-80GB. */
  name?: Maybe<Scalars['String']['output']>;
  /** Power limit in watts. */
  powerLimit?: Maybe<Scalars['Int']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Allocation status: available, allocated, maintenance or error. */
  status?: Maybe<GpuStatus>;
  /** Temperature limit in degrees Celsius. */
  temperatureLimit?: Maybe<Scalars['Int']['output']>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Vendor device UUID, unique across the platform. */
  uuid?: Maybe<Scalars['String']['output']>;
};


/** GPU devices of a host; allocated_to holds the environment that holds the device. */
export type GpuMetricSeriesArgs = {
  bucket: MetricBucket;
  from: Scalars['DateTime']['input'];
  metrics: Array<AlertMetricType>;
  to: Scalars['DateTime']['input'];
};


/** GPU devices of a host; allocated_to holds the environment that holds the device. */
export type GpuMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<MetricWhere>;
};

/** The GPU states an admin may set (allocated comes with placement). */
export type GpuAdminStatus =
  /** Return the GPU to service. */
  | 'AVAILABLE'
  /** Mark the GPU as failed. */
  | 'ERROR'
  /** Take the GPU out of service. */
  | 'MAINTENANCE';

/** Free and total GPUs of one model in one region. */
export type GpuAvailability = {
  __typename?: 'GpuAvailability';
  /** Of those, available and healthy right now. */
  free: Scalars['Int']['output'];
  /** GPU model name, e.g. NVIDIA A100 80GB. */
  gpuModel: Scalars['String']['output'];
  /** Region (labels->>'region'). */
  region?: Maybe<Scalars['String']['output']>;
  /** GPUs of this model on online, healthy hosts. */
  total: Scalars['Int']['output'];
};

/** A page of a list, Relay style. */
export type GpuConnection = {
  __typename?: 'GpuConnection';
  /** The items with their cursors. */
  edges: Array<GpuEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Gpu>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type GpuEdge = {
  __typename?: 'GpuEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Gpu;
};

/** The health an admin may record for a GPU. */
export type GpuHealthStatus =
  /** Working with reduced performance. */
  | 'DEGRADED'
  /** Failed. */
  | 'ERROR'
  /** Working normally. */
  | 'HEALTHY';

/** One GPU installed in a host being registered. */
export type GpuInventoryInput = {
  /** e.g. Ampere. */
  architecture?: InputMaybe<Scalars['String']['input']>;
  /** Vendor, e.g. NVIDIA. */
  brand?: InputMaybe<Scalars['String']['input']>;
  /** e.g. 8.0. */
  computeCapability?: InputMaybe<Scalars['String']['input']>;
  /** Number of CUDA cores. */
  cudaCores?: InputMaybe<Scalars['Int']['input']>;
  /** Device index on the host, unique within it. */
  index: Scalars['Int']['input'];
  /** Memory in bytes. */
  memoryTotal?: InputMaybe<Scalars['BigInt']['input']>;
  /** Model name, e.g. A100-80G. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Power limit in watts. */
  powerLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Temperature limit in degrees Celsius. */
  temperatureLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Device UUID (e.g. GPU-...), unique on the platform. */
  uuid: Scalars['String']['input'];
};

/** Time series of per-GPU samples. */
export type GpuMetric = Node & {
  __typename?: 'GpuMetric';
  /** Time the sample was collected (UTC). */
  collectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Fan speed in percent. */
  fanSpeedPercent?: Maybe<Scalars['Float']['output']>;
  /** The GPU this sample was taken from. */
  gpu?: Maybe<Gpu>;
  /** Sampled GPU (logical reference to gpus.id). */
  gpuId: Scalars['Int']['output'];
  /** The host of that GPU. */
  host?: Maybe<Host>;
  /** Host of the sampled GPU (logical reference to hosts.id). */
  hostId: Scalars['String']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Memory clock in MHz. */
  memoryClock?: Maybe<Scalars['Int']['output']>;
  /** GPU memory usage in percent. */
  memoryUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** GPU memory in use, in bytes. */
  memoryUsed?: Maybe<Scalars['BigInt']['output']>;
  /** Power draw in watts. */
  powerDraw?: Maybe<Scalars['Float']['output']>;
  /** Number of processes running on the GPU. */
  processCount?: Maybe<Scalars['Int']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Streaming-multiprocessor clock in MHz. */
  smClock?: Maybe<Scalars['Int']['output']>;
  /** GPU temperature in degrees Celsius. */
  temperature?: Maybe<Scalars['Float']['output']>;
  /** GPU utilisation in percent. */
  utilizationPercent?: Maybe<Scalars['Float']['output']>;
};

/** A page of a list, Relay style. */
export type GpuMetricConnection = {
  __typename?: 'GpuMetricConnection';
  /** The items with their cursors. */
  edges: Array<GpuMetricEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<GpuMetric>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type GpuMetricEdge = {
  __typename?: 'GpuMetricEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: GpuMetric;
};

/** Filter GPU samples; non-admins must name the GPU or host. */
export type GpuMetricWhere = {
  /** Sample time range. */
  collectedAt?: InputMaybe<DateTimeFilter>;
  /** gpus.id */
  gpuId?: InputMaybe<KeyFilter>;
  /** hosts.id */
  hostId?: InputMaybe<KeyFilter>;
};

/** Orderings of GPUs. */
export type GpuOrder =
  /** By host, then by GPU index on the host. */
  | 'HOST_AND_INDEX'
  /** By table key, ascending. */
  | 'ID_ASC';

/** One sample of a GPU of the reporting host (a gpu_metrics row). */
export type GpuSampleInput = {
  /** Time the sample was collected (UTC). Default: when the report arrives; at most 7 days old. */
  collectedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Fan speed in percent. */
  fanSpeedPercent?: InputMaybe<Scalars['Float']['input']>;
  /** The GPU (rowId); it must be on the host. */
  gpuId: Scalars['Int']['input'];
  /** Memory clock in MHz. */
  memoryClock?: InputMaybe<Scalars['Int']['input']>;
  /** GPU memory usage in percent. */
  memoryUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** GPU memory in use, in bytes. */
  memoryUsed?: InputMaybe<Scalars['BigInt']['input']>;
  /** Power draw in watts. */
  powerDraw?: InputMaybe<Scalars['Float']['input']>;
  /** Number of processes running on the GPU. */
  processCount?: InputMaybe<Scalars['Int']['input']>;
  /** Streaming-multiprocessor clock in MHz. */
  smClock?: InputMaybe<Scalars['Int']['input']>;
  /** GPU temperature in degrees Celsius. */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** GPU utilisation in percent. */
  utilizationPercent?: InputMaybe<Scalars['Float']['input']>;
};

/** gpus.status */
export type GpuStatus =
  /** Held by an environment (`allocatedTo`). */
  | 'ALLOCATED'
  /** Free; can be allocated when healthy. */
  | 'AVAILABLE'
  /** Failed; not allocatable. */
  | 'ERROR'
  /** Taken out of service by an admin. */
  | 'MAINTENANCE';

/** Match a status/enum column. */
export type GpuStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<GpuStatus>;
  /** One of. */
  in?: InputMaybe<Array<GpuStatus>>;
};

/** Changes to a GPU; an omitted or null field stays as it is. */
export type GpuUpdateInput = {
  /** New health status. */
  healthStatus?: InputMaybe<GpuHealthStatus>;
  /** Key of the GPU (rowId). */
  id: Scalars['Int']['input'];
  /** Power limit, watts. */
  powerLimit?: InputMaybe<Scalars['Int']['input']>;
  /** New status. */
  status?: InputMaybe<GpuAdminStatus>;
  /** Temperature limit, degrees Celsius. */
  temperatureLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of gpuUpdate. */
export type GpuUpdatePayload = {
  __typename?: 'GpuUpdatePayload';
  /** Why the mutation changed nothing; empty on success. */
  errors: Array<UserError>;
  /** The GPU after the change. */
  gpu?: Maybe<Gpu>;
};

/** Filter GPUs. */
export type GpuWhere = {
  /** Match the health status (one value or a list). */
  healthStatus?: InputMaybe<HostHealthStatusEnumFilter>;
  /** Match the host id text (exact, list, prefix or substring). */
  hostId?: InputMaybe<StringFilter>;
  /** GPU model name. */
  name?: InputMaybe<StringFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<GpuStatusEnumFilter>;
};

/** Liveness of the API and its database, as seen by this request. */
export type Health = {
  __typename?: 'Health';
  /** Round trip of `SELECT 1` in milliseconds; null when it failed. */
  databaseLatencyMs?: Maybe<Scalars['Float']['output']>;
  /** True when the database answered. */
  ok: Scalars['Boolean']['output'];
};

/** The health a host agent reports with its heartbeat. */
export type HeartbeatHealthStatus =
  /** The host works with reduced capacity or performance. */
  | 'DEGRADED'
  /** The host works normally. */
  | 'HEALTHY'
  /** The host does not work properly. */
  | 'UNHEALTHY';

/** Physical or virtual GPU servers, identified by a text key such as host-a100-01. */
export type Host = Node & {
  __typename?: 'Host';
  /** Port of the platform agent running on the host. */
  agentPort?: Maybe<Scalars['Int']['output']>;
  /** CPU architecture, e.g. x86_64. */
  arch?: Maybe<Scalars['String']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Deployment mode: traditional or kubernetes. */
  deploymentMode: DeploymentMode;
  /** Environments placed on this host, visible to the viewer. */
  environments: EnvironmentConnection;
  /** GPUs installed in this host (customers: the ones they hold). */
  gpus: GpuConnection;
  /** Health status: healthy, degraded, unhealthy or unknown. */
  healthStatus?: Maybe<HostHealthStatus>;
  /** Network host name. */
  hostname?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Internal IP address. */
  ipAddress?: Maybe<Scalars['String']['output']>;
  /** Kubernetes node name when deployment_mode is kubernetes. */
  k8sNodeName?: Maybe<Scalars['String']['output']>;
  /** Free-form JSON labels (GIN-indexed); labels->>'region' is the host region, e.g. cn-east-1. */
  labels?: Maybe<Scalars['JSON']['output']>;
  /** Time of the last agent heartbeat (UTC). */
  lastHeartbeat?: Maybe<Scalars['DateTime']['output']>;
  /** Samples of the given metrics in time buckets over [from, to) (widened to whole buckets, UTC): MINUTE from the raw samples (kept 7 days), HOUR from the hourly roll-ups (90 days) plus raw samples not rolled up yet, DAY from the daily roll-ups (1 year) plus newer hourly and raw data. At most REMOTEGPU_METRIC_SERIES_MAX_BUCKETS buckets per call (BAD_USER_INPUT beyond). Buckets without samples are left out. Platform admins and the host's agent only; null for anyone else. */
  metricSeries?: Maybe<Array<MetricSeries>>;
  /** Resource samples of this host, newest first. */
  metrics: HostMetricConnection;
  /** Display name of the host. */
  name: Scalars['String']['output'];
  /** Operating system type: linux or windows. */
  osType: OsType;
  /** Operating system version. */
  osVersion?: Maybe<Scalars['String']['output']>;
  /** Public IP address, if any. */
  publicIp?: Maybe<Scalars['String']['output']>;
  /** Time the host was registered with the platform (UTC). */
  registeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Primary key: text host identifier, e.g. host-a100-01. */
  rowId: Scalars['String']['output'];
  /** SSH port of the host. */
  sshPort?: Maybe<Scalars['Int']['output']>;
  /** Host status: online, offline or maintenance. */
  status?: Maybe<HostStatus>;
  /** Free-form text tags. */
  tags?: Maybe<Array<Scalars['String']['output']>>;
  /** Total number of CPU cores. */
  totalCpu: Scalars['Int']['output'];
  /** Total disk space in bytes. */
  totalDisk?: Maybe<Scalars['BigInt']['output']>;
  /** Total number of GPUs. */
  totalGpu?: Maybe<Scalars['Int']['output']>;
  /** Total memory in bytes. */
  totalMemory: Scalars['BigInt']['output'];
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Denormalised sum of CPU cores held by the live environments on the host, kept right by the application. */
  usedCpu?: Maybe<Scalars['Int']['output']>;
  /** Denormalised disk space held by the live environments on the host, in bytes. */
  usedDisk?: Maybe<Scalars['BigInt']['output']>;
  /** Denormalised number of allocated GPUs. */
  usedGpu?: Maybe<Scalars['Int']['output']>;
  /** Denormalised memory held by the live environments on the host, in bytes. */
  usedMemory?: Maybe<Scalars['BigInt']['output']>;
  /** WinRM port of the host (Windows hosts). */
  winrmPort?: Maybe<Scalars['Int']['output']>;
};


/** Physical or virtual GPU servers, identified by a text key such as host-a100-01. */
export type HostEnvironmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EnvironmentOrder>;
  where?: InputMaybe<EnvironmentWhere>;
};


/** Physical or virtual GPU servers, identified by a text key such as host-a100-01. */
export type HostGpusArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: GpuOrder;
  where?: InputMaybe<GpuWhere>;
};


/** Physical or virtual GPU servers, identified by a text key such as host-a100-01. */
export type HostMetricSeriesArgs = {
  bucket: MetricBucket;
  from: Scalars['DateTime']['input'];
  metrics: Array<AlertMetricType>;
  to: Scalars['DateTime']['input'];
};


/** Physical or virtual GPU servers, identified by a text key such as host-a100-01. */
export type HostMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<MetricWhere>;
};

/** A page of a list, Relay style. */
export type HostConnection = {
  __typename?: 'HostConnection';
  /** The items with their cursors. */
  edges: Array<HostEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Host>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** The host to delete. */
export type HostDeleteInput = {
  /** Key of the host (rowId). */
  hostId: Scalars['String']['input'];
};

/** Result of hostDelete. */
export type HostDeletePayload = {
  __typename?: 'HostDeletePayload';
  /** Key of the deleted host. */
  deletedHostId?: Maybe<Scalars['String']['output']>;
  /** Why the mutation changed nothing; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type HostEdge = {
  __typename?: 'HostEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Host;
};

/** hosts.health_status / gpus.health_status */
export type HostHealthStatus =
  /** Working with reduced capacity or performance. */
  | 'DEGRADED'
  /** Failed. */
  | 'ERROR'
  /** Working normally. */
  | 'HEALTHY'
  /** Not working properly; no new placements. */
  | 'UNHEALTHY'
  /** No health report yet. */
  | 'UNKNOWN';

/** Match a status/enum column. */
export type HostHealthStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<HostHealthStatus>;
  /** One of. */
  in?: InputMaybe<Array<HostHealthStatus>>;
};

/** A heartbeat of a host agent. */
export type HostHeartbeatInput = {
  /** The host's health as the agent sees it. */
  healthStatus: HeartbeatHealthStatus;
  /** Key of the reporting host (rowId). */
  hostId: Scalars['String']['input'];
};

/** Result of hostHeartbeat. */
export type HostHeartbeatPayload = {
  __typename?: 'HostHeartbeatPayload';
  /** Why the mutation changed nothing; empty on success. */
  errors: Array<UserError>;
  /** The host after the report. */
  host?: Maybe<Host>;
};

/** The host to put into maintenance. */
export type HostMaintenanceEnterInput = {
  /** Key of the host (rowId). */
  hostId: Scalars['String']['input'];
};

/** Result of hostMaintenanceEnter. */
export type HostMaintenanceEnterPayload = {
  __typename?: 'HostMaintenanceEnterPayload';
  /** Why the mutation changed nothing; empty on success. */
  errors: Array<UserError>;
  /** The host, in maintenance. */
  host?: Maybe<Host>;
};

/** The host to take out of maintenance. */
export type HostMaintenanceExitInput = {
  /** Key of the host (rowId). */
  hostId: Scalars['String']['input'];
};

/** Result of hostMaintenanceExit. */
export type HostMaintenanceExitPayload = {
  __typename?: 'HostMaintenanceExitPayload';
  /** Why the mutation changed nothing; empty on success. */
  errors: Array<UserError>;
  /** The host, now offline. */
  host?: Maybe<Host>;
};

/** Time series of host resource samples: CPU load, memory, disk, disk I/O, network and GPU averages. */
export type HostMetric = Node & {
  __typename?: 'HostMetric';
  /** Time the sample was collected (UTC). */
  collectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** One-minute load average. */
  cpuLoad1m?: Maybe<Scalars['Float']['output']>;
  /** Five-minute load average. */
  cpuLoad5m?: Maybe<Scalars['Float']['output']>;
  /** Fifteen-minute load average. */
  cpuLoad15m?: Maybe<Scalars['Float']['output']>;
  /** CPU usage in percent. */
  cpuUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** Disk space available, in bytes. */
  diskAvailable?: Maybe<Scalars['BigInt']['output']>;
  /** Bytes read from disk. */
  diskIoReadBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Bytes written to disk. */
  diskIoWriteBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Disk usage in percent. */
  diskUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** Disk space in use, in bytes. */
  diskUsed?: Maybe<Scalars['BigInt']['output']>;
  /** Average GPU memory in use over the GPUs of the host, in bytes. */
  gpuAvgMemoryUsed?: Maybe<Scalars['BigInt']['output']>;
  /** Average power draw over the GPUs of the host, in watts. */
  gpuAvgPower?: Maybe<Scalars['Float']['output']>;
  /** Average temperature over the GPUs of the host, in degrees Celsius. */
  gpuAvgTemperature?: Maybe<Scalars['Float']['output']>;
  /** Average utilisation over the GPUs of the host, in percent. */
  gpuAvgUtilization?: Maybe<Scalars['Float']['output']>;
  /** The host this sample was taken on. */
  host?: Maybe<Host>;
  /** Sampled host (logical reference to hosts.id). */
  hostId: Scalars['String']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Memory available, in bytes. */
  memoryAvailable?: Maybe<Scalars['BigInt']['output']>;
  /** Memory usage in percent. */
  memoryUsagePercent?: Maybe<Scalars['Float']['output']>;
  /** Memory in use, in bytes. */
  memoryUsed?: Maybe<Scalars['BigInt']['output']>;
  /** Network bytes received. */
  networkRxBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Network packets received. */
  networkRxPackets?: Maybe<Scalars['BigInt']['output']>;
  /** Network bytes transmitted. */
  networkTxBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Network packets transmitted. */
  networkTxPackets?: Maybe<Scalars['BigInt']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
};

/** A page of a list, Relay style. */
export type HostMetricConnection = {
  __typename?: 'HostMetricConnection';
  /** The items with their cursors. */
  edges: Array<HostMetricEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<HostMetric>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type HostMetricEdge = {
  __typename?: 'HostMetricEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: HostMetric;
};

/** Filter host samples; non-admins must name the host. */
export type HostMetricWhere = {
  /** Sample time range. */
  collectedAt?: InputMaybe<DateTimeFilter>;
  /** hosts.id */
  hostId?: InputMaybe<KeyFilter>;
};

/** Orderings of hosts. */
export type HostOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** A new host and its GPUs; it stays offline until it reports. */
export type HostRegisterInput = {
  /** Port of the host agent. */
  agentPort?: Scalars['Int']['input'];
  /** CPU architecture. */
  arch?: Scalars['String']['input'];
  /** How environments run. */
  deploymentMode: DeploymentMode;
  /** The host's GPUs (available and healthy at first). */
  gpus?: Array<GpuInventoryInput>;
  /** DNS name. */
  hostname?: InputMaybe<Scalars['String']['input']>;
  /** Key of the host: 3 to 64 of a-z, 0-9 and '-'. */
  id: Scalars['String']['input'];
  /** Private IPv4 or IPv6 address. */
  ipAddress: Scalars['String']['input'];
  /** Kubernetes node name; required for KUBERNETES hosts. */
  k8sNodeName?: InputMaybe<Scalars['String']['input']>;
  /** JSON object of labels; `region` names the host's region. */
  labels?: InputMaybe<Scalars['JSON']['input']>;
  /** Display name (up to 128 characters). */
  name: Scalars['String']['input'];
  /** Operating system family. */
  osType: OsType;
  /** e.g. Ubuntu 22.04. */
  osVersion?: InputMaybe<Scalars['String']['input']>;
  /** Public IPv4 or IPv6. */
  publicIp?: InputMaybe<Scalars['String']['input']>;
  /** SSH port of the host. */
  sshPort?: Scalars['Int']['input'];
  /** Free-form tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** CPU cores (at least 1). */
  totalCpu: Scalars['Int']['input'];
  /** Disk in bytes. */
  totalDisk?: InputMaybe<Scalars['BigInt']['input']>;
  /** Memory in bytes (at least 1). */
  totalMemory: Scalars['BigInt']['input'];
  /** WinRM port (Windows). */
  winrmPort?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of hostRegister. */
export type HostRegisterPayload = {
  __typename?: 'HostRegisterPayload';
  /** Why the mutation changed nothing; empty on success. */
  errors: Array<UserError>;
  /** The registered host. */
  host?: Maybe<Host>;
};

/** One sample of the reporting host (a host_metrics row). */
export type HostSampleInput = {
  /** Time the sample was collected (UTC). Default: when the report arrives; at most 7 days old. */
  collectedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** One-minute load average. */
  cpuLoad1m?: InputMaybe<Scalars['Float']['input']>;
  /** Five-minute load average. */
  cpuLoad5m?: InputMaybe<Scalars['Float']['input']>;
  /** Fifteen-minute load average. */
  cpuLoad15m?: InputMaybe<Scalars['Float']['input']>;
  /** CPU usage in percent. */
  cpuUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** Disk space available, in bytes. */
  diskAvailable?: InputMaybe<Scalars['BigInt']['input']>;
  /** Bytes read from disk. */
  diskIoReadBytes?: InputMaybe<Scalars['BigInt']['input']>;
  /** Bytes written to disk. */
  diskIoWriteBytes?: InputMaybe<Scalars['BigInt']['input']>;
  /** Disk usage in percent. */
  diskUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** Disk space in use, in bytes. */
  diskUsed?: InputMaybe<Scalars['BigInt']['input']>;
  /** Average GPU memory in use over the GPUs of the host, in bytes. */
  gpuAvgMemoryUsed?: InputMaybe<Scalars['BigInt']['input']>;
  /** Average power draw over the GPUs of the host, in watts. */
  gpuAvgPower?: InputMaybe<Scalars['Float']['input']>;
  /** Average temperature over the GPUs of the host, in degrees Celsius. */
  gpuAvgTemperature?: InputMaybe<Scalars['Float']['input']>;
  /** Average utilisation over the GPUs of the host, in percent. */
  gpuAvgUtilization?: InputMaybe<Scalars['Float']['input']>;
  /** Memory available, in bytes. */
  memoryAvailable?: InputMaybe<Scalars['BigInt']['input']>;
  /** Memory usage in percent. */
  memoryUsagePercent?: InputMaybe<Scalars['Float']['input']>;
  /** Memory in use, in bytes. */
  memoryUsed?: InputMaybe<Scalars['BigInt']['input']>;
  /** Network bytes received. */
  networkRxBytes?: InputMaybe<Scalars['BigInt']['input']>;
  /** Network packets received. */
  networkRxPackets?: InputMaybe<Scalars['BigInt']['input']>;
  /** Network bytes transmitted. */
  networkTxBytes?: InputMaybe<Scalars['BigInt']['input']>;
  /** Network packets transmitted. */
  networkTxPackets?: InputMaybe<Scalars['BigInt']['input']>;
};

/** hosts.status */
export type HostStatus =
  /** Taken out of service by an admin; accepts no new environments. */
  | 'MAINTENANCE'
  /** No heartbeat for 180 s; accepts no new environments. */
  | 'OFFLINE'
  /** Reachable (agent heartbeats arrive); accepts new environments. */
  | 'ONLINE';

/** Match a status/enum column. */
export type HostStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<HostStatus>;
  /** One of. */
  in?: InputMaybe<Array<HostStatus>>;
};

/** Changes to a host; an omitted or null field stays as it is. */
export type HostUpdateInput = {
  /** Agent port. */
  agentPort?: InputMaybe<Scalars['Int']['input']>;
  /** Key of the host (rowId). */
  hostId: Scalars['String']['input'];
  /** DNS name. */
  hostname?: InputMaybe<Scalars['String']['input']>;
  /** Private IP address. */
  ipAddress?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the labels. */
  labels?: InputMaybe<Scalars['JSON']['input']>;
  /** Display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Operating system. */
  osVersion?: InputMaybe<Scalars['String']['input']>;
  /** Public IP address. */
  publicIp?: InputMaybe<Scalars['String']['input']>;
  /** SSH port. */
  sshPort?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces the tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** CPU cores; not below what environments use now. */
  totalCpu?: InputMaybe<Scalars['Int']['input']>;
  /** Disk in bytes; not below what environments use now. */
  totalDisk?: InputMaybe<Scalars['BigInt']['input']>;
  /** Memory in bytes; not below what environments use now. */
  totalMemory?: InputMaybe<Scalars['BigInt']['input']>;
  /** WinRM port. */
  winrmPort?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of hostUpdate. */
export type HostUpdatePayload = {
  __typename?: 'HostUpdatePayload';
  /** Why the mutation changed nothing; empty on success. */
  errors: Array<UserError>;
  /** The host after the change. */
  host?: Maybe<Host>;
};

/** Filter hosts (every field is an indexed column). */
export type HostWhere = {
  /** Time range on created at. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Match the health status (one value or a list). */
  healthStatus?: InputMaybe<HostHealthStatusEnumFilter>;
  /** Hosts whose labels contain this JSON object (GIN, `@>`). */
  labelsContain?: InputMaybe<Scalars['JSON']['input']>;
  /** Match the name text (exact, list, prefix or substring). */
  name?: InputMaybe<StringFilter>;
  /** Match the os type (one value or a list). */
  osType?: InputMaybe<OsTypeEnumFilter>;
  /** labels->>'region'. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<HostStatusEnumFilter>;
};

/** Container images that environments can be started from; name is the unique image reference. */
export type Image = Node & {
  __typename?: 'Image';
  /** Category, e.g. base, pytorch, tensorflow or custom. */
  category?: Maybe<Scalars['String']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** CUDA version included in the image. */
  cudaVersion?: Maybe<Scalars['String']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Name shown in the user interface. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Environments started from this image, visible to the viewer. */
  environments: EnvironmentConnection;
  /** Machine-learning framework included in the image. */
  framework?: Maybe<Scalars['String']['output']>;
  /** Version of the included framework. */
  frameworkVersion?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Whether the image is maintained by the platform. */
  isOfficial?: Maybe<Scalars['Boolean']['output']>;
  /** Unique image reference, e.g. pytorch:2.1-cuda12.1. */
  name: Scalars['String']['output'];
  /** Python version included in the image. */
  pythonVersion?: Maybe<Scalars['String']['output']>;
  /** Registry URL the image is pulled from. */
  registryUrl?: Maybe<Scalars['String']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Image size in bytes. */
  size?: Maybe<Scalars['BigInt']['output']>;
  /** Image status: active or deprecated (deprecated images cannot start new environments). */
  status?: Maybe<ImageStatus>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** Container images that environments can be started from; name is the unique image reference. */
export type ImageEnvironmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EnvironmentOrder>;
  where?: InputMaybe<EnvironmentWhere>;
};

/** A page of a list, Relay style. */
export type ImageConnection = {
  __typename?: 'ImageConnection';
  /** The items with their cursors. */
  edges: Array<ImageEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Image>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new image for the catalogue (imageCreate). */
export type ImageCreateInput = {
  /** base, pytorch, tensorflow, custom, ... (at most 64). */
  category?: InputMaybe<Scalars['String']['input']>;
  /** CUDA version, e.g. 12.4 (at most 32). */
  cudaVersion?: InputMaybe<Scalars['String']['input']>;
  /** What the image holds. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to people (at most 256 characters). */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The ML framework inside, if any (at most 64). */
  framework?: InputMaybe<Scalars['String']['input']>;
  /** Version of the framework (at most 64). */
  frameworkVersion?: InputMaybe<Scalars['String']['input']>;
  /** Maintained by the platform. */
  isOfficial?: Scalars['Boolean']['input'];
  /** The image reference, unique, with a tag or digest (registry/repo:tag); environments refer to the image by it and it cannot change later. */
  name: Scalars['String']['input'];
  /** Python version, e.g. 3.11 (at most 32). */
  pythonVersion?: InputMaybe<Scalars['String']['input']>;
  /** Where to pull it from (at most 512, no whitespace). */
  registryUrl?: InputMaybe<Scalars['String']['input']>;
  /** Size in bytes (>= 0). */
  size?: InputMaybe<Scalars['BigInt']['input']>;
};

/** Result of imageCreate. */
export type ImageCreatePayload = {
  __typename?: 'ImageCreatePayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The image after the change; null if the mutation failed. */
  image?: Maybe<Image>;
};

/** The image to delete (imageDelete). */
export type ImageDeleteInput = {
  /** The image (images.id, its rowId). */
  id: Scalars['Int']['input'];
};

/** Result of imageDelete. */
export type ImageDeletePayload = {
  __typename?: 'ImageDeletePayload';
  /** The key (rowId) of the deleted image; null if it failed. */
  deletedImageId?: Maybe<Scalars['Int']['output']>;
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
};

/** The image to deprecate (imageDeprecate). */
export type ImageDeprecateInput = {
  /** The image (images.id, its rowId). */
  id: Scalars['Int']['input'];
};

/** Result of imageDeprecate. */
export type ImageDeprecatePayload = {
  __typename?: 'ImageDeprecatePayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The image after the change; null if the mutation failed. */
  image?: Maybe<Image>;
};

/** An item of a connection, with its cursor. */
export type ImageEdge = {
  __typename?: 'ImageEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Image;
};

/** Orderings of images. */
export type ImageOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** images.status */
export type ImageStatus =
  /** Can start new environments. */
  | 'ACTIVE'
  /** Kept for existing environments; cannot start new ones. */
  | 'DEPRECATED';

/** Match a status/enum column. */
export type ImageStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<ImageStatus>;
  /** One of. */
  in?: InputMaybe<Array<ImageStatus>>;
};

/** Changes to an image's description (imageUpdate). Omitted fields stay as they are; null clears a field. The name cannot change: environments refer to it. */
export type ImageUpdateInput = {
  /** base, pytorch, tensorflow, custom, ... (at most 64). */
  category?: InputMaybe<Scalars['String']['input']>;
  /** CUDA version, e.g. 12.4 (at most 32). */
  cudaVersion?: InputMaybe<Scalars['String']['input']>;
  /** What the image holds. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to people (at most 256 characters). */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The ML framework inside, if any (at most 64). */
  framework?: InputMaybe<Scalars['String']['input']>;
  /** Version of the framework (at most 64). */
  frameworkVersion?: InputMaybe<Scalars['String']['input']>;
  /** The image (images.id, its rowId). */
  id: Scalars['Int']['input'];
  /** Maintained by the platform (not null). */
  isOfficial?: InputMaybe<Scalars['Boolean']['input']>;
  /** Python version, e.g. 3.11 (at most 32). */
  pythonVersion?: InputMaybe<Scalars['String']['input']>;
  /** Where to pull it from (at most 512). */
  registryUrl?: InputMaybe<Scalars['String']['input']>;
  /** Size in bytes (>= 0). */
  size?: InputMaybe<Scalars['BigInt']['input']>;
};

/** Result of imageUpdate. */
export type ImageUpdatePayload = {
  __typename?: 'ImageUpdatePayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The image after the change; null if the mutation failed. */
  image?: Maybe<Image>;
};

/** Filter images (every field is an indexed column). */
export type ImageWhere = {
  /** base, pytorch, tensorflow, custom, ... */
  category?: InputMaybe<StringFilter>;
  /** Match the framework text (exact, list, prefix or substring). */
  framework?: InputMaybe<StringFilter>;
  /** Only rows whose is official is this value. */
  isOfficial?: InputMaybe<Scalars['Boolean']['input']>;
  /** Image reference (unique). */
  name?: InputMaybe<StringFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<ImageStatusEnumFilter>;
};

/** Model-serving deployments, identified by a text key. */
export type InferenceService = Node & {
  __typename?: 'InferenceService';
  /** CPU cores per replica. */
  cpu?: Maybe<Scalars['Int']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** URL of the serving endpoint. */
  endpointUrl?: Maybe<Scalars['String']['output']>;
  /** Serving framework. */
  framework?: Maybe<Scalars['String']['output']>;
  /** Number of GPUs per replica. */
  gpu?: Maybe<Scalars['Int']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Memory per replica in bytes. */
  memory?: Maybe<Scalars['BigInt']['output']>;
  /** The model this service serves, if any. */
  model?: Maybe<Model>;
  /** Served model, optional (logical reference to models.id). */
  modelId?: Maybe<Scalars['Int']['output']>;
  /** The served version of the model (model_versions by model_id + version). */
  modelVersion?: Maybe<ModelVersion>;
  /** Served model version, matching model_versions.version of that model. */
  modelVersionName?: Maybe<Scalars['String']['output']>;
  /** Service name. */
  name: Scalars['String']['output'];
  /** The customer who owns this service. */
  owner?: Maybe<Customer>;
  /** Number of replicas (at least 1). */
  replicas?: Maybe<Scalars['Int']['output']>;
  /** Primary key: text service identifier. */
  rowId: Scalars['String']['output'];
  /** Service status: creating, running, stopped or error. */
  status?: Maybe<InferenceServiceStatus>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The workspace this service belongs to, if any. */
  workspace?: Maybe<Workspace>;
  /** Workspace the service belongs to, optional (logical reference to workspaces.id). */
  workspaceId?: Maybe<Scalars['Int']['output']>;
};

/** A page of a list, Relay style. */
export type InferenceServiceConnection = {
  __typename?: 'InferenceServiceConnection';
  /** The items with their cursors. */
  edges: Array<InferenceServiceEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<InferenceService>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new inference service, owned by the viewer, creating (inferenceServiceCreate). */
export type InferenceServiceCreateInput = {
  /** CPU cores per replica (>= 1). */
  cpu?: InputMaybe<Scalars['Int']['input']>;
  /** What it serves. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Serving framework (at most 64); the model's by default. */
  framework?: InputMaybe<Scalars['String']['input']>;
  /** GPUs per replica (>= 0). */
  gpu?: Scalars['Int']['input'];
  /** Memory per replica in bytes (>= 1). */
  memory?: InputMaybe<Scalars['BigInt']['input']>;
  /** The model to serve: one the viewer may read. */
  modelId: Scalars['Int']['input'];
  /** The version to serve: an existing version of that model. */
  modelVersion?: InputMaybe<Scalars['String']['input']>;
  /** Name of the service (at most 256 characters). */
  name: Scalars['String']['input'];
  /** Number of replicas (>= 1). */
  replicas?: Scalars['Int']['input'];
  /** The workspace to create it in (an active owner, admin or member of it). */
  workspaceId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of inferenceServiceCreate. */
export type InferenceServiceCreatePayload = {
  __typename?: 'InferenceServiceCreatePayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The inference service after the change; null if the mutation failed. */
  inferenceService?: Maybe<InferenceService>;
};

/** The inference service to delete (inferenceServiceDelete). */
export type InferenceServiceDeleteInput = {
  /** The service (inference_services.id, its rowId). */
  id: Scalars['String']['input'];
};

/** Result of inferenceServiceDelete. */
export type InferenceServiceDeletePayload = {
  __typename?: 'InferenceServiceDeletePayload';
  /** The key (rowId) of the deleted service; null if it failed. */
  deletedInferenceServiceId?: Maybe<Scalars['String']['output']>;
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type InferenceServiceEdge = {
  __typename?: 'InferenceServiceEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: InferenceService;
};

/** Orderings of inference services. */
export type InferenceServiceOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** The outcome of deploying an inference service (inferenceServiceStatusReport). */
export type InferenceServiceReportedStatus =
  /** Deployment failed. */
  | 'ERROR'
  /** The service is serving. */
  | 'RUNNING';

/** A new replica count (inferenceServiceScale). */
export type InferenceServiceScaleInput = {
  /** The service (inference_services.id, its rowId). */
  id: Scalars['String']['input'];
  /** Number of replicas (>= 1). */
  replicas: Scalars['Int']['input'];
};

/** Result of inferenceServiceScale. */
export type InferenceServiceScalePayload = {
  __typename?: 'InferenceServiceScalePayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The inference service after the change; null if the mutation failed. */
  inferenceService?: Maybe<InferenceService>;
};

/** The inference service to start (inferenceServiceStart). */
export type InferenceServiceStartInput = {
  /** The service (inference_services.id, its rowId). */
  id: Scalars['String']['input'];
};

/** Result of inferenceServiceStart. */
export type InferenceServiceStartPayload = {
  __typename?: 'InferenceServiceStartPayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The inference service after the change; null if the mutation failed. */
  inferenceService?: Maybe<InferenceService>;
};

/** inference_services.status */
export type InferenceServiceStatus =
  /** Being deployed. */
  | 'CREATING'
  /** Deployment failed. */
  | 'ERROR'
  /** Serving requests. */
  | 'RUNNING'
  /** Stopped; can be started again. */
  | 'STOPPED';

/** Match a status/enum column. */
export type InferenceServiceStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<InferenceServiceStatus>;
  /** One of. */
  in?: InputMaybe<Array<InferenceServiceStatus>>;
};

/** How the deployment of a creating service ended (inferenceServiceStatusReport). */
export type InferenceServiceStatusReportInput = {
  /** Where it serves: an http(s) URL (at most 512 characters). */
  endpointUrl?: InputMaybe<Scalars['String']['input']>;
  /** The service (inference_services.id, its rowId). */
  id: Scalars['String']['input'];
  /** RUNNING once it serves, ERROR if the deployment failed. */
  status: InferenceServiceReportedStatus;
};

/** Result of inferenceServiceStatusReport. */
export type InferenceServiceStatusReportPayload = {
  __typename?: 'InferenceServiceStatusReportPayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The inference service after the change; null if the mutation failed. */
  inferenceService?: Maybe<InferenceService>;
};

/** The inference service to stop (inferenceServiceStop). */
export type InferenceServiceStopInput = {
  /** The service (inference_services.id, its rowId). */
  id: Scalars['String']['input'];
};

/** Result of inferenceServiceStop. */
export type InferenceServiceStopPayload = {
  __typename?: 'InferenceServiceStopPayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The inference service after the change; null if the mutation failed. */
  inferenceService?: Maybe<InferenceService>;
};

/** Filter inference services (every field is an indexed column). */
export type InferenceServiceWhere = {
  /** Match the name text (exact, list, prefix or substring). */
  name?: InputMaybe<StringFilter>;
  /** The owning customer (inference_services.customer_id). */
  ownerId?: InputMaybe<KeyFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<InferenceServiceStatusEnumFilter>;
  /** Match the workspace id (one key or a list). */
  workspaceId?: InputMaybe<KeyFilter>;
};

/** Bills that aggregate the billing records of a customer over a billing period. */
export type Invoice = Node & {
  __typename?: 'Invoice';
  /** End of the billing period (UTC). */
  billingPeriodEnd: Scalars['DateTime']['output'];
  /** Start of the billing period (UTC). */
  billingPeriodStart: Scalars['DateTime']['output'];
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** ISO 4217 currency code. */
  currency?: Maybe<Scalars['String']['output']>;
  /** The customer billed. */
  customer?: Maybe<Customer>;
  /** Billed customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Unique invoice number, e.g. INV-2025-01-0001. */
  invoiceNo: Scalars['String']['output'];
  /** Time the invoice was paid (UTC). */
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer's billing records whose start_time falls in the billing period [billingPeriodStart, billingPeriodEnd). */
  records: BillingRecordConnection;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Invoice status: pending, paid, overdue or cancelled. */
  status?: Maybe<InvoiceStatus>;
  /** Total amount due, in currency. */
  totalAmount: Scalars['Decimal']['output'];
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** Bills that aggregate the billing records of a customer over a billing period. */
export type InvoiceRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: BillingRecordOrder;
  where?: InputMaybe<BillingRecordWhere>;
};

/** The invoice to cancel (invoiceCancel). */
export type InvoiceCancelInput = {
  /** rowId of the invoice (pending or overdue). Its number stays taken; the month may be invoiced again. */
  rowId: Scalars['Int']['input'];
};

/** Result of `invoiceCancel`. */
export type InvoiceCancelPayload = {
  __typename?: 'InvoiceCancelPayload';
  /** Why the invoice was not cancelled; empty on success. */
  errors: Array<UserError>;
  /** The invoice, now cancelled. */
  invoice?: Maybe<Invoice>;
};

/** A page of a list, Relay style. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The items with their cursors. */
  edges: Array<InvoiceEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Invoice>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Invoice;
};

/** The payment to record (invoiceMarkPaid). */
export type InvoiceMarkPaidInput = {
  /** When the payment arrived (UTC); now when omitted. Not in the future, not before the billing period. */
  paidAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** rowId of the invoice (pending or overdue). */
  rowId: Scalars['Int']['input'];
};

/** Result of `invoiceMarkPaid`. */
export type InvoiceMarkPaidPayload = {
  __typename?: 'InvoiceMarkPaidPayload';
  /** Why the payment was not recorded; empty on success. */
  errors: Array<UserError>;
  /** The invoice, now paid (paidAt set). */
  invoice?: Maybe<Invoice>;
};

/** Orderings of invoices. */
export type InvoiceOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By billing period, newest first. */
  | 'PERIOD_DESC';

/** invoices.status */
export type InvoiceStatus =
  /** Cancelled (terminal). */
  | 'CANCELLED'
  /** Past its due date, unpaid. */
  | 'OVERDUE'
  /** Paid (`paidAt`). */
  | 'PAID'
  /** Issued; not paid yet. */
  | 'PENDING';

/** Match a status/enum column. */
export type InvoiceStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<InvoiceStatus>;
  /** One of. */
  in?: InputMaybe<Array<InvoiceStatus>>;
};

/** Filter invoices. */
export type InvoiceWhere = {
  /** Start of the billing period. */
  billingPeriodStart?: InputMaybe<DateTimeFilter>;
  /** customers.id */
  customerId?: InputMaybe<KeyFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<InvoiceStatusEnumFilter>;
};

/** Support tickets (bug, question or feature) raised by customers. */
export type Issue = Node & {
  __typename?: 'Issue';
  /** The staff member assigned to this issue, if any. */
  assignee?: Maybe<Customer>;
  /** Assigned staff member, optional (logical reference to customers.id). */
  assigneeId?: Maybe<Scalars['Int']['output']>;
  /** Comments on this issue (conversation order by default). */
  comments: CommentConnection;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Reporting customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Ticket description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Unique human-readable ticket number. */
  issueNo: Scalars['String']['output'];
  /** Priority: low, medium, high or critical. */
  priority?: Maybe<TicketPriority>;
  /** The customer who reported this issue. */
  reporter?: Maybe<Customer>;
  /** Time the ticket was resolved (UTC). */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Ticket status: open, in_progress, resolved or closed. */
  status?: Maybe<IssueStatus>;
  /** Ticket title. */
  title: Scalars['String']['output'];
  /** Ticket type: bug, question or feature. */
  type: IssueType;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** Support tickets (bug, question or feature) raised by customers. */
export type IssueCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: CommentOrder;
  where?: InputMaybe<CommentWhere>;
};

/** Who works on an issue (staff only). */
export type IssueAssignInput = {
  /** An active staff member (admin or internal customer); null unassigns. */
  assigneeId?: InputMaybe<Scalars['Int']['input']>;
  /** The issue (issues.id); or give issueNo. */
  id?: InputMaybe<Scalars['Int']['input']>;
  /** The issue by number, e.g. ISSUE-2026-0042; or give id. */
  issueNo?: InputMaybe<Scalars['String']['input']>;
};

/** Result of issueAssign. */
export type IssueAssignPayload = {
  __typename?: 'IssueAssignPayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The issue after the change; null when it failed. */
  issue?: Maybe<Issue>;
};

/** A page of a list, Relay style. */
export type IssueConnection = {
  __typename?: 'IssueConnection';
  /** The items with their cursors. */
  edges: Array<IssueEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Issue>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new issue, reported by the viewer. */
export type IssueCreateInput = {
  /** Details, at most 10000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How urgent; MEDIUM if omitted. */
  priority?: TicketPriority;
  /** 1 to 256 characters, not only spaces (surrounding spaces are dropped). */
  title: Scalars['String']['input'];
  /** Bug, question or feature. */
  type: IssueType;
};

/** Result of issueCreate. */
export type IssueCreatePayload = {
  __typename?: 'IssueCreatePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The issue after the change; null when it failed. */
  issue?: Maybe<Issue>;
};

/** An item of a connection, with its cursor. */
export type IssueEdge = {
  __typename?: 'IssueEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Issue;
};

/** Orderings of issues. */
export type IssueOrder =
  /** By creation time, oldest first. */
  | 'CREATED_AT_ASC'
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC';

/** issues.status */
export type IssueStatus =
  /** Done (terminal). */
  | 'CLOSED'
  /** Staff work on it. */
  | 'IN_PROGRESS'
  /** Reported; nobody works on it yet. */
  | 'OPEN'
  /** Fixed or answered (`resolvedAt`); may be reopened. */
  | 'RESOLVED';

/** Match a status/enum column. */
export type IssueStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<IssueStatus>;
  /** One of. */
  in?: InputMaybe<Array<IssueStatus>>;
};

/** Move an issue: OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED, RESOLVED -> IN_PROGRESS (reopen); staff only, except that the reporter may close its own OPEN or RESOLVED issue. */
export type IssueTransitionInput = {
  /** The issue (issues.id); or give issueNo. */
  id?: InputMaybe<Scalars['Int']['input']>;
  /** The issue by number, e.g. ISSUE-2026-0042; or give id. */
  issueNo?: InputMaybe<Scalars['String']['input']>;
  /** The state to move to. */
  status: IssueStatus;
};

/** Result of issueTransition. */
export type IssueTransitionPayload = {
  __typename?: 'IssueTransitionPayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The issue after the change; null when it failed. */
  issue?: Maybe<Issue>;
};

/** issues.type */
export type IssueType =
  /** Something is broken. */
  | 'BUG'
  /** A wish. */
  | 'FEATURE'
  /** A question. */
  | 'QUESTION';

/** Match a status/enum column. */
export type IssueTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<IssueType>;
  /** One of. */
  in?: InputMaybe<Array<IssueType>>;
};

/** Changes to an issue (its reporter or staff). An absent field is left alone. */
export type IssueUpdateInput = {
  /** Details, at most 10000 characters. Null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The issue (issues.id); or give issueNo. */
  id?: InputMaybe<Scalars['Int']['input']>;
  /** The issue by number, e.g. ISSUE-2026-0042; or give id. */
  issueNo?: InputMaybe<Scalars['String']['input']>;
  /** How urgent. */
  priority?: InputMaybe<TicketPriority>;
  /** 1 to 256 characters, not only spaces (surrounding spaces are dropped). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Bug, question or feature. */
  type?: InputMaybe<IssueType>;
};

/** Result of issueUpdate. */
export type IssueUpdatePayload = {
  __typename?: 'IssueUpdatePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The issue after the change; null when it failed. */
  issue?: Maybe<Issue>;
};

/** Filter issues. */
export type IssueWhere = {
  /** Assigned staff member (issues.assignee_id). */
  assigneeId?: InputMaybe<KeyFilter>;
  /** When the ticket or comment was created. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Reporter (issues.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** Ticket priority. */
  priority?: InputMaybe<TicketPriorityEnumFilter>;
  /** Issue status. */
  status?: InputMaybe<IssueStatusEnumFilter>;
  /** Bug, question or feature. */
  type?: InputMaybe<IssueTypeEnumFilter>;
};

/** Runs of platform jobs: what ran, when, how much it changed, how it ended. */
export type JobRun = Node & {
  __typename?: 'JobRun';
  /** Retries of the queue job before this run (0 = first attempt). */
  attempt: Scalars['Int']['output'];
  /** Why a failed run failed (exception type and message). */
  error?: Maybe<Scalars['String']['output']>;
  /** When it ended (UTC); NULL while running. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Name of the job in the schedule registry, e.g. hosts.liveness. */
  jobName: Scalars['String']['output'];
  /** running, succeeded, failed or abandoned (its worker died). */
  outcome: JobRunOutcome;
  /** Id of the queue job (pgqueuer.id) this run executed; NULL when run directly. */
  queueJobId?: Maybe<Scalars['Int']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Rows the job inserted, changed or deleted; NULL unless succeeded. */
  rowsTouched?: Maybe<Scalars['Int']['output']>;
  /** When the run started (UTC). */
  startedAt: Scalars['DateTime']['output'];
  /** Worker that ran it (host name and process id). */
  worker?: Maybe<Scalars['String']['output']>;
};

/** A page of a list, Relay style. */
export type JobRunConnection = {
  __typename?: 'JobRunConnection';
  /** The items with their cursors. */
  edges: Array<JobRunEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<JobRun>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type JobRunEdge = {
  __typename?: 'JobRunEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: JobRun;
};

/** Orderings of job runs. */
export type JobRunOrder =
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By started at, descending. */
  | 'STARTED_AT_DESC';

/** job_runs.outcome */
export type JobRunOutcome =
  /** Its worker died before it finished; nothing of it committed. */
  | 'ABANDONED'
  /** Raised an error; its work rolled back (the queue retries it). */
  | 'FAILED'
  /** Started and not finished yet. */
  | 'RUNNING'
  /** Finished; its work committed. */
  | 'SUCCEEDED';

/** Match a status/enum column. */
export type JobRunOutcomeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<JobRunOutcome>;
  /** One of. */
  in?: InputMaybe<Array<JobRunOutcome>>;
};

/** Filter job runs (by job name, outcome, start time). */
export type JobRunWhere = {
  /** The job's name in the schedule, e.g. hosts.liveness. */
  jobName?: InputMaybe<StringFilter>;
  /** Match the outcome (one value or a list). */
  outcome?: InputMaybe<JobRunOutcomeEnumFilter>;
  /** Time range on started at. */
  startedAt?: InputMaybe<DateTimeFilter>;
};

/** Match an ID-like column (numeric or text keys). */
export type KeyFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['ID']['input']>;
  /** One of. */
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Credentials of a login. */
export type LoginInput = {
  /** Username or e-mail address (case-insensitive). */
  login: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** Result of `login`: a token pair, or why there is none. */
export type LoginPayload = {
  __typename?: 'LoginPayload';
  /** Bearer token for `Authorization: Bearer ...`; short-lived. */
  accessToken?: Maybe<Scalars['String']['output']>;
  /** Why the login failed; empty on success. */
  errors: Array<UserError>;
  /** When the access token expires (UTC). */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the refresh token expires (UTC). */
  refreshExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Single-use token to get the next pair with `tokenRefresh`. */
  refreshToken?: Maybe<Scalars['String']['output']>;
};

/** Which sessions to end. */
export type LogoutInput = {
  /** End the session of this refresh token (works without an access token). Omitted: end every session of the viewer (needs authentication). */
  refreshToken?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `logout`. */
export type LogoutPayload = {
  __typename?: 'LogoutPayload';
  /** Why the logout failed; empty on success. */
  errors: Array<UserError>;
  /** Refresh tokens revoked (all tokens of the sessions ended). */
  revokedCount: Scalars['Int']['output'];
};

/** Width of the time buckets of a metric series. */
export type MetricBucket =
  /** One-day buckets, from daily roll-ups and not yet rolled-up samples. */
  | 'DAY'
  /** One-hour buckets, from hourly roll-ups and not yet rolled-up samples. */
  | 'HOUR'
  /** One-minute buckets, from raw samples (the last 7 days). */
  | 'MINUTE';

/** One time bucket of a metric series. */
export type MetricPoint = {
  __typename?: 'MetricPoint';
  /** Mean value (null: none reported). */
  avg?: Maybe<Scalars['Float']['output']>;
  /** Start of the bucket (UTC). */
  bucketStart: Scalars['DateTime']['output'];
  /** Number of samples in the bucket. */
  count: Scalars['Int']['output'];
  /** Largest value (null: none reported). */
  max?: Maybe<Scalars['Float']['output']>;
  /** Smallest value (null: none reported). */
  min?: Maybe<Scalars['Float']['output']>;
};

/** The buckets of one metric of one host, GPU or environment. */
export type MetricSeries = {
  __typename?: 'MetricSeries';
  /** The metric (alert vocabulary). */
  metric: AlertMetricType;
  /** Buckets, oldest first. */
  points: Array<MetricPoint>;
};

/** Filter samples of one owner (host, GPU or environment). */
export type MetricWhere = {
  /** Sample time range (collected_at). */
  collectedAt?: InputMaybe<DateTimeFilter>;
};

/** A batch of samples of one host: checked whole, then written in bulk, or not at all. At most REMOTEGPU_METRICS_BATCH_MAX samples (1,000 by default) in all. */
export type MetricsReportInput = {
  /** Samples of environments on the host. */
  environmentSamples?: Array<EnvironmentSampleInput>;
  /** Samples of the host's GPUs. */
  gpuSamples?: Array<GpuSampleInput>;
  /** Key of the reporting host (rowId). */
  hostId: Scalars['String']['input'];
  /** Samples of the host itself. */
  hostSamples?: Array<HostSampleInput>;
};

/** What metricsReport stored: all of the batch, or (with errors) none. */
export type MetricsReportPayload = {
  __typename?: 'MetricsReportPayload';
  /** environment_metrics rows written. */
  environmentSamples: Scalars['Int']['output'];
  /** Why nothing was written (empty on success). */
  errors: Array<UserError>;
  /** gpu_metrics rows written. */
  gpuSamples: Scalars['Int']['output'];
  /** host_metrics rows written. */
  hostSamples: Scalars['Int']['output'];
};

/** Machine-learning models owned by a customer, optionally in a workspace. */
export type Model = Node & {
  __typename?: 'Model';
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Framework, e.g. pytorch, tensorflow or onnx. */
  framework?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Inference services serving this model. */
  inferenceServices: InferenceServiceConnection;
  /** Model name. */
  name: Scalars['String']['output'];
  /** The customer owning this model (models.customer_id). */
  owner?: Maybe<Customer>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Model status: uploading, ready or error. */
  status?: Maybe<StorageStatus>;
  /** Location of the model files in storage. */
  storagePath: Scalars['String']['output'];
  /** Total size in bytes. */
  totalSize?: Maybe<Scalars['BigInt']['output']>;
  /** Training jobs that fine-tune or produce this model. */
  trainingJobs: TrainingJobConnection;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable public identifier of the model. */
  uuid: Scalars['UUID']['output'];
  /** Versions of this model, with their evaluation metrics. */
  versions: ModelVersionConnection;
  /** Visibility: private, workspace or public. */
  visibility?: Maybe<StorageVisibility>;
  /** The workspace this model belongs to, if any. */
  workspace?: Maybe<Workspace>;
  /** Workspace the model belongs to, optional (logical reference to workspaces.id). */
  workspaceId?: Maybe<Scalars['Int']['output']>;
};


/** Machine-learning models owned by a customer, optionally in a workspace. */
export type ModelInferenceServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<InferenceServiceOrder>;
  where?: InputMaybe<InferenceServiceWhere>;
};


/** Machine-learning models owned by a customer, optionally in a workspace. */
export type ModelTrainingJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TrainingJobOrder>;
  where?: InputMaybe<TrainingJobWhere>;
};


/** Machine-learning models owned by a customer, optionally in a workspace. */
export type ModelVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ModelVersionOrder;
  where?: InputMaybe<ModelVersionWhere>;
};

/** A page of a list, Relay style. */
export type ModelConnection = {
  __typename?: 'ModelConnection';
  /** The items with their cursors. */
  edges: Array<ModelEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Model>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new model; it starts in status UPLOADING. */
export type ModelCreateInput = {
  /** Free text, at most 10,000 characters; blank means none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Framework, free text up to 64 characters (e.g. pytorch). */
  framework?: InputMaybe<Scalars['String']['input']>;
  /** Display name, 1-256 characters. */
  name: Scalars['String']['input'];
  /** Owner (customer rowId); platform admins only. Default: the viewer. */
  ownerId?: InputMaybe<Scalars['Int']['input']>;
  /** Where the files live, e.g. s3://bucket/prefix (1-512 characters). */
  storagePath: Scalars['String']['input'];
  /** Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer). */
  visibility?: StorageVisibility;
  /** Workspace (rowId) it belongs to; the viewer must be an active owner, admin or member. */
  workspaceId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of modelCreate. */
export type ModelCreatePayload = {
  __typename?: 'ModelCreatePayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** The new model. */
  model?: Maybe<Model>;
};

/** The model to delete, with its versions. */
export type ModelDeleteInput = {
  /** The model (rowId). */
  modelId: Scalars['Int']['input'];
};

/** Result of modelDelete. */
export type ModelDeletePayload = {
  __typename?: 'ModelDeletePayload';
  /** Global ID of the deleted model. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** rowId of the deleted model. */
  deletedRowId?: Maybe<Scalars['Int']['output']>;
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type ModelEdge = {
  __typename?: 'ModelEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Model;
};

/** Orderings of models. */
export type ModelOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** Changes to a model (owner, or owner/admin of its workspace); omitted fields stay as they are. */
export type ModelUpdateInput = {
  /** Free text, at most 10,000 characters; blank means none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New framework (free text, up to 64 characters). */
  framework?: InputMaybe<Scalars['String']['input']>;
  /** The model (rowId). */
  modelId: Scalars['Int']['input'];
  /** New name, 1-256 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New status (UPLOADING, READY, ERROR). */
  status?: InputMaybe<StorageStatus>;
  /** Who may read it: PRIVATE (the owner), WORKSPACE (members of its workspace; needs a workspace), PUBLIC (every customer). */
  visibility?: InputMaybe<StorageVisibility>;
};

/** Result of modelUpdate. */
export type ModelUpdatePayload = {
  __typename?: 'ModelUpdatePayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** The changed model. */
  model?: Maybe<Model>;
};

/** Immutable versions of a model, with evaluation metrics. */
export type ModelVersion = Node & {
  __typename?: 'ModelVersion';
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Free-text description of the version. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Evaluation metrics as JSON, e.g. {"accuracy":0.93,"loss":0.21}. */
  metrics?: Maybe<Scalars['JSON']['output']>;
  /** The model this is a version of. */
  model?: Maybe<Model>;
  /** Model this version belongs to (logical reference to models.id). */
  modelId: Scalars['Int']['output'];
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Size of the version in bytes. */
  size?: Maybe<Scalars['BigInt']['output']>;
  /** Location of the version files in storage. */
  storagePath: Scalars['String']['output'];
  /** Version label such as v1.0, unique per model. */
  version: Scalars['String']['output'];
};

/** A page of a list, Relay style. */
export type ModelVersionConnection = {
  __typename?: 'ModelVersionConnection';
  /** The items with their cursors. */
  edges: Array<ModelVersionEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<ModelVersion>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new, immutable version of a model. */
export type ModelVersionCreateInput = {
  /** Free text, at most 10,000 characters; blank means none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Evaluation metrics: a JSON object of numbers, e.g. {"accuracy": 0.93}. */
  metrics?: InputMaybe<Scalars['JSON']['input']>;
  /** The model (rowId). */
  modelId: Scalars['Int']['input'];
  /** Bytes in this version (>= 0; absent means 0); added to the model. */
  size?: InputMaybe<Scalars['BigInt']['input']>;
  /** Where the files live, e.g. s3://bucket/prefix (1-512 characters). */
  storagePath: Scalars['String']['input'];
  /** Version label, 1-64 of A-Z a-z 0-9 . _ - (e.g. v1.0); unique per parent. */
  version: Scalars['String']['input'];
};

/** Result of modelVersionCreate. */
export type ModelVersionCreatePayload = {
  __typename?: 'ModelVersionCreatePayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** Its model, with the new total size. */
  model?: Maybe<Model>;
  /** The new version. */
  modelVersion?: Maybe<ModelVersion>;
};

/** An item of a connection, with its cursor. */
export type ModelVersionEdge = {
  __typename?: 'ModelVersionEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: ModelVersion;
};

/** Orderings of model versions. */
export type ModelVersionOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By version, ascending. */
  | 'VERSION_ASC';

/** Filter model versions. */
export type ModelVersionWhere = {
  /** Match the model id (one key or a list). */
  modelId?: InputMaybe<KeyFilter>;
  /** Version label (indexed together with the model). */
  version?: InputMaybe<StringFilter>;
};

/** Filter models. */
export type ModelWhere = {
  /** Time range on created at. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** pytorch, tensorflow, onnx, ... (indexed). */
  framework?: InputMaybe<StringFilter>;
  /** Match the name text (exact, list, prefix or substring). */
  name?: InputMaybe<StringFilter>;
  /** Owner (models.customer_id). */
  ownerId?: InputMaybe<KeyFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<StorageStatusEnumFilter>;
  /** Match the visibility (one value or a list). */
  visibility?: InputMaybe<StorageVisibilityEnumFilter>;
  /** Match the workspace id (one key or a list). */
  workspaceId?: InputMaybe<KeyFilter>;
};

/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Mark a firing alert resolved (the alerted customer or an admin); emits alert.resolved. An alert that is already resolved is INVALID_TRANSITION. */
  alertRecordResolve: AlertRecordResolvePayload;
  /** Create an alert rule: `metric comparison threshold` held for `duration` seconds fires an alert. Customers' rules are their own; platformWide (admins only) makes a rule of no customer. */
  alertRuleCreate: AlertRuleCreatePayload;
  /** Delete an alert rule that never fired (own rules; admins any). A rule with alerts is IN_USE: its alerts are kept as history, so disable it instead. */
  alertRuleDelete: AlertRuleDeletePayload;
  /** Enable or disable an alert rule (own rules; admins any). */
  alertRuleToggle: AlertRuleTogglePayload;
  /** Change an alert rule (own rules; admins any). The threshold must fit the metric after the change. */
  alertRuleUpdate: AlertRuleUpdatePayload;
  /** Create an API token of the viewer (needs the write scope; AGENT tokens need a platform admin). The secret is in the payload, once. */
  apiTokenCreate: ApiTokenCreatePayload;
  /** Revoke an API token (the viewer's own; admins any). Takes effect at once. */
  apiTokenRevoke: ApiTokenRevokePayload;
  /** Record an artifact produced by a training job, inference service or environment of its owner (the viewer; admins: any customer). */
  artifactCreate: ArtifactCreatePayload;
  /** Delete an artifact record (its owner, an owner/admin of its workspace, or an admin). */
  artifactDelete: ArtifactDeletePayload;
  /** Comment on an issue or requirement the viewer may see (reporter, assignee or staff). */
  commentCreate: CommentCreatePayload;
  /** Delete a comment (its author or staff). */
  commentDelete: CommentDeletePayload;
  /** Change a comment's text (its author or staff). */
  commentUpdate: CommentUpdatePayload;
  /** Reactivate a suspended customer (it logs in anew). Platform admins only. */
  customerActivate: CustomerActivatePayload;
  /** Create a customer with its default quota (by user type) and a personal workspace it owns. Platform admins only. */
  customerCreate: CustomerCreatePayload;
  /** Soft-delete a customer (itself; platform admins anyone): status deleted, tokens revoked, rows kept for billing. Refused (IN_USE) while it has creating or running environments. */
  customerDelete: CustomerDeletePayload;
  /** Suspend an active customer: it can no longer log in, its tokens are revoked and stop working at once. Platform admins only. */
  customerSuspend: CustomerSuspendPayload;
  /** Change a customer's profile or e-mail (itself; platform admins anyone). Only platform admins change userType and accountType. */
  customerUpdate: CustomerUpdatePayload;
  /** Register a dataset owned by the viewer (admins: any customer), optionally in a workspace; it starts UPLOADING. */
  datasetCreate: DatasetCreatePayload;
  /** Delete a dataset and its versions (its owner, or an owner/admin of its workspace). IN_USE while it is mounted or a pending/running training job uses it. */
  datasetDelete: DatasetDeletePayload;
  /** Mount a READY dataset into an environment (its owner, an owner/admin of its workspace, or an admin); the environment's owner must be able to read it. */
  datasetMount: DatasetMountPayload;
  /** End an open dataset mount (sets its unmountedAt). */
  datasetUnmount: DatasetUnmountPayload;
  /** Rename, describe, set the status or the visibility of a dataset (its owner, or an owner/admin of its workspace). */
  datasetUpdate: DatasetUpdatePayload;
  /** Add an immutable version to a dataset; the dataset's total size and file count grow by the version's. CONFLICT if the version label is taken. */
  datasetVersionCreate: DatasetVersionCreatePayload;
  /** Create an environment in one transaction: quota, placement (best fit or `hostId`), GPUs, SSH/Jupyter (and RDP on Windows) ports, host counters. It starts `creating`; the host agent reports it running. */
  environmentCreate: EnvironmentCreatePayload;
  /** Delete a running, stopped or failed environment: ports, GPUs, host capacity and dataset mounts are released; the row stays with status deleted. */
  environmentDelete: EnvironmentDeletePayload;
  /** Start a stopped environment on its host: CPU, memory, disk and GPUs are taken again (NO_CAPACITY if the host lacks them) and the quota is checked again. */
  environmentStart: EnvironmentStartPayload;
  /** The host agent (an AGENT token of the environment's host) or a platform admin reports that a creating environment runs, or that an environment failed (its compute is released). */
  environmentStatusReport: EnvironmentStatusReportPayload;
  /** Stop a running environment: CPU, memory, disk and GPUs go back to the host; its ports are kept. */
  environmentStop: EnvironmentStopPayload;
  /** Rename an environment or change its description. */
  environmentUpdate: EnvironmentUpdatePayload;
  /** Change a GPU's status (available, maintenance, error), health or limits (admins). Refused (IN_USE) while the GPU is allocated to an environment. */
  gpuUpdate: GpuUpdatePayload;
  /** Delete a host with its GPUs and their samples, and revoke its agent tokens (admins). Refused (IN_USE) while any environment on it is not deleted. */
  hostDelete: HostDeletePayload;
  /** A heartbeat of a host, from its own agent (or an admin): records the time and health; an offline host comes online, a host in maintenance stays there. Only the changes it causes (offline -> online, a new health) and refused reports are audited. */
  hostHeartbeat: HostHeartbeatPayload;
  /** Put an online or offline host into maintenance (admins): its environments keep running, no new environment is placed on it. */
  hostMaintenanceEnter: HostMaintenanceEnterPayload;
  /** Take a host out of maintenance (admins): it is offline until its next heartbeat. */
  hostMaintenanceExit: HostMaintenanceExitPayload;
  /** Register a host and its GPUs (admins). The host is offline with health unknown until its agent's first heartbeat; its GPUs start available and healthy. */
  hostRegister: HostRegisterPayload;
  /** Change a host's names, addresses, ports, labels, tags or totals (admins). Totals cannot go below what its environments use now. */
  hostUpdate: HostUpdatePayload;
  /** Add an image to the catalogue (platform admins). The name is a unique image reference with a tag or digest; CONFLICT if taken. */
  imageCreate: ImageCreatePayload;
  /** Delete an image (platform admins); IN_USE while any environment, deleted ones included, refers to it (deprecate it instead). */
  imageDelete: ImageDeletePayload;
  /** Deprecate an active image (platform admins): no new environments start from it; existing ones are untouched. */
  imageDeprecate: ImageDeprecatePayload;
  /** Change an image's description (platform admins). Omitted fields stay; the name cannot change. */
  imageUpdate: ImageUpdatePayload;
  /** Deploy a model as an inference service owned by the viewer (creating). The model and the version, if given, must exist and be readable; replicas >= 1. */
  inferenceServiceCreate: InferenceServiceCreatePayload;
  /** Delete a creating, stopped or failed inference service (a running one: stop it first); IN_USE while artifacts name it as their source. */
  inferenceServiceDelete: InferenceServiceDeletePayload;
  /** Set the replica count (>= 1) of a running or stopped inference service. */
  inferenceServiceScale: InferenceServiceScalePayload;
  /** Start a stopped inference service (stopped -> running). */
  inferenceServiceStart: InferenceServiceStartPayload;
  /** Report how the deployment of a creating inference service ended (staff): RUNNING with its endpoint URL, or ERROR. Notifies the owner. */
  inferenceServiceStatusReport: InferenceServiceStatusReportPayload;
  /** Stop a running inference service (running -> stopped). */
  inferenceServiceStop: InferenceServiceStopPayload;
  /** Cancel a pending or overdue invoice (platform admins only); the customer is notified. Paid and cancelled invoices cannot be cancelled (INVALID_TRANSITION). */
  invoiceCancel: InvoiceCancelPayload;
  /** Record the payment of a pending or overdue invoice (platform admins only): it becomes paid, the customer is notified and an invoice.paid event is sent. */
  invoiceMarkPaid: InvoiceMarkPaidPayload;
  /** Assign an issue to a staff member, or unassign it (staff only). The reporter is notified. */
  issueAssign: IssueAssignPayload;
  /** Report an issue (the viewer is its reporter); it gets the next ISSUE-YYYY-NNNN number of the year and starts OPEN. */
  issueCreate: IssueCreatePayload;
  /** Move an issue along its lifecycle (see IssueTransitionInput); resolving sets resolvedAt, reopening clears it. The reporter is notified of others' moves. */
  issueTransition: IssueTransitionPayload;
  /** Edit an issue's title, description, priority or type. */
  issueUpdate: IssueUpdatePayload;
  /** Log in with a username or e-mail and a password: get a token pair. */
  login: LoginPayload;
  /** End the session of a refresh token, or every session of the viewer. Access tokens already issued stay valid until they expire. */
  logout: LogoutPayload;
  /** Report a batch of samples of one host, its GPUs and its environments (the host's agent, or an admin). Every GPU and environment must be on the host and every value in range; otherwise nothing is written and errors say which sample. */
  metricsReport: MetricsReportPayload;
  /** Register a model owned by the viewer (admins: any customer), optionally in a workspace; it starts UPLOADING. */
  modelCreate: ModelCreatePayload;
  /** Delete a model and its versions (its owner, or an owner/admin of its workspace). IN_USE while a creating/running inference service or a pending/running training job uses it. */
  modelDelete: ModelDeletePayload;
  /** Rename, describe, set the framework, status or visibility of a model (its owner, or an owner/admin of its workspace). */
  modelUpdate: ModelUpdatePayload;
  /** Add an immutable version (with metrics) to a model; the model's total size grows by the version's. CONFLICT if the version label is taken. */
  modelVersionCreate: ModelVersionCreatePayload;
  /** Mark all of the viewer's unread notifications read (optionally only those created up to a given instant); returns how many were marked. */
  notificationMarkAllRead: NotificationMarkAllReadPayload;
  /** Mark some of the viewer's notifications read (readAt set once). If any id is not the viewer's, nothing is marked and each such id is a NOT_FOUND error. */
  notificationMarkRead: NotificationMarkReadPayload;
  /** Change the viewer's password. Every refresh token of the viewer is revoked: other sessions end when their access token expires. */
  passwordChange: PasswordChangePayload;
  /** Map a custom service port of an environment to the lowest free gateway port of the custom range. */
  portMappingAdd: PortMappingAddPayload;
  /** Release a custom port mapping; SSH, Jupyter and RDP mappings go with their environment (FORBIDDEN). */
  portMappingRelease: PortMappingReleasePayload;
  /** Assign a requirement to a staff member, or unassign it (staff only). The reporter is notified. */
  requirementAssign: RequirementAssignPayload;
  /** Raise a requirement (the viewer is its reporter); it gets the next REQ-YYYY-NNNN number of the year and starts SUBMITTED. */
  requirementCreate: RequirementCreatePayload;
  /** Move a requirement along its lifecycle (see RequirementTransitionInput; staff only); completing sets completedAt. The reporter is notified. */
  requirementTransition: RequirementTransitionPayload;
  /** Edit a requirement's title, description or priority. */
  requirementUpdate: RequirementUpdatePayload;
  /** Set a customer's resource limits. Platform admins only; a limit below current usage is refused with QUOTA_EXCEEDED. */
  resourceQuotaUpdate: ResourceQuotaUpdatePayload;
  /** Create or change a platform setting (admins only). The value is checked against its type and against the settings it depends on (port ranges: 1..65535, start < end, no overlaps; active ports stay inside their range). */
  systemConfigSet: SystemConfigSetPayload;
  /** Exchange a refresh token for a new token pair. Each refresh token works once; presenting a spent one ends the whole session. */
  tokenRefresh: TokenRefreshPayload;
  /** Cancel a pending or running training job (its owner, a workspace owner/admin, or a platform admin). */
  trainingJobCancel: TrainingJobCancelPayload;
  /** Queue a training job owned by the viewer (pending). The environment, dataset and model, if given, must exist and be readable by the viewer. */
  trainingJobCreate: TrainingJobCreatePayload;
  /** Move a training job through its run: pending -> RUNNING, running -> COMPLETED | FAILED. For staff, and for the agent of the host the job's environment is on. Emits training.started/completed/failed and notifies the owner. */
  trainingJobTransition: TrainingJobTransitionPayload;
  /** Register a webhook of the viewer: an https URL to a public address, and the event types to deliver. The signing secret is in the payload, once. */
  webhookCreate: WebhookCreatePayload;
  /** Delete a webhook and its delivery log (own webhooks; admins any). */
  webhookDelete: WebhookDeletePayload;
  /** Send a test event (type webhook.ping) to a webhook, once, enabled or not (own webhooks; admins any). A success clears the webhook's failing state. */
  webhookPing: WebhookPingPayload;
  /** Send a logged event to its webhook again, once (own webhooks; admins any): same body and webhook-id, a fresh signature. Delivered by a job worker; the attempt appears in the webhook's logs. */
  webhookRedeliver: WebhookRedeliverPayload;
  /** Replace a webhook's signing secret (own webhooks; admins any). The new secret is in the payload, once; the old one stops working at once. */
  webhookRotateSecret: WebhookRotateSecretPayload;
  /** Change a webhook (own webhooks; admins any). A new URL is checked again. */
  webhookUpdate: WebhookUpdatePayload;
  /** Archive a workspace (owner only). Refused (IN_USE) while it holds creating or running environments. */
  workspaceArchive: WorkspaceArchivePayload;
  /** Create a team or enterprise workspace; the viewer becomes its owner. */
  workspaceCreate: WorkspaceCreatePayload;
  /** Delete a team or enterprise workspace and its memberships (owner only). Refused (IN_USE) while environments, datasets, models, artifacts, training jobs or inference services still belong to it. */
  workspaceDelete: WorkspaceDeletePayload;
  /** Leave a workspace (or decline an invitation). The owner cannot leave (LAST_OWNER): transfer ownership first. */
  workspaceLeave: WorkspaceLeavePayload;
  /** Add a customer to a team or enterprise workspace (owner or admin members; only the owner adds admins). An existing membership is a CONFLICT. */
  workspaceMemberAdd: WorkspaceMemberAddPayload;
  /** Remove a member (the owner: anyone but itself; admin members: members and viewers). The owner is never removed (LAST_OWNER): transfer ownership first. */
  workspaceMemberRemove: WorkspaceMemberRemovePayload;
  /** Change a member's role (the owner: any non-owner to ADMIN, MEMBER or VIEWER; admin members: between MEMBER and VIEWER). The owner is never demoted (LAST_OWNER): transfer ownership instead. */
  workspaceMemberRoleChange: WorkspaceMemberRoleChangePayload;
  /** Make an active member the owner (owner only); the old owner becomes an admin member. A workspace always has exactly one owner. */
  workspaceOwnershipTransfer: WorkspaceOwnershipTransferPayload;
  /** Rename or describe a workspace (owner or admin members). */
  workspaceUpdate: WorkspaceUpdatePayload;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationAlertRecordResolveArgs = {
  input: AlertRecordResolveInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationAlertRuleCreateArgs = {
  input: AlertRuleCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationAlertRuleDeleteArgs = {
  input: AlertRuleDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationAlertRuleToggleArgs = {
  input: AlertRuleToggleInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationAlertRuleUpdateArgs = {
  input: AlertRuleUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationApiTokenCreateArgs = {
  input: ApiTokenCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationApiTokenRevokeArgs = {
  input: ApiTokenRevokeInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationArtifactCreateArgs = {
  input: ArtifactCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationArtifactDeleteArgs = {
  input: ArtifactDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCommentCreateArgs = {
  input: CommentCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCommentDeleteArgs = {
  input: CommentDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCommentUpdateArgs = {
  input: CommentUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCustomerActivateArgs = {
  input: CustomerActivateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCustomerCreateArgs = {
  input: CustomerCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCustomerDeleteArgs = {
  input: CustomerDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCustomerSuspendArgs = {
  input: CustomerSuspendInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationCustomerUpdateArgs = {
  input: CustomerUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationDatasetCreateArgs = {
  input: DatasetCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationDatasetDeleteArgs = {
  input: DatasetDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationDatasetMountArgs = {
  input: DatasetMountInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationDatasetUnmountArgs = {
  input: DatasetUnmountInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationDatasetUpdateArgs = {
  input: DatasetUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationDatasetVersionCreateArgs = {
  input: DatasetVersionCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationEnvironmentCreateArgs = {
  input: EnvironmentCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationEnvironmentDeleteArgs = {
  input: EnvironmentDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationEnvironmentStartArgs = {
  input: EnvironmentStartInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationEnvironmentStatusReportArgs = {
  input: EnvironmentStatusReportInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationEnvironmentStopArgs = {
  input: EnvironmentStopInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationEnvironmentUpdateArgs = {
  input: EnvironmentUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationGpuUpdateArgs = {
  input: GpuUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationHostDeleteArgs = {
  input: HostDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationHostHeartbeatArgs = {
  input: HostHeartbeatInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationHostMaintenanceEnterArgs = {
  input: HostMaintenanceEnterInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationHostMaintenanceExitArgs = {
  input: HostMaintenanceExitInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationHostRegisterArgs = {
  input: HostRegisterInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationHostUpdateArgs = {
  input: HostUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationImageCreateArgs = {
  input: ImageCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationImageDeleteArgs = {
  input: ImageDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationImageDeprecateArgs = {
  input: ImageDeprecateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationImageUpdateArgs = {
  input: ImageUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInferenceServiceCreateArgs = {
  input: InferenceServiceCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInferenceServiceDeleteArgs = {
  input: InferenceServiceDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInferenceServiceScaleArgs = {
  input: InferenceServiceScaleInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInferenceServiceStartArgs = {
  input: InferenceServiceStartInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInferenceServiceStatusReportArgs = {
  input: InferenceServiceStatusReportInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInferenceServiceStopArgs = {
  input: InferenceServiceStopInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInvoiceCancelArgs = {
  input: InvoiceCancelInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationInvoiceMarkPaidArgs = {
  input: InvoiceMarkPaidInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationIssueAssignArgs = {
  input: IssueAssignInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationIssueCreateArgs = {
  input: IssueCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationIssueTransitionArgs = {
  input: IssueTransitionInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationIssueUpdateArgs = {
  input: IssueUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationLoginArgs = {
  input: LoginInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationLogoutArgs = {
  input: LogoutInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationMetricsReportArgs = {
  input: MetricsReportInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationModelCreateArgs = {
  input: ModelCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationModelDeleteArgs = {
  input: ModelDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationModelUpdateArgs = {
  input: ModelUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationModelVersionCreateArgs = {
  input: ModelVersionCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationNotificationMarkAllReadArgs = {
  input: NotificationMarkAllReadInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationNotificationMarkReadArgs = {
  input: NotificationMarkReadInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationPasswordChangeArgs = {
  input: PasswordChangeInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationPortMappingAddArgs = {
  input: PortMappingAddInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationPortMappingReleaseArgs = {
  input: PortMappingReleaseInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationRequirementAssignArgs = {
  input: RequirementAssignInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationRequirementCreateArgs = {
  input: RequirementCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationRequirementTransitionArgs = {
  input: RequirementTransitionInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationRequirementUpdateArgs = {
  input: RequirementUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationResourceQuotaUpdateArgs = {
  input: ResourceQuotaUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationSystemConfigSetArgs = {
  input: SystemConfigSetInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationTokenRefreshArgs = {
  input: TokenRefreshInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationTrainingJobCancelArgs = {
  input: TrainingJobCancelInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationTrainingJobCreateArgs = {
  input: TrainingJobCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationTrainingJobTransitionArgs = {
  input: TrainingJobTransitionInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWebhookCreateArgs = {
  input: WebhookCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWebhookDeleteArgs = {
  input: WebhookDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWebhookPingArgs = {
  input: WebhookPingInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWebhookRedeliverArgs = {
  input: WebhookRedeliverInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWebhookRotateSecretArgs = {
  input: WebhookRotateSecretInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWebhookUpdateArgs = {
  input: WebhookUpdateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceArchiveArgs = {
  input: WorkspaceArchiveInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceCreateArgs = {
  input: WorkspaceCreateInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceDeleteArgs = {
  input: WorkspaceDeleteInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceLeaveArgs = {
  input: WorkspaceLeaveInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceMemberAddArgs = {
  input: WorkspaceMemberAddInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceMemberRemoveArgs = {
  input: WorkspaceMemberRemoveInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceMemberRoleChangeArgs = {
  input: WorkspaceMemberRoleChangeInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceOwnershipTransferArgs = {
  input: WorkspaceOwnershipTransferInput;
};


/** Every change: `<noun><Verb>(input:)` returning a payload with the object and `errors`. */
export type MutationWorkspaceUpdateArgs = {
  input: WorkspaceUpdateInput;
};

/** An object with a globally unique, opaque ID. */
export type Node = {
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
};

/** Messages to a customer (in-app inbox). */
export type Notification = Node & {
  __typename?: 'Notification';
  /** Notification body. */
  content?: Maybe<Scalars['String']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer this notification is addressed to. */
  customer?: Maybe<Customer>;
  /** Recipient customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Whether the recipient has read the notification. */
  isRead?: Maybe<Scalars['Boolean']['output']>;
  /** Severity level: info, warning or error. */
  level?: Maybe<NotificationLevel>;
  /** Time the notification was read (UTC). */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Notification title. */
  title: Scalars['String']['output'];
  /** Notification type: system, environment, billing or alert. */
  type: NotificationType;
};

/** A page of a list, Relay style. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The items with their cursors. */
  edges: Array<NotificationEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Notification>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Notification;
};

/** notifications.level */
export type NotificationLevel =
  /** Something failed. */
  | 'ERROR'
  /** For information. */
  | 'INFO'
  /** Needs attention. */
  | 'WARNING';

/** Which of the viewer's unread notifications to mark read. */
export type NotificationMarkAllReadInput = {
  /** Only those created at or before this instant (e.g. when the list was shown), so newer arrivals stay unread; all if omitted. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Result of notificationMarkAllRead. */
export type NotificationMarkAllReadPayload = {
  __typename?: 'NotificationMarkAllReadPayload';
  /** How many notifications were marked read; null when it failed. */
  count?: Maybe<Scalars['Int']['output']>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** Notifications of the viewer to mark read. */
export type NotificationMarkReadInput = {
  /** 1 to 100 notification rowIds, all the viewer's own; if any is not, nothing is marked. */
  ids: Array<Scalars['Int']['input']>;
};

/** Result of notificationMarkRead. */
export type NotificationMarkReadPayload = {
  __typename?: 'NotificationMarkReadPayload';
  /** Why nothing was changed; empty on success. One NOT_FOUND per id that is not the viewer's, with field [input, ids, <position>]. */
  errors: Array<UserError>;
  /** The notifications, now read; null when it failed. */
  notifications?: Maybe<Array<Notification>>;
};

/** Orderings of notifications. */
export type NotificationOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC';

/** notifications.type */
export type NotificationType =
  /** An alert rule fired or resolved. */
  | 'ALERT'
  /** About invoices and payments. */
  | 'BILLING'
  /** About one of your environments. */
  | 'ENVIRONMENT'
  /** About the platform. */
  | 'SYSTEM';

/** Match a status/enum column. */
export type NotificationTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<NotificationType>;
  /** One of. */
  in?: InputMaybe<Array<NotificationType>>;
};

/** Filter notifications (every field is an indexed column). */
export type NotificationWhere = {
  /** Time range on created at. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** The recipient (notifications.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** Read or unread. */
  isRead?: InputMaybe<Scalars['Boolean']['input']>;
  /** Match the type (one value or a list). */
  type?: InputMaybe<NotificationTypeEnumFilter>;
};

/** hosts.os_type */
export type OsType =
  /** Linux. */
  | 'LINUX'
  /** Windows (environments also get an RDP port). */
  | 'WINDOWS';

/** Match a status/enum column. */
export type OsTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<OsType>;
  /** One of. */
  in?: InputMaybe<Array<OsType>>;
};

/** Where a page sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow `endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items precede `startCursor`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The viewer's current and new password. */
export type PasswordChangeInput = {
  /** The password in use now. */
  currentPassword: Scalars['String']['input'];
  /** The new password: at least 10 characters, not the current one. */
  newPassword: Scalars['String']['input'];
};

/** Result of passwordChange. */
export type PasswordChangePayload = {
  __typename?: 'PasswordChangePayload';
  /** The customer after the change; null when it failed. */
  customer?: Maybe<Customer>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** External ports of the platform gateway mapped to a service of an environment. */
export type PortMapping = Node & {
  __typename?: 'PortMapping';
  /** Time the port was allocated (UTC). */
  allocatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Environment the port is mapped to (logical reference to environments.id). */
  envId: Scalars['String']['output'];
  /** The environment this port is mapped to. */
  environment?: Maybe<Environment>;
  /** External gateway port, unique across the platform among active mappings. */
  externalPort: Scalars['Int']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Port of the service inside the environment. */
  internalPort: Scalars['Int']['output'];
  /** Time the port was released (UTC). */
  releasedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Mapped service: ssh, rdp, jupyter or custom. */
  serviceType: PortServiceType;
  /** Mapping status: active or released. */
  status?: Maybe<PortMappingStatus>;
};

/** Map a custom service port of an environment to a gateway port. */
export type PortMappingAddInput = {
  /** The environment (environments.id). */
  environmentId: Scalars['String']['input'];
  /** Port inside the environment, 1..65535. */
  internalPort: Scalars['Int']['input'];
};

/** Result of portMappingAdd. */
export type PortMappingAddPayload = {
  __typename?: 'PortMappingAddPayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** The new mapping; null on failure. */
  portMapping?: Maybe<PortMapping>;
};

/** A page of a list, Relay style. */
export type PortMappingConnection = {
  __typename?: 'PortMappingConnection';
  /** The items with their cursors. */
  edges: Array<PortMappingEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<PortMapping>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type PortMappingEdge = {
  __typename?: 'PortMappingEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: PortMapping;
};

/** Orderings of port mappings. */
export type PortMappingOrder =
  /** By allocation time, newest first. */
  | 'ALLOCATED_AT_DESC'
  /** By external port, ascending. */
  | 'EXTERNAL_PORT_ASC'
  /** By table key, ascending. */
  | 'ID_ASC';

/** Release a custom port mapping (ssh/jupyter/rdp go with the env). */
export type PortMappingReleaseInput = {
  /** The port mapping (port_mappings.id). */
  id: Scalars['Int']['input'];
};

/** Result of portMappingRelease. */
export type PortMappingReleasePayload = {
  __typename?: 'PortMappingReleasePayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** The mapping, now released; null on failure. */
  portMapping?: Maybe<PortMapping>;
};

/** port_mappings.status */
export type PortMappingStatus =
  /** The external port forwards to the environment. */
  | 'ACTIVE'
  /** Freed when the environment was deleted; kept for history. */
  | 'RELEASED';

/** Match a status/enum column. */
export type PortMappingStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<PortMappingStatus>;
  /** One of. */
  in?: InputMaybe<Array<PortMappingStatus>>;
};

/** Filter port mappings (every field is an indexed column). */
export type PortMappingWhere = {
  /** Environment the port is mapped to. */
  envId?: InputMaybe<KeyFilter>;
  /** External gateway port equal to. */
  externalPort?: InputMaybe<Scalars['Int']['input']>;
  /** Match the service type (one value or a list). */
  serviceType?: InputMaybe<PortServiceTypeEnumFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<PortMappingStatusEnumFilter>;
};

/** port_mappings.service_type */
export type PortServiceType =
  /** Any other service. */
  | 'CUSTOM'
  /** Jupyter notebook server. */
  | 'JUPYTER'
  /** Remote desktop (Windows hosts). */
  | 'RDP'
  /** SSH access. */
  | 'SSH';

/** Match a status/enum column. */
export type PortServiceTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<PortServiceType>;
  /** One of. */
  in?: InputMaybe<Array<PortServiceType>>;
};

/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type Query = {
  __typename?: 'Query';
  /** Fired alerts, newest first (admins: all; customers: those raised for them). */
  alertRecords: AlertRecordConnection;
  /** Alert rules (admins: all, platform-wide included; customers: their own). */
  alertRules: AlertRuleConnection;
  /** The viewer's own API tokens, newest first. */
  apiTokens: Array<ApiToken>;
  /** Artifacts (admins: all; customers: their own and their workspaces'). */
  artifacts: ArtifactConnection;
  /** Audit log entries (admins: all; customers: the entries where they acted). */
  auditLogs: AuditLogConnection;
  /** Billing records (admins: all; customers: their own). */
  billingRecords: BillingRecordConnection;
  /** Comments on the tickets the viewer may see (admins: all), oldest first. */
  comments: CommentConnection;
  /** One customer by its login name, if visible. */
  customer?: Maybe<Customer>;
  /** Customers (admins: all, soft-deleted included; customers: themselves and the people of their workspaces). */
  customers: CustomerConnection;
  /** One dataset by its global ID, if visible. */
  dataset?: Maybe<Dataset>;
  /** One dataset by its table key (`rowId`), if visible. */
  datasetByRowId?: Maybe<Dataset>;
  /** Dataset mounts (dataset_usage) of the environments the viewer may see. */
  datasetMounts: DatasetMountConnection;
  /** Versions of the datasets the viewer may see. */
  datasetVersions: DatasetVersionConnection;
  /** Datasets (admins: all; customers: their own, their workspaces' shared ones, and public ones). */
  datasets: DatasetConnection;
  /** One environment by its global ID, if visible. */
  environment?: Maybe<Environment>;
  /** One environment by its table key (`rowId`), if visible. */
  environmentByRowId?: Maybe<Environment>;
  /** Environment samples, newest first, of environments the viewer may see. Non-admins must filter on where.envId. */
  environmentMetrics: EnvironmentMetricConnection;
  /** Environments (admins: all; agents: those on their host; customers: their own). */
  environments: EnvironmentConnection;
  /** The GPU catalogue per model and region: total and free. Readable by any logged-in customer; reveals no host details. */
  gpuAvailability: Array<GpuAvailability>;
  /** GPU samples, newest first (admins: all; agents: their host's GPUs; customers: GPUs held by their environments). Non-admins must filter on where.gpuId or where.hostId. */
  gpuMetrics: GpuMetricConnection;
  /** GPUs (admins: all; agents: their host's; customers: held). */
  gpus: GpuConnection;
  /** Whether the API can reach its database right now. */
  health: Health;
  /** One host by its global ID, if visible. */
  host?: Maybe<Host>;
  /** One host by its table key (`rowId`), if visible. */
  hostByRowId?: Maybe<Host>;
  /** Host samples, newest first (admins: all; agents: their host's; customers: none). Non-admins must filter on where.hostId. */
  hostMetrics: HostMetricConnection;
  /** Hosts of the fleet (admins: all; others: what they may see). */
  hosts: HostConnection;
  /** One image by its reference (images.name), if visible. */
  image?: Maybe<Image>;
  /** Container images (admins: all; other logged-in customers: active ones). */
  images: ImageConnection;
  /** One inference service by its global ID, if visible. */
  inferenceService?: Maybe<InferenceService>;
  /** One inference service by its table key (`rowId`), if visible. */
  inferenceServiceByRowId?: Maybe<InferenceService>;
  /** Inference services (admins: all; customers: their own and their workspaces'). */
  inferenceServices: InferenceServiceConnection;
  /** One invoice by its number (INV-YYYY-MM-NNNN), if visible. */
  invoice?: Maybe<Invoice>;
  /** Invoices (admins: all; customers: their own). */
  invoices: InvoiceConnection;
  /** One issue by its number (issues.issue_no), if visible. */
  issue?: Maybe<Issue>;
  /** Issues, newest first (admins: all; customers: reported by or assigned to them). */
  issues: IssueConnection;
  /** Runs of platform jobs (host liveness, housekeeping, roll-ups, metering, ...): when each started and finished, rows it touched, its outcome and error. Platform admins only; empty for everyone else. */
  jobRuns: JobRunConnection;
  /** One model by its global ID, if visible. */
  model?: Maybe<Model>;
  /** One model by its table key (`rowId`), if visible. */
  modelByRowId?: Maybe<Model>;
  /** Versions of the models the viewer may see. */
  modelVersions: ModelVersionConnection;
  /** ML models (admins: all; customers: their own, their workspaces' shared ones, and public ones). */
  models: ModelConnection;
  /** Any object by its global ID; null if missing or not visible. */
  node?: Maybe<Node>;
  /** Objects by global IDs, in order; null where not visible. */
  nodes: Array<Maybe<Node>>;
  /** Notifications (admins: all; customers: their own inbox). */
  notifications: NotificationConnection;
  /** Port mappings of the environments the viewer may see. */
  portMappings: PortMappingConnection;
  /** One requirement by its number (requirements.requirement_no), if visible. */
  requirement?: Maybe<Requirement>;
  /** Requirements, newest first (admins: all; customers: raised by or assigned to them). */
  requirements: RequirementConnection;
  /** Resource quotas (admins: all; customers: their own). */
  resourceQuotas: ResourceQuotaConnection;
  /** One system config by its key, if visible. */
  systemConfig?: Maybe<SystemConfig>;
  /** System configs (admins: all; everyone else, anonymous included: public). */
  systemConfigs: SystemConfigConnection;
  /** Platform name and version; readable without logging in. */
  systemInfo: SystemInfo;
  /** One training job by its global ID, if visible. */
  trainingJob?: Maybe<TrainingJob>;
  /** One training job by its table key (`rowId`), if visible. */
  trainingJobByRowId?: Maybe<TrainingJob>;
  /** Training jobs (admins: all; customers: their own and their workspaces'). */
  trainingJobs: TrainingJobConnection;
  /** The logged-in customer itself; null when anonymous. */
  viewer?: Maybe<Customer>;
  /** Webhook delivery attempts, newest first (of the webhooks the viewer sees). */
  webhookLogs: WebhookLogConnection;
  /** Webhooks (admins: all; customers: their own). */
  webhooks: WebhookConnection;
  /** One workspace by its global ID, if visible. */
  workspace?: Maybe<Workspace>;
  /** One workspace by its table key (`rowId`), if visible. */
  workspaceByRowId?: Maybe<Workspace>;
  /** Workspace memberships (admins: all; customers: those of their workspaces and their own). */
  workspaceMembers: WorkspaceMemberConnection;
  /** Workspaces (admins: all; customers: those they own or actively belong to). */
  workspaces: WorkspaceConnection;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryAlertRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: AlertRecordOrder;
  where?: InputMaybe<AlertRecordWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryAlertRulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: AlertRuleOrder;
  where?: InputMaybe<AlertRuleWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ArtifactOrder;
  where?: InputMaybe<ArtifactWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryAuditLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: AuditLogOrder;
  where?: InputMaybe<AuditLogWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryBillingRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: BillingRecordOrder;
  where?: InputMaybe<BillingRecordWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: CommentOrder;
  where?: InputMaybe<CommentWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryCustomerArgs = {
  username: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: CustomerOrder;
  where?: InputMaybe<CustomerWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryDatasetByRowIdArgs = {
  rowId: Scalars['Int']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryDatasetMountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: DatasetMountOrder;
  where?: InputMaybe<DatasetMountWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryDatasetVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: DatasetVersionOrder;
  where?: InputMaybe<DatasetVersionWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: DatasetOrder;
  where?: InputMaybe<DatasetWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryEnvironmentArgs = {
  id: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryEnvironmentByRowIdArgs = {
  rowId: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryEnvironmentMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<EnvironmentMetricWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryEnvironmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: EnvironmentOrder;
  where?: InputMaybe<EnvironmentWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryGpuMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<GpuMetricWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryGpusArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: GpuOrder;
  where?: InputMaybe<GpuWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryHostArgs = {
  id: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryHostByRowIdArgs = {
  rowId: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryHostMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<HostMetricWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryHostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: HostOrder;
  where?: InputMaybe<HostWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryImageArgs = {
  name: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryImagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ImageOrder;
  where?: InputMaybe<ImageWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryInferenceServiceArgs = {
  id: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryInferenceServiceByRowIdArgs = {
  rowId: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryInferenceServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InferenceServiceOrder;
  where?: InputMaybe<InferenceServiceWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryInvoiceArgs = {
  invoiceNo: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InvoiceOrder;
  where?: InputMaybe<InvoiceWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryIssueArgs = {
  issueNo: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: IssueOrder;
  where?: InputMaybe<IssueWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryJobRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: JobRunOrder;
  where?: InputMaybe<JobRunWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryModelArgs = {
  id: Scalars['ID']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryModelByRowIdArgs = {
  rowId: Scalars['Int']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryModelVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ModelVersionOrder;
  where?: InputMaybe<ModelVersionWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ModelOrder;
  where?: InputMaybe<ModelWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: NotificationOrder;
  where?: InputMaybe<NotificationWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryPortMappingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: PortMappingOrder;
  where?: InputMaybe<PortMappingWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryRequirementArgs = {
  requirementNo: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryRequirementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: RequirementOrder;
  where?: InputMaybe<RequirementWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryResourceQuotasArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ResourceQuotaOrder;
  where?: InputMaybe<ResourceQuotaWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QuerySystemConfigArgs = {
  key: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QuerySystemConfigsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: SystemConfigOrder;
  where?: InputMaybe<SystemConfigWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryTrainingJobArgs = {
  id: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryTrainingJobByRowIdArgs = {
  rowId: Scalars['String']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryTrainingJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: TrainingJobOrder;
  where?: InputMaybe<TrainingJobWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryWebhookLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: WebhookLogOrder;
  where?: InputMaybe<WebhookLogWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryWebhooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: WebhookOrder;
  where?: InputMaybe<WebhookWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryWorkspaceArgs = {
  id: Scalars['ID']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryWorkspaceByRowIdArgs = {
  rowId: Scalars['Int']['input'];
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryWorkspaceMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: WorkspaceMemberOrder;
  where?: InputMaybe<WorkspaceMemberWhere>;
};


/** Everything readable: each table as a connection scoped to the viewer, single objects by natural key, and any object by global ID (`node`). */
export type QueryWorkspacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: WorkspaceOrder;
  where?: InputMaybe<WorkspaceWhere>;
};

/** resource_quotas.quota_level */
export type QuotaLevel =
  /** Basic plan limits. */
  | 'BASIC'
  /** Enterprise limits (negotiated). */
  | 'ENTERPRISE'
  /** Free tier limits. */
  | 'FREE'
  /** Pro plan limits. */
  | 'PRO';

/** Feature requests and requirements raised by customers. */
export type Requirement = Node & {
  __typename?: 'Requirement';
  /** The staff member assigned to this requirement, if any. */
  assignee?: Maybe<Customer>;
  /** Assigned staff member, optional (logical reference to customers.id). */
  assigneeId?: Maybe<Scalars['Int']['output']>;
  /** Comments on this requirement (conversation order by default). */
  comments: CommentConnection;
  /** Time the requirement was completed (UTC). */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Requesting customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Requirement description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Priority: low, medium, high or critical. */
  priority?: Maybe<TicketPriority>;
  /** The customer who raised this requirement. */
  reporter?: Maybe<Customer>;
  /** Unique human-readable requirement number. */
  requirementNo: Scalars['String']['output'];
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Requirement status: submitted, reviewing, approved, in_progress, completed or rejected. */
  status?: Maybe<RequirementStatus>;
  /** Requirement title. */
  title: Scalars['String']['output'];
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** Feature requests and requirements raised by customers. */
export type RequirementCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: CommentOrder;
  where?: InputMaybe<CommentWhere>;
};

/** Who works on a requirement (staff only). */
export type RequirementAssignInput = {
  /** An active staff member (admin or internal customer); null unassigns. */
  assigneeId?: InputMaybe<Scalars['Int']['input']>;
  /** The requirement (requirements.id); or give requirementNo. */
  id?: InputMaybe<Scalars['Int']['input']>;
  /** The requirement by number, e.g. REQ-2026-0007; or give id. */
  requirementNo?: InputMaybe<Scalars['String']['input']>;
};

/** Result of requirementAssign. */
export type RequirementAssignPayload = {
  __typename?: 'RequirementAssignPayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The requirement after the change; null when it failed. */
  requirement?: Maybe<Requirement>;
};

/** A page of a list, Relay style. */
export type RequirementConnection = {
  __typename?: 'RequirementConnection';
  /** The items with their cursors. */
  edges: Array<RequirementEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Requirement>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new requirement (feature request), raised by the viewer. */
export type RequirementCreateInput = {
  /** Details, at most 10000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How urgent; MEDIUM if omitted. */
  priority?: TicketPriority;
  /** 1 to 256 characters, not only spaces (surrounding spaces are dropped). */
  title: Scalars['String']['input'];
};

/** Result of requirementCreate. */
export type RequirementCreatePayload = {
  __typename?: 'RequirementCreatePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The requirement after the change; null when it failed. */
  requirement?: Maybe<Requirement>;
};

/** An item of a connection, with its cursor. */
export type RequirementEdge = {
  __typename?: 'RequirementEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Requirement;
};

/** Orderings of requirements. */
export type RequirementOrder =
  /** By creation time, oldest first. */
  | 'CREATED_AT_ASC'
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC';

/** requirements.status */
export type RequirementStatus =
  /** Accepted; work can start. */
  | 'APPROVED'
  /** Delivered (`completedAt`, terminal). */
  | 'COMPLETED'
  /** Being built. */
  | 'IN_PROGRESS'
  /** Declined (terminal). */
  | 'REJECTED'
  /** Staff review it. */
  | 'REVIEWING'
  /** Submitted; not reviewed yet. */
  | 'SUBMITTED';

/** Match a status/enum column. */
export type RequirementStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<RequirementStatus>;
  /** One of. */
  in?: InputMaybe<Array<RequirementStatus>>;
};

/** Move a requirement (staff only): SUBMITTED -> REVIEWING -> APPROVED | REJECTED, APPROVED -> IN_PROGRESS -> COMPLETED. */
export type RequirementTransitionInput = {
  /** The requirement (requirements.id); or give requirementNo. */
  id?: InputMaybe<Scalars['Int']['input']>;
  /** The requirement by number, e.g. REQ-2026-0007; or give id. */
  requirementNo?: InputMaybe<Scalars['String']['input']>;
  /** The state to move to. */
  status: RequirementStatus;
};

/** Result of requirementTransition. */
export type RequirementTransitionPayload = {
  __typename?: 'RequirementTransitionPayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The requirement after the change; null when it failed. */
  requirement?: Maybe<Requirement>;
};

/** Changes to a requirement (its reporter or staff). An absent field is left alone. */
export type RequirementUpdateInput = {
  /** Details, at most 10000 characters. Null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The requirement (requirements.id); or give requirementNo. */
  id?: InputMaybe<Scalars['Int']['input']>;
  /** How urgent. */
  priority?: InputMaybe<TicketPriority>;
  /** The requirement by number, e.g. REQ-2026-0007; or give id. */
  requirementNo?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 256 characters, not only spaces (surrounding spaces are dropped). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of requirementUpdate. */
export type RequirementUpdatePayload = {
  __typename?: 'RequirementUpdatePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The requirement after the change; null when it failed. */
  requirement?: Maybe<Requirement>;
};

/** Filter requirements. */
export type RequirementWhere = {
  /** Assigned staff member (requirements.assignee_id). */
  assigneeId?: InputMaybe<KeyFilter>;
  /** When the ticket or comment was created. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Who raised it (requirements.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** Ticket priority. */
  priority?: InputMaybe<TicketPriorityEnumFilter>;
  /** Requirement status. */
  status?: InputMaybe<RequirementStatusEnumFilter>;
};

/** Per-customer resource limits, one row per customer. */
export type ResourceQuota = Node & {
  __typename?: 'ResourceQuota';
  /** Maximum number of CPU cores. */
  cpuQuota?: Maybe<Scalars['Int']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer these limits apply to. */
  customer?: Maybe<Customer>;
  /** Maximum number of environments. */
  environmentQuota?: Maybe<Scalars['Int']['output']>;
  /** Maximum number of GPUs. */
  gpuQuota?: Maybe<Scalars['Int']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Maximum memory in MB. */
  memoryQuota?: Maybe<Scalars['Int']['output']>;
  /** Quota tier: free, basic, pro or enterprise. */
  quotaLevel?: Maybe<QuotaLevel>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Maximum storage in bytes (default 10 GiB). */
  storageQuota?: Maybe<Scalars['BigInt']['output']>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Customer the quota applies to (logical reference to customers.id). */
  userId: Scalars['Int']['output'];
};

/** A page of a list, Relay style. */
export type ResourceQuotaConnection = {
  __typename?: 'ResourceQuotaConnection';
  /** The items with their cursors. */
  edges: Array<ResourceQuotaEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<ResourceQuota>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type ResourceQuotaEdge = {
  __typename?: 'ResourceQuotaEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: ResourceQuota;
};

/** Orderings of resource quotas. */
export type ResourceQuotaOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By customer's table key, ascending. */
  | 'USER_ID_ASC';

/** New limits of a customer (platform admins only); an absent field is left alone. A limit below what the customer already uses is refused (QUOTA_EXCEEDED). */
export type ResourceQuotaUpdateInput = {
  /** CPU cores. */
  cpuQuota?: InputMaybe<Scalars['Int']['input']>;
  /** The customer (customers.id). */
  customerId: Scalars['Int']['input'];
  /** Environments (non-deleted). */
  environmentQuota?: InputMaybe<Scalars['Int']['input']>;
  /** GPUs. */
  gpuQuota?: InputMaybe<Scalars['Int']['input']>;
  /** Memory, MB. */
  memoryQuota?: InputMaybe<Scalars['Int']['input']>;
  /** The tier. */
  quotaLevel?: InputMaybe<QuotaLevel>;
  /** Storage, bytes. */
  storageQuota?: InputMaybe<Scalars['BigInt']['input']>;
};

/** Result of resourceQuotaUpdate. */
export type ResourceQuotaUpdatePayload = {
  __typename?: 'ResourceQuotaUpdatePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The limits after the change; null when it failed. */
  resourceQuota?: Maybe<ResourceQuota>;
};

/** Filter resource quotas. */
export type ResourceQuotaWhere = {
  /** The customer (resource_quotas.user_id = customers.id). */
  userId?: InputMaybe<KeyFilter>;
};

/** What a customer's live environments (creating, running) hold now. */
export type ResourceUsage = {
  __typename?: 'ResourceUsage';
  /** CPU cores held. */
  cpu: Scalars['Int']['output'];
  /** Live environments. */
  environments: Scalars['Int']['output'];
  /** GPUs held. */
  gpu: Scalars['Int']['output'];
  /** Memory held, bytes. */
  memory: Scalars['BigInt']['output'];
  /** Storage held, bytes. */
  storage: Scalars['BigInt']['output'];
};

/** datasets.status / models.status */
export type StorageStatus =
  /** The upload or processing failed. */
  | 'ERROR'
  /** Complete; can be mounted and used. */
  | 'READY'
  /** Created; files are still being uploaded. */
  | 'UPLOADING';

/** Match a status/enum column. */
export type StorageStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<StorageStatus>;
  /** One of. */
  in?: InputMaybe<Array<StorageStatus>>;
};

/** datasets.storage_type */
export type StorageType =
  /** A MinIO object store. */
  | 'MINIO'
  /** An NFS share. */
  | 'NFS'
  /** Amazon S3 or a compatible store. */
  | 'S3';

/** datasets.visibility / models.visibility */
export type StorageVisibility =
  /** Only the owner. */
  | 'PRIVATE'
  /** Everyone. */
  | 'PUBLIC'
  /** Members of its workspace. */
  | 'WORKSPACE';

/** Match a status/enum column. */
export type StorageVisibilityEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<StorageVisibility>;
  /** One of. */
  in?: InputMaybe<Array<StorageVisibility>>;
};

/** Match a text column. */
export type StringFilter = {
  /** Substring, any case. */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Equal to. */
  eq?: InputMaybe<Scalars['String']['input']>;
  /** One of. */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Prefix (indexed). */
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

/** Live updates, over a WebSocket at /graphql (graphql-transport-ws or graphql-ws; authenticate in `connection_init` with `{authorization: 'Bearer <token>'}`). Each event is sent only to subscribers allowed to read its object, as the queries decide. Close codes: 4403 refused or access revoked, 4508 subscriber too slow. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Each alert that fires and the viewer can see (admins: platform-wide ones too). */
  alertFired: AlertRecord;
  /** One environment, after each change of its state (created, started, stopped, failed, deleted). */
  environmentUpdated: Environment;
  /** Every environment the viewer can see (admins: all; customers: their own and their workspaces'), after each change of its state. */
  environmentsUpdated: Environment;
  /** Hosts going online, offline or into or out of maintenance (admins: every host; an agent token: its own host; customers: nothing). */
  hostStatusChanged: Host;
  /** Training jobs the viewer can see, after each change of their state (started, completed, failed, cancelled). */
  jobUpdated: TrainingJob;
  /** Each new notification in the viewer's inbox. */
  notificationReceived: Notification;
};


/** Live updates, over a WebSocket at /graphql (graphql-transport-ws or graphql-ws; authenticate in `connection_init` with `{authorization: 'Bearer <token>'}`). Each event is sent only to subscribers allowed to read its object, as the queries decide. Close codes: 4403 refused or access revoked, 4508 subscriber too slow. */
export type SubscriptionEnvironmentUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** Key/value platform settings (port ranges, limits, pricing, branding); public rows may be shown to anonymous users. */
export type SystemConfig = Node & {
  __typename?: 'SystemConfig';
  /** Unique setting name, e.g. ssh_port_range_start. */
  configKey: Scalars['String']['output'];
  /** How config_value is parsed: string, integer, boolean or json. */
  configType: ConfigType;
  /** Setting value as text, to be parsed according to config_type. */
  configValue: Scalars['String']['output'];
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Human-readable explanation of the setting. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Whether the setting is visible to the frontend without admin rights. */
  isPublic?: Maybe<Scalars['Boolean']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of a list, Relay style. */
export type SystemConfigConnection = {
  __typename?: 'SystemConfigConnection';
  /** The items with their cursors. */
  edges: Array<SystemConfigEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<SystemConfig>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type SystemConfigEdge = {
  __typename?: 'SystemConfigEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: SystemConfig;
};

/** Orderings of system configs. */
export type SystemConfigOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By key, ascending. */
  | 'KEY_ASC';

/** Create or change one platform setting (system_configs row). */
export type SystemConfigSetInput = {
  /** Type of the value: required for a new key; for an existing key it may be omitted and otherwise must equal the stored type. */
  configType?: InputMaybe<ConfigType>;
  /** What the setting does; omitted = unchanged. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Readable without admin rights; omitted = unchanged (false for a new key). */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** config_key (1 to 128 characters: lowercase letters, digits, _ . -). */
  key: Scalars['String']['input'];
  /** New value as text, checked against the type: INTEGER a whole number, BOOLEAN true/false, JSON a JSON document, STRING anything (at most 10000 characters). Port ranges must stay 1..65535 with start < end and must not overlap each other. */
  value: Scalars['String']['input'];
};

/** Result of `systemConfigSet`. */
export type SystemConfigSetPayload = {
  __typename?: 'SystemConfigSetPayload';
  /** Why the setting was not changed; empty on success. */
  errors: Array<UserError>;
  /** The setting after the change. */
  systemConfig?: Maybe<SystemConfig>;
};

/** Filter system configs. */
export type SystemConfigWhere = {
  /** Public rows only. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** config_key (eq, in, startsWith). */
  key?: InputMaybe<StringFilter>;
};

/** Public identity of the platform, from public system_configs. */
export type SystemInfo = {
  __typename?: 'SystemInfo';
  /** Version of this API server build. */
  apiVersion: Scalars['String']['output'];
  /** Platform name (system_configs.system_name). */
  name: Scalars['String']['output'];
  /** Platform version (system_configs.system_version). */
  version: Scalars['String']['output'];
};

/** issues.priority / requirements.priority */
export type TicketPriority =
  /** Now: work is blocked. */
  | 'CRITICAL'
  /** Soon. */
  | 'HIGH'
  /** When there is time. */
  | 'LOW'
  /** Normal. */
  | 'MEDIUM';

/** Match a status/enum column. */
export type TicketPriorityEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<TicketPriority>;
  /** One of. */
  in?: InputMaybe<Array<TicketPriority>>;
};

/** A refresh token to exchange for a new token pair. */
export type TokenRefreshInput = {
  /** The refresh token of the last login or refresh; it works once. */
  refreshToken: Scalars['String']['input'];
};

/** Result of `tokenRefresh`: the next token pair, or why not. */
export type TokenRefreshPayload = {
  __typename?: 'TokenRefreshPayload';
  /** New bearer token; short-lived. */
  accessToken?: Maybe<Scalars['String']['output']>;
  /** Why the refresh failed; empty on success. */
  errors: Array<UserError>;
  /** When the access token expires (UTC). */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the refresh token expires (UTC). */
  refreshExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** New single-use refresh token; the one sent is now spent. */
  refreshToken?: Maybe<Scalars['String']['output']>;
};

/** Model training jobs, identified by a text key. */
export type TrainingJob = Node & {
  __typename?: 'TrainingJob';
  /** Time the job finished (UTC). */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Requested number of CPU cores. */
  cpu?: Maybe<Scalars['Int']['output']>;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** The dataset this job trains on, if any. */
  dataset?: Maybe<Dataset>;
  /** Input dataset, optional (logical reference to datasets.id). */
  datasetId?: Maybe<Scalars['Int']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Environment the job runs in, optional (logical reference to environments.id). */
  envId?: Maybe<Scalars['String']['output']>;
  /** The environment this job runs in, if any. */
  environment?: Maybe<Environment>;
  /** Training framework, e.g. pytorch or tensorflow. */
  framework?: Maybe<Scalars['String']['output']>;
  /** Requested number of GPUs. */
  gpu?: Maybe<Scalars['Int']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Requested memory in bytes. */
  memory?: Maybe<Scalars['BigInt']['output']>;
  /** The model this job trains, if any. */
  model?: Maybe<Model>;
  /** Model being trained, optional (logical reference to models.id). */
  modelId?: Maybe<Scalars['Int']['output']>;
  /** Job name. */
  name: Scalars['String']['output'];
  /** The customer who owns this job (training_jobs.customer_id). */
  owner?: Maybe<Customer>;
  /** Scheduling priority; a higher number runs first. */
  priority?: Maybe<Scalars['Int']['output']>;
  /** Primary key: text job identifier. */
  rowId: Scalars['String']['output'];
  /** Path of the training script. */
  scriptPath?: Maybe<Scalars['String']['output']>;
  /** Time the job started running (UTC). */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Job status: pending, running, completed, failed or cancelled. */
  status?: Maybe<TrainingJobStatus>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The workspace this job belongs to, if any. */
  workspace?: Maybe<Workspace>;
  /** Workspace the job belongs to, optional (logical reference to workspaces.id). */
  workspaceId?: Maybe<Scalars['Int']['output']>;
};

/** The training job to cancel (trainingJobCancel). */
export type TrainingJobCancelInput = {
  /** The job (training_jobs.id, its rowId). */
  id: Scalars['String']['input'];
};

/** Result of trainingJobCancel. */
export type TrainingJobCancelPayload = {
  __typename?: 'TrainingJobCancelPayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The training job after the change; null if the mutation failed. */
  trainingJob?: Maybe<TrainingJob>;
};

/** A page of a list, Relay style. */
export type TrainingJobConnection = {
  __typename?: 'TrainingJobConnection';
  /** The items with their cursors. */
  edges: Array<TrainingJobEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<TrainingJob>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new training job, owned by the viewer, pending (trainingJobCreate). */
export type TrainingJobCreateInput = {
  /** CPU cores (>= 1). */
  cpu?: InputMaybe<Scalars['Int']['input']>;
  /** The dataset to train on: one the viewer may read. */
  datasetId?: InputMaybe<Scalars['Int']['input']>;
  /** What the job does. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The environment to run in: the viewer's own or one of the workspace's. */
  envId?: InputMaybe<Scalars['String']['input']>;
  /** pytorch, tensorflow, ... (at most 64). */
  framework?: InputMaybe<Scalars['String']['input']>;
  /** Number of GPUs (>= 0). */
  gpu?: Scalars['Int']['input'];
  /** Memory in bytes (>= 1). */
  memory?: InputMaybe<Scalars['BigInt']['input']>;
  /** The model to train: one the viewer may read. */
  modelId?: InputMaybe<Scalars['Int']['input']>;
  /** Name of the job (at most 256 characters). */
  name: Scalars['String']['input'];
  /** Higher numbers run first. */
  priority?: Scalars['Int']['input'];
  /** The entry script (at most 512 characters). */
  scriptPath?: InputMaybe<Scalars['String']['input']>;
  /** The workspace to create it in (an active owner, admin or member of it). */
  workspaceId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of trainingJobCreate. */
export type TrainingJobCreatePayload = {
  __typename?: 'TrainingJobCreatePayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The training job after the change; null if the mutation failed. */
  trainingJob?: Maybe<TrainingJob>;
};

/** An item of a connection, with its cursor. */
export type TrainingJobEdge = {
  __typename?: 'TrainingJobEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: TrainingJob;
};

/** Orderings of training jobs. */
export type TrainingJobOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By priority, descending. */
  | 'PRIORITY_DESC';

/** Where a training job's run can move it (trainingJobTransition). */
export type TrainingJobRunStatus =
  /** The job finished successfully. */
  | 'COMPLETED'
  /** The job finished with an error. */
  | 'FAILED'
  /** The job started. */
  | 'RUNNING';

/** training_jobs.status */
export type TrainingJobStatus =
  /** Cancelled before finishing (terminal). */
  | 'CANCELLED'
  /** Finished successfully (terminal). */
  | 'COMPLETED'
  /** Finished with an error (terminal). */
  | 'FAILED'
  /** Queued; higher priority runs first. */
  | 'PENDING'
  /** Running. */
  | 'RUNNING';

/** Match a status/enum column. */
export type TrainingJobStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<TrainingJobStatus>;
  /** One of. */
  in?: InputMaybe<Array<TrainingJobStatus>>;
};

/** A step of a training job's run (trainingJobTransition). */
export type TrainingJobTransitionInput = {
  /** The job (training_jobs.id, its rowId). */
  id: Scalars['String']['input'];
  /** RUNNING from pending; COMPLETED or FAILED from running. */
  status: TrainingJobRunStatus;
};

/** Result of trainingJobTransition. */
export type TrainingJobTransitionPayload = {
  __typename?: 'TrainingJobTransitionPayload';
  /** Why the mutation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The training job after the change; null if the mutation failed. */
  trainingJob?: Maybe<TrainingJob>;
};

/** Filter training jobs (every field is an indexed column). */
export type TrainingJobWhere = {
  /** Time range on created at. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Match the name text (exact, list, prefix or substring). */
  name?: InputMaybe<StringFilter>;
  /** The owning customer (training_jobs.customer_id). */
  ownerId?: InputMaybe<KeyFilter>;
  /** Match the status (one value or a list). */
  status?: InputMaybe<TrainingJobStatusEnumFilter>;
  /** Match the workspace id (one key or a list). */
  workspaceId?: InputMaybe<KeyFilter>;
};

/** An expected failure of a mutation: typed data, not an exception. */
export type UserError = {
  __typename?: 'UserError';
  /** Machine-readable reason. */
  code: ErrorCode;
  /** Path of the input field at fault, e.g. [input, gpuCount]; null if none. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** customers.user_type */
export type UserType =
  /** Platform administrator: sees and manages everything. */
  | 'ADMIN'
  /** A customer. */
  | 'EXTERNAL'
  /** Staff: can be assigned tickets and move them on. */
  | 'INTERNAL';

/** Match a status/enum column. */
export type UserTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<UserType>;
  /** One of. */
  in?: InputMaybe<Array<UserType>>;
};

/** Customer-registered HTTP endpoints subscribed to event types. */
export type Webhook = Node & {
  __typename?: 'Webhook';
  /** Deliveries in a row whose every attempt failed; a successful attempt resets it to 0. */
  consecutiveFailures: Scalars['Int']['output'];
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Owning customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Whether events are delivered to the webhook. */
  enabled?: Maybe<Scalars['Boolean']['output']>;
  /** Subscribed event types. */
  events: Array<Scalars['String']['output']>;
  /** When a delivery last used up its retries while the webhook was healthy; NULL once an attempt succeeds. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  /** Whether deliveries are signed; the secret itself is never readable. */
  hasSecret: Scalars['Boolean']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Delivery attempts to this webhook, newest first. */
  logs: WebhookLogConnection;
  /** Webhook name. */
  name: Scalars['String']['output'];
  /** The customer owning this webhook. */
  owner?: Maybe<Customer>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Endpoint URL events are delivered to. */
  url: Scalars['String']['output'];
};


/** Customer-registered HTTP endpoints subscribed to event types. */
export type WebhookLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: WebhookLogOrder;
  where?: InputMaybe<WebhookLogWhere>;
};

/** A page of a list, Relay style. */
export type WebhookConnection = {
  __typename?: 'WebhookConnection';
  /** The items with their cursors. */
  edges: Array<WebhookEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Webhook>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new webhook of the viewer. */
export type WebhookCreateInput = {
  /** Whether events are delivered. */
  enabled?: Scalars['Boolean']['input'];
  /** Event types to deliver (at least one). */
  events: Array<WebhookEvent>;
  /** Name of the webhook (1 to 256 characters). */
  name: Scalars['String']['input'];
  /** Signing secret (24 to 256 characters, no spaces); omitted = generated (whsec_...). Returned once in the payload, never readable afterwards. */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** https URL (at most 512 characters, no user:password@) whose host resolves only to public addresses. */
  url: Scalars['String']['input'];
};

/** Result of `webhookCreate`. */
export type WebhookCreatePayload = {
  __typename?: 'WebhookCreatePayload';
  /** Why the webhook creation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The signing secret (Standard Webhooks), shown only here, once: store it now; it is never readable again. */
  secret?: Maybe<Scalars['String']['output']>;
  /** The new webhook. */
  webhook?: Maybe<Webhook>;
};

/** The webhook to delete (with its delivery log). */
export type WebhookDeleteInput = {
  /** rowId of the webhook. */
  rowId: Scalars['Int']['input'];
};

/** Result of `webhookDelete`. */
export type WebhookDeletePayload = {
  __typename?: 'WebhookDeletePayload';
  /** Why the deletion did not happen; empty on success. */
  errors: Array<UserError>;
  /** The webhook as it was before it was deleted. */
  webhook?: Maybe<Webhook>;
};

/** webhook_logs.status: how one delivery attempt ended */
export type WebhookDeliveryStatus =
  /** No 2xx answer: another status, a network error, a timeout or a refused address. */
  | 'FAILED'
  /** The endpoint answered 2xx. */
  | 'SUCCEEDED';

/** An item of a connection, with its cursor. */
export type WebhookEdge = {
  __typename?: 'WebhookEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Webhook;
};

/** The event catalogue: event types a webhook can subscribe to (stored as e.g. alert.fired). The same events drive GraphQL subscriptions. */
export type WebhookEvent =
  /** alert.fired: an alert rule fired. Payload: alertRecordId, ruleId, metricType, resourceType, resourceId, severity, message. */
  | 'ALERT_FIRED'
  /** alert.resolved: a firing alert cleared. Payload: alertRecordId, ruleId, metricType, resourceType, resourceId, severity, message, resolvedAt, resolvedBy. */
  | 'ALERT_RESOLVED'
  /** environment.created: an environment was created. Payload: id, name, status, hostId. */
  | 'ENVIRONMENT_CREATED'
  /** environment.deleted: an environment was deleted. Payload: id, name, status, hostId. */
  | 'ENVIRONMENT_DELETED'
  /** environment.failed: an environment went to ERROR. Payload: id, name, status, hostId. */
  | 'ENVIRONMENT_FAILED'
  /** environment.started: an environment started running. Payload: id, name, status, hostId. */
  | 'ENVIRONMENT_STARTED'
  /** environment.stopped: an environment was stopped. Payload: id, name, status, hostId. */
  | 'ENVIRONMENT_STOPPED'
  /** inference.created: an inference service was created. Payload: id, name, status, replicas. */
  | 'INFERENCE_CREATED'
  /** inference.deleted: an inference service was deleted. Payload: id, name, status, replicas. */
  | 'INFERENCE_DELETED'
  /** inference.failed: an inference service failed to deploy. Payload: id, name, status, replicas. */
  | 'INFERENCE_FAILED'
  /** inference.started: an inference service started running. Payload: id, name, status, replicas. */
  | 'INFERENCE_STARTED'
  /** inference.stopped: an inference service was stopped. Payload: id, name, status, replicas. */
  | 'INFERENCE_STOPPED'
  /** invoice.created: an invoice was issued. Payload: id, invoiceNo, status, totalAmount, currency, billingPeriodStart, billingPeriodEnd. */
  | 'INVOICE_CREATED'
  /** invoice.overdue: an invoice's payment term ended unpaid. Payload: id, invoiceNo, status, totalAmount, currency, billingPeriodStart, billingPeriodEnd. */
  | 'INVOICE_OVERDUE'
  /** invoice.paid: an invoice was paid. Payload: id, invoiceNo, status, totalAmount, currency, billingPeriodStart, billingPeriodEnd. */
  | 'INVOICE_PAID'
  /** quota.exceeded: a request was refused for exceeding a quota. Payload: customerId (who sent the request), action, message; written after the refusal. */
  | 'QUOTA_EXCEEDED'
  /** ticket.updated: an issue or requirement was edited, assigned or moved. Payload: kind (issue or requirement), id, number, status, change (edited, assigned, moved). */
  | 'TICKET_UPDATED'
  /** training.cancelled: a training job was cancelled. Payload: id, name, status, envId. */
  | 'TRAINING_CANCELLED'
  /** training.completed: a training job finished successfully. Payload: id, name, status, envId. */
  | 'TRAINING_COMPLETED'
  /** training.failed: a training job failed. Payload: id, name, status, envId. */
  | 'TRAINING_FAILED'
  /** training.started: a training job started. Payload: id, name, status, envId. */
  | 'TRAINING_STARTED';

/** One row per delivery attempt of an event to a webhook. */
export type WebhookLog = Node & {
  __typename?: 'WebhookLog';
  /** Attempt number of this delivery, from 1. */
  attempt: Scalars['Int']['output'];
  /** Time of the delivery attempt (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Milliseconds from connecting to the end of the response (NULL when no connection was made). */
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** Kind of failure: HttpStatus, ConnectTimeout, ReadTimeout, ConnectError, AddressRefused, ... */
  errorClass?: Maybe<Scalars['String']['output']>;
  /** Error message when the delivery failed. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** Event delivered (event_outbox.event_id, or a ping's own id); the webhook-id header is derived from it. */
  eventId?: Maybe<Scalars['UUID']['output']>;
  /** Type of the delivered event. */
  eventType: Scalars['String']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** When the next retry of this delivery is due; NULL when none follows. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** JSON payload that was sent. */
  payload?: Maybe<Scalars['JSON']['output']>;
  /** Body of the response. */
  responseBody?: Maybe<Scalars['String']['output']>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** succeeded (a 2xx answer) or failed (anything else, including a refused address). */
  status?: Maybe<WebhookDeliveryStatus>;
  /** HTTP status code of the response, NULL if no response was received. */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** The webhook this delivery was for. */
  webhook?: Maybe<Webhook>;
  /** Target webhook (logical reference to webhooks.id). */
  webhookId: Scalars['Int']['output'];
};

/** A page of a list, Relay style. */
export type WebhookLogConnection = {
  __typename?: 'WebhookLogConnection';
  /** The items with their cursors. */
  edges: Array<WebhookLogEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<WebhookLog>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type WebhookLogEdge = {
  __typename?: 'WebhookLogEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: WebhookLog;
};

/** Orderings of webhook delivery attempts. */
export type WebhookLogOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC';

/** Filter webhook delivery attempts. */
export type WebhookLogWhere = {
  /** When the delivery was attempted. */
  createdAt?: InputMaybe<DateTimeFilter>;
  /** Event type delivered, e.g. environment.created. */
  eventType?: InputMaybe<StringFilter>;
  /** The webhook delivered to (webhook_logs.webhook_id). */
  webhookId?: InputMaybe<KeyFilter>;
};

/** Orderings of webhooks. */
export type WebhookOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** The webhook to send a test event to. */
export type WebhookPingInput = {
  /** rowId of the webhook. */
  rowId: Scalars['Int']['input'];
};

/** Result of `webhookPing`. */
export type WebhookPingPayload = {
  __typename?: 'WebhookPingPayload';
  /** Why the ping did not happen; empty on success. */
  errors: Array<UserError>;
  /** Id of the event queued for delivery (the log rows of the attempt carry it as eventId); the attempt is made by a job worker moments later. */
  eventId?: Maybe<Scalars['UUID']['output']>;
  /** The webhook the test event is sent to. */
  webhook?: Maybe<Webhook>;
};

/** A logged delivery whose event is sent again. */
export type WebhookRedeliverInput = {
  /** rowId of a WebhookLog: its event is sent again, once, with the same body and webhook-id, to the same webhook (whether or not it is enabled). */
  logId: Scalars['Int']['input'];
};

/** Result of `webhookRedeliver`. */
export type WebhookRedeliverPayload = {
  __typename?: 'WebhookRedeliverPayload';
  /** Why the redelivery did not happen; empty on success. */
  errors: Array<UserError>;
  /** Id of the event queued for delivery (the log rows of the attempt carry it as eventId); the attempt is made by a job worker moments later. */
  eventId?: Maybe<Scalars['UUID']['output']>;
  /** The webhook the event is sent to. */
  webhook?: Maybe<Webhook>;
};

/** The webhook whose signing secret is replaced. */
export type WebhookRotateSecretInput = {
  /** rowId of the webhook. */
  rowId: Scalars['Int']['input'];
  /** Signing secret (24 to 256 characters, no spaces); omitted = generated (whsec_...). Returned once in the payload, never readable afterwards. */
  secret?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `webhookRotateSecret`. */
export type WebhookRotateSecretPayload = {
  __typename?: 'WebhookRotateSecretPayload';
  /** Why the rotation did not happen; empty on success. */
  errors: Array<UserError>;
  /** The new signing secret (Standard Webhooks), shown only here, once: store it now; it is never readable again. */
  secret?: Maybe<Scalars['String']['output']>;
  /** The webhook. */
  webhook?: Maybe<Webhook>;
};

/** Changes to a webhook; omitted fields stay as they are. */
export type WebhookUpdateInput = {
  /** Enable or pause deliveries. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** New set of event types (at least one). */
  events?: InputMaybe<Array<WebhookEvent>>;
  /** New name (1 to 256). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** rowId of the webhook. */
  rowId: Scalars['Int']['input'];
  /** New URL, checked again. https URL (at most 512 characters, no user:password@) whose host resolves only to public addresses. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `webhookUpdate`. */
export type WebhookUpdatePayload = {
  __typename?: 'WebhookUpdatePayload';
  /** Why the change did not happen; empty on success. */
  errors: Array<UserError>;
  /** The webhook after the change. */
  webhook?: Maybe<Webhook>;
};

/** Filter webhooks (every field is an indexed column). */
export type WebhookWhere = {
  /** Owning customer (webhooks.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** Enabled or disabled. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace. */
export type Workspace = Node & {
  __typename?: 'Workspace';
  /** Artifacts of this workspace, visible to the viewer. */
  artifacts: ArtifactConnection;
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Datasets of this workspace, visible to the viewer. */
  datasets: DatasetConnection;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Inference services of this workspace, visible to the viewer. */
  inferenceServices: InferenceServiceConnection;
  /** Denormalised count of active members, kept right by the application. */
  memberCount?: Maybe<Scalars['Int']['output']>;
  /** Memberships of this workspace (any status). */
  members: WorkspaceMemberConnection;
  /** ML models of this workspace, visible to the viewer. */
  models: ModelConnection;
  /** Workspace name. */
  name: Scalars['String']['output'];
  /** The customer owning this workspace. */
  owner?: Maybe<Customer>;
  /** Owning customer (logical reference to customers.id). */
  ownerId: Scalars['Int']['output'];
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Workspace status: active or archived. */
  status?: Maybe<WorkspaceStatus>;
  /** Training jobs of this workspace, visible to the viewer. */
  trainingJobs: TrainingJobConnection;
  /** Workspace type: personal, team or enterprise. */
  type?: Maybe<WorkspaceType>;
  /** Time of the last update (UTC), maintained by a trigger. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable public identifier of the workspace. */
  uuid: Scalars['UUID']['output'];
};


/** Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace. */
export type WorkspaceArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArtifactOrder>;
  where?: InputMaybe<ArtifactWhere>;
};


/** Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace. */
export type WorkspaceDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DatasetOrder>;
  where?: InputMaybe<DatasetWhere>;
};


/** Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace. */
export type WorkspaceInferenceServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<InferenceServiceOrder>;
  where?: InputMaybe<InferenceServiceWhere>;
};


/** Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace. */
export type WorkspaceMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: WorkspaceMemberOrder;
  where?: InputMaybe<WorkspaceMemberWhere>;
};


/** Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace. */
export type WorkspaceModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ModelOrder>;
  where?: InputMaybe<ModelWhere>;
};


/** Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace. */
export type WorkspaceTrainingJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TrainingJobOrder>;
  where?: InputMaybe<TrainingJobWhere>;
};

/** The workspace to archive (its owner only). */
export type WorkspaceArchiveInput = {
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceArchive. */
export type WorkspaceArchivePayload = {
  __typename?: 'WorkspaceArchivePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The workspace after the change; null when it failed. */
  workspace?: Maybe<Workspace>;
};

/** A page of a list, Relay style. */
export type WorkspaceConnection = {
  __typename?: 'WorkspaceConnection';
  /** The items with their cursors. */
  edges: Array<WorkspaceEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Workspace>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** A new team or enterprise workspace, owned by the viewer. */
export type WorkspaceCreateInput = {
  /** Free text (at most 4000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 128 characters. */
  name: Scalars['String']['input'];
  /** TEAM or ENTERPRISE (a personal workspace comes with each customer). */
  type?: WorkspaceType;
};

/** Result of workspaceCreate. */
export type WorkspaceCreatePayload = {
  __typename?: 'WorkspaceCreatePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The workspace after the change; null when it failed. */
  workspace?: Maybe<Workspace>;
};

/** The team or enterprise workspace to delete (its owner only). */
export type WorkspaceDeleteInput = {
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceDelete. */
export type WorkspaceDeletePayload = {
  __typename?: 'WorkspaceDeletePayload';
  /** Key of the deleted workspace; null when it failed. */
  deletedWorkspaceId?: Maybe<Scalars['Int']['output']>;
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
};

/** An item of a connection, with its cursor. */
export type WorkspaceEdge = {
  __typename?: 'WorkspaceEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Workspace;
};

/** The workspace the viewer leaves. */
export type WorkspaceLeaveInput = {
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceLeave. */
export type WorkspaceLeavePayload = {
  __typename?: 'WorkspaceLeavePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** Key of the workspace left; null when it failed. */
  leftWorkspaceId?: Maybe<Scalars['Int']['output']>;
};

/** Membership of customers in workspaces, with a role. */
export type WorkspaceMember = Node & {
  __typename?: 'WorkspaceMember';
  /** Row creation time (UTC). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The member. */
  customer?: Maybe<Customer>;
  /** Member customer (logical reference to customers.id). */
  customerId: Scalars['Int']['output'];
  /** Global ID: opaque, stable, accepted by `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Time the customer joined the workspace (UTC). */
  joinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Role in the workspace: owner, admin, member or viewer. */
  role?: Maybe<WorkspaceRole>;
  /** Primary key. */
  rowId: Scalars['Int']['output'];
  /** Membership status: active, invited or suspended. */
  status?: Maybe<WorkspaceMemberStatus>;
  /** The workspace of this membership. */
  workspace?: Maybe<Workspace>;
  /** Workspace (logical reference to workspaces.id). */
  workspaceId: Scalars['Int']['output'];
};

/** A customer to add to a team or enterprise workspace, named by exactly one of customerId and username. */
export type WorkspaceMemberAddInput = {
  /** The customer to add (customers.id). */
  customerId?: InputMaybe<Scalars['Int']['input']>;
  /** ADMIN (owner only), MEMBER or VIEWER; never OWNER. */
  role?: WorkspaceRole;
  /** The customer to add, by username (case-insensitive). */
  username?: InputMaybe<Scalars['String']['input']>;
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceMemberAdd. */
export type WorkspaceMemberAddPayload = {
  __typename?: 'WorkspaceMemberAddPayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The membership after the change; null when it failed. */
  member?: Maybe<WorkspaceMember>;
  /** The workspace after the change; null when it failed. */
  workspace?: Maybe<Workspace>;
};

/** A page of a list, Relay style. */
export type WorkspaceMemberConnection = {
  __typename?: 'WorkspaceMemberConnection';
  /** The items with their cursors. */
  edges: Array<WorkspaceMemberEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<WorkspaceMember>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Items in the whole list; computed only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** An item of a connection, with its cursor. */
export type WorkspaceMemberEdge = {
  __typename?: 'WorkspaceMemberEdge';
  /** Opaque position; pass to `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: WorkspaceMember;
};

/** Orderings of workspace memberships. */
export type WorkspaceMemberOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By joining time, newest first. */
  | 'JOINED_AT_DESC';

/** The member to remove from a workspace. */
export type WorkspaceMemberRemoveInput = {
  /** The member's customer key (customers.id). */
  customerId: Scalars['Int']['input'];
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceMemberRemove. */
export type WorkspaceMemberRemovePayload = {
  __typename?: 'WorkspaceMemberRemovePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** Customer key of the removed member; null when it failed. */
  removedCustomerId?: Maybe<Scalars['Int']['output']>;
  /** The workspace after the change; null when it failed. */
  workspace?: Maybe<Workspace>;
};

/** A member's new role. */
export type WorkspaceMemberRoleChangeInput = {
  /** The member's customer key (customers.id). */
  customerId: Scalars['Int']['input'];
  /** ADMIN, MEMBER or VIEWER (admins: MEMBER or VIEWER); OWNER only through workspaceOwnershipTransfer. */
  role: WorkspaceRole;
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceMemberRoleChange. */
export type WorkspaceMemberRoleChangePayload = {
  __typename?: 'WorkspaceMemberRoleChangePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The membership after the change; null when it failed. */
  member?: Maybe<WorkspaceMember>;
  /** The workspace after the change; null when it failed. */
  workspace?: Maybe<Workspace>;
};

/** workspace_members.status */
export type WorkspaceMemberStatus =
  /** A member. */
  | 'ACTIVE'
  /** Invited; not yet joined. */
  | 'INVITED'
  /** Membership suspended. */
  | 'SUSPENDED';

/** Filter workspace memberships (every field is an indexed column). */
export type WorkspaceMemberWhere = {
  /** The member's customer key (workspace_members.customer_id). */
  customerId?: InputMaybe<KeyFilter>;
  /** The member's role. */
  role?: InputMaybe<WorkspaceRoleEnumFilter>;
  /** The workspace key (workspace_members.workspace_id). */
  workspaceId?: InputMaybe<KeyFilter>;
};

/** Orderings of workspaces. */
export type WorkspaceOrder =
  /** By creation time, newest first. */
  | 'CREATED_AT_DESC'
  /** By table key, ascending. */
  | 'ID_ASC'
  /** By name, ascending. */
  | 'NAME_ASC';

/** The active member to become the workspace's owner. */
export type WorkspaceOwnershipTransferInput = {
  /** The new owner's customer key (customers.id); an active member. */
  newOwnerId: Scalars['Int']['input'];
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceOwnershipTransfer. */
export type WorkspaceOwnershipTransferPayload = {
  __typename?: 'WorkspaceOwnershipTransferPayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The workspace after the change; null when it failed. */
  workspace?: Maybe<Workspace>;
};

/** workspace_members.role */
export type WorkspaceRole =
  /** Manages members (not owners or admins) and resources. */
  | 'ADMIN'
  /** Uses and creates resources. */
  | 'MEMBER'
  /** The one owner: everything, including ownership transfer. */
  | 'OWNER'
  /** Reads only. */
  | 'VIEWER';

/** Match a status/enum column. */
export type WorkspaceRoleEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<WorkspaceRole>;
  /** One of. */
  in?: InputMaybe<Array<WorkspaceRole>>;
};

/** workspaces.status */
export type WorkspaceStatus =
  /** In use. */
  | 'ACTIVE'
  /** Read-only; holds no live environments. */
  | 'ARCHIVED';

/** Match a status/enum column. */
export type WorkspaceStatusEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<WorkspaceStatus>;
  /** One of. */
  in?: InputMaybe<Array<WorkspaceStatus>>;
};

/** workspaces.type */
export type WorkspaceType =
  /** Shared across a company. */
  | 'ENTERPRISE'
  /** One person's workspace. */
  | 'PERSONAL'
  /** Shared by a team. */
  | 'TEAM';

/** Match a status/enum column. */
export type WorkspaceTypeEnumFilter = {
  /** Equal to. */
  eq?: InputMaybe<WorkspaceType>;
  /** One of. */
  in?: InputMaybe<Array<WorkspaceType>>;
};

/** New settings of a workspace (owner or admin members); an absent field is left alone, a null description clears it. */
export type WorkspaceUpdateInput = {
  /** Free text (at most 4000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 128 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The workspace (workspaces.id). */
  workspaceId: Scalars['Int']['input'];
};

/** Result of workspaceUpdate. */
export type WorkspaceUpdatePayload = {
  __typename?: 'WorkspaceUpdatePayload';
  /** Why nothing was changed; empty on success. */
  errors: Array<UserError>;
  /** The workspace after the change; null when it failed. */
  workspace?: Maybe<Workspace>;
};

/** Filter workspaces (every field is an indexed column). */
export type WorkspaceWhere = {
  /** The owner's customer key (workspaces.owner_id). */
  ownerId?: InputMaybe<KeyFilter>;
  /** Active or archived. */
  status?: InputMaybe<WorkspaceStatusEnumFilter>;
  /** Personal, team or enterprise. */
  type?: InputMaybe<WorkspaceTypeEnumFilter>;
};

export type EnvironmentsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EnvironmentsQuery = { __typename?: 'Query', environments: { __typename?: 'EnvironmentConnection', nodes: Array<{ __typename?: 'Environment', id: string, rowId: string, name: string, status?: EnvironmentStatus | null, memory: string, createdAt?: string | null, host?: { __typename?: 'Host', name: string } | null, portMappings: { __typename?: 'PortMappingConnection', nodes: Array<{ __typename?: 'PortMapping', serviceType: PortServiceType, externalPort: number }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type EnvironmentCreateMutationVariables = Exact<{
  input: EnvironmentCreateInput;
}>;


export type EnvironmentCreateMutation = { __typename?: 'Mutation', environmentCreate: { __typename?: 'EnvironmentCreatePayload', environment?: { __typename?: 'Environment', id: string, rowId: string, name: string, status?: EnvironmentStatus | null } | null, errors: Array<{ __typename?: 'UserError', field?: Array<string> | null, code: ErrorCode, message: string }> } };

export type LoginMutationVariables = Exact<{
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'LoginPayload', accessToken?: string | null, refreshToken?: string | null, expiresAt?: string | null, errors: Array<{ __typename?: 'UserError', field?: Array<string> | null, code: ErrorCode, message: string }> } };

export type SystemInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type SystemInfoQuery = { __typename?: 'Query', systemInfo: { __typename?: 'SystemInfo', name: string, version: string, apiVersion: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Customer', id: string, rowId: number, username: string } | null };

export type DatasetsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DatasetsQuery = { __typename?: 'Query', datasets: { __typename?: 'DatasetConnection', totalCount: number, nodes: Array<{ __typename?: 'Dataset', id: string, rowId: number, name: string, totalSize?: string | null, storageType?: StorageType | null }> } };

export type DatasetVersionCreateMutationVariables = Exact<{
  input: DatasetVersionCreateInput;
}>;


export type DatasetVersionCreateMutation = { __typename?: 'Mutation', datasetVersionCreate: { __typename?: 'DatasetVersionCreatePayload', datasetVersion?: { __typename?: 'DatasetVersion', id: string, version: string, size?: string | null, createdAt?: string | null } | null, errors: Array<{ __typename?: 'UserError', field?: Array<string> | null, code: ErrorCode, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const EnvironmentsDocument = new TypedDocumentString(`
    query Environments($first: Int, $after: String) {
  environments(first: $first, after: $after) {
    nodes {
      id
      rowId
      name
      status
      memory
      createdAt
      host {
        name
      }
      portMappings(first: 10) {
        nodes {
          serviceType
          externalPort
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"bb2172249a72c05ce8ffcd0638a8ef5f07df3dc822e36430d10add0516af7535"}) as unknown as TypedDocumentString<EnvironmentsQuery, EnvironmentsQueryVariables>;
export const EnvironmentCreateDocument = new TypedDocumentString(`
    mutation EnvironmentCreate($input: EnvironmentCreateInput!) {
  environmentCreate(input: $input) {
    environment {
      id
      rowId
      name
      status
    }
    errors {
      field
      code
      message
    }
  }
}
    `, {"hash":"815c4bdb7124e8db549d7f6545df3dd87a8649ec8374910a46233aa46cdaa15a"}) as unknown as TypedDocumentString<EnvironmentCreateMutation, EnvironmentCreateMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($login: String!, $password: String!) {
  login(input: {login: $login, password: $password}) {
    accessToken
    refreshToken
    expiresAt
    errors {
      field
      code
      message
    }
  }
}
    `, {"hash":"af43428045df412f749cfe1e618db7d9483046032879a29c94a87985063c2d0f"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const SystemInfoDocument = new TypedDocumentString(`
    query SystemInfo {
  systemInfo {
    name
    version
    apiVersion
  }
}
    `, {"hash":"bc686fa00f294a47fdad17bfb47976e1a1398ee1844b61422b9e9c764b97783b"}) as unknown as TypedDocumentString<SystemInfoQuery, SystemInfoQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    rowId
    username
  }
}
    `, {"hash":"c20d51f587f96b7eb0892382b76bf62dc241d0dbd4aa820a9b89ed8720ab2ff3"}) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const DatasetsDocument = new TypedDocumentString(`
    query Datasets($first: Int) {
  datasets(first: $first) {
    nodes {
      id
      rowId
      name
      totalSize
      storageType
    }
    totalCount
  }
}
    `, {"hash":"7cde8cb09d144483d2a1e61cae4953a51c544bb8850ca465152c37225edec6c0"}) as unknown as TypedDocumentString<DatasetsQuery, DatasetsQueryVariables>;
export const DatasetVersionCreateDocument = new TypedDocumentString(`
    mutation DatasetVersionCreate($input: DatasetVersionCreateInput!) {
  datasetVersionCreate(input: $input) {
    datasetVersion {
      id
      version
      size
      createdAt
    }
    errors {
      field
      code
      message
    }
  }
}
    `, {"hash":"ea8f94c795ad9446ad689b7b06cbcd5806c5f841c11fe00314b5ae186ebf1159"}) as unknown as TypedDocumentString<DatasetVersionCreateMutation, DatasetVersionCreateMutationVariables>;