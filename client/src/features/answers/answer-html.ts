// The answer's rich-text subset on the client (issue 4 §1): paragraphs, bold, italic, lists, links. The
// server sanitises again (server/modules/answers/sanitize.ts); this keeps the editor to the same subset
// (a template with other markup, the browser's own editing markup: div, b, i) and gives the server tidy HTML.
const RENAME: Record<string, string> = { b: 'strong', i: 'em', div: 'p', h1: 'p', h2: 'p', h3: 'p', h4: 'p', h5: 'p', h6: 'p' };
const ALLOWED = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a']);
const BLOCKS = new Set(['p', 'ul', 'ol']);
/** Elements whose content is never text for the reader. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'head', 'title', 'textarea', 'select', 'svg', 'math']);

export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/[^\s/]+|mailto:[^\s]+)/i.test(href.trim());
}

/** Any HTML → the subset: other tags unwrapped (their text kept), loose text put in paragraphs, empty paragraphs dropped. */
export function cleanAnswerHtml(html: string): string {
  // DOMParser's document is inert: nothing in it runs or loads.
  const source = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const root = out.createElement('div');
  copyChildren(source.body, root, out);
  wrapLooseInline(root, out);
  for (const block of Array.from(root.querySelectorAll('p, li'))) {
    // The browser's placeholder <br> at the end of a line is not a line break of the text.
    while (block.lastChild?.nodeName === 'BR') block.lastChild.remove();
    if (block.nodeName === 'P' && !(block.textContent ?? '').trim()) block.remove();
  }
  return root.innerHTML;
}

/** The text a reader would see, for "is it empty?" checks. */
export function answerText(html: string): string {
  return (new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function copyChildren(from: Node, to: Element, doc: Document): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    const name = element.tagName.toLowerCase();
    if (DROPPED.has(name)) continue;
    const tag = RENAME[name] ?? name;
    const href = element.getAttribute('href') ?? '';
    // A paragraph inside a paragraph or a list item (a div the browser nested) is unwrapped.
    const nestedBlock = tag === 'p' && to.closest('p, li') !== null;
    if (!ALLOWED.has(tag) || nestedBlock || (tag === 'a' && !isSafeHref(href))) {
      copyChildren(element, to, doc);
      if (nestedBlock && to.lastChild?.nodeName !== 'BR') to.appendChild(doc.createElement('br'));
      continue;
    }
    const copy = doc.createElement(tag);
    if (tag === 'a') copy.setAttribute('href', href.trim());
    copyChildren(element, copy, doc);
    to.appendChild(copy);
  }
}

/** Text and inline elements straight under the root go into paragraphs; a stray <li> into a list. */
function wrapLooseInline(root: Element, doc: Document): void {
  let run: Node[] = [];
  const flush = (before: Node | null) => {
    const hasText = run.some((n) => (n.textContent ?? '').trim() !== '');
    if (hasText) {
      const p = doc.createElement('p');
      for (const n of run) p.appendChild(n);
      root.insertBefore(p, before);
    } else {
      for (const n of run) n.parentNode?.removeChild(n);
    }
    run = [];
  };
  for (const node of Array.from(root.childNodes)) {
    const name = node.nodeName.toLowerCase();
    if (BLOCKS.has(name)) {
      flush(node);
    } else if (name === 'li') {
      flush(node);
      const list = doc.createElement('ul');
      root.insertBefore(list, node);
      list.appendChild(node);
    } else {
      run.push(node);
    }
  }
  flush(null);
}
