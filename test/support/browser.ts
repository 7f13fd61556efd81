import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Database } from '../../src/db/database.ts';
import { demoPassword } from '../../src/demo/load.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { demoApp } from './app.ts';
import { freshPglite } from './databases.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why an end-to-end test cannot run here, or null. CI sets GONGKAI_REQUIRE_E2E=1 so a missing
 * browser fails the run instead of skipping.
 */
export function e2eUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null;
  if (process.env.GONGKAI_REQUIRE_E2E === '1')
    throw new Error(`Chromium not found at ${chromiumPath}`);
  return `Chromium not found at ${chromiumPath} (apt-get install chromium)`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves the app on a free loopback port; returns its base URL and a stop function. */
export async function listen(
  app: Hono<AppEnv>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          stop: () => new Promise((done) => server.close(() => done())),
        });
      },
    );
  });
}

/** The demo served on loopback and a Chromium to drive it, all closed when the test ends. */
export async function demoSite(t: TestContext): Promise<{
  database: Database;
  url: string;
  browser: Browser;
}> {
  const database = await freshPglite({ demo: true });
  const server = await listen(await demoApp(database));
  const browser = await launchChromium();
  t.after(async () => {
    await browser.close();
    await server.stop();
    await database.close();
  });
  return { database, url: server.url, browser };
}

/** Fills and sends the login form the page shows, as a demo user. */
export async function submitLogin(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
}

export function outputDir(name: string): string {
  const dir = new URL(`../../test-output/${name}/`, import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return dir;
}
