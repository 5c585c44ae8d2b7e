// A small rich-text editor for answers: a contentEditable area and a toolbar limited to what the answer may
// hold (paragraphs, bold, italic, lists, links). document.execCommand is deprecated but still the only
// editing API every browser has; the HTML it produces is brought back to the subset by cleanAnswerHtml.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { cleanAnswerHtml, isSafeHref } from './answer-html';

type Props = {
  id: string;
  labelId: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  required?: boolean;
  value: string;
  onChange: (html: string) => void;
};

type Command = { key: MessageKey; command: string; state?: string; icon: ReactNode };

const COMMANDS: Command[] = [
  { key: 'editor.bold', command: 'bold', state: 'bold', icon: <b aria-hidden="true">B</b> },
  { key: 'editor.italic', command: 'italic', state: 'italic', icon: <i aria-hidden="true">I</i> },
  { key: 'editor.bullets', command: 'insertUnorderedList', state: 'insertUnorderedList', icon: <span aria-hidden="true">•</span> },
  { key: 'editor.numbers', command: 'insertOrderedList', state: 'insertOrderedList', icon: <span aria-hidden="true">1.</span> },
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function RichTextEditor({ id, labelId, describedBy, invalid, required, value, onChange }: Props) {
  const { t } = useT();
  const area = useRef<HTMLDivElement>(null);
  /** The value the area shows; a different one from outside (a template) replaces the content. */
  const shown = useRef<string | null>(null);
  /** Where the caret was when the area lost the focus to the toolbar. */
  const range = useRef<Range | null>(null);
  const [pressed, setPressed] = useState<Record<string, boolean>>({});
  const [linkRefused, setLinkRefused] = useState(false);

  useLayoutEffect(() => {
    const el = area.current;
    if (!el || value === shown.current) return;
    el.innerHTML = cleanAnswerHtml(value);
    shown.current = value;
  }, [value]);

  // The toolbar's pressed states follow the caret (and a command that only changes what is typed next).
  const updatePressed = useCallback(() => {
    const selection = document.getSelection();
    if (!area.current || !selection?.anchorNode || !area.current.contains(selection.anchorNode)) return;
    setPressed(Object.fromEntries(COMMANDS.map((c) => [c.command, c.state ? queryState(c.state) : false])));
  }, []);
  useEffect(() => {
    document.addEventListener('selectionchange', updatePressed);
    return () => document.removeEventListener('selectionchange', updatePressed);
  }, [updatePressed]);

  const emit = () => {
    const el = area.current;
    if (!el) return;
    shown.current = el.innerHTML;
    onChange(el.innerHTML);
  };

  const restoreSelection = () => {
    const el = area.current;
    if (!el) return;
    el.focus();
    const selection = document.getSelection();
    if (range.current && selection && !el.contains(selection.anchorNode)) {
      selection.removeAllRanges();
      selection.addRange(range.current);
    }
  };

  const run = (command: string, argument?: string) => {
    restoreSelection();
    document.execCommand(command, false, argument);
    emit();
    updatePressed();
  };

  const addLink = () => {
    const selection = document.getSelection();
    const collapsed = !range.current || range.current.collapsed || !selection;
    const href = window.prompt(t('editor.link.prompt'), 'https://');
    if (href === null) return;
    const ok = isSafeHref(href);
    setLinkRefused(!ok);
    if (!ok) return;
    const clean = href.trim();
    if (collapsed) run('insertHTML', `<a href="${escapeHtml(clean)}">${escapeHtml(clean)}</a>`);
    else run('createLink', clean);
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    // Pasted text only: formatting from a word processor would look kept and then be removed on saving.
    event.preventDefault();
    document.execCommand('insertText', false, event.clipboardData.getData('text/plain'));
  };

  const onFocus = () => {
    // New lines become <p> (not <div>), emphasis <b>/<i> (not inline styles).
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand('styleWithCSS', false, 'false');
  };

  const onBlur = () => {
    const selection = document.getSelection();
    if (selection && selection.rangeCount > 0 && area.current?.contains(selection.anchorNode)) range.current = selection.getRangeAt(0).cloneRange();
  };

  const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault();

  return (
    <div className={invalid ? 'rte rte--error' : 'rte'}>
      <div role="toolbar" aria-label={t('editor.toolbar')} aria-controls={id} className="rte__toolbar">
        {COMMANDS.map((c) => (
          <button key={c.command} type="button" className="rte__button" aria-pressed={pressed[c.command] ?? false} onMouseDown={keepSelection} onClick={() => run(c.command)}>
            {c.icon} {t(c.key)}
          </button>
        ))}
        <button type="button" className="rte__button" onMouseDown={keepSelection} onClick={addLink}>
          {t('editor.link')}
        </button>
        <button type="button" className="rte__button" onMouseDown={keepSelection} onClick={() => run('unlink')}>
          {t('editor.unlink')}
        </button>
      </div>
      <div
        ref={area}
        id={id}
        className="rte__area answer-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        lang="ro"
        spellCheck
        tabIndex={0}
        onInput={emit}
        onFocus={onFocus}
        onBlur={onBlur}
        onPaste={onPaste}
      />
      {linkRefused && (
        <p className="inline-alert" role="alert">
          {t('editor.link.invalid')}
        </p>
      )}
    </div>
  );
}

function queryState(command: string): boolean {
  try {
    return document.queryCommandState(command);
  } catch {
    return false;
  }
}
