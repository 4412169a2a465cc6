import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserWatch } from './browser-watch.js';
import { apiSession, startServer, waitFor, type RunningServer } from './tessera-server.js';

/**
 * The chart builder in real headless Chromium against the real server with the demo project:
 * build a filtered query on the orders explore, draw it as each chart type, add a table
 * calculation, save it to a new space, open the saved chart, change it (a second version), roll
 * back, and download its CSV. Screenshots go to e2e/artifacts/charts-NN-*.png. Any browser console
 * error fails the test.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
const ADMIN = { email: 'charts-admin@example.com', password: 'charts-admin-password-1' };
const hasChromium = existsSync(CHROMIUM);

let server: RunningServer | undefined;
let browser: Browser | undefined;
let home = '';
let demoProject = '';
let api: Awaited<ReturnType<typeof apiSession>> | undefined;
/** The chart the first test saves, opened by the viewer in the second. */
let chartUuid = '';
const { consoleErrors, failedResponses, watch } = browserWatch();


const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `charts-${name}.png`), fullPage: true });

/** Downloads the CSV (all rows) from the page's "Download CSV" menu and returns the file's lines. */
const downloadCsv = async (page: Page): Promise<string[]> => {
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'All rows' }).click();
  await page.getByTestId('csv-progress').waitFor();
  const file = await (await download).path();
  await page.locator('[data-testid="csv-progress"][data-phase="completed"]').waitFor();
  return (await readFile(file, 'utf8')).trim().split(/\r?\n/);
};

