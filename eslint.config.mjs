import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Which libraries a project may import, by tag. Domain libraries depend on nothing but domain
 * code and no framework, ORM, broker or database client; a service's libraries never import another service's; test helpers stay out of
 * production code (only spec files may import them).
 */
function dependencyRules(testing) {
  const extra = testing ? ['type:testing'] : [];
  return [
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain'],
      bannedExternalImports: [
        '@nestjs/*',
        'typeorm',
        'kafkajs',
        'pg',
        '@apollo/*',
        'express',
        'graphql',
      ],
    },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain', ...extra] },
    {
      sourceTag: 'type:data-access',
      onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:domain', ...extra],
    },
    {
      sourceTag: 'type:feature',
      onlyDependOnLibsWithTags: [
        'type:feature',
        'type:data-access',
        'type:util',
        'type:domain',
        ...extra,
      ],
    },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: [
        'type:feature',
        'type:data-access',
        'type:util',
        'type:domain',
        ...extra,
      ],
    },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:domain'],
    },
    {
      sourceTag: 'type:e2e',
      onlyDependOnLibsWithTags: ['type:testing', 'type:util', 'type:domain'],
    },
    // The workspace tools (launcher, composition, benchmarks, test environment) assemble the
    // whole system; they reach the apps only through the aliases in tsconfig.base.json (see
    // TOOL_ENTRY_POINTS), never by a relative path.
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:accounts', onlyDependOnLibsWithTags: ['scope:accounts', 'scope:shared'] },
    { sourceTag: 'scope:tiering', onlyDependOnLibsWithTags: ['scope:tiering', 'scope:shared'] },
    { sourceTag: 'scope:managers', onlyDependOnLibsWithTags: ['scope:managers', 'scope:shared'] },
    { sourceTag: 'scope:bundles', onlyDependOnLibsWithTags: ['scope:bundles', 'scope:shared'] },
    {
      sourceTag: 'scope:coordination',
      onlyDependOnLibsWithTags: ['scope:coordination', 'scope:shared'],
    },
    { sourceTag: 'scope:partners', onlyDependOnLibsWithTags: ['scope:partners', 'scope:shared'] },
  ];
}

/**
 * How the tools may import an app (Nx forbids importing an app otherwise): through the aliases
 * of tsconfig.base.json, `@gap/<app>/app/database|schema|rest-api` for the launcher, the
 * composition scripts and the test environment, and `@gap/<app>/app/<file>` for the
 * benchmarks that drive a service's use cases in process.
 */
const TOOL_ENTRY_POINTS = [
  '@gap/accounts/app/**',
  '@gap/tiering/app/**',
  '@gap/managers/app/**',
  '@gap/coordination/app/**',
  '@gap/bundles/app/**',
  '@gap/partners/app/**',
];

export default tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '.data', '.nx', 'infra', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: 'error',
      // `const { secret, ...rest } = x` is how a field is left out of an object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: dependencyRules(false) },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.fixture.ts', '**/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: dependencyRules(true) },
      ],
    },
  },
  {
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: TOOL_ENTRY_POINTS, depConstraints: dependencyRules(true) },
      ],
    },
  },
  {
    // An import cycle between files fails lint. Type-only imports do not count (they vanish at
    // run time); packages in node_modules are not walked, which keeps the rule cheap. Cycles
    // between feature folders that no file cycle shows are caught by
    // tools/testing/architecture.spec.ts.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: 'tsconfig.json', alwaysTryTypes: true }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true, maxDepth: 12 }] },
  },
  {
    // kafkajs lives behind the messaging library's transport port.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/shared/messaging/**', 'apps/e2e/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['kafkajs'] }] },
  },
  prettier,
);
