import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output*', '.wxt', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Never use innerHTML: render data as text.' },
        { selector: "MemberExpression[property.name='outerHTML']", message: 'Never use outerHTML: render data as text.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never use dangerouslySetInnerHTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never insert HTML strings.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node scripts (npm start).
    files: ['lib/build/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests and the benchmark legitimately build fixture pages from strings.
    files: ['test/**/*.{ts,tsx}'],
    // Playwright fixtures call a parameter named `use`, which is not React's hook.
    rules: { 'no-restricted-syntax': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
