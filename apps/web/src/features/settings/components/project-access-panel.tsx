import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ProjectRole } from '@tessera/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { useCan } from '../../permissions/use-can.js';
import { useProject } from '../../projects/hooks/use-projects.js';
import { useMembers } from '../hooks/use-members.js';
import { useGrantProjectAccess, useProjectAccess, useRevokeProjectAccess, useUpdateProjectAccess } from '../hooks/use-project-settings.js';
import { PROJECT_ROLE_OPTIONS, roleLabel } from '../utils/roles.js';
import { ConfirmButton } from './confirm-button.js';
import { ProjectGroupAccess } from './project-group-access.js';

const GrantForm = ({ projectUuid, taken }: { projectUuid: string; taken: Set<string> }) => {
  const members = useMembers();
  const grant = useGrantProjectAccess(projectUuid);
  const [email, setEmail] = useState<string | null>(null);
  const [role, setRole] = useState<ProjectRole>('viewer');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email) grant.mutate({ email, role }, { onSuccess: () => setEmail(null) });
  };
  const candidates = (members.data ?? []).filter((m) => !m.isPending && !taken.has(m.userUuid)).map((m) => m.email);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-end">
          <Select label="Give access to" placeholder="Choose a member" data={candidates} value={email} onChange={setEmail} searchable w={300} />
          <Select label="Project role" aria-label="New project role" data={PROJECT_ROLE_OPTIONS} value={role} onChange={(v) => v && setRole(v as ProjectRole)} allowDeselect={false} w={200} />
          <Button type="submit" disabled={!email} loading={grant.isPending}>
            Grant access
          </Button>
        </Group>
        {grant.isError && <ErrorAlert error={grant.error} />}
      </Stack>
    </form>
  );
};

/** /generalSettings/projectManagement/:projectUuid/projectAccess: direct members and group grants of a project. */
export const ProjectAccessPanel = () => {
  const projectUuid = useParams().projectUuid ?? '';
  const organizationUuid = useUser().data?.organizationUuid ?? '';
  const { project } = useProject(projectUuid);
  const canManage = useCan('manage', { type: 'ProjectAccess', organizationUuid, projectUuid });
  const access = useProjectAccess(projectUuid);
  const update = useUpdateProjectAccess(projectUuid);
  const revoke = useRevokeProjectAccess(projectUuid);

  if (access.isError) return <ErrorAlert error={access.error} onRetry={() => void access.refetch()} />;
  if (!access.data) return <PageLoader label="Loading the project's access" />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>Project access{project ? `: ${project.name}` : ''}</Title>
        <Anchor component={Link} to={`/generalSettings/projectManagement/${projectUuid}/settings`}>
          Project settings
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">Organization roles apply to every project; a role given here raises a user's role in this project only.</Text>
      {canManage && <GrantForm projectUuid={projectUuid} taken={new Set(access.data.map((m) => m.userUuid))} />}
      {[update, revoke].map((m, i) => m.isError && <ErrorAlert key={i} error={m.error} />)}
      {access.data.length === 0 ? (
        <Text c="dimmed">No one has a role given in this project.</Text>
      ) : (
        <Table striped aria-label="Project members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Project role</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {access.data.map((m) => (
              <Table.Tr key={m.userUuid}>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Select
                      size="xs"
                      w={180}
                      aria-label={`Project role of ${m.email}`}
                      data={PROJECT_ROLE_OPTIONS}
                      value={m.role}
                      allowDeselect={false}
                      onChange={(role) => role && role !== m.role && update.mutate({ userUuid: m.userUuid, role: role as ProjectRole })}
                    />
                  ) : (
                    roleLabel(m.role)
                  )}
                </Table.Td>
                <Table.Td>
                  {canManage && (
                    <ConfirmButton
                      label="Revoke"
                      aria-label={`Revoke access of ${m.email}`}
                      question={`Remove ${m.email}'s role in this project? Their organization role still applies.`}
                      loading={revoke.isPending && revoke.variables === m.userUuid}
                      onConfirm={() => revoke.mutate(m.userUuid)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProjectGroupAccess projectUuid={projectUuid} canManage={canManage} />
    </Stack>
  );
};
