// Makes sure a system Chromium exists for the browser tests: finds one, or installs Debian's
// `chromium` package when running as root on Debian, or stops with a message saying how to get one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromiumPath';

/** Returns the path of a usable Chromium, installing it if allowed; throws with instructions otherwise. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (isRoot && isDebian) {
    log("Chromium not found: installing Debian's chromium package for the browser tests (about 20 s)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    // Only what Chromium needs to run headless: recommended packages (printing, desktop extras) stay out.
    const packages = ['chromium', 'fonts-liberation', 'fonts-dejavu-core'];
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env,
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      'The browser tests need Chromium, and none was found.',
      isDebian
        ? '  Install it with:  sudo apt-get install -y chromium'
        : '  Install Chromium with your package manager (e.g. `apt-get install chromium`, `brew install --cask chromium`),',
      '  or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again.',
    ].join('\n'),
  );
}

if (process.argv[1]?.endsWith('ensureChromium.ts')) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
