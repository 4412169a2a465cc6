import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserWatch } from './browser-watch.js';
import { apiSession, startServer, waitFor, type RunningServer } from './tessera-server.js';

/**
 * Home, dashboards and spaces in real headless Chromium against the real server with the demo
 * project: the home page lists content; create a dashboard, add a chart and a markdown tile (its
 * HTML shown as text), a tab, resize a tile, save; filter the dashboard and see the tile's rows
 * change; pin it to the home page; browse spaces, nest one, move the dashboard into it. Screenshots go to
 * e2e/artifacts/dashboards-NN-*.png. Any browser console error fails the test.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
const ADMIN = { email: 'dashboards-admin@example.com', password: 'dashboards-admin-password-1' };
const hasChromium = existsSync(CHROMIUM);

let server: RunningServer | undefined;
let browser: Browser | undefined;
let home = '';
let demoProject = '';
let spaceUuid = '';
let api: Awaited<ReturnType<typeof apiSession>> | undefined;
const { consoleErrors, failedResponses, watch } = browserWatch();


const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `dashboards-${name}.png`), fullPage: true });

/** Picks `option` in the Mantine select labelled `label`. */
const choose = async (page: Page, label: string, option: string | RegExp) => {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
};

type TileBody = { dashboardFilters: { dimensions: { target: { fieldId: string }; values: unknown[] }[] } };

