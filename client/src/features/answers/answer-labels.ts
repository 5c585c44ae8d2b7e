// Words for the answer's kinds and for who signs second (OG 27/2002 art. 13).
import type { MessageKey } from '../../i18n';
import type { PetitionDetail } from '../staff/schemas';
import type { AnswerKind } from './schemas';

export const KIND_LABELS: Record<AnswerKind, MessageKey> = {
  answer: 'answer.kind.answer',
  l544_refusal: 'answer.kind.l544_refusal',
  l544_complexity: 'answer.kind.l544_complexity',
};

export const KIND_HINTS: Record<AnswerKind, MessageKey> = {
  answer: 'answer.kind.answer.hint',
  l544_refusal: 'answer.kind.l544_refusal.hint',
  l544_complexity: 'answer.kind.l544_complexity.hint',
};

/** The second signatory: the mayor's delegate for an internal department, the director for a subordinate service. */
export function authorityKey(petition: PetitionDetail): MessageKey {
  if (petition.department?.kind === 'internal') return 'answer.authority.internal';
  if (petition.department?.kind === 'subordinate') return 'answer.authority.subordinate';
  return 'answer.authority.unknown';
}

/** The statuses in which a petition has (or is about to have) an answer to show. */
export const ANSWER_STATUSES: readonly PetitionDetail['status'][] = ['in_progress', 'answer_submitted', 'answer_signed', 'approved', 'answered'];
