// Builds (when its sources changed) and serves the export tests' harness page, src/e2e/pages/harness.ts,
// and opens it in Chromium with its errors watched like the app's.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launch, type LaunchOptions, type Session } from './chromium';
import { watchPage } from './app';
import { HARNESS_DIR } from './pages/vite.config';

const ROOT = resolve(import.meta.dirname, '../..');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

async function harnessDir(): Promise<string> {
  const built = join(HARNESS_DIR, 'harness.html');
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'package-lock.json')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return HARNESS_DIR;
  // Vitest sets NODE_ENV=test, under which Vite would build for development.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'src/e2e/pages/vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return HARNESS_DIR;
}

export interface Harness {
  page: Page;
  session: Session;
  errors: string[];
  close(): Promise<void>;
}

/** The harness page, served from a fresh build, open in Chromium. */
export async function openHarness(options: LaunchOptions = {}): Promise<Harness> {
  const dir = await harnessDir();
  const server: PreviewServer = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const session = await launch({ width: 1100, height: 760, ...options });
  const page = await session.context.newPage();
  const errors = await watchPage(page);
  await page.goto(new URL('harness.html', server.resolvedUrls!.local[0]!).href);
  await page.waitForFunction(() => 'harnessMount' in window);
  return {
    page,
    session,
    errors,
    async close() {
      await session.close();
      await server.close();
    },
  };
}
