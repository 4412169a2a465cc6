import type { ColumnType, Generated } from 'kysely';

/** Row types of the metadata store, as Kysely sees them. Only repositories import this file. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganizationsTable {
  organization_uuid: string;
  name: string;
  chart_colors: Json<string[] | null> | null;
  default_project_uuid: string | null;
  created_at: Timestamp;
}

export interface UsersTable {
  user_uuid: string;
  email: string;
  first_name: Generated<string>;
  last_name: Generated<string>;
  password_hash: string | null;
  is_email_verified: Generated<boolean>;
  is_active: Generated<boolean>;
  is_setup_complete: Generated<boolean>;
  is_marketing_opted_in: Generated<boolean>;
  is_tracking_anonymized: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationMembershipsTable {
  user_uuid: string;
  organization_uuid: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  session_hash: string;
  user_uuid: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface PersonalAccessTokensTable {
  personal_access_token_uuid: string;
  user_uuid: string;
  token_hash: string;
  description: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  rotated_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface InviteLinksTable {
  invite_code_hash: string;
  organization_uuid: string;
  user_uuid: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface SetupTokensTable {
  token_hash: string;
  expires_at: Timestamp;
}

export interface EmailOneTimePasscodesTable {
  user_uuid: string;
  email: string;
  passcode_hash: string;
  number_of_attempts: Generated<number>;
  created_at: Timestamp;
}

export interface OrganizationAllowedEmailDomainsTable {
  organization_uuid: string;
  email_domains: Json<string[]>;
  role: string;
  projects: Json<{ projectUuid: string; role: string }[]>;
}

export interface GroupsTable {
  group_uuid: string;
  organization_uuid: string;
  name: string;
  created_at: Timestamp;
  created_by_user_uuid: string | null;
  updated_at: Timestamp;
  updated_by_user_uuid: string | null;
}

export interface GroupMembershipsTable {
  group_uuid: string;
  user_uuid: string;
  created_at: Timestamp;
}

export interface UserAttributesTable {
  user_attribute_uuid: string;
  organization_uuid: string;
  name: string;
  description: string | null;
  attribute_default: string | null;
  created_at: Timestamp;
}

export interface UserAttributeUserValuesTable {
  user_attribute_uuid: string;
  user_uuid: string;
  value: string;
}

export interface UserAttributeGroupValuesTable {
  user_attribute_uuid: string;
  group_uuid: string;
  value: string;
}

export interface UserWarehouseCredentialsTable {
  user_warehouse_credentials_uuid: string;
  user_uuid: string;
  name: string;
  warehouse_type: string;
  username: string | null;
  encrypted_credentials: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectsTable {
  project_uuid: string;
  organization_uuid: string;
  name: string;
  type: Generated<string>;
  warehouse_type: string;
  require_user_credentials: Generated<boolean>;
  upstream_project_uuid: string | null;
  created_by_user_uuid: string | null;
  created_at: Timestamp;
  // 0003-projects
  dbt_connection_type: Generated<string>;
  dbt_connection_encrypted: string | null;
  warehouse_connection_encrypted: string | null;
  semantic_layer_connection_encrypted: string | null;
  dbt_version: Generated<string>;
  scheduler_timezone: Generated<string>;
  results_cache_ttl_seconds: number | null;
  updated_at: Timestamp;
}

export interface ProjectManifestsTable {
  project_uuid: string;
  /** The uploaded manifest.json, as JSON text. */
  manifest: string;
  uploaded_at: Timestamp;
  uploaded_by_user_uuid: string | null;
}

export interface ProjectMembershipsTable {
  project_uuid: string;
  user_uuid: string;
  role: string;
  created_at: Timestamp;
}

export interface ProjectGroupAccessTable {
  project_uuid: string;
  group_uuid: string;
  role: string;
}

export interface ProjectExploresTable {
  project_uuid: string;
  explores: Json<unknown[]>;
  compiled_at: Timestamp;
}

export interface ProjectTablesConfigurationTable {
  project_uuid: string;
  table_selection: Json<{ type: string; value: string[] | null }>;
}

