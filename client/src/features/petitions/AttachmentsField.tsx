import { useRef, type ChangeEvent } from 'react';
import { FormField } from '../../components/FormField';
import { useT } from '../../i18n';
import { formatBytes } from '../../i18n/format';
import { ACCEPT, fileProblem, mergeFiles } from './attachments';

type Props = { files: File[]; onChange: (files: File[]) => void; error?: string | undefined };

export function AttachmentsField({ files, onChange, error }: Props) {
  const { t, tm, lang } = useT();
  const inputRef = useRef<HTMLInputElement>(null);

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    // Empty the input so that the same file can be picked again after removing it.
    event.target.value = '';
    if (picked.length > 0) onChange(mergeFiles(files, picked));
  };

  const remove = (index: number) => {
    onChange(files.filter((_, i) => i !== index));
    inputRef.current?.focus(); // the removed button is gone; keep the focus in the field
  };

  return (
    <FormField
      id="attachments"
      label={t('form.attachments')}
      hint={t('form.attachments.hint')}
      error={error}
      after={
        files.length > 0 && (
          <ul className="file-list" aria-label={t('form.attachments.chosen')}>
            {files.map((file, index) => {
              const problem = fileProblem(file);
              return (
                <li key={`${file.name}-${file.size}-${file.lastModified}`} className={problem ? 'file file--invalid' : 'file'}>
                  <span className="file__name">{file.name}</span>
                  <span className="file__size">{formatBytes(file.size, lang)}</span>
                  {problem && <span className="file__problem">{tm(problem)}</span>}
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('form.attachments.removeLabel', { name: file.name })}
                    onClick={() => remove(index)}
                  >
                    {t('form.attachments.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      }
    >
      {(control) => <input {...control} ref={inputRef} type="file" multiple accept={ACCEPT} onChange={add} />}
    </FormField>
  );
}
