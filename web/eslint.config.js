// ESLint for the web client: JavaScript's and typescript-eslint's recommended rules, the rules of hooks, and
// nothing about layout (Prettier formats; eslint-config-prettier turns off the rules it would fight).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['src/api/schema.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Off: the pages key their loading effects to the ids they load (project, item) on purpose, and call the
      // latest render's functions through refs (usePoll, useKeyboard), which this rule cannot see.
      'react-hooks/exhaustive-deps': 'off',
    },
  },
  { files: ['scripts/**/*.mjs', 'eslint.config.js'], languageOptions: { globals: globals.node } },
  prettier,
);
