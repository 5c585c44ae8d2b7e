// The redaction of personal values out of free text (server/modules/gdpr/redact.ts), used by anonymisation.
import { describe, expect, test } from 'vitest';
import { createRedactor, personalValues } from '../../server/modules/gdpr/redact';

const redact = createRedactor(personalValues(['Ștefan', 'Țăranu', 'Ștefan Țăranu', 'stefan.taranu@example.ro', 'Strada Ion Țuculescu 12', 'Al'], ['+40722123456']));

describe('createRedactor', () => {
  test.each([
    ['Am vorbit cu Ștefan Țăranu.', 'Am vorbit cu [anonimizat].'],
    ['ȘTEFAN ȚĂRANU a revenit', '[anonimizat] a revenit'],
    ['scrieți la STEFAN.TARANU@example.ro', 'scrieți la [anonimizat]'],
    ['domiciliat în Strada  Ion Țuculescu 12, Sector 6', 'domiciliat în [anonimizat], Sector 6'],
    ['tel. 0722 123 456', 'tel. [anonimizat]'],
    ['tel. 0722.123.456 sau +40 722 123 456 sau 0040722123456 sau 40722123456', 'tel. [anonimizat] sau [anonimizat] sau [anonimizat] sau [anonimizat]'],
    ['Altă stradă, nimic personal', 'Altă stradă, nimic personal'],
  ])('%s', (input, output) => {
    expect(redact.text(input)).toBe(output);
  });

  test('the legacy cedilla letters are the same letters (NFC, ş → ș is the intake’s job; NFC here)', () => {
    expect(redact.text('S\u0326tefan')).toBe('[anonimizat]');
  });

  test('every string inside JSON, at any depth; keys and other values stay', () => {
    expect(redact.json({ note: 'Ștefan a sunat', n: 3, list: ['0722123456', { deep: 'Țăranu' }], ok: true, none: null })).toEqual({
      note: '[anonimizat] a sunat', n: 3, list: ['[anonimizat]', { deep: '[anonimizat]' }], ok: true, none: null,
    });
  });

  test('values shorter than three characters are not searched for inside words', () => {
    expect(redact.text('Alba Iulia')).toBe('Alba Iulia');
  });

  test('with nothing to look for, text is unchanged', () => {
    const none = createRedactor(personalValues([null, undefined, '  '], [null]));
    expect(none.text('Ștefan 0722123456')).toBe('Ștefan 0722123456');
    expect(none.matches('x')).toBe(false);
    expect(redact.matches('Ștefan')).toBe(true);
  });
});
