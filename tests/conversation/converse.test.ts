import { describe, expect, it } from 'vitest';
import { createAssistant, type Answer } from '../../src/index.ts';
import { createConversations } from '../../src/conversation/converse.ts';
import { createMemoryStore } from '../../src/conversation/memory.ts';
import { createEngine } from '../../src/answer/engine.ts';

// The real base: follow-ups are only meaningful against facts that have something to follow.
const assistant = createAssistant();
let n = 0;
const chat = () => {
  const id = `test-${(n += 1)}`;
  return (q: string) => assistant.ask(q, { conversation: id });
};

describe('conversations: follow-ups in context', () => {
  it('GIVEN a question about the Peru warehouse WHEN the next message says "it" THEN it is answered about that warehouse', async () => {
    const say = chat();
    expect((await say('Gansu has a warehouse in Peru now, right? When did it open?')).text).toMatch(/Feb/);
    const next = await say('What was in the first shipment that left it?');
    expect(next.answered).toBe(true);
    expect(next.text).toMatch(/800/);
    expect(next.text.toLowerCase()).toContain('silver');
  });

  it('GIVEN "the first …" of a series THEN the fact that says first answers, its year follows, and "the 8th one" is the one that says 8th', async () => {
    const say = chat();
    const first = await say('Where did Gansu open its first Qihuang college abroad?');
    expect(first.facts[0]?.id).toBe('2016-08-gansu-tcm-internationalization-zh-2');
    expect(first.text).toContain('Ukraine');
    expect((await say('Which year was it set up?')).text).toContain('2013');
    const eighth = await say('Which country has the 8th one?');
    expect(eighth.text).toContain('Hungary');
    // A number the base holds ("8 countries") is no 8th; an ordinal no fact states is declined.
    expect((await assistant.ask('第5所岐黄中医学院在哪个国家？')).answered).toBe(false);
    expect((await assistant.ask('第8所岐黄中医学院在哪个国家？')).text).toContain('匈牙利');
  });

  it('GIVEN a follow-up whose own word is one character ("哪年建的？") THEN the subject picks the fact', async () => {
    const say = chat();
    expect((await say('甘肃第一所海外岐黄中医学院在哪？')).text).toContain('乌克兰');
    expect((await say('哪年建的？')).text).toContain('2013');
  });

  it('GIVEN a figure for one period WHEN asked "and in 2023?"-style in Chinese THEN the same measure for the new period answers', async () => {
    const say = chat();
    expect((await say('2021年兰州新区国际班列到发多少列？')).text).toContain('125');
    expect((await say('2022年前十个月的情况呢？')).text).toContain('190');
  });

  it('GIVEN "the year before?" THEN the period counts back from the earlier question, and "that year" keeps it', async () => {
    const say = chat();
    expect((await say('How much foreign direct investment did Gansu actually use in 2022?')).text).toContain('124.8');
    const before = await say('the year before?');
    expect(before.text).toMatch(/110 million \(2021\)/);
    expect((await say('How many new foreign-invested firms were set up that year?')).text).toMatch(/36 enterprises \(2021\)/);
    // Outside a conversation the same words lean on nothing and are declined.
    expect((await assistant.ask('the year before?')).answered).toBe(false);
  });

  it('GIVEN two conversations THEN a follow-up in one does not see the other', async () => {
    const a = chat();
    const b = chat();
    await a('2021年兰州新区国际班列到发多少列？');
    expect((await b('2022年前十个月的情况呢？')).answered).toBe(false);
    expect((await a('2022年前十个月的情况呢？')).text).toContain('190');
  });

  it('GIVEN a complete new question THEN it starts a new thread instead of bending to the old one', async () => {
    const say = chat();
    await say('Gansu has a warehouse in Peru now, right? When did it open?');
    const fresh = await say('How many international sister cities does Gansu have?');
    expect(fresh.facts[0]?.topic).toBe((await assistant.ask('How many international sister cities does Gansu have?')).facts[0]?.topic);
    expect(fresh.text).not.toMatch(/Peru/);
  });

  it('GIVEN a follow-up that adds nothing the base knows THEN it declines rather than repeat the last answer', async () => {
    const say = chat();
    await say('Gansu has a warehouse in Peru now, right? When did it open?');
    expect((await say('What about it?')).answered).toBe(false);
  });

  it('GIVEN "How big is it?" THEN only a fact with an area answers, within the conversation', async () => {
    const say = chat();
    await say('Gansu has a warehouse in Peru now, right? When did it open?');
    const size = await say('How big is it?');
    expect(size.answered).toBe(true);
    expect(size.text).toMatch(/10,000 square metres/);
  });

  it('GIVEN a route just discussed WHEN asked which aircraft it uses THEN that route answers, not a newer route of the same kind', async () => {
    const say = chat();
    await say('When did the Lanzhou-Lahore all-cargo air route start?');
    const plane = await say('Which aircraft does it use?');
    expect(plane.facts[0]?.id).toMatch(/lahore/);
    expect(plane.text).toContain('757');
  });

  it('GIVEN a train just discussed WHEN asked its duration in other words THEN its figure in days answers, and "who" names the operator', async () => {
    const say = chat();
    await say('When did the first scheduled China-Kyrgyzstan-Uzbekistan train of 2026 leave Lanzhou?');
    expect((await say('How many days is the journey?')).text).toMatch(/^15 days/);
    expect((await say('Who operates it?')).text).toContain('Logistics Group');
  });

  it('GIVEN a half-year total WHEN asked "and the imports?" then "the year before?" THEN the imports figure, then the same half a year back', async () => {
    const say = chat();
    expect((await say("What was Gansu's foreign trade in H1 2023?")).text).toMatch(/^Total foreign trade: 27\.48 billion yuan/);
    expect((await say('And the imports?')).text).toMatch(/^Imports: 20\.63 billion yuan \(H1 2023\)/);
    expect((await say('the year before?')).text).toMatch(/^Imports: 26\.42 billion yuan \(H1 2022\)/);
  });

  it('GIVEN a Chinese half-year total WHEN asked 前一年呢 THEN 多少 takes any figure of the same half a year back', async () => {
    const say = chat();
    await say('2023年上半年甘肃外贸进出口总值是多少？');
    expect((await say('前一年呢？')).text).toMatch(/^2022年上半年外贸进出口总值：325\.8亿元/);
  });

  it('GIVEN a full-year total WHEN the follow-up opens with "ok" THEN it is a follow-up, not small talk, and a year with only part-year figures is declined', async () => {
    const say = chat();
    await say("What was Gansu's full-year foreign trade total for 2022?");
    expect((await say('ok, and 2024?')).text).toMatch(/^Total foreign trade.*: 61\.54 billion yuan \(2024\)/);
    expect(await say('the year before that one?')).toMatchObject({ answered: true });
    const partial = await say('and for the whole of 2021?');
    expect(partial).toMatchObject({ answered: false, reason: 'period' });
    expect((await say('thanks!')).reason).toBe('greeting');
  });

  it('GIVEN a fair edition WHEN asked "and at the previous edition?" THEN the edition before answers, the earlier one no longer part of the subject', async () => {
    const say = chat();
    expect((await say('How many deals were signed at the 29th Lanzhou fair?')).text).toContain('1,172');
    const before = await say('And at the previous edition?');
    expect(before.text).toMatch(/^Deals signed at the 28th Lanzhou fair: 898/);
    expect(before.resolved).not.toContain('29th');
  });

  it('GIVEN a pointing question answered as it stands THEN the next follow-up still knows its subject and never takes the earlier edition\'s figure', async () => {
    const say = chat();
    await say('Which countries were the guests of honour at the 29th Lanzhou fair?');
    expect((await say('How many contracts had been signed by the time it ended?')).text).toContain('1,172');
    const before = await say('And at the previous edition?');
    expect(before.resolved).toContain('28th');
    expect(before.text).not.toContain('30.51%');
  });

  it('GIVEN a quarter of apple exports WHEN asked which country bought most of them THEN the fact that names the biggest buyer answers', async () => {
    const say = chat();
    await say('What were fresh apple exports worth in Q1 2024?');
    expect((await say('Which country bought most of them?')).text).toContain('Vietnam');
  });

  it('GIVEN a fair edition and year WHEN asked about the next edition "that time", then its guest "at that one" THEN the next edition answers both', async () => {
    const say = chat();
    expect((await say('How many projects were signed at the 20th Lanzhou fair in 2014?')).text).toContain('1,299');
    expect((await say('And the next edition - how many that time?')).text).toMatch(/^Projects signed at the 21st Lanzhou fair: 1,292/);
    expect((await say('Who was the guest of honour at that one?')).text).toContain('Belarus');
  });

  it('GIVEN a part-year figure WHEN asked for the entire year THEN it declines naming the periods, and "what about 2024?" still follows the subject', async () => {
    const say = chat();
    await say('How much cargo and mail did Zhongchuan airport handle in January-October 2023?');
    expect(await say('And for the entire year 2023?')).toMatchObject({ answered: false, reason: 'period' });
    expect((await say('What about 2024?')).text).toMatch(/86,000 tonnes \(2024\)/);
  });

  it('GIVEN the bot offered follow-ups WHEN the user types "the second one" THEN that question is answered', async () => {
    const say = chat();
    const first = await say('How many overseas warehouses does Gansu have?');
    expect(first.followUps.length).toBeGreaterThan(1);
    const picked = await say('the second one');
    expect(picked.answered).toBe(true);
    expect(picked.text).toBe((await assistant.ask(first.followUps[1]!)).text);
  });
});

