// ESLint: the recommended JavaScript and typescript-eslint rules over every source file, plus the boundary that keeps
// tfjs and zod out of the code that runs on the page (the test tests/widgets/page-imports.test.ts follows imports
// transitively; this rule catches a direct import while it is being written).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'test-results/', 'bench-results/', '**/*.astro', '**/*.mdx'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
