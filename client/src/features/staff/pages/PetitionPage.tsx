import { useCallback, useState } from 'react';
import { STATUS_LABELS } from '../../../../../shared/domain/petition-codes';
import { useT, type Message } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { Link } from '../../../router';
import { AnswerProgress } from '../../answers/AnswerProgress';
import { AnswerWork } from '../../answers/AnswerWork';
import type { Notify } from '../actions/ActionForm';
import { AssignForm, ContributeForm, ExtendForm, NoteForm, ReturnForm } from '../actions/DepartmentActions';
import { FileForm, ForwardForm, JoinForm, RouteForm } from '../actions/RegistryActions';
import { ClockBadge } from '../components/ClockBadge';
import { Contributions } from '../components/Contributions';
import { Flash, type FlashMessage } from '../components/Flash';
import { PetitionerPanel } from '../components/PetitionerPanel';
import { Attachments, Clocks, Facts, RepeatCandidates, StaffTimeline } from '../components/PetitionSections';
import { StaffPage } from '../components/StaffPage';
import { useToday } from '../deadlines';
import { describeStaffError } from '../errors';
import { usePetition, useWorkingCalendar } from '../queries';
import { homePathFor } from '../roles';
import type { PetitionDetail, SessionUser } from '../schemas';

export function PetitionPage({ id, user }: { id: string; user: SessionUser }) {
  const { t, tm } = useT();
  const petition = usePetition(id);
  const [flash, setFlash] = useState<FlashMessage | null>(null);
  const notify: Notify = useCallback((message: Message, kind = 'success') => setFlash({ kind, message, id: Date.now() }), []);
  const notFound = petition.error instanceof ApiError && (petition.error.status === 404 || petition.error.status === 403);
  const back = (
    <p className="back-link">
      <Link to={homePathFor(user.role)}>{t('petition.back')}</Link>
    </p>
  );

  if (notFound) {
    // After an action that took it out of our reach (routed away, returned) the message stays on screen.
    return (
      <StaffPage title={t('petition.notFound')} before={back}>
        <Flash flash={flash} onDismiss={() => setFlash(null)} />
        <p>{t('petition.notFound.hint')}</p>
      </StaffPage>
    );
  }

  const number = petition.data?.registrationNumber;
  const title = number ? t('petition.title', { number }) : t('petition.loadingTitle');
  return (
    <StaffPage title={title} heading={number ? <NumberHeading number={number} /> : title} before={back}>
      <Flash flash={flash} onDismiss={() => setFlash(null)} />
      {petition.isPending && <p role="status">{t('common.loading')}</p>}
      {petition.isError && (
        <div className="notice notice--error" role="alert">
          <p>
            {t('petition.loadError')} {tm(describeStaffError(petition.error))}
          </p>
          <button type="button" className="button button--secondary" onClick={() => void petition.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {petition.data && <PetitionDetails petition={petition.data} user={user} notify={notify} />}
    </StaffPage>
  );
}

function NumberHeading({ number }: { number: string }) {
  const { t } = useT();
  const [before = '', after = ''] = t('petition.title', { number: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <span className="nowrap">{number}</span>
      {after}
    </>
  );
}

function PetitionDetails({ petition, user, notify }: { petition: PetitionDetail; user: SessionUser; notify: Notify }) {
  const { t, lang } = useT();
  const today = useToday();
  const calendar = useWorkingCalendar(today);
  const can = (action: PetitionDetail['actions'][number]) => petition.actions.includes(action);
  const formProps = { petition, notify, today };
  const hasActions = ['route', 'forward', 'file', 'join', 'return', 'assign', 'contribute', 'extend', 'note'].some((a) => can(a as PetitionDetail['actions'][number]));

  return (
    <>
      <p className="petition-subject">{petition.subject}</p>
      <p className="status-line">
        {t('petition.status')}:{' '}
        <strong className="status-badge" data-testid="petition-status" data-status={petition.status}>
          {STATUS_LABELS[petition.status][lang]}
        </strong>{' '}
        {petition.clock !== 'none' && <ClockBadge state={petition.clock} />}
        {!petition.identified && <span className="tag tag--warning">{t('queue.unidentified')}</span>}
      </p>

      <div className="petition-layout">
        <div className="petition-layout__main">
          <section aria-labelledby="body-title">
            <h2 id="body-title">{t('petition.body')}</h2>
            {/* Citizens' text: always plain text, never HTML. */}
            <div className="petition-body plain-text" lang="ro" data-testid="petition-body">
              {petition.body}
            </div>
            {petition.location.address && (
              <p>
                <strong>{t('petition.location')}:</strong> {petition.location.address}
              </p>
            )}
          </section>

          <AnswerWork petition={petition} notify={notify} />

          {hasActions && (
            <section aria-labelledby="actions-title" className="actions-section">
              <h2 id="actions-title">{t('petition.actions')}</h2>
              {petition.status === 'registered' && !petition.identified && can('file') && <p className="notice notice--warning">{t('petition.art7')}</p>}
              <div className="action-grid">
                {can('route') && <RouteForm {...formProps} />}
                {can('forward') && <ForwardForm {...formProps} />}
                {can('file') && <FileForm {...formProps} />}
                {can('join') && <JoinForm {...formProps} />}
                {can('assign') && <AssignForm {...formProps} />}
                {can('return') && <ReturnForm {...formProps} />}
                {can('contribute') && <ContributeForm {...formProps} />}
                {can('extend') && <ExtendForm {...formProps} />}
                {can('note') && <NoteForm {...formProps} />}
              </div>
            </section>
          )}

          <Contributions petition={petition} departmentCode={user.departmentCode} notify={notify} />
          <AnswerProgress petition={petition} user={user} />
          <StaffTimeline petition={petition} />
        </div>

        <aside className="petition-layout__side" aria-label={t('petition.sideLabel')}>
          <Clocks petition={petition} today={today} calendar={calendar} />
          <Facts petition={petition} />
          {can('petitioner') && <PetitionerPanel petitionId={petition.id} />}
          <RepeatCandidates petition={petition} />
          <Attachments petition={petition} />
        </aside>
      </div>
    </>
  );
}