describe('conversations: memory', () => {
  it('GIVEN a conversation idle past the TTL THEN a follow-up no longer resolves against it', async () => {
    let now = 1_000_000;
    const engine = createEngine(assistant.knowledge);
    const documents = new Map(assistant.knowledge.facts.map((f) => [f.id, f.source.documentId]));
    const talk = createConversations({
      answer: (q, l, f) => engine.answer(q, l, f),
      documentOf: (id) => documents.get(id),
      store: createMemoryStore({ ttlSeconds: 600, now: () => now }),
      now: () => now,
    });
    await talk.ask('c', '2021年兰州新区国际班列到发多少列？');
    now += 599_000;
    expect((await talk.ask('c', '2022年前十个月的情况呢？')).text).toContain('190');
    now += 601_000;
    expect((await talk.ask('c', '2022年前十个月的情况呢？')).answered).toBe(false);
  });

  it('GIVEN more conversations than the bound THEN the least recently used are forgotten', async () => {
    const store = createMemoryStore({ ttlSeconds: 600, max: 3 });
    const thread = { turns: [{ resolved: 'q', language: 'en' as const, documents: [], topics: [], choices: [], at: Date.now() }] };
    for (const id of ['a', 'b', 'c']) await store.set(id, thread);
    await store.get('a');
    await store.set('d', thread);
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
  });
});

