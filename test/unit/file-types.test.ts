import { describe, expect, test } from 'vitest';
import { safeDisplayName, sniffContentType } from '../../server/lib/file-types';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffContentType: a file is what its first bytes say', () => {
  test('a PDF starts with %PDF-', () => {
    expect(sniffContentType(ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf');
  });

  test('a JPEG starts with FF D8 FF', () => {
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46))).toBe('image/jpeg');
  });

  test('a PNG starts with its eight-byte signature', () => {
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('image/png');
  });

  test.each([
    ['an empty file', bytes()],
    ['a Windows executable', ascii('MZ\x90\x00\x03')],
    ['an HTML page', ascii('<!doctype html><script>alert(1)</script>')],
    ['a GIF', ascii('GIF89a')],
    ['a ZIP (docx)', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['a truncated JPEG signature', bytes(0xff, 0xd8)],
    ['%PDF without the dash', ascii('%PDF1.4')],
    ['a PDF signature not at the start', ascii(' %PDF-1.4')],
  ])('%s is refused (null)', (_label, content) => {
    expect(sniffContentType(content)).toBeNull();
  });
});

describe('safeDisplayName: an upload name is only ever a harmless display name', () => {
  test('an ordinary name with diacritics is kept', () => {
    expect(safeDisplayName('sesizare ștrada Țintei.pdf', 'x')).toBe('sesizare ștrada Țintei.pdf');
  });

  test('path parts with ../ or ..\\ are dropped, only the last part is kept', () => {
    expect(safeDisplayName('../../etc/passwd', 'x')).toBe('passwd');
    expect(safeDisplayName('..\\..\\Windows\\win.ini', 'x')).toBe('win.ini');
    expect(safeDisplayName('/var/lib/postgresql/data/pg_hba.conf', 'x')).toBe('pg_hba.conf');
  });

  test('a NUL character is removed (no truncation trick like "a.pdf\\0.exe")', () => {
    expect(safeDisplayName('pass\u0000wd.pdf', 'x')).toBe('passwd.pdf');
    expect(safeDisplayName('factura.pdf\u0000.exe', 'x')).toBe('factura.pdf.exe');
  });

  test('the right-to-left override and other invisible direction marks are removed', () => {
    expect(safeDisplayName('factura\u202Efdp.exe', 'x')).toBe('facturafdp.exe');
    expect(safeDisplayName('a\u200Bb\u200Fc\u2066d\u2069.png', 'x')).toBe('abcd.png');
  });

  test('control characters and line breaks are removed', () => {
    expect(safeDisplayName('a\nb\r\tc\u001b\u007f.pdf', 'x')).toBe('abc.pdf');
  });

  test('leading dots are removed, so no name is hidden or relative', () => {
    expect(safeDisplayName('.htaccess', 'x')).toBe('htaccess');
    expect(safeDisplayName('...pdf', 'x')).toBe('pdf');
  });

  test('a name that is nothing once cleaned gets the fallback', () => {
    for (const name of ['', '..', '../', 'dir/', '   ', '\u0000\u202E', '.']) expect(safeDisplayName(name, 'atasament-1')).toBe('atasament-1');
  });

  test('decomposed diacritics are composed (NFC)', () => {
    expect(safeDisplayName('s\u0326coala.pdf', 'x')).toBe('\u0219coala.pdf');
  });

  test('a long name is cut to 200 characters', () => {
    expect(safeDisplayName(`${'a'.repeat(500)}.pdf`, 'x')).toHaveLength(200);
  });
});
