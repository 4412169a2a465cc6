import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toggleDashboardPinning, toggleSpacePinning } from '../../../api/content-endpoints.js';

export type PinTarget = { kind: 'dashboard'; uuid: string } | { kind: 'space'; projectUuid: string; uuid: string };

/** Pins a dashboard or a space to the project's home, or unpins it; home, dashboards and spaces are asked again. */
export const useTogglePin = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: PinTarget) => (target.kind === 'dashboard' ? toggleDashboardPinning(target.uuid) : toggleSpacePinning(target.projectUuid, target.uuid)),
    onSuccess: () =>
      Promise.all(['home', 'dashboards', 'spaces'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
};
