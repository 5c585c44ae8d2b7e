// How an SMS travels (3GPP TS 23.038): in the GSM-7 alphabet when every character is in it (160 septets
// in one message, 153 per part of a long one), otherwise in UCS-2 (70 UTF-16 units, 67 per part).
// Romanian's ă â î ș ț are not in GSM-7, so a notice in correct Romanian goes as UCS-2: we keep the
// diacritics (a public authority writes correctly) and record the cost, rather than strip them.

export type SmsEncoding = 'GSM-7' | 'UCS-2';
export type SmsInfo = { encoding: SmsEncoding; segments: number; /** septets (GSM-7) or UTF-16 units (UCS-2) */ units: number };

// The basic character set (one septet each); the escape code 0x1B itself is not a character.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// The extension table: each character is sent as ESC + one septet, so it counts twice.
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

/** Septets the character takes in GSM-7 (1 or 2), or 0 when GSM-7 cannot carry it. */
export function gsmSeptets(char: string): 0 | 1 | 2 {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return 0;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (gsmSeptets(ch) === 0) return false;
  return true;
}

/**
 * The encoding and the number of parts the text is sent in. A long message's parts carry a 6-byte header,
 * hence 153 septets / 67 units per part; an escape pair (GSM-7) or a surrogate pair (UCS-2) is never
 * split between two parts, so a part may hold one unit less.
 */
export function analyzeSms(text: string): SmsInfo {
  const chars = [...text];
  if (chars.every((c) => gsmSeptets(c) !== 0)) {
    const sizes = chars.map((c) => gsmSeptets(c));
    return { encoding: 'GSM-7', ...countSegments(sizes, 160, 153) };
  }
  // UTF-16 code units: a character outside the BMP (an emoji) takes two.
  const sizes = chars.map((c) => c.length);
  return { encoding: 'UCS-2', ...countSegments(sizes, 70, 67) };
}

function countSegments(sizes: number[], single: number, perPart: number): { segments: number; units: number } {
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units === 0) return { segments: 1, units };
  if (units <= single) return { segments: 1, units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perPart) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { segments, units };
}
