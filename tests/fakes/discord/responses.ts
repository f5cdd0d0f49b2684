import type { IncomingMessage } from 'node:http';
import { messageFields, userObject, type FakeUser, type Json } from './payloads.ts';

/** The message object Discord returns for a sent, edited or interaction-created message. */
export function messageObject(app: { applicationId: string; botUser: FakeUser }, channelId: string, body: Json, fromWebhook: boolean): Json {
  const reference = body.message_reference as Json | undefined;
  return {
    ...messageFields(app.botUser, String(body.content ?? '')),
    type: reference ? 19 : fromWebhook ? 20 : 0,
    channel_id: channelId,
    author: { ...userObject(app.botUser), bot: true },
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    flags: body.flags ?? 0,
    ...(reference ? { message_reference: { type: 0, channel_id: channelId, message_id: reference.message_id } } : {}),
    ...(fromWebhook ? { webhook_id: app.applicationId, application_id: app.applicationId } : {}),
  };
}

/**
 * Headers of a non-global 429 as Discord sends them; @discordjs/rest reads `retry-after` (seconds)
 * for the wait, the `x-ratelimit-*` ones for the bucket, and the absence of `x-ratelimit-global`.
 */
export function rateLimitHeaders(retryAfterSeconds: number): Record<string, string> {
  return {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(retryAfterSeconds),
    'x-ratelimit-reset': String(Date.now() / 1000 + retryAfterSeconds),
    'x-ratelimit-bucket': 'fakebucket',
    'x-ratelimit-scope': 'user',
  };
}

/** The whole request body, as bytes (an upload must arrive untouched). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
