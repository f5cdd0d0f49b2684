import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/** Collects analysed documents and hands them to MiniSearch as a finished index. */
export interface PostingsBuilder {
  /** Adds a document: per field (in the order of `fields`), its term ids as they occur, repeats included. */
  add(id: string, fieldTerms: readonly (readonly number[])[]): void;
  /** The MiniSearch index of the documents added, its terms named by `termKey`. */
  load<T>(termKey: (termId: number) => string, options: Options<T>): MiniSearch<T>;
}

/**
 * Builds MiniSearch's index from terms already analysed, through its own `loadJS`: `add` walks the
 * search tree once per term occurrence (a million on a 10,000-fact base), loading once per distinct
 * term. Counts and field lengths are kept exactly as `add` keeps them (the number of distinct terms of
 * a field; the running average in the same floating-point steps), so scores are the same.
 */
export function createPostingsBuilder(fields: readonly string[]): PostingsBuilder {
  // lists[term][field]: the documents (short ids, ascending) with the term in that field, each
  // followed by how often it occurs there.
  const lists: number[][][] = [];
  const documentIds: string[] = [];
  const fieldLength: Record<number, number[]> = {};
  const averageFieldLength: number[] = [];
  return {
    add(id, fieldTerms) {
      const doc = documentIds.length;
      documentIds.push(id);
      fieldLength[doc] = fieldTerms.map((terms, field) => {
        let distinct = 0;
        for (const term of terms) {
          const list = ((lists[term] ??= [])[field] ??= []);
          if (list[list.length - 2] === doc) list[list.length - 1]! += 1;
          else {
            list.push(doc, 1);
            distinct += 1;
          }
        }
        averageFieldLength[field] = ((averageFieldLength[field] ?? 0) * doc + distinct) / (doc + 1);
        return distinct;
      });
    },
    load(termKey, options) {
      const index: AsPlainObject['index'] = lists.map((byField, term) => {
        const entry: Record<number, Record<number, number>> = {};
        byField.forEach((list, field) => {
          const counts: Record<number, number> = (entry[field] = {});
          for (let i = 0; i < list.length; i += 2) counts[list[i]!] = list[i + 1]!;
        });
        return [termKey(term), entry];
      });
      return MiniSearch.loadJS(
        {
          documentCount: documentIds.length,
          nextId: documentIds.length,
          documentIds: Object.fromEntries(documentIds.entries()),
          fieldIds: Object.fromEntries(fields.map((field, i) => [field, i])),
          fieldLength,
          averageFieldLength,
          storedFields: {},
          dirtCount: 0,
          index,
          serializationVersion: 2,
        },
        options,
      );
    },
  };
}
