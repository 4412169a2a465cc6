import { Alert, Button, Divider, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Project } from '../../../api/settings-types.js';
import { errorText } from '../../../api/error-text.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSaveProject } from '../hooks/use-project-settings.js';
import { dbtFormOf } from '../utils/dbt-connection.js';
import { projectBody, type ProjectForm as Form } from '../utils/project-body.js';
import { formValuesOf, isWarehouseType, WAREHOUSE_TYPES, type WarehouseType } from '../utils/warehouse-fields.js';
import { DbtFieldsEditor } from './dbt-fields-editor.js';
import { WarehouseFieldsEditor } from './warehouse-fields-editor.js';

const formOf = (project: Project | undefined): Form => {
  const storedType = project?.warehouseConnection?.type ?? 'duckdb';
  const warehouseType: WarehouseType = isWarehouseType(storedType) ? storedType : 'duckdb';
  return { name: project?.name ?? '', warehouseType, warehouse: formValuesOf(warehouseType, project?.warehouseConnection), dbt: dbtFormOf(project?.dbtConnection) };
};

const readManifest = async (file: File): Promise<unknown> => {
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    throw new Error(`${file.name} is not valid JSON: choose dbt's target/manifest.json.`);
  }
};

/** Creates a project (`project` undefined) or edits one: name, warehouse connection, model source. */
export const ProjectForm = ({ project }: { project: Project | undefined }) => {
  const navigate = useNavigate();
  const createdWith = (useLocation().state as { manifestProblem?: string } | null)?.manifestProblem;
  const save = useSaveProject();
  const [form, setForm] = useState<Form>(() => formOf(project));
  const [manifestFile, setManifestFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const secretsStored = project?.warehouseConnection?.type === form.warehouseType;

  const submit = async () => {
    setSaved(false);
    const request = projectBody(form, project);
    let manifest: unknown;
    try {
      if (manifestFile && form.dbt.type === 'manifest') manifest = await readManifest(manifestFile);
    } catch (error) {
      setProblems([...request.problems, (error as Error).message]);
      return;
    }
    setProblems(request.problems);
    if (request.problems.length > 0) return;
    if (request.kind === 'update' && Object.keys(request.body).length === 0 && manifest === undefined) {
      setProblems(['Nothing changed: there is nothing to save.']);
      return;
    }
    const args = request.kind === 'create' ? { create: request.body, manifest } : { projectUuid: project?.projectUuid, update: request.body, manifest };
    save.mutate(args, {
      onSuccess: ({ project: p, manifestError }) => {
        if (manifestError === undefined) setManifestFile(null);
        setForm(formOf(p)); // the typed secrets are sent: clear them from the form
        setSaved(true);
        // A new project continues on its settings page (a retry there edits it); a refused manifest is said there.
        const manifestProblem = manifestError === undefined ? undefined : errorText(manifestError).message;
        if (!project) void navigate(`/generalSettings/projectManagement/${p.projectUuid}/settings`, { replace: true, state: { manifestProblem } });
      },
    });
  };

  return (
    <Stack gap="md" maw={820}>
      <TextInput label="Project name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
      <Divider label="Warehouse connection" labelPosition="left" />
      <Select
        label="Warehouse type"
        data={WAREHOUSE_TYPES.map((t) => ({ value: t.value, label: t.label }))}
        value={form.warehouseType}
        allowDeselect={false}
        onChange={(v) => v && isWarehouseType(v) && setForm({ ...form, warehouseType: v, warehouse: formValuesOf(v, project?.warehouseConnection) })}
      />
      <WarehouseFieldsEditor type={form.warehouseType} values={form.warehouse} onChange={(warehouse) => setForm({ ...form, warehouse })} secretsStored={secretsStored} />
      <Divider label="Models" labelPosition="left" />
      <DbtFieldsEditor form={form.dbt} onChange={(dbt) => setForm({ ...form, dbt })} manifestFile={manifestFile} onManifestFile={setManifestFile} />
      {problems.length > 0 && (
        <Alert color="yellow" title="Please check the form">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      {createdWith && !save.data && (
        <Alert color="yellow" title="The project is created, but its manifest was not uploaded">
          {createdWith} Choose the manifest again and save.
        </Alert>
      )}
      {save.data?.manifestError !== undefined && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>The project is saved, but its manifest was not uploaded:</Text>
          <ErrorAlert error={save.data.manifestError} />
        </Stack>
      )}
      {saved && (
        <Alert color="green" title="Saved" data-testid="project-saved">
          The project is saved. When its models or warehouse changed, its explores are compiled again in the background.
        </Alert>
      )}
      <Group>
        <Button onClick={() => void submit()} loading={save.isPending}>
          {project ? 'Save changes' : 'Create project'}
        </Button>
      </Group>
    </Stack>
  );
};

/** The page title with the form (kept apart so the form's state starts from the loaded project). */
export const ProjectFormTitle = ({ project }: { project: Project | undefined }) => <Title order={3}>{project ? `Project settings: ${project.name}` : 'New project'}</Title>;
