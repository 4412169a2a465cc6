import { FileInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DBT_TYPES, type DbtForm, type DbtType } from '../utils/dbt-connection.js';

type Props = { form: DbtForm; onChange: (form: DbtForm) => void; manifestFile: File | null; onManifestFile: (file: File | null) => void };

/** The model source: a dbt project directory on the server, an uploaded manifest.json, or none. */
export const DbtFieldsEditor = ({ form, onChange, manifestFile, onManifestFile }: Props) => (
  <Stack gap="sm">
    <Select
      label="Model source"
      data={DBT_TYPES.map((t) => ({ value: t.value, label: t.label }))}
      value={form.type}
      onChange={(v) => v && onChange({ ...form, type: v as DbtType })}
      allowDeselect={false}
    />
    <SimpleGrid cols={2}>
      {form.type === 'dbt' && (
        <TextInput
          label="dbt project directory"
          description="The folder on the Tessera server that holds dbt_project.yml"
          required
          value={form.projectDir}
          onChange={(e) => onChange({ ...form, projectDir: e.currentTarget.value })}
        />
      )}
      {form.type === 'manifest' && (
        <FileInput label="manifest.json" description="Upload a new manifest (dbt's target/manifest.json)" accept="application/json,.json" clearable value={manifestFile} onChange={onManifestFile} />
      )}
      <TextInput label="dbt target" description="Optional" value={form.target} onChange={(e) => onChange({ ...form, target: e.currentTarget.value })} />
    </SimpleGrid>
  </Stack>
);
