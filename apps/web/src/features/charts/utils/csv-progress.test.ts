import { describe, expect, it } from 'vitest';
import { csvPhase, downloadPath } from './csv-progress.js';

describe('CSV export progress', () => {
  it('follows the job: starting, scheduled until the first answer, then the server status', () => {
    expect(csvPhase(false, false, undefined)).toBe('idle');
    expect(csvPhase(true, false, undefined)).toBe('starting');
    expect(csvPhase(false, true, undefined)).toBe('scheduled');
    expect(csvPhase(false, true, { url: '', status: 'started', truncated: false })).toBe('started');
    expect(csvPhase(false, true, { url: 'x', status: 'completed', truncated: true })).toBe('completed');
    expect(csvPhase(false, true, { url: '', status: 'error', truncated: false, error: 'boom' })).toBe('error');
  });

  it('downloads from this origin whatever site url the server was configured with', () => {
    expect(downloadPath('http://localhost:8080/api/v1/projects/p/csv/j')).toBe('/api/v1/projects/p/csv/j');
    expect(downloadPath('/api/v1/projects/p/csv/j')).toBe('/api/v1/projects/p/csv/j');
  });
});
