// A small strict XML parser for tests of TwiML: one root element, matched tags, quoted attributes, the
// five entities and character references. Throws on anything malformed, so "it parses" means something.
export type XmlElement = { name: string; attrs: Record<string, string>; children: Array<XmlElement | string> };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const isNameChar = (ch: string) => /[A-Za-z0-9_:.-]/.test(ch);
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Malformed XML at ${i}: ${why} — ${JSON.stringify(source.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const skipSpace = () => {
    while (isSpace(source[i])) i++;
  };
  const name = () => {
    const start = i;
    while (i < source.length && isNameChar(source[i]!)) i++;
    if (i === start) fail('expected a name');
    return source.slice(start, i);
  };
  const decode = (text: string) =>
    text.replace(/&(#x[0-9a-fA-F]+;|#\d+;|\w+;)?/g, (_m, found: string | undefined) => {
      if (!found) throw new Error('A bare & in XML text');
      const ref = found.slice(0, -1);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
      const value = ENTITIES[ref];
      if (value === undefined) throw new Error(`Unknown entity &${ref};`);
      return value;
    });

  function element(): XmlElement {
    if (source[i] !== '<') fail('expected <');
    i++;
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = isSpace(source[i]);
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attrs, children: [] };
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) fail('expected a space before an attribute');
      const attr = name();
      if (attr in attrs) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (source[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute');
      const raw = source.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute');
      attrs[attr] = decode(raw);
      i = end + 1;
    }
    const children: Array<XmlElement | string> = [];
    for (;;) {
      if (i >= source.length) fail(`unclosed <${tag}>`);
      if (source.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (source[i] !== '>') fail('expected >');
        i++;
        return { name: tag, attrs, children };
      }
      if (source[i] === '<') {
        children.push(element());
        continue;
      }
      const next = source.indexOf('<', i);
      const text = source.slice(i, next < 0 ? source.length : next);
      if (text.includes('>')) fail('> in text');
      children.push(decode(text));
      i = next < 0 ? source.length : next;
    }
  }

  if (source.startsWith('<?xml', i)) {
    const end = source.indexOf('?>', i);
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== source.length) fail('content after the root element');
  return root;
}

/** The child elements, in order (text between them dropped). */
export const elements = (e: XmlElement): XmlElement[] => e.children.filter((c): c is XmlElement => typeof c !== 'string');
export const textOf = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
