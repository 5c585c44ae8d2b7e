// The codes of DOMAIN.md, ASCII; labels carry the diacritics (ș ț with comma below).
export const PETITION_TYPES = ['cerere', 'reclamatie', 'sesizare', 'propunere'] as const;
export type PetitionType = (typeof PETITION_TYPES)[number];

export const PETITION_TYPE_LABELS: Record<PetitionType, { ro: string; en: string }> = {
  cerere: { ro: 'Cerere', en: 'Request' },
  reclamatie: { ro: 'Reclamație', en: 'Complaint' },
  sesizare: { ro: 'Sesizare', en: 'Report of a problem' },
  propunere: { ro: 'Propunere', en: 'Proposal' },
};

export const CHANNELS = ['web', 'phone', 'email', 'post', 'desk', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REGIMES = ['og27', 'l544'] as const;
export type Regime = (typeof REGIMES)[number];

/** Each regime has its own register and its own number prefix (P-2026-000123, I-2026-000045). */
export const REGISTERS = { og27: 'P', l544: 'I' } as const satisfies Record<Regime, string>;

export const PETITION_STATUSES = [
  'registered',
  'routed',
  'in_progress',
  'answer_submitted',
  'answer_signed',
  'approved',
  'answered',
  'archived',
  'forwarded',
  'joined',
  'filed',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const STATUS_LABELS: Record<PetitionStatus, { ro: string; en: string }> = {
  registered: { ro: 'Înregistrată', en: 'Registered' },
  routed: { ro: 'Repartizată compartimentului', en: 'Sent to the department' },
  in_progress: { ro: 'În lucru', en: 'In progress' },
  answer_submitted: { ro: 'Răspuns în curs de aprobare', en: 'Answer awaiting approval' },
  answer_signed: { ro: 'Răspuns în curs de semnare', en: 'Answer awaiting signature' },
  approved: { ro: 'Răspuns aprobat, în curs de expediere', en: 'Answer approved, being sent' },
  answered: { ro: 'Răspuns trimis', en: 'Answered' },
  archived: { ro: 'Arhivată', en: 'Archived' },
  forwarded: { ro: 'Redirecționată către instituția competentă', en: 'Forwarded to the competent institution' },
  joined: { ro: 'Conexată cu o altă petiție', en: 'Joined with another petition' },
  filed: { ro: 'Clasată', en: 'Filed' },
};

export const DEPARTMENT_KINDS = ['internal', 'subordinate'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
