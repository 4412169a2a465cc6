import { useQuery } from '@tanstack/react-query';
import { listSpaces } from '../../../api/charts-endpoints.js';
import { chartKeys } from './chart-keys.js';

/** The project's spaces the user may see (ListSpacesInProject), for choosing where to save. */
export const useSpaces = (projectUuid: string, enabled: boolean) =>
  useQuery({ queryKey: chartKeys.spaces(projectUuid), queryFn: ({ signal }) => listSpaces(projectUuid, signal), enabled });
