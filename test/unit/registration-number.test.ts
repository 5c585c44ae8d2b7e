import { describe, expect, test } from 'vitest';
import { formatRegistrationNumber, parseRegistrationNumber } from '../../shared/domain/registration-number';

describe('formatRegistrationNumber: register prefix, year, six-digit sequence', () => {
  test.each([
    ['P', 2026, 1, 'P-2026-000001'],
    ['P', 2026, 123, 'P-2026-000123'],
    ['I', 2027, 42, 'I-2027-000042'],
    ['P', 2026, 999_999, 'P-2026-999999'],
  ] as const)('%s %i %i is %s', (register, year, seq, expected) => {
    expect(formatRegistrationNumber(register, year, seq)).toBe(expected);
  });

  test('past a million the number grows a digit instead of wrapping', () => {
    expect(formatRegistrationNumber('P', 2026, 1_000_000)).toBe('P-2026-1000000');
  });
});

describe('parseRegistrationNumber: what a citizen types on the tracking page', () => {
  test('a well-formed number is read into its parts', () => {
    expect(parseRegistrationNumber('P-2026-000123')).toEqual({ register: 'P', year: 2026, seq: 123, normalized: 'P-2026-000123' });
    expect(parseRegistrationNumber('I-2027-000001')).toEqual({ register: 'I', year: 2027, seq: 1, normalized: 'I-2027-000001' });
  });

  test('lower case and surrounding spaces are accepted', () => {
    expect(parseRegistrationNumber('  p-2026-000123 ')?.normalized).toBe('P-2026-000123');
  });

  test('extra leading zeros are normalised to the six-digit form', () => {
    expect(parseRegistrationNumber('P-2026-0000123')?.normalized).toBe('P-2026-000123');
  });

  test('format and parse round-trip', () => {
    for (const [r, y, s] of [['P', 2026, 1], ['I', 2030, 654_321], ['P', 2026, 1_234_567]] as const) {
      const n = formatRegistrationNumber(r, y, s);
      expect(parseRegistrationNumber(n)).toEqual({ register: r, year: y, seq: s, normalized: n });
    }
  });

  test.each([
    ['P-2026-000000', 'sequence zero'],
    ['X-2026-000001', 'an unknown register'],
    ['P-26-000001', 'a two-digit year'],
    ['P-2026-123', 'a short sequence'],
    ['P2026000123', 'no dashes'],
    ['P-2026-000123-x', 'trailing text'],
    ["P-2026-000001' or 1=1", 'SQL-looking text'],
    ['', 'an empty string'],
  ])('%j (%s) is not a registration number', (input) => {
    expect(parseRegistrationNumber(input)).toBeNull();
  });
});
