import type { Page } from 'playwright-core';

/**
 * What the e2e tests watch on every page: console errors and uncaught exceptions (any fails the
 * test), and answers ≥ 400 (to say which request a "Failed to load resource" error was about).
 */
export const browserWatch = () => {
  const consoleErrors: string[] = [];
  const failedResponses: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: uncaught ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
  };
  return { consoleErrors, failedResponses, watch };
};
