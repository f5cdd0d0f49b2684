/**
 * `npm run register`: registers the slash commands with one bulk overwrite, to DISCORD_GUILD_ID when
 * set (instant, for testing) or globally. Prints what it did; exits 1 with a token-free message when
 * the configuration is missing or Discord refuses. The logic is `runRegister` in registration.ts.
 */
import { runRegister } from './registration.ts';

const code = await runRegister({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
// Exit explicitly: REST keeps pooled connections open for a few seconds after the last request.
process.exit(code);
