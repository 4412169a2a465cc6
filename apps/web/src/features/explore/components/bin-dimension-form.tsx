import { Button, Group, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import type { CustomBinDimension } from '@tessera/core';
import { useState } from 'react';
import type { FieldItem } from '../utils/field-index.js';
import { binDimension, nameProblem } from '../utils/custom-fields.js';

type Props = { numberDimensions: FieldItem[]; taken: string[]; onSubmit: (dimension: CustomBinDimension) => void; onCancel: () => void };

/** A bin dimension: a number dimension cut into a number of bins or bins of a width. */
export const BinDimensionForm = ({ numberDimensions, taken, onSubmit, onCancel }: Props) => {
  const [baseId, setBaseId] = useState<string | null>(numberDimensions[0]?.id ?? null);
  const base = numberDimensions.find((d) => d.id === baseId);
  const [label, setLabel] = useState('');
  const [binType, setBinType] = useState<'fixed_number' | 'fixed_width'>('fixed_number');
  const [amount, setAmount] = useState<number>(5);
  const name = label || (base ? `${base.label} bins` : '');
  const problem = name ? nameProblem(name, taken) : undefined;
  const valid = base !== undefined && !problem && amount > 0;
  const submit = () => {
    if (!base || !valid) return;
    onSubmit(binDimension(base, name, binType === 'fixed_number' ? { binType, binNumber: Math.round(amount) } : { binType, binWidth: amount }));
  };
  return (
    <Stack gap="sm">
      <Select label="Dimension to bin" data={numberDimensions.map((d) => ({ value: d.id, label: `${d.tableLabel} · ${d.label}` }))} value={baseId} onChange={setBaseId} searchable allowDeselect={false} nothingFoundMessage="No number dimensions" />
      <TextInput label="Name" placeholder={base ? `${base.label} bins` : ''} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={problem} />
      <SegmentedControl
        value={binType}
        onChange={(v) => setBinType(v === 'fixed_width' ? 'fixed_width' : 'fixed_number')}
        data={[
          { value: 'fixed_number', label: 'Number of bins' },
          { value: 'fixed_width', label: 'Bin width' },
        ]}
        aria-label="Bin type"
      />
      <NumberInput label={binType === 'fixed_number' ? 'Bins' : 'Width'} min={binType === 'fixed_number' ? 1 : 0} value={amount} onChange={(v) => setAmount(typeof v === 'number' ? v : Number(v))} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={submit} disabled={!valid}>
          Add bin dimension
        </Button>
      </Group>
    </Stack>
  );
};
