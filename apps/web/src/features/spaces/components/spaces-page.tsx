import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useCanCreateSpace } from '../../permissions/use-can.js';
import { useSpaces } from '../hooks/use-spaces.js';
import { CreateSpaceModal } from './create-space-modal.js';
import { SpaceTable } from './space-table.js';

/** Browse the project's spaces (those the user may view), as a tree; create a root space. */
export const SpacesPage = () => {
  const projectUuid = useParams().projectUuid ?? '';
  const spaces = useSpaces(projectUuid);
  const canCreate = useCanCreateSpace(projectUuid);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  if (spaces.isError) {
    return (
      <Container py="xl">
        <ErrorAlert error={spaces.error} onRetry={() => void spaces.refetch()} />
      </Container>
    );
  }
  if (!spaces.data) return <PageLoader label="Loading spaces" />;
  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={2}>Spaces</Title>
          {canCreate && <Button onClick={() => setCreating(true)}>New space</Button>}
        </Group>
        {spaces.data.length === 0 ? (
          <Text c="dimmed">{canCreate ? 'No spaces yet: create one to save charts and dashboards in.' : 'No spaces you can see yet. Ask an editor to share one with you.'}</Text>
        ) : (
          <SpaceTable projectUuid={projectUuid} spaces={spaces.data} />
        )}
      </Stack>
      <CreateSpaceModal
        projectUuid={projectUuid}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(space) => {
          setCreating(false);
          void navigate(`/projects/${projectUuid}/spaces/${space.uuid}`);
        }}
      />
    </Container>
  );
};
