import type { CsvExportStatus } from '../../../api/charts-types.js';

/** Where a CSV export is, in the steps the progress indicator shows. */
export type CsvPhase = 'idle' | 'starting' | 'scheduled' | 'started' | 'completed' | 'error';

export const csvPhase = (starting: boolean, hasJob: boolean, status: CsvExportStatus | undefined): CsvPhase => {
  if (starting) return 'starting';
  if (!hasJob) return 'idle';
  return status?.status ?? 'scheduled';
};

export const CSV_PROGRESS: Record<CsvPhase, { value: number; label: string }> = {
  idle: { value: 0, label: '' },
  starting: { value: 10, label: 'Starting the export…' },
  scheduled: { value: 30, label: 'Waiting for the export to start…' },
  started: { value: 65, label: 'Running the query and writing the CSV file…' },
  completed: { value: 100, label: 'The file is ready: your browser is downloading it.' },
  error: { value: 100, label: 'The export failed.' },
};

/**
 * The download link on this origin: the server's url carries its configured site url, which may
 * not be the address the browser reached it by; the path is what matters (same origin, cookie).
 */
export const downloadPath = (url: string): string => {
  try {
    const parsed = new URL(url, 'http://same-origin.invalid');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
};
