import { Anchor, Card, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './dashboard-grid.module.css';

type Props = { title: string; href?: string | undefined; hideTitle?: boolean | undefined; actions?: ReactNode; children: ReactNode; testId: string };

/** A tile's card: its title (a link to the chart when there is one), edit actions, and a body that fills the rest. */
export const TileFrame = ({ title, href, hideTitle, actions, children, testId }: Props) => (
  <Card withBorder padding="xs" className={classes.tile} data-testid={testId} aria-label={title || 'Tile'} component="section">
    {(!hideTitle || actions) && (
      <Group justify="space-between" wrap="nowrap" gap="xs" className={classes.tileHeader}>
        {hideTitle ? (
          <span />
        ) : href ? (
          <Anchor component={Link} to={href} fw={600} size="sm" truncate>
            {title}
          </Anchor>
        ) : (
          <Text fw={600} size="sm" truncate>
            {title}
          </Text>
        )}
        {actions && (
          <Group gap={4} wrap="nowrap" className={classes.noDrag}>
            {actions}
          </Group>
        )}
      </Group>
    )}
    <div className={classes.tileBody}>{children}</div>
  </Card>
);
