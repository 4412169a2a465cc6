import { Box, CloseButton, Group, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { MARKS } from '../../../app/performance-marks.js';
import type { FieldIndex } from '../utils/field-index.js';
import { treeRows, type TreeRow } from '../utils/field-tree-rows.js';
import classes from './field-tree.module.css';

const ROW_HEIGHT = 28;

type Props = {
  index: FieldIndex;
  selected: ReadonlySet<string>;
  onToggleField: (fieldId: string, kind: 'dimension' | 'metric') => void;
};

/**
 * The explore's fields as a tree with a search box. Only the rows in view are rendered
 * (virtualised), and the rows are recomputed synchronously on each keystroke — a linear pass over
 * the fields — so the search keeps up with typing for thousands of fields. Each search update is
 * measured (`tessera:field-search`, keystroke → rows on screen) for the end-to-end run.
 */
export const FieldTree = ({ index, selected, onToggleField }: Props) => {
  const [query, setQuery] = useState('');
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => treeRows(index, { query, toggled }), [index, query, toggled]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const searchStarted = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const started = searchStarted.current;
    if (started === undefined) return;
    searchStarted.current = undefined;
    // The next frame is when the new rows are painted.
    requestAnimationFrame(() => performance.measure(MARKS.fieldSearch, { start: started, end: performance.now() }));
  }, [rows]);

  const flip = (key: string) =>
    setToggled((t) => {
      const next = new Set(t);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const search = (value: string) => {
    searchStarted.current = performance.now();
    setQuery(value);
    virtualizer.scrollToOffset(0);
  };

  return (
    <Box className={classes.panel}>
      <TextInput
        placeholder="Search fields"
        aria-label="Search fields"
        value={query}
        onChange={(e) => search(e.currentTarget.value)}
        rightSection={query ? <CloseButton size="sm" aria-label="Clear search" onClick={() => search('')} /> : null}
        m="xs"
      />
      <div ref={scrollRef} className={classes.scroll} role="tree" aria-label="Fields">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            No field matches “{query}”.
          </Text>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div key={row.key} className={classes.row} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <TreeLine row={row} selected={selected} onFlip={flip} onToggleField={onToggleField} />
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
};

const TreeLine = ({ row, selected, onFlip, onToggleField }: { row: TreeRow; selected: ReadonlySet<string>; onFlip: (key: string) => void; onToggleField: Props['onToggleField'] }) => {
  const indent = { paddingLeft: 8 + row.depth * 14 };
  if (row.kind !== 'field') {
    return (
      <UnstyledButton className={classes[row.kind]} style={indent} onClick={() => onFlip(row.key)} role="treeitem" aria-expanded={row.expanded}>
        <span className={classes.caret}>{row.expanded ? '▾' : '▸'}</span>
        {row.label}
      </UnstyledButton>
    );
  }
  const { field } = row;
  if (row.expandable) {
    return (
      <UnstyledButton className={classes.field} style={indent} onClick={() => onFlip(row.key)} role="treeitem" aria-expanded={row.expanded}>
        <span className={classes.caret}>{row.expanded ? '▾' : '▸'}</span>
        {field.label}
      </UnstyledButton>
    );
  }
  const isSelected = selected.has(field.id);
  const line = (
    <UnstyledButton
      className={classes.field}
      data-kind={field.kind}
      data-selected={isSelected || undefined}
      style={indent}
      onClick={() => onToggleField(field.id, field.kind)}
      role="treeitem"
      aria-selected={isSelected}
      data-field-id={field.id}
    >
      <Group gap={6} wrap="nowrap">
        <span className={classes.dot} data-kind={field.kind} />
        <span className={classes.label}>{field.timeInterval ? intervalLabel(field.label, field.timeInterval) : field.label}</span>
      </Group>
    </UnstyledButton>
  );
  return field.description ? (
    <Tooltip label={field.description} openDelay={600} position="right" multiline w={280} withinPortal>
      {line}
    </Tooltip>
  ) : (
    line
  );
};

/** Under its base dimension an interval reads as the interval alone ("Month", "Day of week"). */
const intervalLabel = (label: string, interval: string): string => {
  const words = interval.toLowerCase().replace(/_/g, ' ').replace(/\bnum\b/, 'number');
  return words.charAt(0).toUpperCase() + words.slice(1) || label;
};
