import { Code, CopyButton, Button, Group, Loader, Text } from '@mantine/core';
import type { MetricQuery } from '@tessera/core';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useCompiledSql } from '../hooks/use-compiled-sql.js';

/** The SQL the current query compiles to on this project's warehouse (not run). */
export const SqlView = ({ projectUuid, exploreId, query }: { projectUuid: string; exploreId: string; query: MetricQuery }) => {
  const sql = useCompiledSql(projectUuid, exploreId, query, true);
  if (query.dimensions.length === 0 && query.metrics.length === 0) return <Text c="dimmed" size="sm">Choose fields to see the SQL.</Text>;
  if (sql.isError) return <ErrorAlert error={sql.error} onRetry={() => void sql.refetch()} />;
  if (!sql.data) return <Loader size="sm" />;
  return (
    <div>
      <Group justify="flex-end" mb={4} gap="xs">
        {sql.isFetching && <Loader size="xs" />}
        <CopyButton value={sql.data}>
          {({ copied, copy }) => (
            <Button size="xs" variant="subtle" onClick={copy}>
              {copied ? 'Copied' : 'Copy SQL'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block data-testid="compiled-sql" style={{ whiteSpace: 'pre-wrap', maxHeight: 400, overflow: 'auto' }}>
        {sql.data}
      </Code>
    </div>
  );
};