describe('conversations: fresh or in context', () => {
  // An answer function that answers every question, in context from document "ctx" and fresh from
  // document "fresh" with more confidence: which one the conversation keeps is the rule under test.
  const reply = (question: string, documentId: string, confidence: number): Answer => ({
    question, answered: true, text: documentId, language: 'en', facts: [{ id: documentId, topic: 't', title: documentId }], figures: [], confidence, sources: [], followUps: [],
  });
  const talk = (inContext = 0.8, fresh = 1) =>
    createConversations({
      answer: (q, _l, focus) => (focus ? reply(q, 'ctx', inContext) : reply(q, 'fresh', fresh)),
      documentOf: (id) => id,
      store: createMemoryStore({ ttlSeconds: 600 }),
    });

  it('GIVEN a long question that counts from the earlier one ("the year before") THEN the in-context answer wins over a surer fresh one', async () => {
    const c = talk();
    await c.ask('a', 'What was the foreign trade total in the first half of 2023?');
    expect((await c.ask('a', 'What was the first-half total for the whole province the year before?')).text).toBe('ctx');
  });

  it('GIVEN a long complete question THEN the surer fresh answer wins', async () => {
    const c = talk();
    await c.ask('a', 'What was the foreign trade total in the first half of 2023?');
    expect((await c.ask('a', 'How many overseas warehouses does Gansu operate in Europe today?')).text).toBe('fresh');
  });

  it('GIVEN a short question whose subject is a pronoun WHEN context has no answer THEN a fresh answer on another topic is not given, one on the same topic is', async () => {
    // The first question is answered on topic "t"; the follow-up in context not at all, fresh by `fresh`.
    const ask = (fresh: Answer) =>
      createConversations({
        answer: (q, _l, focus) => (focus ? { ...reply(q, 'ctx', 0), answered: false } : q.startsWith('How much storage') ? reply(q, 'first', 1) : fresh),
        documentOf: (id) => id,
        store: createMemoryStore({ ttlSeconds: 600 }),
      });
    const elsewhere = ask({ ...reply('q', 'fresh', 1), facts: [{ id: 'fresh', topic: 'routes', title: 'fresh' }] });
    await elsewhere.ask('a', 'How much storage does the Tashkent warehouse have?');
    expect((await elsewhere.ask('a', 'What did it cost to build?')).answered).toBe(false);
    const same = ask({ ...reply('q', 'fresh', 1), facts: [{ id: 'fresh', topic: 't', title: 'fresh' }] });
    await same.ask('a', 'How much storage does the Tashkent warehouse have?');
    expect((await same.ask('a', 'What did it cost to build?')).answered).toBe(true);
  });

  it('GIVEN a short question with no pointer WHEN the in-context answer is clearly surer THEN it wins, even from another source', async () => {
    const sure = talk(0.9, 0.6);
    await sure.ask('a', 'When did the first CKU road-rail train leave?');
    expect((await sure.ask('a', 'How many days does the whole trip take?')).text).toBe('ctx');
    const close = talk(0.7, 0.6);
    await close.ask('a', 'When did the first CKU road-rail train leave?');
    expect((await close.ask('a', 'How many days does the whole trip take?')).text).toBe('fresh');
  });
});
