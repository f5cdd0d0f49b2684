import { exitCodeOf, fatalLine } from '../../src/index.ts';

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
