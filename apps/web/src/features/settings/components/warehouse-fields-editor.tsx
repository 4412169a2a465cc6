import { Checkbox, NumberInput, PasswordInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { isWriteOnly, WAREHOUSE_FIELDS, type FormValues, type WarehouseField, type WarehouseType } from '../utils/warehouse-fields.js';

type Props = {
  type: WarehouseType;
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** A stored connection of this type exists: empty secrets keep the stored ones. */
  secretsStored: boolean;
};

/** The fields of one warehouse type. Secrets are write-only: never filled in, never shown. */
export const WarehouseFieldsEditor = ({ type, values, onChange, secretsStored }: Props) => {
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const input = (f: WarehouseField) => {
    const common = { label: f.label, required: f.required && !(secretsStored && isWriteOnly(f)) };
    const secretHint = secretsStored ? 'Saved — leave empty to keep it' : undefined;
    switch (f.kind) {
      case 'boolean':
        return <Checkbox key={f.name} label={f.label} mt="lg" checked={values[f.name] === true} onChange={(e) => set(f.name, e.currentTarget.checked)} />;
      case 'number':
        return <NumberInput key={f.name} {...common} value={text(f.name)} onChange={(v) => set(f.name, String(v))} allowDecimal={false} hideControls />;
      case 'select':
        return <Select key={f.name} {...common} data={f.options ?? []} value={text(f.name) || null} onChange={(v) => set(f.name, v ?? '')} clearable={!f.required} />;
      case 'login':
        return <TextInput key={f.name} {...common} placeholder={secretHint} autoComplete="off" value={text(f.name)} onChange={(e) => set(f.name, e.currentTarget.value)} />;
      case 'secret':
        return (
          <PasswordInput key={f.name} {...common} placeholder={secretHint} autoComplete="new-password" value={text(f.name)} onChange={(e) => set(f.name, e.currentTarget.value)} />
        );
      case 'json-secret':
        return (
          <Textarea key={f.name} {...common} placeholder={secretHint ?? 'Paste the JSON key file'} autosize minRows={3} maxRows={8} value={text(f.name)} onChange={(e) => set(f.name, e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
        );
      case 'text':
        return <TextInput key={f.name} {...common} placeholder={f.placeholder} value={text(f.name)} onChange={(e) => set(f.name, e.currentTarget.value)} />;
    }
  };
  return <SimpleGrid cols={2}>{WAREHOUSE_FIELDS[type].map(input)}</SimpleGrid>;
};
