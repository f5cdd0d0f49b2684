import { ConfigError, KnowledgeError } from '../../src/index.ts';

/**
 * Runs a command-line entry: expected failures (bad config, broken knowledge file, usage) print one
 * line to stderr and exit 1; anything else is a bug and prints its stack.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`gansu-bot: ${error.message}\n`);
    } else if (error instanceof Error && error.message.startsWith('usage:')) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`gansu-bot: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
