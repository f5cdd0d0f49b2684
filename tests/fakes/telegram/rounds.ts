import { plainOf } from './html.ts';
import type { FakeBotApi, FakeCall } from './server.ts';
import { group, messageUpdate, user } from './updates.ts';
import { sleep } from './wait.ts';

/** Questions whose answers say something no other of them says, so a private reply names its question. */
export const MARKED_QUESTIONS = [
  { text: 'how many overseas warehouses', marker: 'operates 58 overseas warehouses' },
  { text: 'how many sister cities does Gansu have', marker: '69 international sister cities' },
  { text: 'how many freight trains', marker: '598 international freight trains' },
] as const;

/** One question sent in a round, and how to find its replies. */
export interface SentQuestion {
  updateId: number;
  chatId: number;
  messageId: number;
  marker: string;
  isGroup: boolean;
}

/**
 * Sends the three marked questions from each of `users` users (ids from `base`), `gapMs` apart: in
 * private chats, or `perGroup` users to a group (mentioning the bot). The list fills as they are sent.
 */
export function sendRound(api: FakeBotApi, kind: 'group' | 'private', base: number, users: number, gapMs: number, perGroup = 2): { questions: SentQuestion[]; sent: Promise<void> } {
  const questions: SentQuestion[] = [];
  const sent = (async () => {
    for (const q of MARKED_QUESTIONS) {
      for (let i = 0; i < users; i += 1) {
        const from = user(base + i);
        const chat = kind === 'group' ? group(base + Math.floor(i / perGroup)) : undefined;
        const update = messageUpdate(from, kind === 'group' ? `@${api.state.me.username} ${q.text}` : q.text, chat);
        const msg = update.message as { message_id: number };
        questions.push({ updateId: api.push(update), chatId: chat?.id ?? from.id, messageId: msg.message_id, marker: q.marker, isGroup: kind === 'group' });
        await sleep(gapMs);
      }
    }
  })();
  return { questions, sent };
}

/** The replies `question` got: in a group those quoting it, in private those with its marker. */
export function repliesOf(api: FakeBotApi, question: SentQuestion): FakeCall[] {
  return api
    .sentTo(question.chatId)
    .filter((c) => (question.isGroup ? c.body.reply_parameters?.message_id === question.messageId : plainOf(c.body.text).includes(question.marker)));
}

/** How many replies `question` got. */
export function repliesTo(api: FakeBotApi, question: SentQuestion): number {
  return repliesOf(api, question).length;
}

/**
 * Questions never answered, replies beyond the first to a question, and when the first copy of each
 * reply sent twice reached the fake (a reply in flight at a kill reaches it just before).
 */
export function tally(api: FakeBotApi, questions: readonly SentQuestion[]): { lost: number; duplicates: number; twiceFirstAt: number[] } {
  const replies = questions.map((q) => repliesOf(api, q));
  return {
    lost: replies.filter((r) => r.length === 0).length,
    duplicates: replies.reduce((sum, r) => sum + Math.max(0, r.length - 1), 0),
    twiceFirstAt: replies.filter((r) => r.length > 1).map((r) => r[0]!.at),
  };
}
