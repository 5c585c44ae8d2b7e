// Answers are written in a small rich-text subset; everything else is removed on the server, so what a
// citizen's browser renders can never run code (issue 4 §1: paragraphs, bold, italic, lists, links).
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links open outside the portal and never pass on who sent the reader.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

export function sanitizeAnswerHtml(html: string): string {
  return sanitizeHtml(html, { ...OPTIONS, allowedAttributes: { a: ['href', 'rel', 'target'] } }).trim();
}

/** The answer as plain text (e-mail bodies, SMS never carry the answer itself). */
export function answerToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li)>/g, '\n').replace(/<br\s*\/?>/g, '\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
