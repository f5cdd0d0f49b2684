/**
 * The length of a question as the bot's limit (`MAX_QUESTION_LENGTH`) counts it: in Unicode code
 * points, so an emoji or a rare Han character outside the BMP counts as one character, as a person
 * counts it, and not as the two UTF-16 units JavaScript's `length` gives. The engine and every adapter
 * use this one definition, so a question the engine accepts is never flagged as too long elsewhere.
 */
export function questionLength(question: string): number {
  let count = 0;
  for (const _ of question) count += 1;
  return count;
}
