import { Alert, Text } from '@mantine/core';
import { sqlErrorText } from '../utils/sql-error-text.js';

/** A refused run: the warehouse's message kept as it wrote it (line breaks, the caret under the error). */
export const SqlErrorAlert = ({ error }: { error: unknown }) => {
  const { title, message } = sqlErrorText(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>
        {message}
      </Text>
    </Alert>
  );
};
