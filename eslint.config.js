import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'svelte/no-at-html-tags': 'error',
      // Maps and Sets here are built inside derived computations and never mutated afterwards;
      // reactive state lives in the rune classes, so Svelte's reactive collections add nothing.
      'svelte/prefer-svelte-reactivity': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The core is framework-free: no Svelte, no Cytoscape, no DOM-side modules, no app state.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/core must not depend on Svelte.' },
            { group: ['cytoscape', 'cytoscape-*'], message: 'src/core must not depend on Cytoscape.' },
            {
              group: ['**/ui/**', '**/render/**', '**/export/**'],
              message: 'src/core must not import the UI or renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    // Exports are plain TypeScript over a captured scene: no Svelte, no Cytoscape.
    files: ['src/export/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', '*.svelte', '**/ui/**'],
              message: 'src/export must not depend on the UI.',
            },
            {
              group: ['cytoscape', 'cytoscape-*'],
              message: 'src/export works on the captured Scene, not Cytoscape.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the renderer owns Cytoscape.
    files: ['src/ui/**', 'src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['cytoscape', 'cytoscape-*'], message: 'Only src/render/ may import Cytoscape.' },
          ],
        },
      ],
    },
  },
);
