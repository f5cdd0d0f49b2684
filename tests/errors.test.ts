import { describe, expect, it } from 'vitest';
import { ConfigError, exitCodeOf, fatalLine, KnowledgeError, PlatformStartError, UsageError } from '../src/index.ts';

describe('error classes', () => {
  it('GIVEN each class THEN its code and data say what happened', () => {
    expect([
      new UsageError('no question given', 'npm run ask -- "q"'),
      new ConfigError('LOG_LEVEL', 'expected a level', '.env:3'),
      new KnowledgeError('knowledge/a.yaml', 4, 'facts[0].id', 'required'),
      new PlatformStartError('telegram', 'http://127.0.0.1:9', 'getMe failed'),
    ].map((e) => [e.code, e.data])).toEqual([
      ['usage', { problem: 'no question given', usage: 'npm run ask -- "q"' }],
      ['config', { variable: 'LOG_LEVEL', problem: 'expected a level', location: '.env:3' }],
      ['knowledge', { file: 'knowledge/a.yaml', line: 4, field: 'facts[0].id', problem: 'required' }],
      ['platform_start', { platform: 'telegram', target: 'http://127.0.0.1:9', problem: 'getMe failed' }],
    ]);
  });

  it('GIVEN a usage error THEN the exit code is 2; any other failure 1', () => {
    expect([new UsageError('x', 'y'), new ConfigError('A', 'b', 'environment'), new Error('usage: x')].map(exitCodeOf)).toEqual([2, 1, 1]);
  });
});

describe('fatalLine', () => {
  it('GIVEN an expected error THEN one prefixed line with the secret scrubbed', () => {
    const line = fatalLine(new PlatformStartError('discord', 'http://x/api', 'refused token s3cr3t-token'), ['s3cr3t-token']);
    expect(line).toBe('gansu-bot: discord: could not start against http://x/api: refused token [redacted]');
  });

  it('GIVEN a bug (a plain Error whose text looks like usage) THEN it is reported as unexpected, with its stack', () => {
    const line = fatalLine(new Error('usage: not really'));
    expect(line).toMatch(/^gansu-bot: unexpected error: Error: usage: not really\n\s+at /);
  });
});
