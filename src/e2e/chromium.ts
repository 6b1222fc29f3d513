// The browser tests launch Chromium the same way the command-line renderer does.
export { CHROMIUM_ARGS, launch, type LaunchOptions, type Session } from '../cli/chromium';