describe.skipIf(!hasChromium)(`chart builder in headless Chromium${hasChromium ? '' : ` — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`}`, () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/ensure-build.mjs')], { stdio: 'inherit' });
    await mkdir(ARTIFACTS, { recursive: true });
    home = await mkdtemp(path.join(os.tmpdir(), 'tessera-e2e-charts-'));
    server = await startServer({ TESSERA_HOME: home, TESSERA_ADMIN_EMAIL: ADMIN.email, TESSERA_ADMIN_PASSWORD: ADMIN.password });
    api = await apiSession(server.url, ADMIN.email, ADMIN.password);
    demoProject = await waitFor('the demo project', async () => (await api!.call<{ projectUuid: string }[]>('GET', '/org/projects'))[0]?.projectUuid, 180_000);
    await waitFor('the orders explore', async () => ((await api!.call<{ name: string }[]>('GET', `/projects/${demoProject}/explores`)).some((e) => e.name === 'orders') ? true : undefined), 120_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('builds each chart type, adds a table calculation, saves, edits, rolls back and downloads CSV', async () => {
    const { url } = server!;
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    watch(page);

    await page.goto(`${url}/login?next=${encodeURIComponent(`/projects/${demoProject}/tables/orders`)}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.locator('input[type="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/projects/${demoProject}/tables/orders`);
    await page.getByRole('tree', { name: 'Fields' }).waitFor();

    // Status, orders and revenue; a filter Region is EMEA.
    const search = page.locator('input[aria-label="Search fields"]');
    for (const [text, id] of [['status', 'orders_status'], ['order_count', 'orders_order_count'], ['total_revenue', 'orders_total_revenue']] as const) {
      await search.fill(text);
      await page.locator(`[data-field-id="${id}"]`).click();
    }
    await search.fill('');
    await page.getByRole('button', { name: '+ Add filter' }).first().click();
    await page.locator('input[aria-label="Field to filter"]').fill('Region');
    await page.getByRole('option', { name: 'Orders · Region' }).click();
    await page.locator('input[aria-label="Filter values"]').fill('EMEA');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByTestId('results-summary').waitFor();
    await page.getByTestId('results-chart').locator('canvas').waitFor();

    // Each chart type.
    const chartType = page.locator('[aria-label="Chart type"]');
    const kinds = [
      ['Line', 'results-chart'],
      ['Area', 'results-chart'],
      ['Scatter', 'results-chart'],
      ['Pie', 'results-chart'],
      ['Funnel', 'results-chart'],
      ['Big number', 'big-number'],
      ['Table', 'chart-table'],
      ['Bar', 'results-chart'],
    ] as const;
    let n = 1;
    for (const [label, testId] of kinds) {
      await chartType.getByText(label, { exact: true }).click();
      await page.getByTestId(testId).waitFor();
      if (testId === 'results-chart') await page.getByTestId(testId).locator('canvas').waitFor();
      await page.waitForTimeout(150);
      await page.getByTestId('chart-builder').screenshot({ path: path.join(ARTIFACTS, `charts-${String(n++).padStart(2, '0')}-${label.toLowerCase().replace(' ', '-')}.png`) });
    }
    expect(await page.getByTestId('big-number').count()).toBe(0);

    // Stacked bars with axis names.
    await page.getByLabel('Stack').check();
    await page.getByLabel('Y axis label').fill('Orders and revenue');

    // A table calculation over the selected orders count.
    await page.getByRole('button', { name: '+ Table calculation' }).click();
    const calc = page.getByRole('dialog');
    await calc.getByRole('textbox', { name: 'Name' }).fill('Double orders');
    await calc.getByRole('textbox', { name: 'SQL' }).fill('${orders.order_count} * 2');
    await calc.getByRole('button', { name: 'Add table calculation' }).click();
    await calc.waitFor({ state: 'hidden' });
    const run = page.waitForRequest((r) => r.url().endsWith('/explores/orders/runQuery'));
    await page.getByRole('button', { name: 'Run query' }).click();
    expect(((await run).postDataJSON() as { tableCalculations: unknown[] }).tableCalculations).toEqual([
      { name: 'double_orders', displayName: 'Double orders', sql: '${orders.order_count} * 2', type: 'number' },
    ]);
    await page.getByRole('columnheader', { name: /Double orders/ }).waitFor();
    await shot(page, '09-table-calculation');
    // A calculation opens again for editing from its badge.
    await page.getByTestId('custom-fields').getByText(/Double orders =/).click();
    expect(await page.getByRole('dialog').getByRole('textbox', { name: 'SQL' }).inputValue()).toBe('${orders.order_count} * 2');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // The explore's CSV: header and rows.
    const exploreCsv = await downloadCsv(page);
    expect(exploreCsv[0]).toMatch(/Status.*Orders.*Revenue.*Double orders/);
    expect(exploreCsv.length).toBeGreaterThan(2);

    // Save to a new space: the page becomes the saved chart.
    await page.getByRole('button', { name: 'Save chart' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('textbox', { name: 'Name', exact: true }).fill('EMEA orders by status');
    await modal.getByLabel('Description').fill('Made by the charts e2e test');
    await modal.getByText('New space', { exact: true }).click();
    await modal.getByLabel('New space name').fill('E2E charts');
    await shot(page, '10-save-modal');
    await modal.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/saved\/[0-9a-f-]+$/);
    chartUuid = page.url().split('/').at(-1)!;
    await page.getByTestId('saved-chart-name').waitFor();
    expect(await page.getByTestId('saved-chart-name').textContent()).toBe('EMEA orders by status');
    expect(await page.getByText('E2E charts').count()).toBeGreaterThan(0);
    await page.getByTestId('results-chart').locator('canvas').waitFor();
    await shot(page, '11-saved-chart');

    const saved = await api!.call<{ chartConfig: { type: string; config: { eChartsConfig: { series: { type: string; stack?: string }[]; yAxis?: { name: string }[] } } }; metricQuery: { tableCalculations: unknown[] } }>('GET', `/saved/${chartUuid}`);
    expect(saved.chartConfig.type).toBe('cartesian');
    // The y fields were chosen (by stacking) before the calculation was added: they stay as chosen.
    expect(saved.chartConfig.config.eChartsConfig.series.map((s) => s.type)).toEqual(['bar', 'bar']);
    expect(saved.chartConfig.config.eChartsConfig.series[0]?.stack).toBe('stack');
    expect(saved.chartConfig.config.eChartsConfig.yAxis?.[0]?.name).toBe('Orders and revenue');
    expect(saved.metricQuery.tableCalculations).toHaveLength(1);

    // Change it: a line chart, saved as a new version.
    await page.getByRole('link', { name: 'Edit chart' }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId('results-chart').locator('canvas').waitFor();
    await page.locator('[aria-label="Chart type"]').getByText('Line', { exact: true }).click();
    await shot(page, '12-edit-chart');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/saved/${chartUuid}$`));
    await page.getByTestId('results-chart').locator('canvas').waitFor();

    // Two versions; look at the first, roll back to it.
    await page.getByRole('button', { name: 'Version history' }).click();
    const versions = page.getByTestId('chart-versions').locator('tbody tr');
    await waitFor('two versions', async () => ((await versions.count()) === 2 ? true : undefined), 10_000);
    await versions.nth(1).getByRole('button', { name: 'View' }).click();
    await page.getByTestId('version-preview').locator('canvas').waitFor();
    await shot(page, '13-version-history');
    await versions.nth(1).getByRole('button', { name: 'Restore this version' }).click();
    await waitFor('the rolled back version', async () => ((await versions.count()) === 3 ? true : undefined), 10_000);
    const rolledBack = await api!.call<{ chartConfig: { config: { eChartsConfig: { series: { type: string }[] } } } }>('GET', `/saved/${chartUuid}`);
    expect(rolledBack.chartConfig.config.eChartsConfig.series[0]?.type).toBe('bar');
    await shot(page, '14-rolled-back');

    // The saved chart's CSV.
    const chartCsv = await downloadCsv(page);
    expect(chartCsv[0]).toMatch(/Status/);
    expect(chartCsv[0]).toMatch(/Double orders/);
    expect(chartCsv.length).toBeGreaterThan(2);
    await shot(page, '15-csv-downloaded');
    await page.close();

    expect(consoleErrors, `failed responses: ${failedResponses.join(', ')}`).toEqual([]);
  }, 180_000);

  it('offers an interactive viewer exploring and CSV, but neither saving nor editing (and the API refuses it)', async () => {
    expect(chartUuid, 'the first test saved a chart').not.toBe('');
    const { url } = server!;
    const viewer = { email: 'charts-viewer@example.com', password: 'charts-viewer-password-1' };
    const invite = await api!.call<{ inviteCode: string }>('POST', '/invite-links', { email: viewer.email, role: 'interactive_viewer', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await api!.call('POST', '/user', { inviteCode: invite.inviteCode, firstName: 'Ivy', lastName: 'Viewer', password: viewer.password });

    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${url}/login?next=${encodeURIComponent(`/projects/${demoProject}/tables/orders`)}`);
    await page.getByLabel('Email').fill(viewer.email);
    await page.locator('input[type="password"]').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/projects/${demoProject}/tables/orders`);
    await page.getByRole('button', { name: 'Run query' }).waitFor();
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save chart' }).count()).toBe(0);
    // Custom SQL dimensions are for developers and admins.
    expect(await page.getByRole('button', { name: '+ SQL dimension' }).count()).toBe(0);
    await shot(page, '16-viewer-explore');

    await page.goto(`${url}/projects/${demoProject}/saved/${chartUuid}`);
    await page.getByTestId('results-chart').locator('canvas').waitFor();
    await page.getByRole('button', { name: 'Version history' }).click();
    await page.getByTestId('chart-versions').waitFor();
    expect(await page.getByRole('link', { name: 'Edit chart' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Restore this version' }).count()).toBe(0);
    await shot(page, '17-viewer-saved-chart');

    const viewerApi = await apiSession(url, viewer.email, viewer.password);
    const saved = await viewerApi.call<{ tableName: string; metricQuery: unknown; chartConfig: unknown; tableConfig: unknown }>('GET', `/saved/${chartUuid}`);
    await expect(viewerApi.call('POST', `/saved/${chartUuid}/version`, { tableName: saved.tableName, metricQuery: saved.metricQuery, chartConfig: saved.chartConfig, tableConfig: saved.tableConfig })).rejects.toThrow(/403/);
    await context.close();
    expect(consoleErrors, `failed responses: ${failedResponses.join(', ')}`).toEqual([]);
  }, 120_000);

  it('adds a bin dimension and a custom metric, which the server compiles and runs', async () => {
    const { url } = server!;
    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${url}/login?next=${encodeURIComponent(`/projects/${demoProject}/tables/orders`)}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.locator('input[type="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('tree', { name: 'Fields' }).waitFor();

    await page.getByRole('button', { name: '+ Bin dimension' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Dimension to bin').fill('Order total');
    await page.getByRole('option', { name: 'Orders · Order total', exact: true }).click();
    await dialog.getByRole('button', { name: 'Add bin dimension' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '+ Custom metric' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Dimension', { exact: true }).fill('Order total');
    await page.getByRole('option', { name: 'Orders · Order total', exact: true }).click();
    await dialog.getByRole('button', { name: 'Add custom metric' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const run = page.waitForRequest((r) => r.url().endsWith('/explores/orders/runQuery'));
    await page.getByRole('button', { name: 'Run query' }).click();
    expect((await run).postDataJSON()).toMatchObject({
      dimensions: ['order_total_bins'],
      metrics: ['orders_total_usd_sum'],
      customDimensions: [{ id: 'order_total_bins', type: 'bin', dimensionId: 'orders_total_usd', binType: 'fixed_number', binNumber: 5 }],
      additionalMetrics: [{ table: 'orders', name: 'total_usd_sum', type: 'sum' }],
    });
    await page.getByRole('columnheader', { name: /Order total bins/ }).waitFor();
    await page.getByRole('columnheader', { name: /Sum of Order total/ }).waitFor();
    expect(await page.locator('tbody tr[aria-rowindex]').count()).toBeGreaterThan(1);
    await page.getByTestId('results-chart').locator('canvas').waitFor();
    await shot(page, '18-custom-fields');
    await context.close();
    expect(consoleErrors, `failed responses: ${failedResponses.join(', ')}`).toEqual([]);
  }, 60_000);
});
