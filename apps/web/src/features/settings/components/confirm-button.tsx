import { Button, Group, Popover, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';

type Props = ButtonProps & {
  /** The button's text ("Revoke", "Delete"); the confirmation repeats it. */
  label: string;
  /** What will happen, in a sentence. */
  question: string;
  onConfirm: () => void;
  loading?: boolean;
  'aria-label'?: string;
};

/** A destructive action asked twice: the button opens a small confirmation beside it. */
export const ConfirmButton = ({ label, question, onConfirm, loading, 'aria-label': ariaLabel, ...button }: Props) => {
  const [open, setOpen] = useState(false);
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button size="xs" color="red" variant="subtle" loading={loading ?? false} aria-label={ariaLabel} {...button} onClick={() => setOpen((o) => !o)}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={320}>
        <Stack gap="xs">
          <Text size="sm">{question}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>
              Keep it
            </Button>
            <Button
              size="xs"
              color="red"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              Yes, {label.toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
};
