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
  {
    // Page code: what the browser loads before (and besides) the worker. Type-only imports are erased, so allowed.
    files: [
      'src/components/widgets/loader.ts',
      'src/components/widgets/manifest.ts',
      'src/components/widgets/*/{client,view,chart,model,fields}.ts',
      'src/components/widgets/shared/*.ts',
    ],
    ignores: ['src/components/widgets/shared/{props,server,fields-schema}.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/*', '@tensorflow/*'],
              allowTypeImports: true,
              message: 'Page code must not load zod or tfjs: run the work in the worker, or import a zod-free *-limits.ts module.',
            },
          ],
        },
      ],
    },
  },
);
