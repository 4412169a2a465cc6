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
 * Settings, tokens, invites and the SQL runner in real headless Chromium against the real server
 * with the demo project. As the admin: a personal access token (its secret shown once, and it
 * works), Looker API credentials (shown once; they sign in at /api/3.1/login until deleted), a group,
 * an invite; the invite accepted in a second browser (a fresh context) where the
 * new viewer signs in and finds neither the SQL runner nor the organization settings; then a user
 * attribute for that viewer, a project edit and a SQL run. Screenshots go to
 * e2e/artifacts/settings-NN-*.png. Any browser console error not expected by a step fails it.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
const ADMIN = { email: 'settings-admin@example.com', password: 'settings-admin-password-1' };
const VIEWER = { email: 'new-viewer@example.com', password: 'viewer-password-1', firstName: 'Vera', lastName: 'Viewer' };
const hasChromium = existsSync(CHROMIUM);

let server: RunningServer | undefined;
let browser: Browser | undefined;
let home = '';
let project = { projectUuid: '', name: '' };
const { consoleErrors, failedResponses, watch } = browserWatch();


const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `settings-${name}.png`), fullPage: true });

const signIn = async (page: Page, url: string, email: string, password: string) => {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
};

/** A link of the settings menu (the header has links of its own). */
const settingsLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name, exact: true });

const openAccountMenu = async (page: Page) => {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).waitFor();
};

