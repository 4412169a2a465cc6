import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageLoader } from '../../../components/page-loader.js';
import { useCanRunSql } from '../hooks/use-can-run-sql.js';
import { useRunSql } from '../hooks/use-run-sql.js';
import { isRunShortcut } from '../utils/sql-results.js';
import { ModelTablesPanel } from './model-tables-panel.js';
import { SqlErrorAlert } from './sql-error-alert.js';
import { SqlResultsTable } from './sql-results-table.js';

const SqlRunner = ({ projectUuid }: { projectUuid: string }) => {
  const [sql, setSql] = useState('');
  const { results, cancelled, run, cancel } = useRunSql(projectUuid);
  const running = results.isFetching;
  const submit = () => sql.trim() && run(sql);

  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <ModelTablesPanel projectUuid={projectUuid} onPick={setSql} />
      <Stack gap="sm" flex={1} miw={0}>
        <Textarea
          aria-label="SQL"
          placeholder="SELECT … (Ctrl+Enter runs)"
          value={sql}
          onChange={(e) => setSql(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (isRunShortcut(e)) {
              e.preventDefault();
              submit();
            }
          }}
          autosize
          minRows={8}
          maxRows={20}
          spellCheck={false}
          styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 } }}
        />
        <Group>
          <Button onClick={submit} loading={running} disabled={!sql.trim()}>
            Run SQL
          </Button>
          {running && (
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
          )}
          {results.data && !running && (
            <Text size="sm" c="dimmed" data-testid="sql-summary">
              {results.data.rows.length} row(s)
            </Text>
          )}
        </Group>
        {cancelled && !running && <Alert color="gray" title="Cancelled">The query was cancelled. Run it again when you are ready.</Alert>}
        {results.isError && !cancelled && <SqlErrorAlert error={results.error} />}
        {results.data && !results.isError && <SqlResultsTable results={results.data} />}
      </Stack>
    </Group>
  );
};

/** /projects/:projectUuid/sqlRunner: raw SQL on the project's warehouse, for project developers and admins. */
export const SqlRunnerPage = () => {
  const projectUuid = useParams().projectUuid ?? '';
  const access = useCanRunSql(projectUuid);
  return (
    <Stack p="md" gap="md">
      <Title order={3}>SQL runner</Title>
      {access.loading ? (
        <PageLoader label="Checking your role" />
      ) : access.allowed ? (
        <SqlRunner key={projectUuid} projectUuid={projectUuid} />
      ) : (
        <Alert color="yellow" title="The SQL runner is for developers and admins">
          Running your own SQL bypasses the models' row-level rules, so it needs the developer or admin role in this project. Ask an admin of the
          project if you need it.
        </Alert>
      )}
    </Stack>
  );
};
