import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01) in milliseconds; snowflakes carry time since it. */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh snowflake for now, so discord.js's `createdTimestamp` is realistic. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment);
}

/** An interaction token: opaque, long, and never to be logged. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}`;
}

export type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

/** A user object as the API sends it. */
export function userObject(user: FakeUser): Json {
  return { id: user.id, username: user.username, global_name: user.username, discriminator: '0', avatar: null, bot: user.bot ?? false, public_flags: 0 };
}

/** A guild member as the API sends it (in interactions and GUILD_CREATE). */
export function memberObject(user: FakeUser): Json {
  return {
    user: userObject(user),
    roles: [],
    nick: null,
    avatar: null,
    joined_at: '2025-01-01T00:00:00.000Z',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    permissions: '2248473465835073',
  };
}

export interface FakeGuild {
  id: string;
  name: string;
  /** Text channels (type 0) in the guild. */
  channelIds: string[];
}

/** GUILD_CREATE's payload: the guild with its channels, its @everyone role and the bot as member. */
export function guildCreate(guild: FakeGuild, bot: FakeUser): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: snowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_id: null,
    system_channel_flags: 0,
    features: [],
    emojis: [],
    stickers: [],
    roles: [{ id: guild.id, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 }],
    channels: guild.channelIds.map((id, position) => ({ id, type: 0, name: `channel-${position}`, position, permission_overwrites: [], nsfw: false, topic: null, parent_id: null, rate_limit_per_user: 0, last_message_id: null })),
    members: [memberObject(bot)],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: '2025-01-01T00:00:00.000Z',
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Where an interaction or message happens: a guild text channel, or the user's DM with the bot. */
export type Place = { guild: FakeGuild; channelId: string } | { dmChannelId: string };

function placeFields(place: Place, user: FakeUser): Json {
  if ('dmChannelId' in place) {
    const channel = { id: place.dmChannelId, type: 1, recipients: [userObject(user)], last_message_id: null, flags: 0 };
    return { user: userObject(user), channel, channel_id: place.dmChannelId, context: 1, authorizing_integration_owners: { '0': snowflake() } };
  }
  const channel = { id: place.channelId, type: 0, guild_id: place.guild.id, name: 'general', position: 0, permissions: '2248473465835073', nsfw: false, parent_id: null, flags: 0 };
  return { guild_id: place.guild.id, guild_locale: 'en-US', member: memberObject(user), channel, channel_id: place.channelId, context: 0, authorizing_integration_owners: { '0': place.guild.id } };
}

export interface InteractionInput {
  applicationId: string;
  user: FakeUser;
  place: Place;
  /** The user's client locale (default `en-US`). */
  locale?: string;
}

/** The envelope every INTERACTION_CREATE carries, including the fields discord.js requires. */
export function interactionBase(input: InteractionInput, type: number, data: Json): Json {
  return {
    id: snowflake(),
    application_id: input.applicationId,
    type,
    token: interactionToken(),
    version: 1,
    data,
    locale: input.locale ?? 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10485760,
    ...placeFields(input.place, input.user),
  };
}

/** A slash command (type 2) with string options. */
export function chatInput(input: InteractionInput, name: string, options: Record<string, string> = {}): Json {
  const opts = Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value }));
  return interactionBase(input, 2, { id: snowflake(), name, type: 1, options: opts });
}

/** Autocomplete (type 4) for one focused string option. */
export function autocomplete(input: InteractionInput, name: string, option: string, value: string): Json {
  return interactionBase(input, 4, { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] });
}

/** A button click (type 3) on a message the bot sent. */
export function buttonClick(input: InteractionInput, customId: string, label: string, botUser: FakeUser): Json {
  const base = interactionBase(input, 3, { custom_id: customId, component_type: 2 });
  const message = {
    ...messageFields(botUser, ''),
    channel_id: String(base.channel_id),
    components: [{ type: 1, components: [{ type: 2, style: 2, label, custom_id: customId }] }],
  };
  return { ...base, message };
}

/** A modal sent back (type 5): its id and each text input's value by custom id. */
export function modalSubmit(input: InteractionInput, customId: string, values: Record<string, string>): Json {
  const components = Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] }));
  return interactionBase(input, 5, { custom_id: customId, components });
}

/** The fields every message object has, for a plain message by `author`; callers add or override the rest. */
export function messageFields(author: FakeUser, content: string): Json {
  return {
    id: snowflake(),
    type: 0,
    author: userObject(author),
    content,
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
  };
}

/** MESSAGE_CREATE for a user's message, in a guild channel or a DM (with `channel_type` 1). */
export function messageCreate(user: FakeUser, place: Place, content: string, mentions: FakeUser[] = []): Json {
  const common = { ...messageFields(user, content), mentions: mentions.map(userObject), nonce: snowflake() };
  if ('dmChannelId' in place) return { ...common, channel_id: place.dmChannelId, channel_type: 1 };
  return { ...common, channel_id: place.channelId, guild_id: place.guild.id, channel_type: 0, member: { ...memberObject(user), user: undefined } };
}