describe.skipIf(!hasChromium)(`settings, tokens, invites and SQL runner in headless Chromium${hasChromium ? '' : ` — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`}`, () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/ensure-build.mjs')], { stdio: 'inherit' });
    await mkdir(ARTIFACTS, { recursive: true });
    home = await mkdtemp(path.join(os.tmpdir(), 'tessera-e2e-settings-'));
    // Chromium starts while the demo project is generated (set at once, so afterAll closes it whatever fails).
    const launching = chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] }).then((b) => (browser = b));
    server = await startServer({ TESSERA_HOME: home, TESSERA_ADMIN_EMAIL: ADMIN.email, TESSERA_ADMIN_PASSWORD: ADMIN.password });
    const api = await apiSession(server.url, ADMIN.email, ADMIN.password);
    project = await waitFor('the demo project', async () => (await api.call<{ projectUuid: string; name: string }[]>('GET', '/org/projects'))[0], 180_000);
    await waitFor('the orders explore', async () => ((await api.call<{ name: string }[]>('GET', `/projects/${project.projectUuid}/explores`)).some((e) => e.name === 'orders') ? true : undefined), 120_000);
    await launching;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('as admin: token, group, invite, attribute, project edit and SQL; as the invited viewer: no SQL runner, no admin settings', async () => {
    const { url } = server!;
    const admin = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    watch(admin);
    await signIn(admin, url, ADMIN.email, ADMIN.password);

    // A personal access token: the secret is shown once, works against the API, and is not shown again.
    await openAccountMenu(admin);
    await admin.getByRole('menuitem', { name: 'Personal access tokens' }).click();
    await admin.getByLabel('What is this token for?').fill('e2e script');
    await admin.getByRole('button', { name: 'Generate token' }).click();
    const secret = (await admin.getByTestId('new-token-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await shot(admin, '01-token-created');
    const me = await fetch(`${url}/api/v1/user`, { headers: { authorization: `ApiKey ${secret}` } });
    expect(((await me.json()) as { results: { email: string } }).results.email).toBe(ADMIN.email);
    await admin.getByRole('button', { name: 'Done, hide it' }).click();
    await admin.getByRole('table', { name: 'Personal access tokens' }).getByText('e2e script').waitFor();
    expect(await admin.getByText(secret).count()).toBe(0);
    await admin.getByRole('button', { name: 'Revoke e2e script' }).click();
    await admin.getByRole('button', { name: 'Yes, revoke' }).click();
    await admin.getByText('You have no personal access tokens.').waitFor();
    expect((await fetch(`${url}/api/v1/user`, { headers: { authorization: `ApiKey ${secret}` } })).status).toBe(401);

    // Looker API credentials: the secret is shown once, signs in at /api/3.1/login; deleted, it no longer does.
    await settingsLink(admin, 'Looker API credentials').click();
    await admin.getByText('You have no Looker API credentials.').waitFor();
    await admin.getByRole('button', { name: 'Create API credentials' }).click();
    const clientId = (await admin.getByTestId('new-looker-client-id').textContent()) ?? '';
    const clientSecret = (await admin.getByTestId('new-looker-client-secret').textContent()) ?? '';
    expect(clientId.length).toBeGreaterThan(10);
    expect(clientSecret.length).toBeGreaterThan(20);
    await admin.getByText('it is shown only this once').waitFor();
    await shot(admin, '01b-looker-credentials-created');
    const lookerLogin = () =>
      fetch(`${url}/api/3.1/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret }) });
    const signedIn = await lookerLogin();
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { access_token?: string }).access_token).toMatch(/.{20,}/);
    await admin.getByRole('button', { name: 'Done, hide it' }).click();
    const lookerTable = admin.getByRole('table', { name: 'Looker API credentials' });
    await lookerTable.getByText(clientId).waitFor();
    expect(await lookerTable.getByText('Enabled').count()).toBe(1);
    expect(await admin.getByText(clientSecret).count()).toBe(0);
    await admin.getByRole('button', { name: `Delete credentials ${clientId}` }).click();
    await admin.getByRole('button', { name: 'Yes, delete' }).click();
    await admin.getByText('You have no Looker API credentials.').waitFor();
    expect([401, 404]).toContain((await lookerLogin()).status);

    // A group, with the admin as member.
    await settingsLink(admin, 'Groups').click();
    await admin.getByLabel('New group').fill('Analysts');
    await admin.getByRole('button', { name: 'Create group' }).click();
    const group = admin.locator('[data-group="Analysts"]');
    await group.waitFor();
    await group.getByLabel('Add a member to Analysts').click();
    await admin.getByRole('option', { name: ADMIN.email }).click();
    await group.getByRole('button', { name: `Remove ${ADMIN.email} from Analysts` }).waitFor();
    await group.getByLabel('Group name').fill('Data analysts');
    await group.getByRole('button', { name: 'Rename' }).click();
    await admin.locator('[data-group="Data analysts"]').waitFor();
    await shot(admin, '02-groups');

    // An invite for a viewer; the link is shown to copy, the member listed as invited.
    await settingsLink(admin, 'Users and invites').click();
    await admin.getByLabel('Invite by email').fill(VIEWER.email);
    await admin.getByRole('combobox', { name: 'Invite role' }).click();
    await admin.getByRole('option', { name: 'Viewer', exact: true }).click();
    await admin.getByRole('button', { name: 'Create invite link' }).click();
    const inviteUrl = (await admin.getByTestId('invite-url').textContent()) ?? '';
    const inviteCode = /\/invite\/([\w-]+)$/.exec(inviteUrl)?.[1];
    expect(inviteCode, inviteUrl).toBeDefined();
    expect(inviteUrl.startsWith(`${url}/invite/`), 'the link is on the address the admin uses').toBe(true);
    await admin.locator(`tr[data-email="${VIEWER.email}"]`).getByText('Invited').waitFor();
    await shot(admin, '03-invite');

    // The invite accepted in a second browser (its own cookies): the new user is signed in.
    const viewer = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    watch(viewer);
    await viewer.goto(inviteUrl);
    expect(await viewer.getByTestId('invite-email').textContent()).toBe(VIEWER.email);
    await viewer.getByLabel('First name').fill(VIEWER.firstName);
    await viewer.getByLabel('Last name').fill(VIEWER.lastName);
    await viewer.locator('input[type="password"]').fill(VIEWER.password);
    await shot(viewer, '04-invite-accept');
    await viewer.getByRole('button', { name: 'Create account and sign in' }).click();
    await viewer.waitForURL((u) => u.pathname.startsWith(`/projects/${project.projectUuid}/`)); // the project's start page
    expect(await viewer.getByRole('button', { name: 'Account menu' }).textContent()).toContain('Vera Viewer');

    // Signs out and in again with the chosen password.
    await viewer.getByRole('button', { name: 'Account menu' }).click();
    await viewer.getByRole('menuitem', { name: 'Sign out' }).click();
    await viewer.waitForURL(/\/login/);
    await signIn(viewer, url, VIEWER.email, VIEWER.password);
    await viewer.waitForURL((u) => u.pathname.startsWith(`/projects/${project.projectUuid}/`)); // the project's start page

    // The viewer is offered neither the SQL runner nor the organization's settings.
    await openAccountMenu(viewer);
    await viewer.waitForLoadState('networkidle');
    expect(await viewer.getByRole('menuitem', { name: 'SQL runner' }).count()).toBe(0);
    await viewer.getByRole('menuitem', { name: 'Settings' }).click();
    await viewer.getByRole('heading', { name: 'Profile' }).waitFor();
    const nav = viewer.getByRole('navigation', { name: 'Settings' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Profile', 'Personal access tokens', 'Looker API credentials', 'My warehouse credentials']);
    await shot(viewer, '05-viewer-settings');
    await viewer.goto(`${url}/generalSettings/userManagement`);
    await viewer.getByText('Not available to you').waitFor();
    await viewer.goto(`${url}/projects/${project.projectUuid}/sqlRunner`);
    await viewer.getByText('The SQL runner is for developers and admins').waitFor();
    expect(await viewer.getByRole('textbox', { name: 'SQL' }).count()).toBe(0);
    await shot(viewer, '06-viewer-sql-runner');
    await viewer.close();

    // My warehouse credentials: saved, listed with the login, the password never shown again.
    await settingsLink(admin, 'My warehouse credentials').click();
    await admin.getByRole('button', { name: 'Add credentials' }).click();
    await admin.getByLabel('Name').fill('My Postgres login');
    await admin.getByLabel('User').fill('analyst');
    await admin.getByRole('textbox', { name: 'Password' }).fill('warehouse-secret-1');
    await admin.getByRole('button', { name: 'Save credentials' }).click();
    const credentials = admin.getByRole('table', { name: 'My warehouse credentials' });
    await credentials.getByText('My Postgres login').waitFor();
    await credentials.getByRole('button', { name: 'Edit' }).click();
    expect(await admin.getByLabel('User').inputValue()).toBe('analyst');
    expect(await admin.getByRole('textbox', { name: 'Password' }).inputValue()).toBe('');
    await shot(admin, '07a-warehouse-credentials');
    await admin.getByRole('button', { name: 'Cancel' }).click();

    // A user attribute with a value for the new viewer.
    await settingsLink(admin, 'User attributes').click();
    await admin.getByRole('button', { name: 'New attribute' }).click();
    await admin.getByLabel('Name').fill('sales_region');
    await admin.getByLabel('Description').fill('Region a user may see');
    await admin.getByLabel(`Value for ${VIEWER.email}`).fill('EMEA');
    await admin.getByRole('button', { name: 'Save attribute' }).click();
    const attributes = admin.getByRole('table', { name: 'User attributes' });
    await attributes.getByText('sales_region').waitFor();
    await shot(admin, '07-user-attributes');
    const api = await apiSession(url, ADMIN.email, ADMIN.password);
    const [attribute] = await api.call<{ name: string; users: { email: string; value: string }[] }[]>('GET', '/org/attributes');
    expect(attribute).toMatchObject({ name: 'sales_region', users: [{ email: VIEWER.email, value: 'EMEA' }] });

    // The project's settings: the warehouse fields show no secret; a new name is saved.
    await settingsLink(admin, 'Projects').click();
    await admin.getByRole('link', { name: `Settings of ${project.name}` }).click();
    await admin.getByLabel('Project name').waitFor();
    for (const input of await admin.locator('input[type="password"]').all()) expect(await input.inputValue()).toBe('');
    await admin.getByLabel('Project name').fill(`${project.name} (e2e)`);
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByTestId('project-saved').waitFor();
    await shot(admin, '08-project-settings');
    expect((await api.call<{ name: string }>('GET', `/projects/${project.projectUuid}`)).name).toBe(`${project.name} (e2e)`);

    // A new project through the form (DuckDB on the demo's file, explores pushed later), then deleted.
    await settingsLink(admin, 'Projects').click();
    await admin.getByRole('link', { name: 'New project' }).click();
    await admin.getByLabel('Project name').fill('Scratch');
    // Each warehouse type has its own fields; PostgreSQL asks for a login, never pre-filled.
    await admin.getByRole('combobox', { name: 'Warehouse type' }).click();
    await admin.getByRole('option', { name: 'PostgreSQL' }).click();
    expect(await admin.getByLabel('Port').inputValue()).toBe('5432');
    expect(await admin.getByRole('textbox', { name: 'Password' }).inputValue()).toBe('');
    await shot(admin, '09a-new-project-postgres');
    await admin.getByRole('combobox', { name: 'Warehouse type' }).click();
    await admin.getByRole('option', { name: 'DuckDB' }).click();
    await admin.getByLabel('Database file').fill(path.join(home, 'warehouse', 'shop.duckdb'));
    await admin.getByLabel('Schema').fill('demo');
    await admin.getByRole('combobox', { name: 'Model source' }).click();
    await admin.getByRole('option', { name: /^None/ }).click();
    await admin.getByRole('button', { name: 'Create project' }).click();
    await admin.getByRole('heading', { name: 'Project settings: Scratch' }).waitFor();
    await shot(admin, '09-project-created');
    await settingsLink(admin, 'Projects').click();
    await admin.getByRole('button', { name: 'Delete Scratch' }).click();
    await admin.getByRole('button', { name: 'Yes, delete' }).click();
    await admin.getByRole('link', { name: 'Settings of Scratch' }).waitFor({ state: 'detached' });
    expect((await api.call<{ name: string }[]>('GET', '/org/projects')).map((p) => p.name)).toEqual([`${project.name} (e2e)`]);
    await admin.getByRole('link', { name: `Access to ${project.name} (e2e)` }).click();

    // Project access: the viewer becomes a developer of this project, and then finds the SQL runner.
    await admin.getByRole('combobox', { name: 'Give access to' }).click();
    await admin.getByRole('option', { name: VIEWER.email }).click();
    await admin.getByRole('combobox', { name: 'New project role' }).click();
    await admin.getByRole('option', { name: 'Developer' }).click();
    await admin.getByRole('button', { name: 'Grant access' }).click();
    expect(await admin.getByRole('combobox', { name: `Project role of ${VIEWER.email}` }).inputValue()).toBe('Developer');
    await shot(admin, '10-project-access');
    const developer = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    watch(developer);
    await signIn(developer, url, VIEWER.email, VIEWER.password);
    await developer.goto(`${url}/projects/${project.projectUuid}/sqlRunner`);
    await developer.getByRole('textbox', { name: 'SQL' }).waitFor();
    await developer.close();

    // The SQL runner, reached from the user menu on a project page: a table from the models, run.
    await admin.goto(`${url}/projects/${project.projectUuid}/tables`);
    await openAccountMenu(admin);
    await admin.getByRole('menuitem', { name: 'SQL runner' }).click();
    await admin.waitForURL(`${url}/projects/${project.projectUuid}/sqlRunner`);
    await admin.getByRole('combobox', { name: 'Explore' }).click();
    await admin.getByRole('option', { name: 'Orders', exact: true }).click();
    await admin.getByTitle('Put a SELECT of this table into the editor').first().click();
    expect(await admin.getByRole('textbox', { name: 'SQL' }).inputValue()).toMatch(/^SELECT \*\nFROM .+\nLIMIT 100$/);
    await admin.getByRole('button', { name: 'Run SQL' }).click();
    await admin.getByTestId('sql-summary').waitFor();
    expect(await admin.getByTestId('sql-summary').textContent()).toBe('100 row(s)');
    expect(await admin.locator('table[aria-label="SQL results"] tbody tr[aria-rowindex]').count()).toBeGreaterThan(5);
    await shot(admin, '11-sql-runner');

    // Bad SQL is explained in words; the browser logs the refused request: the one expected console error.
    const before = consoleErrors.length;
    await admin.getByRole('textbox', { name: 'SQL' }).fill('SELECT * FROM no_such_table_here');
    await admin.getByRole('button', { name: 'Run SQL' }).click();
    await admin.getByRole('alert').waitFor();
    expect(await admin.getByRole('alert').textContent()).toMatch(/The query did not run[\s\S]*no_such_table_here[\s\S]*Check the SQL and run it again/);
    await shot(admin, '12-sql-runner-error');
    const refused = consoleErrors.splice(before);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/status of 4\d\d/);

    // The new user's organization role changed, then the user removed.
    await admin.goto(`${url}/generalSettings/userManagement`);
    const row = admin.locator(`tr[data-email="${VIEWER.email}"]`);
    await row.getByRole('combobox', { name: `Role of ${VIEWER.email}` }).click();
    await admin.getByRole('option', { name: 'Editor', exact: true }).click();
    await waitFor('the new role', async () => ((await api.call<{ data: { email: string; role: string }[] }>('GET', '/org/users')).data.find((m) => m.email === VIEWER.email)?.role === 'editor' ? true : undefined), 10_000);
    await row.getByRole('button', { name: `Remove ${VIEWER.email}` }).click();
    await admin.getByRole('button', { name: 'Yes, remove' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await api.call<{ data: { email: string }[] }>('GET', '/org/users')).data.map((m) => m.email)).toEqual([ADMIN.email]);
    await admin.close();

    expect(consoleErrors, `failed responses: ${failedResponses.join(', ')}`).toEqual([]);
  }, 120_000);
});
