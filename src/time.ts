/**
 * The one timeout helper: how long to wait for work that may hang (a gateway that never closes, a
 * reply still in flight at shutdown, a slow interaction). It leaves no timer behind, so a finished
 * wait never holds the process open.
 */

/** The outcome of a bounded wait: the work's value, or that the time ran out first. */
export type Bounded<T> = { done: true; value: T } | { done: false };

/**
 * Waits for `work` at most `ms` milliseconds. Resolves `{ done: true, value }` if it settled in time,
 * `{ done: false }` otherwise; a rejection within the time is passed on.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<Bounded<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Bounded<T>>((resolve) => (timer = setTimeout(() => resolve({ done: false }), Math.max(0, ms))));
  try {
    return await Promise.race([work.then((value): Bounded<T> => ({ done: true, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `work` at most `ms` milliseconds: true when it settled (either way) in time. Never rejects. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return (await withTimeout(work.then(() => undefined, () => undefined), ms)).done;
}
