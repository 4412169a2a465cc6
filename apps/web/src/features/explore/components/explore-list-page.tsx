import { Alert, Badge, Button, Card, Container, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SummaryExplore } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { useCan } from '../../permissions/use-can.js';
import { useProject } from '../../projects/hooks/use-projects.js';
import { useExplores } from '../hooks/use-explores.js';
import { useRefreshProject } from '../hooks/use-refresh-project.js';

const groupOf = (e: SummaryExplore) => e.groupLabel ?? 'Other';

/** "Choose an explore": the project's explores by group, with a filter box. */
export const ExploreListPage = () => {
  const projectUuid = useParams().projectUuid ?? '';
  const explores = useExplores(projectUuid);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.trim().toLowerCase());

  if (explores.isError) {
    return (
      <Container py="xl">
        <ErrorAlert error={explores.error} onRetry={() => void explores.refetch()} />
      </Container>
    );
  }
  if (!explores.data) return <PageLoader label="Loading explores" />;

  const shown = explores.data.filter((e) => !deferred || `${e.label} ${e.name} ${e.description ?? ''}`.toLowerCase().includes(deferred));
  const groups = [...new Set(shown.map(groupOf))].sort((a, b) => a.localeCompare(b));
  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={2}>Explore</Title>
          <Group>
            <RefreshButton projectUuid={projectUuid} />
            <TextInput placeholder="Find an explore" aria-label="Find an explore" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={260} />
          </Group>
        </Group>
        {explores.data.length === 0 && (
          <Alert color="blue" title="No explores yet" icon={<Loader size="xs" />}>
            The project's models may still be compiling; this list updates by itself.
          </Alert>
        )}
        {groups.map((group) => (
          <Stack key={group} gap="xs">
            <Text fw={600} c="dimmed" size="sm" tt="uppercase">
              {group}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {shown.filter((e) => groupOf(e) === group).map((e) => (
                <ExploreCard key={e.name} projectUuid={projectUuid} explore={e} />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </Container>
  );
};

const ExploreCard = ({ projectUuid, explore }: { projectUuid: string; explore: SummaryExplore }) => {
  const errors = explore.errors ?? [];
  const body = (
    <>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{explore.label}</Text>
        {errors.length > 0 && <Badge color="red">Has errors</Badge>}
      </Group>
      <Text size="sm" c="dimmed" lineClamp={3}>
        {errors.length > 0 ? errors.map((x) => x.message).join(' ') : explore.description}
      </Text>
    </>
  );
  // An explore with compile errors cannot be opened (the API answers 422): its card is not a link.
  if (errors.length > 0) return <Card withBorder padding="md">{body}</Card>;
  return (
    <Card withBorder padding="md" component={Link} to={`/projects/${projectUuid}/tables/${encodeURIComponent(explore.name)}`} aria-label={`Explore ${explore.label}`}>
      {body}
    </Card>
  );
};

/** "Recompile models" — offered only to those the policy lets update the project (developers, admins). */
const RefreshButton = ({ projectUuid }: { projectUuid: string }) => {
  const user = useUser();
  const { project } = useProject(projectUuid);
  const subject = project && user.data?.organizationUuid
    ? { type: 'Project' as const, organizationUuid: user.data.organizationUuid, projectUuid, projectType: project.type, createdByUserUuid: project.createdByUserUuid, upstreamProjectUuid: project.upstreamProjectUuid }
    : undefined;
  const allowed = useCan('update', subject);
  const refresh = useRefreshProject(projectUuid);
  if (!allowed) return null;
  return (
    <Group gap="xs">
      {refresh.error ? <ErrorAlert error={refresh.error} /> : null}
      {refresh.failed && <Text c="red" size="sm">The compile failed: see the explores' errors.</Text>}
      <Button variant="default" onClick={refresh.refresh} loading={refresh.running}>
        Recompile models
      </Button>
    </Group>
  );
};
