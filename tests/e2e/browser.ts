/** Where the browser tests find Chromium, and the flags that let it start on a locked-down machine. */
import { existsSync } from 'node:fs';

/** Path of the Chromium binary: $MAILWIRE_CHROMIUM, else Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.MAILWIRE_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network and quiet in CI. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws a message saying how to install Chromium when it is missing: browser tests never skip silently. */
export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with "apt-get update && apt-get install -y chromium" ` +
        'or point MAILWIRE_CHROMIUM at a Chromium or Chrome binary.',
    );
  }
}
