// How the tests (web-test-runner.config.js) and the render benchmark (bench/render.mjs) start Debian's
// chromium through Playwright: as root it needs --no-sandbox, and the rest keeps a headless run quiet
// and free of background work (TOOLCHAIN.md "Config" and "Pitfalls" 5-6). No browser download.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
