import { describe, expect, test } from 'vitest';
import { isMobilePhone, normalizePhone } from '../../shared/domain/phone';

describe('normalizePhone: every common way of writing a number finds the same caller (E.164)', () => {
  test.each([
    ['0722 123 456', 'the national form with spaces'],
    ['0722123456', 'the national form without spaces'],
    ['+40 722 123 456', 'the international form with +40'],
    ['0040722123456', 'the international form with the 00 prefix'],
    ['40722123456', 'the country code without + or 00'],
    ['0722-123-456', 'dashes'],
    ['0722.123.456', 'dots'],
    ['0722/123456', 'a slash'],
    ['+40 0722 123 456', 'the trunk zero kept after +40'],
  ])('%s (%s) is +40722123456', (input) => {
    expect(normalizePhone(input)).toBe('+40722123456');
  });

  test('a Bucharest landline written with the area code in brackets is +40213151234', () => {
    expect(normalizePhone('(021) 315 1234')).toBe('+40213151234');
    expect(normalizePhone('0040 21 315 12 34')).toBe('+40213151234');
  });

  test('a foreign number keeps its own country code', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('+1 (202) 555-0143')).toBe('+12025550143');
    expect(normalizePhone('0033612345678')).toBe('+33612345678');
  });

  test.each([
    ['', 'an empty string'],
    ['abc', 'letters'],
    ['12', 'too few digits'],
    ['0722 123 45', 'a national number one digit short'],
    ['072212345678', 'a national number with digits too many'],
    ['+40 123 456 789', 'a Romanian number that starts with 1'],
    ['+0722', 'a + followed by a trunk zero'],
    ['0722 123 456 int. 12', 'an extension in words'],
    ['+40 722 123 456 789 012', 'too many digits after +40'],
  ])('%j (%s) is not a phone number: null', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('isMobilePhone: who can receive the SMS with the link to the answer', () => {
  test('a Romanian mobile (+407…) is a mobile', () => {
    expect(isMobilePhone('+40722123456')).toBe(true);
    expect(isMobilePhone(normalizePhone('0744 000 111')!)).toBe(true);
  });

  test('a Romanian landline (+402…, +403…) is not a mobile', () => {
    expect(isMobilePhone('+40213151234')).toBe(false);
    expect(isMobilePhone('+40314052222')).toBe(false);
  });

  test('a foreign number is taken as able to receive an SMS', () => {
    expect(isMobilePhone('+33612345678')).toBe(true);
  });
});
