import { Anchor, Breadcrumbs, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { PinButton } from '../../home/components/pin-button.js';
import { useCanCreateSpace, useSpaceDecider } from '../../permissions/use-can.js';
import { useSpace, useSpaces } from '../hooks/use-spaces.js';
import type { MoveItem } from '../hooks/use-space-mutations.js';
import { knownSpaceOf, knownSpaceOfDetails } from '../utils/known-space.js';
import { spacePath } from '../utils/space-tree.js';
import { CreateSpaceModal } from './create-space-modal.js';
import { MoveContentModal } from './move-content-modal.js';
import { SpaceBadges } from './space-badges.js';
import { SpaceContentTable, type ContentRow } from './space-content-table.js';
import { ShareSpaceModal } from './share-space-modal.js';
import { SpaceTable } from './space-table.js';

type Moving = MoveItem & { name: string; spaceUuid: string };

/** A space: its child spaces, dashboards and charts; nest, share (root spaces), move content. */
export const SpacePage = () => {
  const params = useParams();
  const projectUuid = params.projectUuid ?? '';
  const spaceUuid = params.spaceUuid ?? '';
  const space = useSpace(projectUuid, spaceUuid);
  const spaces = useSpaces(projectUuid);
  const user = useUser();
  const decide = useSpaceDecider(projectUuid);
  const known = knownSpaceOfDetails(space.data, user.data?.userUuid);
  const canCreateInside = useCanCreateSpace(projectUuid, known);
  const [dialog, setDialog] = useState<'create' | 'share' | undefined>();
  const [moving, setMoving] = useState<Moving | undefined>();
  const navigate = useNavigate();

  if (space.isError) {
    return (
      <Container py="xl">
        <ErrorAlert error={space.error} onRetry={() => void space.refetch()} />
      </Container>
    );
  }
  if (!space.data) return <PageLoader label="Loading the space" />;
  const s = space.data;
  const canEdit = decide('edit', known);
  const canManage = decide('manage', known);
  const path = spacePath(s.uuid, spaces.data ?? []);
  const root = path[0];
  const editableTargets = (spaces.data ?? []).filter((x) => decide('edit', knownSpaceOf(x)));
  const move = canEdit ? (kind: MoveItem['kind']) => (row: ContentRow) => setMoving({ kind, uuid: row.uuid, name: row.name, spaceUuid: s.uuid }) : undefined;

  const dashboards: ContentRow[] = s.dashboards.map((d) => ({
    uuid: d.uuid,
    name: d.name,
    description: d.description,
    href: `/projects/${projectUuid}/dashboards/${d.uuid}/view`,
    kind: 'dashboard',
    updatedAt: d.updatedAt,
    views: d.views,
  }));
  const charts: ContentRow[] = s.queries.map((q) => ({
    uuid: q.uuid,
    name: q.name,
    description: q.description,
    href: `/projects/${projectUuid}/saved/${q.uuid}`,
    kind: q.chartKind,
    updatedAt: q.updatedAt,
    views: q.views,
  }));

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Breadcrumbs>
          <Anchor component={Link} to={`/projects/${projectUuid}/spaces`}>
            Spaces
          </Anchor>
          {path.slice(0, -1).map((p) => (
            <Anchor key={p.uuid} component={Link} to={`/projects/${projectUuid}/spaces/${p.uuid}`}>
              {p.name}
            </Anchor>
          ))}
          <Text>{s.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2}>{s.name}</Title>
            <SpaceBadges isPrivate={s.isPrivate} role={known?.myRole} />
          </Group>
          <Group gap="xs">
            <PinButton projectUuid={projectUuid} target={{ kind: 'space', projectUuid, uuid: s.uuid }} pinned={s.pinnedListUuid !== null} />
            {canCreateInside && (
              <Button variant="default" onClick={() => setDialog('create')}>
                New space inside
              </Button>
            )}
            {canManage && s.parentSpaceUuid === null && <Button onClick={() => setDialog('share')}>Share</Button>}
          </Group>
        </Group>
        {s.parentSpaceUuid !== null && (
          <Text size="sm" c="dimmed">
            Who can see this space follows {root && root.uuid !== s.uuid ? root.name : 'its top-level space'}; share that space to change it.
          </Text>
        )}
        {s.childSpaces.length > 0 && (
          <Stack gap="xs">
            <Title order={4}>Spaces</Title>
            <SpaceTable projectUuid={projectUuid} spaces={s.childSpaces} nested={false} />
          </Stack>
        )}
        <Stack gap="xs">
          <Title order={4}>Dashboards</Title>
          <SpaceContentTable label="Dashboards" rows={dashboards} onMove={move?.('dashboard')} />
        </Stack>
        <Stack gap="xs">
          <Title order={4}>Charts</Title>
          <SpaceContentTable label="Charts" rows={charts} onMove={move?.('chart')} />
        </Stack>
      </Stack>
      <CreateSpaceModal
        projectUuid={projectUuid}
        parent={{ uuid: s.uuid, name: s.name }}
        opened={dialog === 'create'}
        onClose={() => setDialog(undefined)}
        onCreated={(created) => {
          setDialog(undefined);
          void navigate(`/projects/${projectUuid}/spaces/${created.uuid}`);
        }}
      />
      <ShareSpaceModal space={s} opened={dialog === 'share'} onClose={() => setDialog(undefined)} />
      <MoveContentModal item={moving} targets={editableTargets} onClose={() => setMoving(undefined)} />
    </Container>
  );
};
