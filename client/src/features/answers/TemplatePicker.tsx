// "Pornește de la un model": the templates of the chosen kind, filled in for the petition by the server.
// They are loaded only when asked for: each load is logged as a read of the petitioner's data.
import { useState } from 'react';
import { FormField } from '../../components/FormField';
import { useT } from '../../i18n';
import { describeStaffError } from '../staff/errors';
import { usePetitionTemplates } from './queries';
import type { AnswerKind, PetitionTemplate } from './schemas';

type Props = { petitionId: string; kind: AnswerKind; onApply: (template: PetitionTemplate) => void };

export function TemplatePicker({ petitionId, kind, onApply }: Props) {
  const { t, tm } = useT();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  const templates = usePetitionTemplates(petitionId, kind, open);
  const items = templates.data?.items ?? [];

  const apply = () => {
    const template = items.find((item) => item.id === chosen);
    setMissing(!template);
    if (!template) {
      document.getElementById('answer-template')?.focus();
      return;
    }
    setOpen(false);
    setChosen('');
    onApply(template);
  };

  return (
    <div className="template-picker">
      <button type="button" className="button button--secondary" aria-expanded={open} aria-controls="answer-templates" onClick={() => setOpen((o) => !o)}>
        {t('answer.template.open')}
      </button>
      <div id="answer-templates" className="template-picker__panel" hidden={!open}>
        {open && templates.isPending && <p role="status">{t('common.loading')}</p>}
        {open && templates.isError && (
          <p className="inline-alert" role="alert">
            {t('answer.template.loadError')} {tm(describeStaffError(templates.error))}
          </p>
        )}
        {open && templates.data && items.length === 0 && <p>{t('answer.template.none')}</p>}
        {open && items.length > 0 && (
          <>
            <FormField id="answer-template" label={t('answer.template')} hint={t('answer.template.hint')} error={missing ? t('answer.template.required') : undefined}>
              {(control) => (
                <select {...control} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                  <option value="">{t('common.choose')}</option>
                  {items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.title}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <button type="button" className="button button--secondary" onClick={apply}>
              {t('answer.template.use')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
