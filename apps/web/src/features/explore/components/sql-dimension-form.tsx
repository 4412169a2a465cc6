import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { CustomSqlDimension, DimensionType } from '@tessera/core';
import { useState } from 'react';
import { nameProblem, sqlDimension } from '../utils/custom-fields.js';

type Props = { tables: { name: string; label: string }[]; taken: string[]; onSubmit: (dimension: CustomSqlDimension) => void; onCancel: () => void };

const TYPES: DimensionType[] = ['string', 'number', 'date', 'timestamp', 'boolean'];

/** A SQL dimension: an expression over a table's columns (`${TABLE}.column`, `${table.dimension}`). */
export const SqlDimensionForm = ({ tables, taken, onSubmit, onCancel }: Props) => {
  const [table, setTable] = useState<string | null>(tables[0]?.name ?? null);
  const [label, setLabel] = useState('');
  const [sql, setSql] = useState('');
  const [type, setType] = useState<DimensionType>('string');
  const problem = label ? nameProblem(label, taken) : undefined;
  const valid = table !== null && label.trim() !== '' && !problem && sql.trim() !== '';
  return (
    <Stack gap="sm">
      <TextInput label="Name" value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={problem} data-autofocus />
      <Select label="Table" data={tables.map((t) => ({ value: t.name, label: t.label }))} value={table} onChange={setTable} allowDeselect={false} />
      <Textarea label="SQL" description="Refer to columns as ${TABLE}.column and to dimensions as ${table.dimension}." autosize minRows={3} value={sql} onChange={(e) => setSql(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
      <Select label="Type" data={TYPES} value={type} onChange={(v) => v && setType(v as DimensionType)} allowDeselect={false} />
      <Text size="xs" c="dimmed">
        Custom SQL runs as written: only developers and admins of the project may run it.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => table && valid && onSubmit(sqlDimension(table, label, sql, type))} disabled={!valid}>
          Add SQL dimension
        </Button>
      </Group>
    </Stack>
  );
};
