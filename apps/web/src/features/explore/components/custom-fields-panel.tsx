import { Badge, Button, CloseButton, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import type { Explore } from '@tessera/core';
import { useState, type Dispatch } from 'react';
import { useCan } from '../../permissions/use-can.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { fieldReference } from '../utils/custom-fields.js';
import type { FieldIndex } from '../utils/field-index.js';
import { additionalMetricId, type ExploreAction, type ExploreState } from '../utils/explore-state.js';
import { BinDimensionForm } from './bin-dimension-form.js';
import { CustomMetricForm } from './custom-metric-form.js';
import { SqlDimensionForm } from './sql-dimension-form.js';
import { TableCalculationForm } from './table-calculation-form.js';

type Editor = 'bin' | 'sql' | 'metric' | 'calculation';
const TITLES: Record<Editor, string> = { bin: 'New bin dimension', sql: 'New SQL dimension', metric: 'New custom metric', calculation: 'Table calculation' };

type Props = { projectUuid: string; explore: Explore; index: FieldIndex; state: ExploreState; dispatch: Dispatch<ExploreAction> };

/** The query's own fields: bin and SQL dimensions, custom metrics, table calculations — listed, added, removed. */
export const CustomFieldsPanel = ({ projectUuid, explore, index, state, dispatch }: Props) => {
  const [editor, setEditor] = useState<Editor | undefined>();
  /** The table calculation being edited (by name), when one is. */
  const [editing, setEditing] = useState<string | undefined>();
  const user = useUser();
  // Custom SQL dimensions run raw SQL: developers and admins only, as for the SQL runner.
  const canCustomSql = useCan('view', user.data?.organizationUuid ? { type: 'SqlRunner', organizationUuid: user.data.organizationUuid, projectUuid } : undefined);
  const close = () => {
    setEditor(undefined);
    setEditing(undefined);
  };
  const fields = [...index.fields.values()];
  const taken = [...fields.map((f) => f.id), ...state.customDimensions.map((c) => c.id), ...state.additionalMetrics.map(additionalMetricId), ...state.tableCalculations.map((c) => c.name)];
  const compiledDimensions = Object.values(explore.tables).flatMap((t) => Object.values(t.dimensions).filter((d) => !d.hidden));
  const references = [...state.dimensions, ...state.metrics].flatMap((id) => {
    const field = index.fields.get(id) ?? state.additionalMetrics.map((m) => ({ ...m, id: additionalMetricId(m), label: m.label ?? m.name })).find((m) => m.id === id);
    return field ? [{ reference: fieldReference(field), label: field.label }] : [];
  });
  const empty = state.customDimensions.length + state.additionalMetrics.length + state.tableCalculations.length === 0;

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Custom fields</Text>
          <Group gap={6}>
            <Button size="compact-xs" variant="light" onClick={() => setEditor('bin')}>
              + Bin dimension
            </Button>
            {canCustomSql && (
              <Button size="compact-xs" variant="light" onClick={() => setEditor('sql')}>
                + SQL dimension
              </Button>
            )}
            <Button size="compact-xs" variant="light" onClick={() => setEditor('metric')}>
              + Custom metric
            </Button>
            <Button size="compact-xs" variant="light" onClick={() => setEditor('calculation')}>
              + Table calculation
            </Button>
          </Group>
        </Group>
        {empty ? (
          <Text size="xs" c="dimmed">
            Bin a number, write a SQL dimension, aggregate a dimension your way, or calculate over the result rows.
          </Text>
        ) : (
          <Group gap={6} data-testid="custom-fields">
            {state.customDimensions.map((c) => (
              <Badge key={c.id} variant="light" color="blue" tt="none" rightSection={<CloseButton size="xs" aria-label={`Remove ${c.name}`} onClick={() => dispatch({ type: 'removeCustomDimension', id: c.id })} />}>
                {c.name} ({c.type === 'bin' ? 'bins' : 'SQL'})
              </Badge>
            ))}
            {state.additionalMetrics.map((m) => (
              <Badge key={additionalMetricId(m)} variant="light" color="orange" tt="none" rightSection={<CloseButton size="xs" aria-label={`Remove ${m.label ?? m.name}`} onClick={() => dispatch({ type: 'removeAdditionalMetric', fieldId: additionalMetricId(m) })} />}>
                {m.label ?? m.name}
              </Badge>
            ))}
            {state.tableCalculations.map((c) => (
              <Badge
                key={c.name}
                variant="light"
                color="green"
                tt="none"
                title={`${c.sql} — click to edit`}
                style={{ cursor: 'pointer' }}
                onClick={() => {
                  setEditing(c.name);
                  setEditor('calculation');
                }}
                rightSection={<CloseButton
                    size="xs"
                    aria-label={`Remove ${c.displayName}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      dispatch({ type: 'removeTableCalculation', name: c.name });
                    }}
                  />}>
                {c.displayName} = {c.sql}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <Modal opened={editor !== undefined} onClose={close} title={editor ? TITLES[editor] : ''} size="lg">
        {editor === 'bin' && (
          <BinDimensionForm
            numberDimensions={fields.filter((f) => f.kind === 'dimension' && f.type === 'number')}
            taken={taken}
            onCancel={close}
            onSubmit={(dimension) => {
              dispatch({ type: 'addCustomDimension', dimension });
              close();
            }}
          />
        )}
        {editor === 'sql' && (
          <SqlDimensionForm
            tables={Object.values(explore.tables).map((t) => ({ name: t.name, label: t.label }))}
            taken={taken}
            onCancel={close}
            onSubmit={(dimension) => {
              dispatch({ type: 'addCustomDimension', dimension });
              close();
            }}
          />
        )}
        {editor === 'metric' && (
          <CustomMetricForm
            dimensions={compiledDimensions}
            taken={state.additionalMetrics.map(additionalMetricId)}
            onCancel={close}
            onSubmit={(metric) => {
              dispatch({ type: 'addAdditionalMetric', metric });
              close();
            }}
          />
        )}
        {editor === 'calculation' && (
          <TableCalculationForm
            references={references}
            taken={taken}
            initial={state.tableCalculations.find((c) => c.name === editing)}
            onCancel={close}
            onSubmit={(calculation) => {
              // A renamed calculation replaces the old one.
              if (editing !== undefined && editing !== calculation.name) dispatch({ type: 'removeTableCalculation', name: editing });
              dispatch({ type: 'addTableCalculation', calculation });
              close();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
};
