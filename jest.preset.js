// Shared by every project's jest.config.js: TypeScript through SWC as native ES modules,
// workspace aliases from tsconfig.base.json, and one database + broker set-up per run.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
// An exact alias maps as it is; a wildcard one (`@gap/tiering/app/*`) maps what follows it, the
// `.js` of an ES module import left off, as TypeScript resolves it.
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) =>
    alias.endsWith('/*')
      ? [
          `^${alias.slice(0, -1).replace(/[/]/g, '\\/')}(.*?)(?:\\.js)?$`,
          join(root, target.slice(0, -1)) + '$1',
        ]
      : [`^${alias.replace(/[/]/g, '\\/')}$`, join(root, target)],
  ),
);

export function projectConfig(projectDir, displayName, overrides = {}) {
  return {
    displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: ['<rootDir>/**/*.spec.ts'],
    moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: {
              legacyDecorator: true,
              decoratorMetadata: true,
              useDefineForClassFields: false,
            },
            keepClassNames: true,
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    setupFilesAfterEnv: [join(root, 'tools/testing/fast-check-runs.ts')],
    globalSetup: join(root, 'tools/testing/global-setup.js'),
    globalTeardown: join(root, 'tools/testing/global-teardown.js'),
    testTimeout: 60_000,
    ...overrides,
  };
}
