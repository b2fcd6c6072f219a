// One runner, three tiers chosen by file suffix:
//   unit  *.spec.ts       no I/O
//   int   *.int.spec.ts   real PostgreSQL and real Kafka
//   fault *.broker-restart.int.spec.ts  stops the broker; run alone
//   audit *.audit.int.spec.ts  reads what all earlier tiers published; runs last
//   e2e   *.e2e.spec.ts   services started as processes
//   browser *.browser.spec.ts  the portal in Debian's Chromium over services started as processes
// SWC compiles the tests because NestJS needs decorator metadata, which esbuild omits.
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const ignored = ['**/node_modules/**', '**/dist/**', '**/.nx/**'];
const infraSetup = ['libs/platform/testing/src/global-setup.ts'];

export default defineConfig({
  plugins: [swc.vite({ jsc: { target: 'es2022', transform: { decoratorMetadata: true, legacyDecorator: true } } })],
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['**/*.spec.ts'], exclude: [...ignored, '**/*.int.spec.ts', '**/*.e2e.spec.ts', '**/*.browser.spec.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['**/*.int.spec.ts'],
          exclude: [...ignored, '**/*.broker-restart.int.spec.ts', '**/*.audit.int.spec.ts'],
          globalSetup: infraSetup,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Tests that stop and restart the broker; scripts/test.mjs runs them alone.
        extends: true,
        test: {
          name: 'fault',
          include: ['**/*.broker-restart.int.spec.ts'],
          exclude: ignored,
          globalSetup: infraSetup,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Audits of everything the earlier tiers left on the broker (e.g. no BSN on any
        // topic); scripts/test.mjs runs them last.
        extends: true,
        test: {
          name: 'audit',
          include: ['**/*.audit.int.spec.ts'],
          exclude: ignored,
          globalSetup: infraSetup,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['**/*.e2e.spec.ts'],
          exclude: ignored,
          globalSetup: infraSetup,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['**/*.browser.spec.ts'],
          exclude: ignored,
          globalSetup: infraSetup,
          testTimeout: 600_000,
          hookTimeout: 420_000,
        },
      },
    ],
  },
});
