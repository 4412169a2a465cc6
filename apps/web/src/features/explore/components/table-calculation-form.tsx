import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TableCalculation, TableCalculationType } from '@tessera/core';
import { useState } from 'react';
import { nameProblem, tableCalculation } from '../utils/custom-fields.js';

export type Reference = { reference: string; label: string };
type Props = {
  references: Reference[];
  taken: string[];
  /** Editing an existing calculation: the form starts from it. */
  initial?: TableCalculation | undefined;
  onSubmit: (calculation: TableCalculation) => void;
  onCancel: () => void;
};

const TYPES: TableCalculationType[] = ['number', 'string', 'date', 'timestamp', 'boolean'];

/** A table calculation: SQL over the query's result rows, fields referred to as ${table.field}. */
export const TableCalculationForm = ({ references, taken, initial, onSubmit, onCancel }: Props) => {
  const [label, setLabel] = useState(initial?.displayName ?? '');
  const [sql, setSql] = useState(initial?.sql ?? '');
  const [type, setType] = useState<TableCalculationType>(initial?.type ?? 'number');
  const problem = label ? nameProblem(label, taken.filter((t) => t !== initial?.name)) : undefined;
  const valid = label.trim() !== '' && !problem && sql.trim() !== '';
  return (
    <Stack gap="sm">
      <TextInput label="Name" value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={problem} data-autofocus />
      <Textarea label="SQL" autosize minRows={3} value={sql} onChange={(e) => setSql(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} placeholder="${orders.order_count} * 2" />
      {references.length > 0 ? (
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            Insert:
          </Text>
          {references.map((r) => (
            <Button key={r.reference} size="compact-xs" variant="light" onClick={() => setSql((s) => `${s}${s && !s.endsWith(' ') ? ' ' : ''}${r.reference}`)} title={r.reference}>
              {r.label}
            </Button>
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          Select dimensions and metrics first: a calculation works on the query's columns.
        </Text>
      )}
      <Select label="Result type" data={TYPES} value={type} onChange={(v) => v && setType(v as TableCalculationType)} allowDeselect={false} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => valid && onSubmit(tableCalculation(label, sql, type))} disabled={!valid}>
          {initial ? 'Save table calculation' : 'Add table calculation'}
        </Button>
      </Group>
    </Stack>
  );
};
