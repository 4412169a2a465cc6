import { Button, Group, Select, Stack } from '@mantine/core';
import type { AdditionalMetric, CompiledDimension, MetricType } from '@tessera/core';
import { useState } from 'react';
import { customMetric, metricTypeLabel, metricTypesFor } from '../utils/custom-fields.js';

type Props = { dimensions: CompiledDimension[]; taken: string[]; onSubmit: (metric: AdditionalMetric) => void; onCancel: () => void };

const idOf = (d: CompiledDimension) => `${d.table}_${d.name}`;

/** A custom metric: an aggregation of a dimension (sum, average, count distinct, …). */
export const CustomMetricForm = ({ dimensions, taken, onSubmit, onCancel }: Props) => {
  const [baseId, setBaseId] = useState<string | null>(dimensions[0] ? idOf(dimensions[0]) : null);
  const base = dimensions.find((d) => idOf(d) === baseId);
  const types = base ? metricTypesFor(base.type) : [];
  const [chosen, setChosen] = useState<MetricType | null>(null);
  const type = chosen && types.includes(chosen) ? chosen : (types[0] ?? null);
  const metric = base && type ? customMetric(base, type) : undefined;
  const clash = metric !== undefined && taken.includes(`${metric.table}_${metric.name}`);
  return (
    <Stack gap="sm">
      <Select
        label="Dimension"
        data={dimensions.map((d) => ({ value: idOf(d), label: `${d.tableLabel} · ${d.label}` }))}
        value={baseId}
        onChange={setBaseId}
        searchable
        allowDeselect={false}
      />
      <Select label="Aggregation" data={types.map((t) => ({ value: t, label: metricTypeLabel(t) }))} value={type} onChange={(v) => setChosen(v as MetricType | null)} allowDeselect={false} error={clash ? 'This custom metric is already in the query.' : undefined} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => metric && !clash && onSubmit(metric)} disabled={!metric || clash}>
          Add custom metric
        </Button>
      </Group>
    </Stack>
  );
};