export interface JobsTable {
  job_uuid: string;
  project_uuid: string | null;
  job_type: string;
  job_status: string;
  steps: Json<JobStepRow[]>;
  error_message: string | null;
  created_by_user_uuid: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type JobStepRow = { name: string; status: string; startedAt: string | null; endedAt: string | null; error: string | null };

// 0011-saved-charts
export interface SavedQueriesTable {
  saved_query_uuid: string;
  project_uuid: string;
  /** Null when the chart belongs to a dashboard (then `dashboard_uuid` is set). */
  space_uuid: string | null;
  dashboard_uuid: string | null;
  name: string;
  description: string | null;
  slug: string;
  /** Of the latest version. */
  chart_kind: string;
  chart_type: string;
  views_count: Generated<number>;
  first_viewed_at: Timestamp | null;
  created_at: Timestamp;
  created_by_user_uuid: string | null;
  updated_at: Timestamp;
  updated_by_user_uuid: string | null;
}

export interface SavedQueryVersionsTable {
  saved_query_version_uuid: string;
  saved_query_uuid: string;
  version_number: number;
  table_name: string;
  metric_query: Json<unknown>;
  chart_config: Json<unknown>;
  table_config: Json<unknown>;
  pivot_config: Json<unknown> | null;
  created_at: Timestamp;
  created_by_user_uuid: string | null;
}

/** View (migration 0005): direct and group project roles, one row per grant. */
export interface ProjectGrantsView {
  project_uuid: string;
  user_uuid: string;
  role: string;
}

// 0010-spaces
export interface SpacesTable {
  space_uuid: string;
  project_uuid: string;
  parent_space_uuid: string | null;
  name: string;
  slug: string;
  is_private: Generated<boolean>;
  created_by_user_uuid: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SpaceUserAccessTable {
  space_uuid: string;
  user_uuid: string;
  /** 'viewer' | 'editor' | 'admin' (checked by the table). */
  space_role: string;
  created_at: Timestamp;
}

export interface SpaceGroupAccessTable {
  space_uuid: string;
  group_uuid: string;
  /** 'viewer' | 'editor' | 'admin' (checked by the table). */
  space_role: string;
  created_at: Timestamp;
}

/** 0013-content: a project's tags (catalog categories). */
export interface TagsTable {
  tag_uuid: string;
  project_uuid: string;
  name: string;
  color: string;
  created_by_user_uuid: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// 0012-dashboards
export interface DashboardsTable {
  dashboard_uuid: string;
  project_uuid: string;
  space_uuid: string;
  name: string;
  description: string | null;
  slug: string;
  /** The spec's `dashboardVersionId`: grows with every change of tiles, filters, tabs, config or parameters. */
  version: Generated<number>;
  filters: Json<unknown>;
  tabs: Json<unknown>;
  config: Json<unknown> | null;
  parameters: Json<unknown> | null;
  views_count: Generated<number>;
  first_viewed_at: Timestamp | null;
  created_at: Timestamp;
  created_by_user_uuid: string | null;
  updated_at: Timestamp;
  updated_by_user_uuid: string | null;
  /** Looker face (migration 0030): soft delete, settings, LookML link. */
  deleted_at: Timestamp | null;
  deleter_user_uuid: string | null;
  hidden: Generated<boolean>;
  refresh_interval: string | null;
  query_timezone: string | null;
  looker_appearance: Json<unknown> | null;
  lookml_link_id: string | null;
  looker_number: Generated<number>;
}

export interface LookerApi3CredentialsTable {
  credentials_id: Generated<number>;
  user_uuid: string;
  client_id: string;
  client_secret_hash: string;
  is_disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface LookerAccessTokensTable {
  token_hash: string;
  user_uuid: string;
  credentials_id: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface DashboardTilesTable {
  dashboard_uuid: string;
  tile_uuid: string;
  /** Layout order, as the client sent the tiles. */
  position: number;
  /** 'saved_chart' | 'markdown' | 'loom' (checked by the table). */
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  tab_uuid: string | null;
  /** Saved-chart tiles; null when the chart was deleted. */
  saved_chart_uuid: string | null;
  /** The tile's own properties (title, hideTitle, content, url), without the chart's. */
  properties: Json<Record<string, unknown>>;
}

export interface PinnedListsTable {
  pinned_list_uuid: string;
  project_uuid: string;
  created_at: Timestamp;
}

/** Exactly one of `saved_query_uuid`, `dashboard_uuid`, `space_uuid` is set (checked by the table). */
export interface PinnedItemsTable {
  pinned_item_uuid: string;
  pinned_list_uuid: string;
  saved_query_uuid: string | null;
  dashboard_uuid: string | null;
  space_uuid: string | null;
  /** The spec's `pinnedListOrder`: items are listed by it, ascending. */
  pinned_order: number;
  created_at: Timestamp;
}

export interface Database {
  tags: TagsTable;
  pinned_lists: PinnedListsTable;
  pinned_items: PinnedItemsTable;
  project_grants: ProjectGrantsView;
  project_explores: ProjectExploresTable;
  project_tables_configuration: ProjectTablesConfigurationTable;
  jobs: JobsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  organization_memberships: OrganizationMembershipsTable;
  sessions: SessionsTable;
  personal_access_tokens: PersonalAccessTokensTable;
  invite_links: InviteLinksTable;
  setup_tokens: SetupTokensTable;
  email_one_time_passcodes: EmailOneTimePasscodesTable;
  organization_allowed_email_domains: OrganizationAllowedEmailDomainsTable;
  groups: GroupsTable;
  group_memberships: GroupMembershipsTable;
  user_attributes: UserAttributesTable;
  user_attribute_user_values: UserAttributeUserValuesTable;
  user_attribute_group_values: UserAttributeGroupValuesTable;
  user_warehouse_credentials: UserWarehouseCredentialsTable;
  projects: ProjectsTable;
  project_memberships: ProjectMembershipsTable;
  project_group_access: ProjectGroupAccessTable;
  project_manifests: ProjectManifestsTable;
  spaces: SpacesTable;
  space_user_access: SpaceUserAccessTable;
  space_group_access: SpaceGroupAccessTable;
  saved_queries: SavedQueriesTable;
  saved_query_versions: SavedQueryVersionsTable;
  dashboards: DashboardsTable;
  dashboard_tiles: DashboardTilesTable;
  looker_api3_credentials: LookerApi3CredentialsTable;
  looker_access_tokens: LookerAccessTokensTable;
}
