import { defineConfig, devices } from '@playwright/test'

/**
 * Browser end-to-end tests against a running backend that serves this UI (ops/test starts one).
 * Uses Debian's Chromium: no browser is ever downloaded.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  // first renders take 15 s and more when the shared 2-core machine is busy (load 20+): 20 s per expectation
  expect: { timeout: 20_000 },
  use: {
    baseURL: process.env.HUINONG_BASE_URL ?? 'http://127.0.0.1:8181',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 900 },
        launchOptions: {
          executablePath: process.env.HUINONG_CHROMIUM ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
})
