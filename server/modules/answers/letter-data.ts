// The letter's facts: the signatories of an answer, looked up and labelled for the printed letter.
import type { Db } from '../../../db/client';
import * as repo from './answers.repository';
import { renderLetter } from './letter';

export async function letterHtml(db: Db, p: { numbers: string[]; registeredOn: string }, answer: repo.AnswerRow, recipient: { name: string | null; address: string | null } | null) {
  const [head, authority] = await Promise.all([repo.findSigner(db, answer.headSignedByUserId), repo.findSigner(db, answer.authoritySignedByUserId)]);
  const signatories = [
    authority && { label: authority.role === 'delegate' ? 'Pentru Primar, prin delegare' : 'Director', name: authority.name, jobTitle: authority.jobTitle },
    head && { label: 'Șef compartiment', name: head.name, jobTitle: head.jobTitle },
  ].filter((s): s is { label: string; name: string; jobTitle: string | null } => Boolean(s));
  return renderLetter({ numbers: p.numbers, registeredOn: p.registeredOn, dispatchedAt: answer.dispatchedAt, body: answer.body, legalBasis: answer.legalBasis, kind: answer.kind, recipient, signatories });
}
