// Text as citizens type it: NFC, Romanian comma-below letters (ș ț) instead of the legacy cedilla
// forms (ş ţ) that old keyboards produce, and no control characters (PostgreSQL rejects NUL).
const CEDILLA_TO_COMMA: Record<string, string> = { 'ş': 'ș', 'Ş': 'Ș', 'ţ': 'ț', 'Ţ': 'Ț' };

export function cleanText(input: string, { multiline = false } = {}): string {
  const controls = multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g : /[\u0000-\u001F\u007F]/g;
  return input
    .normalize('NFC')
    .replace(/[şŞţŢ]/g, (c) => CEDILLA_TO_COMMA[c] ?? c)
    .replace(/\r\n?/g, '\n')
    .replace(controls, multiline ? '' : ' ')
    .trim();
}
