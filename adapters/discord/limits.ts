import { RESTEvents, type REST } from 'discord.js';

/** @discordjs/rest's bucket for every interaction callback (type 4 reply, type 5 deferral, …). */
const CALLBACK_ROUTE = '/interactions/:id/:token/callback';

/**
 * How long after a 429 on an interaction callback the next interactions defer before doing their
 * work, in milliseconds (besides the 429's own `retry_after`): limits come in streaks, and a reply
 * that waits its work out and then a `retry_after` or two misses Discord's 3 s window.
 */
export const CALLBACK_LIMIT_MEMORY_MS = 10_000;

/** Whether interaction callbacks are being rate limited now (so an answer should defer first). */
export type CallbacksLimited = () => boolean;

/**
 * Watches `rest`'s responses for 429s on interaction callbacks. Only those count: @discordjs/rest
 * sends callbacks outside its queues (a global or another route's limit never holds them), so under
 * those a direct reply is the quickest answer, and a deferral would only move it to the edit's queue.
 */
export function watchCallbackLimits(rest: REST, now: () => number = Date.now): CallbacksLimited {
  let until = 0;
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429 || request.route !== CALLBACK_ROUTE) return;
    const retryAfterMs = Number(response.headers.get('retry-after') ?? 0) * 1000;
    until = Math.max(until, now() + (Number.isFinite(retryAfterMs) ? retryAfterMs : 0) + CALLBACK_LIMIT_MEMORY_MS);
  });
  return () => now() < until;
}
