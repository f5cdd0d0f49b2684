/** Runs `run` and returns the error it throws, failing when it throws nothing or another kind of error. */
export function errorOf<E extends Error>(kind: new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}
