// Phone numbers are stored in E.164 (+40…) so that every common Romanian way of writing one
// (0722 123 456, +40 722 123 456, 0040722123456) finds the same caller.

/** E.164 form of a phone number, or null when it is not one. */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s().\-/]/g, '');
  let digits: string;
  if (/^\+\d+$/.test(compact)) digits = compact.slice(1);
  else if (/^00\d+$/.test(compact)) digits = compact.slice(2);
  else if (/^0\d{9}$/.test(compact)) digits = `40${compact.slice(1)}`;
  else if (/^40\d{9}$/.test(compact)) digits = compact;
  else return null;
  if (digits.startsWith('40')) {
    // Romanian numbers: 9 digits after the country code, no trunk zero.
    const national = digits.slice(2).replace(/^0/, '');
    return /^[2-9]\d{8}$/.test(national) ? `+40${national}` : null;
  }
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
}

/** Romanian mobiles are +407…; a foreign number is taken as able to receive an SMS. */
export function isMobilePhone(e164: string): boolean {
  if (e164.startsWith('+40')) return e164.startsWith('+407');
  return true;
}
