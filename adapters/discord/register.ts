/**
 * `npm run register`: registers the slash commands with one bulk overwrite, to DISCORD_GUILD_ID when
 * set (instant, for testing) or globally. Prints what it did; exits 1 with one token-free line when the
 * configuration is missing or Discord refuses, 2 on an unknown option. The logic is `runRegister` in registration.ts.
 */
import { runRegister } from './registration.ts';

const code = await runRegister({
  args: process.argv.slice(2),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
// Exit explicitly: REST keeps pooled connections open for a few seconds after the last request.
process.exit(code);
