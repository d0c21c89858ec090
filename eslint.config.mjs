import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
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
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:accounts', onlyDependOnLibsWithTags: ['scope:accounts', 'scope:shared'] },
    { sourceTag: 'scope:tiering', onlyDependOnLibsWithTags: ['scope:tiering', 'scope:shared'] },
    { sourceTag: 'scope:managers', onlyDependOnLibsWithTags: ['scope:managers', 'scope:shared'] },
  ];
}

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
    files: ['**/*.spec.ts', '**/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: dependencyRules(true) },
      ],
    },
  },
  {
    // The workspace tools (launcher, composition, test environment) assemble the whole system
    // and so reach into every app on purpose.
    files: ['tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // kafkajs lives behind the messaging library's transport port.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/shared/messaging/**', 'apps/e2e/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['kafkajs'] }] },
  },
  prettier,
);
