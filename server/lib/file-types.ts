// Attachments are recognised by their content, never by their name or the browser's word (issue 2 §7).
export type AllowedContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export function sniffContentType(bytes: Uint8Array): AllowedContentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

/** A display name only: no path parts, no control characters, bounded length. Never used as a path. */
export function safeDisplayName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^\.+/, '').trim();
  return (clean || fallback).slice(0, 200);
}
