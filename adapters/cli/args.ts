// The command-line plumbing every entry shares: strict argument parsing and one fatal line on failure.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exitCodeOf, fatalLine, UsageError } from '../../src/index.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Every command line of the project (ask, stats, register, the scripts) goes through node:util's
 * `parseArgs`, strict: an unknown option or a missing value is a {@link UsageError} (one line, exit 2)
 * instead of a word taken as part of the question.
 */
export function parseCommandLine<const O extends Options>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      // Node's message goes on with advice about `--`; its first sentence names the problem.
      throw new UsageError((error as Error).message.split(/\.(?:\s|$)/)[0]!, usage);
    }
    throw error;
  }
}

/**
 * For top-level scripts (bench) that run outside `runCli`: parses `process.argv`, and on a usage
 * error prints its one `gansu-bot: ` line and exits 2.
 */
export function parseScriptArgs<const O extends Options>(options: O, usage: string) {
  try {
    return parseCommandLine(process.argv.slice(2), options, usage);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${fatalLine(error)}\n`);
    process.exit(exitCodeOf(error));
  }
}

/**
 * Runs a command-line entry. A failure prints one `gansu-bot: ` line to stderr, chosen by the error's
 * class (see `fatalLine`), and sets the exit code from it: 2 for usage, 1 otherwise. `secrets` names
 * what to scrub from that line (tokens known once the config is read).
 */
export async function runCli(main: () => Promise<void>, secrets: () => readonly string[] = () => []): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`${fatalLine(error, secrets())}\n`);
    process.exitCode = exitCodeOf(error);
  }
}
