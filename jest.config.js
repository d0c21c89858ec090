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
};
