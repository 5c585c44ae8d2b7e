// A search snippet: plain text in which the server put the matched words between ⟦ and ⟧. Rendered as
// text nodes and <mark> elements, never as HTML, so nothing a petitioner wrote can become markup.
import { SNIPPET_MARK } from '../../../../shared/api/search';

export type SnippetPart = { text: string; marked: boolean };

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(SNIPPET_MARK.start);
    if (start < 0) break;
    const stop = rest.indexOf(SNIPPET_MARK.stop, start + SNIPPET_MARK.start.length);
    if (stop < 0) break;
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false });
    const word = rest.slice(start + SNIPPET_MARK.start.length, stop);
    if (word) parts.push({ text: word, marked: true });
    rest = rest.slice(stop + SNIPPET_MARK.stop.length);
  }
  // What is left (or an unmatched mark): as text, without stray marks.
  const tail = rest.split(SNIPPET_MARK.start).join('').split(SNIPPET_MARK.stop).join('');
  if (tail) parts.push({ text: tail, marked: false });
  return parts;
}

export function Snippet({ text }: { text: string }) {
  return (
    <>
      {splitSnippet(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
