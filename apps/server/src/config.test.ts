import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENVIRONMENT, loadConfig } from './config.js';

describe('configuration', () => {
  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ TESSERA_OPEN_REGISTRATION: 'maybe' })).toThrow(/TESSERA_OPEN_REGISTRATION/);
    expect(() => loadConfig({ TESSERA_ADMIN_EMAIL: 'a@b.co' })).toThrow(ConfigError);
  });

  it('refuses to start on PostgreSQL without TESSERA_SECRET', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/TESSERA_SECRET/);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', TESSERA_SECRET: 'x'.repeat(32) }).DATABASE_URL).toBe(
      'postgres://localhost/x',
    );
  });

  it('has defaults for a local start', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.siteUrl).toBe('http://localhost:8080');
    expect(config.home).toMatch(/\.tessera$/);
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(ENVIRONMENT)) expect(readme).toContain(`| \`${name}\` |`);
  });
});
