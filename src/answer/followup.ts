/**
 * A follow-up that leans on an earlier question ("How big is it?", "And in 2023?", "总金额呢？",
 * "那第8所建在哪个国家？"): short, and opening or closing with a reference. The engine keeps no
 * conversation yet, so such a question is declined with a request for the whole question rather than
 * answered from whatever its few words match.
 */
export function leansOnEarlier(normalized: string): boolean {
  if (/\p{Script=Han}/u.test(normalized)) {
    const han = normalized.replace(/[^\p{Script=Han}\d]/gu, '');
    return han.length <= 14 && (/^(那|那么|它|这个|那个|上一届|上一年|前一年)/.test(normalized) || /(呢|比上年多了多少|比上届多了多少)[?？!！。]*$/.test(normalized));
  }
  const words = normalized.split(/\s+/).filter(Boolean);
  if (words.length > 7) return false;
  return (
    /^(and|what about|how about|then|so)\b/.test(normalized) ||
    /\b(it|its|that|those|them|they|the year before|the one before|the previous one)\b[?.!]*$/.test(normalized) ||
    /^(how much|how many) of (it|that|those|them)\b/.test(normalized)
  );
}
