import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createPostingsBuilder } from '../../src/search/postings.ts';

const fields = ['title', 'body'] as const;
const docs = [
  { id: 'a', title: 'corn barley corn', body: 'wagons' },
  { id: 'b', title: 'barley', body: 'corn wagons wagons trains' },
  { id: 'c', title: '', body: 'trains' },
  { id: 'd', title: 'trains trains', body: 'corn corn corn barley' },
];
const words = (text: string) => text.split(' ').filter(Boolean);
const options = { fields: [...fields], tokenize: words, searchOptions: { boost: { title: 3 } } };

describe('createPostingsBuilder', () => {
  it('GIVEN the terms of each field THEN the loaded index scores as MiniSearch add over the same texts', () => {
    const added = new MiniSearch(options);
    added.addAll(docs);
    const terms: string[] = [];
    const builder = createPostingsBuilder(fields);
    for (const doc of docs) {
      const idOf = (term: string) => (terms.includes(term) ? terms.indexOf(term) : terms.push(term) - 1);
      builder.add(doc.id, fields.map((field) => words(doc[field]).map(idOf)));
    }
    const loaded = builder.load((id) => terms[id]!, options);
    for (const query of ['corn', 'barley wagons', 'trains corn barley', 'rice']) expect(loaded.search(query)).toEqual(added.search(query));
  });
});
