import { z } from 'zod';

/**
 * Where a project's models come from (`dbtConnection`), by type:
 * - `dbt`: a dbt project directory on the server's disk (`project_dir`, holding dbt_project.yml);
 * - `manifest`: a dbt manifest.json uploaded with `PUT /api/v1/projects/{projectUuid}/manifest`;
 * - `none`: explores are pushed later (SetExplores, e.g. by the CLI);
 * - `lookml`: a LookML project directory on the server's disk (`project_dir`, holding *.model.lkml
 *   or *.view.lkml files) — Tessera's extension, not in the spec;
 * - the spec's git and dbt Cloud types: accepted by the schema, refused by the service (they need
 *   network access this installation does not have).
 */

export const NETWORK_DBT_TYPES = ['github', 'gitlab', 'bitbucket', 'azure_devops', 'dbt_cloud_ide'] as const;
/** Never returned (the anchor's sensitive dbt field names). */
export const DBT_SECRET_FIELDS = ['personal_access_token', 'api_key'] as const;

const text = z.string().trim().min(1).max(1024);
const optionalText = z.string().max(1024).optional();
const environment = z.array(z.object({ key: z.string().min(1).max(1024), value: z.string().max(65_536) })).max(200).optional();
const target = optionalText;
const secret = z.string().min(1).max(4096);
const git = {
  target,
  environment,
  personal_access_token: secret,
  repository: text,
  branch: text,
  project_sub_path: z.string().max(1024),
};

const local = {
  type: z.literal('dbt'),
  project_dir: z.string().trim().min(1).max(4096),
  profiles_dir: z.string().max(4096).optional(),
  target,
  environment,
};
const lookml = { type: z.literal('lookml'), project_dir: z.string().trim().min(1).max(4096) };
const none = { type: z.literal('none'), target, environment, hideRefreshButton: z.boolean().optional() };
const manifest = { type: z.literal('manifest'), target, environment, hideRefreshButton: z.boolean().optional() };

export const dbtConnectionSchema = z.discriminatedUnion('type', [
  z.object(local),
  z.object(none),
  z.object(manifest),
  z.object(lookml),
  z.object({ type: z.literal('github'), ...git, host_domain: optionalText }),
  z.object({ type: z.literal('gitlab'), ...git, host_domain: optionalText }),
  z.object({ type: z.literal('bitbucket'), ...git, username: text, host_domain: optionalText }),
  z.object({ type: z.literal('azure_devops'), ...git, organization: text, project: text }),
  z.object({ type: z.literal('dbt_cloud_ide'), api_key: secret, environment_id: text }),
]);
export type DbtConnectionInput = z.infer<typeof dbtConnectionSchema>;

/** What a project can be saved with in this installation. */
export type DbtConnection = Extract<DbtConnectionInput, { type: 'dbt' | 'none' | 'manifest' | 'lookml' }>;
export type DbtConnectionType = DbtConnection['type'];

/** Response shape: only the types a project can have here, none with a secret. */
export const publicDbtConnectionSchema = z.discriminatedUnion('type', [z.object(local), z.object(none), z.object(manifest), z.object(lookml)]);

export const isNetworkDbtType = (type: string): type is (typeof NETWORK_DBT_TYPES)[number] =>
  (NETWORK_DBT_TYPES as readonly string[]).includes(type);
