import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PLATFORM_LIBRARIES = ['discord.js', '@discordjs/*', 'telegraf', 'telegraf/*', 'ws'];
/** Chart renderers: the core describes a chart as data; adapters/chart/ draws it. */
const RENDERERS = ['vega', 'vega-*', '@resvg/*', '@embedpdf/*'];
/** Metrics: the core reports events to an observer; adapters/http turns them into Prometheus series. */
const METRICS = ['prom-client'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The core knows no platform: adapters depend on it, never the other way round.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: PLATFORM_LIBRARIES, message: 'src/ is platform-free; put platform code in adapters/.' },
            { group: RENDERERS, message: 'src/ draws nothing: return a ChartDescription and render it in adapters/chart/.' },
            { group: METRICS, message: 'src/ knows no metrics library: report through AssistantObserver; adapters/http counts.' },
            { group: ['**/adapters/**'], message: 'src/ must not import adapters.' },
          ],
        },
      ],
    },
  },
  {
    // Adapters reach the core only through its public entry.
    files: ['adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+src/(?!index\\.ts$)', message: 'Import the core from src/index.ts only.' }] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
