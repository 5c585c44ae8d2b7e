import { describe, expect, test } from 'vitest';
import { cleanText } from '../../shared/domain/text';

describe('cleanText: Romanian letters', () => {
  test('the legacy cedilla letters ş ţ Ş Ţ become the comma-below letters ș ț Ș Ț', () => {
    expect(cleanText('Ţepeş Vodă, ŞTEFAN, ţară, şcoală')).toBe('Țepeș Vodă, ȘTEFAN, țară, școală');
    expect(cleanText('ş ţ Ş Ţ')).toBe('\u0219 \u021b \u0218 \u021a');
  });

  test('decomposed diacritics (letter + combining mark) are composed (NFC)', () => {
    const decomposed = 'Pia\u0163a Valea Oltului, s\u0326i t\u0326, a\u0306, a\u0302, i\u0302';
    const cleaned = cleanText(decomposed);
    expect(cleaned).toBe('Piața Valea Oltului, și ț, ă, â, î');
    expect(cleaned).toBe(cleaned.normalize('NFC'));
    expect(cleaned).not.toMatch(/[\u0300-\u036f]/);
  });

  test('a decomposed cedilla letter (s + U+0327) is composed and then turned into ș', () => {
    expect(cleanText('s\u0327i t\u0327')).toBe('și ț');
  });

  test('text that is already clean is returned unchanged', () => {
    const clean = 'Groapă adâncă pe strada Țintei nr. 5, în dreptul blocului';
    expect(cleanText(clean)).toBe(clean);
  });
});

describe('cleanText: control characters', () => {
  test('a NUL character never remains (PostgreSQL refuses it in text)', () => {
    expect(cleanText('ab\u0000cd')).not.toContain('\u0000');
    expect(cleanText('ab\u0000cd', { multiline: true })).toBe('abcd');
  });

  test('other control characters (ESC, BEL, DEL, form feed) are removed', () => {
    const input = 'a\u001bb\u0007c\u007fd\u000ce';
    expect(cleanText(input, { multiline: true })).toBe('abcde');
    expect(cleanText(input)).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  test('a single-line field keeps no line breaks: they become spaces', () => {
    expect(cleanText('Groapă\nadâncă\r\npe strada')).toBe('Groapă adâncă pe strada');
    expect(cleanText('a\tb')).toBe('a b');
  });

  test('a multiline field keeps its line breaks, with CRLF and CR written as LF', () => {
    expect(cleanText('Bună ziua,\r\nvă scriu\rdespre\ngroapă.', { multiline: true })).toBe('Bună ziua,\nvă scriu\ndespre\ngroapă.');
  });

  test('a multiline field keeps tabs', () => {
    expect(cleanText('a\tb', { multiline: true })).toBe('a\tb');
  });

  test('leading and trailing white space is trimmed', () => {
    expect(cleanText('  \n subiect \t ')).toBe('subiect');
    expect(cleanText('\n\ntext\n\n', { multiline: true })).toBe('text');
  });
});
