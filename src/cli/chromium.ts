// Launches the system Chromium through playwright-core with a fresh profile (no browser download),
// for the browser tests and the command-line renderer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from './chromiumPath';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  width?: number; // viewport, CSS px
  height?: number;
  colorScheme?: 'light' | 'dark';
}

/** A browser context on a throw-away profile; `close()` removes the profile. */
export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `npx tsx src/cli/ensureChromium.ts` first.');
  const profile = mkdtempSync(join(tmpdir(), 'actor-graph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
