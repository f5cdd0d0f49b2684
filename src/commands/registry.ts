import type { Command, CommandInput, CommandResult, Platform } from './definition.ts';

/** The commands, looked up and run by name; every platform dispatches through it. */
export interface CommandRegistry {
  /** Every command (or those `platform` offers), in menu order. */
  list(platform?: Platform): readonly Command[];
  find(name: string): Command | undefined;
  /** Runs `name`; `undefined` for a name the registry does not know. */
  run(name: string, input: CommandInput): Promise<CommandResult> | undefined;
}

/** Wraps the defined commands in a registry. */
export function createCommandRegistry(commands: readonly Command[]): CommandRegistry {
  const byName = new Map(commands.map((c) => [c.name, c]));
  return {
    list: (platform) => (platform ? commands.filter((c) => c.platforms.includes(platform)) : commands),
    find: (name) => byName.get(name),
    run: (name, input) => byName.get(name)?.run(input),
  };
}

/**
 * Arguments from a typed command line (`/stats exports`, `/ask how many …`): the whole text after the
 * command is the command's first argument, since no command takes more than one.
 */
export function argsFromText(command: Command, text: string): Record<string, string> {
  const first = command.args[0];
  return first && text.trim() !== '' ? { [first.name]: text.trim() } : {};
}
