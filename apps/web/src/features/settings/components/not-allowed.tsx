import { Alert } from '@mantine/core';

/** Shown instead of a section the user's role does not allow (reached by a typed or old link). */
export const NotAllowed = ({ what }: { what: string }) => (
  <Alert color="yellow" title="Not available to you">
    Your role does not allow you to {what}. If you need this, ask an admin of your organization.
  </Alert>
);
