import { Alert, Button, Group } from '@mantine/core';
import { errorText, type ErrorText } from '../api/error-text.js';

/** An error in plain words, with a retry when the caller can retry. */
export const ErrorAlert = ({ error, onRetry, describe = errorText }: { error: unknown; onRetry?: (() => void) | undefined; describe?: (error: unknown) => ErrorText }) => {
  const { title, message } = describe(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <span>{message}</span>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
};
