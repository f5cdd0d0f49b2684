import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/errors.ts';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../../src/index.ts';

const TOKEN = '123456:SECRET-token_value';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function envFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gansu-config-'));
  dirs.push(dir);
  const file = path.join(dir, '.env');
  writeFileSync(file, text);
  return file;
}


describe('loadConfig', () => {
  it('GIVEN nothing set THEN starts with no platform and documented defaults', () => {
    const config = loadConfig({ env: {}, envFile: null });
    expect(config).toMatchObject({ telegram: null, discord: null, maxQuestionLength: 500, logLevel: 'info' });
    expect(config.knowledgeDir).toMatch(/knowledge$/);
  });

  it('GIVEN a Telegram token THEN fills its section with defaults, polling on loopback', () => {
    const config = loadConfig({ env: { TELEGRAM_BOT_TOKEN: TOKEN }, envFile: null });
    expect(config.telegram).toEqual({
      token: TOKEN,
      apiRoot: 'https://api.telegram.org',
      webhook: null,
      rateLimit: { count: 10, windowMs: 60_000 },
    });
  });

  it('GIVEN a webhook URL without a secret THEN refuses to start, naming the variable', () => {
    const error = errorOf(ConfigError, () =>
      loadConfig({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook' }, envFile: null }),
    );
    expect(error.message).toBe('environment TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  });

  it('GIVEN a bad value in .env THEN names the file, line and variable, and never the token', () => {
    const file = envFile(`# comment\nTELEGRAM_BOT_TOKEN=${TOKEN}\nTELEGRAM_WEBHOOK_PORT=eighty\n`);
    const error = errorOf(ConfigError, () => loadConfig({ env: {}, envFile: file }));
    expect(error.message).toMatch(/^\.env:3 TELEGRAM_WEBHOOK_PORT: /);
    expect(error.message).not.toContain('SECRET');
  });

  it('GIVEN the environment and .env both set a variable THEN the environment wins', () => {
    const file = envFile('MAX_QUESTION_LENGTH=50\n');
    expect(loadConfig({ env: { MAX_QUESTION_LENGTH: '70' }, envFile: file }).maxQuestionLength).toBe(70);
    expect(loadConfig({ env: {}, envFile: file }).maxQuestionLength).toBe(50);
  });

  it('GIVEN .env.example copied as .env THEN starts with defaults and no platform', () => {
    const config = loadConfig({ env: {}, envFile: path.join(PROJECT_ROOT, '.env.example') });
    expect(config).toMatchObject({ telegram: null, discord: null, maxQuestionLength: 500, logLevel: 'info' });
  });

  it('GIVEN REDIS_URL THEN it is the shared state; unset THEN null (this process keeps it)', () => {
    expect(loadConfig({ env: { REDIS_URL: 'redis://:pw@127.0.0.1:6379/2' }, envFile: null }).redisUrl).toBe('redis://:pw@127.0.0.1:6379/2');
    expect(loadConfig({ env: {}, envFile: null }).redisUrl).toBeNull();
  });

  it('GIVEN a REDIS_URL that is not redis:// THEN names the variable and never the value', () => {
    const error = errorOf(ConfigError, () => loadConfig({ env: { REDIS_URL: 'http://user:hunter2@cache:6379' }, envFile: null }));
    expect(error.message).toBe('environment REDIS_URL: expected a redis:// or rediss:// URL');
  });

  it('GIVEN a Discord token without an application id THEN says which is missing', () => {
    expect(() => loadConfig({ env: { DISCORD_TOKEN: 'x'.repeat(30) }, envFile: null })).toThrow(
      'environment DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set',
    );
  });

  it('GIVEN Discord settings THEN strips a trailing slash from the REST base and converts the cooldown to ms', () => {
    const config = loadConfig({
      env: { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456789', DISCORD_REST_API: 'http://127.0.0.1:9/api/', DISCORD_COOLDOWN_SECONDS: '1.5' },
      envFile: null,
    });
    expect(config.discord).toEqual({ token: 't', applicationId: '123456789', restApi: 'http://127.0.0.1:9/api', guildId: null, cooldownMs: 1500 });
  });

  it('GIVEN no HTTP_PORT THEN there is no health server; GIVEN one THEN it listens on loopback unless HTTP_HOST says otherwise', () => {
    expect(loadConfig({ env: {}, envFile: null }).http).toBeNull();
    expect(loadConfig({ env: { HTTP_PORT: '9464' }, envFile: null }).http).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ env: { HTTP_PORT: '0', HTTP_HOST: '0.0.0.0' }, envFile: null }).http).toEqual({ host: '0.0.0.0', port: 0 });
  });

  it('GIVEN HTTP_PORT on the webhook port, or not a port THEN start-up says which variable is wrong', () => {
    const webhook = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook', TELEGRAM_WEBHOOK_SECRET: 's', TELEGRAM_WEBHOOK_PORT: '8443' };
    expect(() => loadConfig({ env: { ...webhook, HTTP_PORT: '8443' }, envFile: null })).toThrow('environment HTTP_PORT: must differ from TELEGRAM_WEBHOOK_PORT');
    expect(errorOf(ConfigError, () => loadConfig({ env: { HTTP_PORT: '70000' }, envFile: null })).message).toMatch(/^environment HTTP_PORT: /);
    expect(errorOf(ConfigError, () => loadConfig({ env: {}, envFile: envFile('HTTP_PORT=metrics\n') })).message).toMatch(/^\.env:1 HTTP_PORT: /);
  });
});
