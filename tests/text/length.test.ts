import { describe, expect, it } from 'vitest';
import { createAssistant, questionLength } from '../../src/index.ts';
import { tinyKnowledge } from '../helpers/knowledge.ts';

describe('questionLength', () => {
  it('GIVEN emoji and Han characters outside the BMP THEN counts each as one character', () => {
    expect([questionLength('🚂🚂'), questionLength('𠀀a'), questionLength('海外仓'), questionLength('')]).toEqual([2, 2, 3, 0]);
  });

  it('GIVEN a question of exactly the limit in emoji THEN the engine answers it and one more is too long', async () => {
    const assistant = createAssistant({ knowledge: tinyKnowledge(), maxQuestionLength: 10 });
    expect((await assistant.ask('🚂'.repeat(10))).reason).not.toBe('too_long');
    expect((await assistant.ask('🚂'.repeat(11))).reason).toBe('too_long');
  });
});
