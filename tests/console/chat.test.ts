import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/index.ts';
import { replyTo, runChat } from '../../adapters/console/chat.ts';
import { runScript } from '../helpers/run.ts';

const assistant = createAssistant();

async function chat(lines: string[], interactive = false): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  const done = runChat({ assistant, input, output, interactive });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return text;
}

describe('console chat', () => {
  it('GIVEN piped questions THEN answers each with its source, skipping blank lines', async () => {
    const out = await chat(['how many overseas warehouses', '', '甘肃外贸增速是多少？']);
    expect(out).toMatch(/^Overseas warehouses operated: 58 warehouses/);
    expect(out).toContain('Source: ');
    expect(out).toContain('14.5%');
    expect(out.match(/Source: |来源: /g)).toHaveLength(2);
  });

  it('GIVEN a trend question THEN the answer ends with a one-line sparkline of the years and their numbers; a plain answer has none', async () => {
    // A fresh core: the shared one's terminal conversation would read the question as a follow-up.
    const fresh = createAssistant();
    const lines = [await replyTo(fresh, 'how has gansu foreign trade changed'), await replyTo(fresh, 'how many overseas warehouses')].join('\n').split('\n');
    expect(lines.filter((l) => l.includes('📈'))).toEqual(['  📈 ▆▁█ 2022 58.42 · 2023 49.17 · 2024 61.54 billion yuan']);
  });

  it('GIVEN /trend THEN the list is followed by its sparkline', async () => {
    expect((await chat(['/trend langf-projects'])).trim().split('\n').at(-1)).toMatch(/^ {2}📈 [▁-█]{6} 2014 1,299 · .* 2024 1,325 projects$/);
  });

  it('GIVEN /stats with a Chinese topic THEN the figures use Chinese punctuation from the catalog', async () => {
    const lines = (await chat(['/stats 海外仓'])).split('\n');
    expect(lines[0]).toBe('海外仓');
    expect(lines).toContain('  海外仓数量：58个（未注明日期）');
  });

  it('GIVEN /stats with a topic THEN prints that topic\'s figures', async () => {
    const lines = (await chat(['/stats warehouses'])).split('\n');
    expect(lines[0]).toBe('Overseas warehouses');
    expect(lines).toContain('  Overseas warehouses operated: 58 warehouses (date not stated)');
  });

  it('GIVEN a terminal THEN greets with examples and stops at /quit', async () => {
    const out = await chat(['/quit', 'how many overseas warehouses'], true);
    expect(out).toContain('For example:');
    expect(out).not.toContain('58 warehouses');
  });
});

describe('npm start without platform tokens', () => {
  it('GIVEN a piped question THEN prints an answer and exits 0', async () => {
    const { code, stdout } = await runScript('adapters/start.ts', [], { input: 'how many overseas warehouses\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('58 warehouses');
  });

  it('GIVEN a broken config value THEN exits 1 naming the variable, without starting', async () => {
    const { code, stderr } = await runScript('adapters/start.ts', [], { env: { MAX_QUESTION_LENGTH: 'lots' } });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^gansu-bot: environment MAX_QUESTION_LENGTH: /);
  });
});

describe('npm start with a platform that cannot start', () => {
  it('GIVEN a Telegram API root where nothing listens THEN exits 1 with one line and no token', async () => {
    const token = '123456789:AAUnreachableTokenForTests_abcdefghij';
    const { code, stderr } = await runScript('adapters/start.ts', [], {
      env: { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' },
      timeoutMs: 60_000,
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^gansu-bot: telegram: could not start against http:\/\/127\.0\.0\.1:9: getMe failed/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('AAUnreachable');
  });
});
