import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/errors.ts';
import { z } from 'zod';
import { KnowledgeError } from '../../src/index.ts';
import { formatPath, parseKnowledgeFile } from '../../src/knowledge/parse.ts';
import { factFileSchema } from '../../src/knowledge/schema.ts';

const schema = z.object({ facts: z.array(z.object({ id: z.string(), value: z.number() })) });


describe('parseKnowledgeFile', () => {
  it('GIVEN a valid file THEN returns the parsed data', () => {
    expect(parseKnowledgeFile('a.yaml', 'facts:\n  - id: x\n    value: 3\n', schema)).toEqual({ facts: [{ id: 'x', value: 3 }] });
  });

  it('GIVEN a wrong type THEN names file, line and field path in one line', () => {
    const source = 'facts:\n  - id: x\n    value: 3\n  - id: y\n    value: three\n';
    const error = errorOf(KnowledgeError, () => parseKnowledgeFile('knowledge/trade.yaml', source, schema));
    expect(error.message).toMatch(/^knowledge\/trade\.yaml:5 facts\[1\]\.value: .*number/);
    expect(error.message).not.toContain('\n');
    expect([error.file, error.line, error.field]).toEqual(['knowledge/trade.yaml', 5, 'facts[1].value']);
  });

  it('GIVEN a missing field THEN points at the line of its parent', () => {
    const error = errorOf(KnowledgeError, () => parseKnowledgeFile('f.yaml', 'facts:\n  - id: x\n', schema));
    expect(error.message).toMatch(/^f\.yaml:2 facts\[0\]\.value: /);
  });

  it('GIVEN broken YAML THEN reports the line of the syntax error', () => {
    const error = errorOf(KnowledgeError, () => parseKnowledgeFile('f.yaml', 'facts:\n  - id: x\n    value: [1, 2\n', schema));
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.field).toBe('(yaml)');
  });

  it('GIVEN a misspelt key in a fact THEN the strict schema refuses it', () => {
    const source = 'topic: t\ndocument: d\nfacts:\n  - id: a\n    titel: { en: x, zh: y }\n';
    expect(() => parseKnowledgeFile('f.yaml', source, factFileSchema)).toThrow(/^f\.yaml:\d+ facts\[0\]/);
  });

  it('GIVEN a path THEN formats it like code', () => {
    expect(formatPath(['facts', 3, 'figures', 0, 'value'])).toBe('facts[3].figures[0].value');
  });
});
