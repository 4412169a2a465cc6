import { Button, Code, CopyButton, Group, Text } from '@mantine/core';

/** One labelled value with a copy button (client id, client secret). */
export const SecretLine = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Group gap="xs" wrap="nowrap">
    <Text size="sm" fw={600} w={110} style={{ flexShrink: 0 }}>
      {label}
    </Text>
    <Code data-testid={testId} style={{ wordBreak: 'break-all' }}>
      {value}
    </Code>
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      )}
    </CopyButton>
  </Group>
);