describe.skipIf(!hasChromium)(`dashboards, spaces and home in headless Chromium${hasChromium ? '' : ` — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`}`, () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/ensure-build.mjs')], { stdio: 'inherit' });
    await mkdir(ARTIFACTS, { recursive: true });
    home = await mkdtemp(path.join(os.tmpdir(), 'tessera-e2e-dashboards-'));
    server = await startServer({ TESSERA_HOME: home, TESSERA_ADMIN_EMAIL: ADMIN.email, TESSERA_ADMIN_PASSWORD: ADMIN.password });
    api = await apiSession(server.url, ADMIN.email, ADMIN.password);
    demoProject = await waitFor('the demo project', async () => (await api!.call<{ projectUuid: string }[]>('GET', '/org/projects'))[0]?.projectUuid, 180_000);
    await waitFor('the orders explore', async () => ((await api!.call<{ name: string }[]>('GET', `/projects/${demoProject}/explores`)).some((e) => e.name === 'orders') ? true : undefined), 120_000);
    // A public space with one chart (orders by status, as bars), made through the API: this file is about what comes after.
    spaceUuid = (await api.call<{ uuid: string }>('POST', `/projects/${demoProject}/spaces`, { name: 'Sales', isPrivate: false })).uuid;
    await api.call('POST', `/projects/${demoProject}/saved`, {
      name: 'Orders by status',
      spaceUuid,
      tableName: 'orders',
      metricQuery: {
        exploreName: 'orders',
        dimensions: ['orders_status'],
        metrics: ['orders_order_count'],
        filters: {},
        sorts: [{ fieldId: 'orders_status', descending: false }],
        limit: 500,
        tableCalculations: [],
      },
      chartConfig: {
        type: 'cartesian',
        config: {
          layout: { xField: 'orders_status', yField: ['orders_order_count'] },
          eChartsConfig: { series: [{ type: 'bar', encode: { xRef: { field: 'orders_status' }, yRef: { field: 'orders_order_count' } } }] },
        },
      },
      tableConfig: { columnOrder: ['orders_status', 'orders_order_count'] },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('creates, edits, filters and moves a dashboard; browses and nests spaces', async () => {
    const { url } = server!;
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
    watch(page);

    // Sign in: the start page is the project's home, listing the chart.
    await page.goto(`${url}/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.locator('input[type="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/projects/${demoProject}/home`);
    await page.getByRole('region', { name: 'Recently updated' }).getByRole('link', { name: 'Orders by status' }).waitFor();
    await page.getByRole('region', { name: 'Spaces' }).getByRole('link', { name: 'Sales' }).waitFor();
    await shot(page, '01-home');

    // A new dashboard, in the Sales space; it opens in edit mode.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Dashboards' }).click();
    await page.getByRole('button', { name: 'New dashboard' }).click();
    await page.getByLabel('Name').fill('Sales overview');
    await page.getByRole('button', { name: 'Create dashboard' }).click();
    await page.waitForURL(/\/dashboards\/[\w-]+\/edit$/);
    const dashboardUuid = /dashboards\/([\w-]+)\/edit/.exec(page.url())![1]!;

    // A chart tile and a markdown tile whose HTML must show as text.
    await page.getByRole('button', { name: 'Add chart' }).click();
    await choose(page, 'Chart', 'Orders by status (Sales)');
    await page.getByRole('button', { name: 'Add chart', exact: true }).last().click();
    await page.getByTestId('chart-tile').getByTestId('results-chart').locator('canvas').waitFor();
    await page.getByRole('button', { name: 'Add text' }).click();
    await page.getByLabel('Title').fill('Notes');
    await page.getByLabel('Text (Markdown)').fill('## About\n\nOrders **by status**. <img src=x onerror="window.__injected=1"> [docs](javascript:alert(1))');
    await page.getByRole('button', { name: 'Save text' }).click();
    const markdown = page.getByTestId('markdown-tile');
    await markdown.getByRole('heading', { name: 'About' }).waitFor();
    expect(await markdown.locator('strong').textContent()).toBe('by status');
    expect(await markdown.locator('img').count()).toBe(0);
    expect(await markdown.textContent()).toContain('<img src=x');
    expect(await markdown.locator('a').count()).toBe(0);

    // Resize the markdown tile by its corner handle (once the dialog has gone: its overlay takes the mouse while it fades).
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const handle = page.locator(`[data-tile-uuid] .react-resizable-handle`).last();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 160, { steps: 8 });
    await page.mouse.up();
    await shot(page, '02-edit');

    const saved = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/dashboards/${dashboardUuid}`));
    await page.getByRole('button', { name: 'Save dashboard' }).click();
    const body = (await saved).postDataJSON() as { tiles: { type: string; w: number; h: number }[] };
    expect(body.tiles.map((t) => t.type)).toEqual(['saved_chart', 'markdown']);
    const markdownTile = body.tiles[1]!;
    expect(markdownTile.w * markdownTile.h).toBeGreaterThan(12 * 6);
    await page.waitForURL(`${url}/projects/${demoProject}/dashboards/${dashboardUuid}/view`);
    await page.getByTestId('chart-tile').getByTestId('results-chart').locator('canvas').waitFor();
    await page.locator('[data-testid="chart-tile-body"]:not([data-rows=""])').waitFor();
    const rowsBefore = Number(await page.getByTestId('chart-tile-body').getAttribute('data-rows'));
    expect(rowsBefore).toBeGreaterThan(1);
    await shot(page, '03-view');

    // A dashboard filter: Status is completed. The tile runs again with it and shows one row.
    await page.getByRole('button', { name: '+ Add filter' }).click();
    await choose(page, 'Dashboard filter field', 'Orders · Status');
    await page.getByRole('combobox', { name: 'Filter values' }).fill('completed');
    await page.keyboard.press('Enter');
    const run = page.waitForRequest((r) => r.url().endsWith('/chart-and-results') && (r.postDataJSON() as TileBody).dashboardFilters.dimensions.length > 0);
    await page.getByRole('button', { name: 'Apply' }).click();
    expect((await run).postDataJSON()).toMatchObject({ dashboardFilters: { dimensions: [{ target: { fieldId: 'orders_status' }, operator: 'equals', values: ['completed'] }] } });
    await page.locator('[data-testid="chart-tile-body"][data-rows="1"]').waitFor();
    expect(await page.getByTestId('dashboard-filter-chip').textContent()).toBe('Status is completed');
    await shot(page, '04-filtered');

    // Pinned to the project's home.
    await page.getByRole('button', { name: 'Pin to home' }).click();
    await page.getByRole('button', { name: 'Unpin from home' }).waitFor();

    // Edit again: a second tab; saved, the tiles stay on the first one.
    await page.getByRole('link', { name: 'Edit dashboard' }).click();
    await page.getByRole('button', { name: '+ Add tab' }).click();
    await page.getByLabel('Tab name').fill('Later');
    const tabsSaved = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/dashboards/${dashboardUuid}`));
    await page.getByRole('button', { name: 'Save dashboard' }).click();
    const tabsBody = (await tabsSaved).postDataJSON() as { tabs: { uuid: string; name: string }[]; tiles: { tabUuid: string }[] };
    expect(tabsBody.tabs.map((t) => t.name)).toEqual(['Tab 1', 'Later']);
    expect(tabsBody.tiles.every((t) => t.tabUuid === tabsBody.tabs[0]!.uuid)).toBe(true);
    await page.waitForURL(`${url}/projects/${demoProject}/dashboards/${dashboardUuid}/view`);
    await page.getByRole('tab', { name: 'Later' }).click();
    await page.getByText('This tab has no tiles yet.').waitFor();
    expect(await page.getByTestId('chart-tile').count()).toBe(0);
    await page.getByRole('tab', { name: 'Tab 1' }).click();
    await page.getByTestId('chart-tile').waitFor();

    // Spaces: the tree, a nested space, and the dashboard moved into it.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Spaces' }).click();
    await page.getByRole('table', { name: 'Spaces' }).getByRole('link', { name: 'Sales' }).click();
    await page.getByRole('table', { name: 'Dashboards' }).getByRole('link', { name: 'Sales overview' }).waitFor();
    await page.getByRole('button', { name: 'New space inside' }).click();
    await page.getByLabel('Name').fill('EMEA');
    await page.getByRole('button', { name: 'Create space' }).click();
    await page.getByRole('heading', { name: 'EMEA' }).waitFor();
    expect(await page.getByText('Who can see this space follows Sales').count()).toBe(1);
    await page.getByRole('link', { name: 'Sales', exact: true }).click();
    await page.getByRole('table', { name: 'Spaces' }).getByRole('link', { name: 'EMEA' }).waitFor();
    await page.getByRole('button', { name: 'Move Sales overview' }).click();
    await choose(page, 'To space', 'Sales / EMEA');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByText('No dashboards in this space.').waitFor();
    await shot(page, '05-space');
    const moved = await api!.call<{ spaceName: string }>('GET', `/dashboards/${dashboardUuid}`);
    expect(moved.spaceName).toBe('EMEA');

    await page.goto(`${url}/projects/${demoProject}/spaces`);
    await page.getByRole('table', { name: 'Spaces' }).getByRole('link', { name: 'EMEA' }).waitFor();
    await shot(page, '06-spaces');

    // Home lists the pinned dashboard.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('region', { name: 'Pinned' }).getByRole('link', { name: 'Sales overview' }).waitFor();
    await shot(page, '07-home-pinned');
    await page.close();

    expect(consoleErrors, `failed responses: ${failedResponses.join(', ')}`).toEqual([]);
  }, 120_000);
});
