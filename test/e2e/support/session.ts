/**
 * The built console served and a Chromium launched for the tests of one file: started before them,
 * stopped after. The fields are set once `beforeAll` has run, so read them inside the tests.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { type ConsoleServer, startConsole } from './server.js';

export interface ConsoleSession {
  readonly server: ConsoleServer;
  readonly browser: Browser;
}

export function consoleSession(): ConsoleSession {
  const session = {} as { server: ConsoleServer; browser: Browser };
  beforeAll(async () => {
    session.server = await startConsole();
    session.browser = await launch();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
