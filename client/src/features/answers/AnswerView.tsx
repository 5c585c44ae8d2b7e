// The answer as the signatories and the registry read it: kind, legal basis, text, and the signatures so far.
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { PetitionDetail } from '../staff/schemas';
import { cleanAnswerHtml } from './answer-html';
import { authorityKey, KIND_LABELS } from './answer-labels';
import type { CurrentAnswer } from './schemas';

export function AnswerView({ petition, answer }: { petition: PetitionDetail; answer: CurrentAnswer }) {
  const { t, lang } = useT();
  const signature = (s: CurrentAnswer['headSignature']) => (s ? t('answer.view.signed', { name: s.name, date: formatDateTime(s.at, lang) }) : t('answer.view.notSigned'));
  return (
    <section className="answer-view" aria-labelledby="answer-view-title" data-testid="answer-view">
      <h3 id="answer-view-title">{t('answer.view.title')}</h3>
      <dl className="facts facts--compact">
        {(petition.regime === 'l544' || answer.kind !== 'answer') && (
          <div>
            <dt>{t('answer.view.kind')}</dt>
            <dd>{t(KIND_LABELS[answer.kind])}</dd>
          </div>
        )}
        <div>
          <dt>{t('answer.view.legalBasis')}</dt>
          <dd data-testid="answer-legal-basis">{answer.legalBasis}</dd>
        </div>
        {answer.submittedAt && (
          <div>
            <dt>{t('answer.view.submittedAt')}</dt>
            <dd>{formatDateTime(answer.submittedAt, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t('answer.view.headSignature')}</dt>
          <dd data-testid="answer-head-signature">{signature(answer.headSignature)}</dd>
        </div>
        <div>
          <dt>{t('answer.view.authoritySignature', { authority: t(authorityKey(petition)) })}</dt>
          <dd data-testid="answer-authority-signature">{signature(answer.authoritySignature)}</dd>
        </div>
      </dl>
      {/* Sanitised by the server when saved; brought to the subset again here, so nothing else can render. */}
      <div className="answer-body answer-view__body" lang="ro" data-testid="answer-body" dangerouslySetInnerHTML={{ __html: cleanAnswerHtml(answer.body) }} />
    </section>
  );
}
