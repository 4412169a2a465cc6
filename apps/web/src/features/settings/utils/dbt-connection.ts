import type { DbtConnection } from '../../../api/settings-types.js';

/** Where a project's models come from, as the form offers it (the server accepts only these here). */
export const DBT_TYPES = [
  { value: 'dbt', label: 'dbt project directory on the server' },
  { value: 'manifest', label: 'Uploaded dbt manifest.json' },
  { value: 'none', label: 'None (explores are pushed, e.g. by the CLI)' },
] as const;
export type DbtType = (typeof DBT_TYPES)[number]['value'];

export type DbtForm = { type: DbtType; projectDir: string; target: string };

export const dbtFormOf = (connection: DbtConnection | undefined): DbtForm => ({
  type: connection?.type ?? 'dbt',
  projectDir: connection?.type === 'dbt' ? connection.project_dir : '',
  target: connection?.target ?? '',
});

/** The dbtConnection to send, or a problem in words. Fields the form does not show are kept. */
export const buildDbtConnection = (form: DbtForm, stored: DbtConnection | undefined): { connection: DbtConnection; problem?: string } => {
  const target = form.target.trim();
  const base = stored?.type === form.type ? { ...stored } : {};
  const withTarget = <T extends object>(c: T) => {
    const copy: T & { target?: string } = { ...c };
    if (target) copy.target = target;
    else delete copy.target;
    return copy;
  };
  if (form.type === 'dbt') {
    const projectDir = form.projectDir.trim();
    const connection = withTarget({ ...base, type: 'dbt' as const, project_dir: projectDir });
    return projectDir ? { connection } : { connection, problem: 'The dbt project directory is required: the folder on the server that holds dbt_project.yml.' };
  }
  return { connection: withTarget({ ...base, type: form.type }) as DbtConnection };
};
