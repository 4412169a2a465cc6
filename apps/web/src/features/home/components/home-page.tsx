import { Anchor, Button, Card, Container, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { useProject } from '../../projects/hooks/use-projects.js';
import { SpaceTable } from '../../spaces/components/space-table.js';
import { useSpaces } from '../../spaces/hooks/use-spaces.js';
import { useContentListing, usePinnedItems } from '../hooks/use-home-content.js';
import { ago, listedLink, pinnedLink, viewsText } from '../utils/content-links.js';
import { ContentList } from './content-list.js';

/** A section's loading and error states around its content. */
const Section = ({ query, children }: { query: { isError: boolean; error: unknown; isPending: boolean; refetch: () => unknown }; children: () => React.ReactNode }) => {
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loader size="sm" aria-label="Loading" />;
  return <>{children()}</>;
};

/** The project's start page: pinned items, spaces, recently updated and most popular content. */
export const HomePage = () => {
  const projectUuid = useParams().projectUuid ?? '';
  const user = useUser();
  const { project } = useProject(projectUuid);
  const pinned = usePinnedItems(projectUuid);
  const listing = useContentListing(projectUuid);
  const spaces = useSpaces(projectUuid);
  const now = Date.now();

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={2}>Welcome{user.data?.firstName ? `, ${user.data.firstName}` : ''}</Title>
            <Text c="dimmed">{project?.name ?? ''}</Text>
          </Stack>
          <Group gap="xs">
            <Button component={Link} to={`/projects/${projectUuid}/tables`} variant="default">
              Explore data
            </Button>
            <Button component={Link} to={`/projects/${projectUuid}/dashboards`} variant="default">
              Dashboards
            </Button>
          </Group>
        </Group>
        {pinned.hasList && (
          <Section query={pinned.items}>
            {() => <ContentList title="Pinned" items={(pinned.items.data ?? []).map((i) => pinnedLink(projectUuid, i))} empty="Nothing pinned that you can see." />}
          </Section>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section query={listing}>
            {() => (
              <ContentList
                title="Recently updated"
                items={(listing.data?.recentlyUpdated ?? []).map((i) => listedLink(projectUuid, i, ago(i.updatedAt, now)))}
                empty="No charts or dashboards yet: explore the data and save a chart."
              />
            )}
          </Section>
          <Section query={listing}>
            {() => (
              <ContentList
                title="Most popular"
                items={(listing.data?.mostPopular ?? []).map((i) => listedLink(projectUuid, i, viewsText(i.views)))}
                empty="Nothing viewed yet."
              />
            )}
          </Section>
        </SimpleGrid>
        <Card withBorder padding="md" component="section" aria-label="Spaces">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4}>Spaces</Title>
              <Anchor component={Link} to={`/projects/${projectUuid}/spaces`} size="sm">
                All spaces
              </Anchor>
            </Group>
            <Section query={spaces}>{() => <SpaceTable projectUuid={projectUuid} spaces={(spaces.data ?? []).filter((s) => s.parentSpaceUuid === null)} nested={false} />}</Section>
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
};
