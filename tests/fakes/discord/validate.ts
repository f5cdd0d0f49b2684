import type { Json } from './payloads.ts';

/** Discord's size limits, checked the way Discord does: a body breaking one is a 400 50035. */
const LIMITS = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000, rows: 5, perRow: 5, label: 80, customId: 100, choices: 25, choiceText: 100 };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Problems with a message body (content, embeds, components), as Discord's form errors would list them. */
export function messageProblems(body: Json): string[] {
  const problems: string[] = [];
  if (str(body.content).length > LIMITS.content) problems.push(`content: ${str(body.content).length} > ${LIMITS.content}`);
  const embeds = (body.embeds ?? []) as Json[];
  if (embeds.length > LIMITS.embeds) problems.push(`embeds: ${embeds.length} > ${LIMITS.embeds}`);
  embeds.forEach((embed, i) => {
    const fields = (embed.fields ?? []) as Json[];
    const footer = str((embed.footer as Json | undefined)?.text);
    const check = (what: string, value: string, max: number) => value.length > max && problems.push(`embeds[${i}].${what}: ${value.length} > ${max}`);
    check('title', str(embed.title), LIMITS.title);
    check('description', str(embed.description), LIMITS.description);
    check('footer.text', footer, LIMITS.footer);
    if (fields.length > LIMITS.fields) problems.push(`embeds[${i}].fields: ${fields.length} > ${LIMITS.fields}`);
    fields.forEach((f, j) => {
      check(`fields[${j}].name`, str(f.name), LIMITS.fieldName);
      check(`fields[${j}].value`, str(f.value), LIMITS.fieldValue);
      if (str(f.name) === '' || str(f.value) === '') problems.push(`embeds[${i}].fields[${j}]: empty name or value`);
    });
    const total = str(embed.title).length + str(embed.description).length + footer.length + fields.reduce((s, f) => s + str(f.name).length + str(f.value).length, 0);
    if (total > LIMITS.total) problems.push(`embeds[${i}]: total ${total} > ${LIMITS.total}`);
  });
  const rows = (body.components ?? []) as Json[];
  if (rows.length > LIMITS.rows) problems.push(`components: ${rows.length} rows > ${LIMITS.rows}`);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const buttons = (row.components ?? []) as Json[];
    if (buttons.length === 0 || buttons.length > LIMITS.perRow) problems.push(`components[${i}]: ${buttons.length} buttons`);
    buttons.forEach((b, j) => {
      const id = str(b.custom_id);
      if (str(b.label).length > LIMITS.label) problems.push(`components[${i}][${j}].label too long`);
      if (id.length === 0 || id.length > LIMITS.customId) problems.push(`components[${i}][${j}].custom_id length ${id.length}`);
      if (ids.has(id)) problems.push(`components[${i}][${j}].custom_id duplicated`);
      ids.add(id);
    });
  });
  return problems;
}

/** Problems with a modal (callback type 9): a title, an id, one to five rows of one text input each. */
export function modalProblems(data: Json): string[] {
  const problems: string[] = [];
  const title = str(data.title);
  if (title.length < 1 || title.length > 45) problems.push(`title length ${title.length}`);
  const id = str(data.custom_id);
  if (id.length < 1 || id.length > LIMITS.customId) problems.push(`custom_id length ${id.length}`);
  const rows = (data.components ?? []) as Json[];
  if (rows.length < 1 || rows.length > LIMITS.rows) problems.push(`components: ${rows.length} rows`);
  rows.forEach((row, i) => {
    const inputs = (row.components ?? []) as Json[];
    if (row.type !== 1 || inputs.length !== 1 || inputs[0]!.type !== 4) problems.push(`components[${i}]: not one text input in a row`);
    const input = inputs[0] ?? {};
    if (str(input.label).length < 1 || str(input.label).length > 45) problems.push(`components[${i}].label length`);
    if (str(input.custom_id).length < 1) problems.push(`components[${i}].custom_id missing`);
    if (input.style !== 1 && input.style !== 2) problems.push(`components[${i}].style ${String(input.style)}`);
  });
  return problems;
}

/** Problems with an autocomplete result (callback type 8). */
export function choiceProblems(data: Json): string[] {
  const choices = (data.choices ?? []) as Json[];
  const problems = choices.length > LIMITS.choices ? [`choices: ${choices.length} > ${LIMITS.choices}`] : [];
  choices.forEach((c, i) => {
    if (str(c.name).length < 1 || str(c.name).length > LIMITS.choiceText) problems.push(`choices[${i}].name length`);
    if (str(c.value).length > LIMITS.choiceText) problems.push(`choices[${i}].value length`);
  });
  return problems;
}

/** Problems with one application command, as Discord validates a bulk overwrite. */
export function commandProblems(command: Json, index: number): string[] {
  const problems: string[] = [];
  if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(str(command.name))) problems.push(`[${index}].name "${str(command.name)}" invalid`);
  const description = str(command.description);
  if (description.length < 1 || description.length > 100) problems.push(`[${index}].description length ${description.length}`);
  const options = (command.options ?? []) as Json[];
  options.forEach((o, j) => {
    const choices = (o.choices ?? []) as Json[];
    if (o.autocomplete === true && choices.length > 0) problems.push(`[${index}].options[${j}]: autocomplete with choices`);
    if (choices.length > LIMITS.choices) problems.push(`[${index}].options[${j}].choices > 25`);
  });
  return problems;
}
