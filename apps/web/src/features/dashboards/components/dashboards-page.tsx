import { Anchor, Button, Container, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useEditableSpaces } from '../hooks/use-dashboard-permissions.js';
import { useDashboards } from '../hooks/use-dashboards.js';
import { CreateDashboardModal } from './create-dashboard-modal.js';

/** The project's dashboards the user may view; "New dashboard" for those who may edit a space. */
export const DashboardsPage = () => {
  const projectUuid = useParams().projectUuid ?? '';
  const dashboards = useDashboards(projectUuid);
  const { spaces, editable } = useEditableSpaces(projectUuid);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.trim().toLowerCase());
  const navigate = useNavigate();

  const failed = dashboards.error ?? spaces.error;
  if (failed) {
    return (
      <Container py="xl">
        <ErrorAlert
          error={failed}
          onRetry={() => {
            void dashboards.refetch();
            void spaces.refetch();
          }}
        />
      </Container>
    );
  }
  if (!dashboards.data || !spaces.data) return <PageLoader label="Loading dashboards" />;
  const spaceName = new Map(spaces.data.map((s) => [s.uuid, s.name]));
  const shown = dashboards.data
    .filter((d) => !deferred || `${d.name} ${d.description ?? ''}`.toLowerCase().includes(deferred))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={2}>Dashboards</Title>
          <Group>
            <TextInput placeholder="Find a dashboard" aria-label="Find a dashboard" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={240} />
            {editable.length > 0 && <Button onClick={() => setCreating(true)}>New dashboard</Button>}
          </Group>
        </Group>
        {dashboards.data.length === 0 ? (
          <Text c="dimmed">{editable.length > 0 ? 'No dashboards yet: create one and add your saved charts to it.' : 'No dashboards you can see yet.'}</Text>
        ) : (
          <Table highlightOnHover verticalSpacing="xs" aria-label="Dashboards">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Space</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th ta="right">Views</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((d) => (
                <Table.Tr key={d.uuid}>
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${projectUuid}/dashboards/${d.uuid}/view`}>
                      {d.name}
                    </Anchor>
                    {d.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {d.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${projectUuid}/spaces/${d.spaceUuid}`} size="sm">
                      {spaceName.get(d.spaceUuid) ?? 'Space'}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{new Date(d.updatedAt).toLocaleString()}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{d.views}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <CreateDashboardModal
        projectUuid={projectUuid}
        spaces={editable}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(dashboard) => {
          setCreating(false);
          void navigate(`/projects/${projectUuid}/dashboards/${dashboard.uuid}/edit`);
        }}
      />
    </Container>
  );
};
