import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useProjects } from '../../projects/hooks/use-projects.js';
import { useDeleteProject } from '../hooks/use-project-settings.js';
import type { SettingsAccess } from '../hooks/use-settings-access.js';
import { WAREHOUSE_TYPES } from '../utils/warehouse-fields.js';
import { ConfirmButton } from './confirm-button.js';

const warehouseLabel = (type: string | undefined) => WAREHOUSE_TYPES.find((t) => t.value === type)?.label ?? type ?? '—';

/** /generalSettings/projectManagement: the projects the user may change, and a new one for admins. */
export const ProjectsPanel = ({ access }: { access: SettingsAccess }) => {
  const projects = useProjects();
  const remove = useDeleteProject();
  if (projects.isError) return <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!projects.data) return <PageLoader label="Loading the projects" />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>Projects</Title>
        {access.createProject && (
          <Button component={Link} to="/generalSettings/projectManagement/new">
            New project
          </Button>
        )}
      </Group>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {access.editableProjects.length === 0 ? (
        <Text c="dimmed">There is no project whose settings you may change.</Text>
      ) : (
        <Table striped aria-label="Projects">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Warehouse</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {access.editableProjects.map((p) => (
              <Table.Tr key={p.projectUuid}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.type === 'PREVIEW' ? 'Preview' : 'Project'}</Table.Td>
                <Table.Td>{warehouseLabel(p.warehouseType)}</Table.Td>
                <Table.Td>
                  <Group gap="md" justify="flex-end">
                    <Anchor component={Link} size="sm" to={`/generalSettings/projectManagement/${p.projectUuid}/settings`} aria-label={`Settings of ${p.name}`}>
                      Settings
                    </Anchor>
                    <Anchor component={Link} size="sm" to={`/generalSettings/projectManagement/${p.projectUuid}/projectAccess`} aria-label={`Access to ${p.name}`}>
                      Access
                    </Anchor>
                    {access.deletableProjectUuids.has(p.projectUuid) && (
                      <ConfirmButton
                        label="Delete"
                        aria-label={`Delete ${p.name}`}
                        question={`Delete the project "${p.name}" with its spaces, charts and dashboards? This cannot be undone.`}
                        loading={remove.isPending && remove.variables === p.projectUuid}
                        onConfirm={() => remove.mutate(p.projectUuid)}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};
