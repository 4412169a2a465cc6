import { Anchor, Loader, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useExplore, useExplores } from '../../explore/hooks/use-explores.js';
import { modelTables, selectStarSql } from '../utils/model-tables.js';

/**
 * The warehouse tables the project's models read, by explore (API v1 has no warehouse catalog
 * answer here, so this is what the models know). A table's name puts a SELECT into the editor.
 */
const ExploreTables = ({ projectUuid, exploreId, onPick }: { projectUuid: string; exploreId: string; onPick: (sql: string) => void }) => {
  const explore = useExplore(projectUuid, exploreId);
  if (explore.isError) return <ErrorAlert error={explore.error} />;
  if (!explore.data) return <Loader size="sm" />;
  return (
    <Stack gap="sm">
      {modelTables(explore.data).map((t) => (
        <div key={t.name}>
          <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onPick(selectStarSql(t))} title="Put a SELECT of this table into the editor">
            {t.sqlTable}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ fontFamily: 'monospace' }}>
            {t.columns.join(', ') || 'no plain columns'}
          </Text>
        </div>
      ))}
    </Stack>
  );
};

export const ModelTablesPanel = ({ projectUuid, onPick }: { projectUuid: string; onPick: (sql: string) => void }) => {
  const explores = useExplores(projectUuid);
  const [exploreId, setExploreId] = useState<string | null>(null);
  return (
    <Stack gap="sm" w={280} style={{ flexShrink: 0 }}>
      <Text fw={600} size="sm">Tables in the models</Text>
      {explores.isError && <ErrorAlert error={explores.error} />}
      <Select
        aria-label="Explore"
        placeholder={explores.data?.length === 0 ? 'No explores yet' : 'Choose an explore'}
        data={(explores.data ?? []).filter((e) => !e.errors?.length).map((e) => ({ value: e.name, label: e.label }))}
        value={exploreId}
        onChange={setExploreId}
        searchable
      />
      {exploreId && (
        <ScrollArea.Autosize mah={520}>
          <ExploreTables projectUuid={projectUuid} exploreId={exploreId} onPick={onPick} />
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
};
