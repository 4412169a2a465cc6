import { Anchor, Center, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { safeHref } from '../utils/safe-href.js';
import { MarkdownView } from './markdown-view.js';
import { TileFrame } from './tile-frame.js';

/** A markdown tile: its content rendered safely (see MarkdownView). */
export const MarkdownTile = ({ title, content, actions }: { title: string; content: string; actions?: ReactNode }) => (
  <TileFrame title={title} hideTitle={title === '' && !actions} actions={actions} testId="markdown-tile">
    <MarkdownView content={content} />
  </TileFrame>
);

/** A Loom video tile: a link to the recording (embedding a third-party player is left out). */
export const LoomTile = ({ title, url, hideTitle, actions }: { title: string; url: string; hideTitle?: boolean | undefined; actions?: ReactNode }) => {
  const href = safeHref(url);
  return (
    <TileFrame title={title} hideTitle={hideTitle} actions={actions} testId="loom-tile">
      <Center h="100%">
        <Stack align="center" gap={4}>
          <Text size="sm" c="dimmed">
            Video
          </Text>
          {href ? (
            <Anchor href={href} target="_blank" rel="noopener noreferrer">
              Watch “{title || 'the recording'}” on Loom
            </Anchor>
          ) : (
            <Text size="sm">This tile's video address cannot be opened.</Text>
          )}
        </Stack>
      </Center>
    </TileFrame>
  );
};

/** A tile whose chart was deleted (the API keeps the tile with `savedChartUuid: null`). */
export const MissingChartTile = ({ title, actions }: { title: string; actions?: ReactNode }) => (
  <TileFrame title={title || 'Chart'} actions={actions} testId="missing-chart-tile">
    <Center h="100%">
      <Text size="sm" c="dimmed">
        The chart of this tile was deleted. Remove the tile or add another chart.
      </Text>
    </Center>
  </TileFrame>
);
