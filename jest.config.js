// `npm test`: every project's tests in one run (unit, integration against PostgreSQL,
// end-to-end through the gateway with Kafka).
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const projects = [
  'apps',
  'libs',
  'libs/shared',
  'libs/accounts',
  'libs/tiering',
  'libs/managers',
  'libs/bundles',
  'libs/coordination',
  'libs/partners',
]
  .flatMap((dir) => readdirSync(dir, { withFileTypes: true }).map((entry) => join(dir, entry.name)))
  .concat('tools')
  .filter((dir) => existsSync(join(dir, 'jest.config.js')))
  .map((dir) => `<rootDir>/${dir}/jest.config.js`);

export default {
  projects,
  testTimeout: 60_000,
  // Tests run in a worker process that is replaced once it holds more than this after a spec
  // file. On two cores Jest would otherwise run every file in its own process, one after the
  // other, where the modules each file loads as ES modules are never freed: the heap grows by
  // tens of MB a file, and past a few GB garbage collection makes late files crawl (a 44-line
  // spec took 116 s there, 2.4 s alone).
  workerIdleMemoryLimit: '1536MB',
};
