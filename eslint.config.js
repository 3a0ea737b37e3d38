// Lint rules, including the layer boundaries of DESIGN §2: the compiler keeps src/core free
// of DOM and Node types; these rules keep each layer from importing what it must not.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, why) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: why })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/core/api/schema/generated/**', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // Scripts and the CLI entry run in Node.
    files: ['**/*.mjs', 'scripts/**', 'bin/**', 'bench/**', 'e2e/**', '*.config.*'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  layer(
    ['src/core/**/*.ts'],
    ['**/kubectl/**', '**/session/**', '**/ui/**', '**/worker/**', '**/cli/**', '**/protocol/**'],
    'src/core is the cluster itself: it may import only core (and the pure shell for container shells).',
  ),
  layer(
    ['src/core/api/**/*.ts'],
    ['../storage/**', '../apiserver/**', '../client/**', '../controllers/**', '../scheduler/**', '../node/**', '../network/**', '../sim/**'],
    'core/api is the bottom layer: types, selectors, validation. It imports nothing else in core.',
  ),
  layer(
    ['src/core/controllers/**/*.ts', 'src/core/scheduler/**/*.ts'],
    ['**/storage/store*', '**/apiserver/apiserver*'],
    'Controllers and the scheduler reach the cluster only through the client and informers.',
  ),
  layer(
    ['src/kubectl/**/*.ts'],
    ['**/core/sim/**', '**/core/node/**', '**/core/network/**', '**/core/controllers/**', '**/core/scheduler/**', '**/core/storage/**', '**/session/**', '**/ui/**'],
    'kubectl talks to the cluster only through core/client, like the real one through the API.',
  ),
  layer(
    ['src/shell/**/*.ts'],
    ['**/core/**', '**/kubectl/**', '**/session/**', '**/ui/**'],
    'The shell knows nothing of Kubernetes: hosts register kubectl and friends as commands.',
  ),
  layer(
    ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ['**/core/**/!(types|table|status).ts', '**/kubectl/**', '**/shell/**', '**/session/**', '**/worker/**'],
    'The UI reaches the cluster only through src/protocol and ui/bridge (core types are fine).',
  ),
);
