import type { PetitionType } from '../../../../shared/domain/petition-codes';
import type { MessageKey } from '../../i18n';

export type PetitionerKind = 'person' | 'organization';

export type FormValues = {
  type: PetitionType | '';
  categoryCode: string;
  petitionerKind: PetitionerKind;
  firstName: string;
  lastName: string;
  organizationName: string;
  email: string;
  phone: string;
  address: string;
  locationAddress: string;
  subject: string;
  body: string;
  consent: boolean;
  /** Honeypot: stays empty for people. */
  website: string;
};

export const initialValues: FormValues = {
  type: '',
  categoryCode: '',
  petitionerKind: 'person',
  firstName: '',
  lastName: '',
  organizationName: '',
  email: '',
  phone: '',
  address: '',
  locationAddress: '',
  subject: '',
  body: '',
  consent: false,
  website: '',
};

/**
 * Each field the API can complain about (its dotted path in the request), in form order, with the id of the
 * control that an error summary links to and the label that names it in a message.
 */
export const FIELDS = {
  categoryCode: { id: 'categoryCode', label: 'form.category' },
  type: { id: 'type-cerere', label: 'form.type.legend' },
  'petitioner.kind': { id: 'petitionerKind-person', label: 'form.kind.legend' },
  'petitioner.firstName': { id: 'firstName', label: 'form.firstName' },
  'petitioner.lastName': { id: 'lastName', label: 'form.lastName' },
  'petitioner.organizationName': { id: 'organizationName', label: 'form.organizationName' },
  'petitioner.email': { id: 'email', label: 'form.email' },
  'petitioner.phone': { id: 'phone', label: 'form.phone' },
  'petitioner.address': { id: 'address', label: 'form.address' },
  'location.address': { id: 'locationAddress', label: 'form.location' },
  subject: { id: 'subject', label: 'form.subject' },
  body: { id: 'body', label: 'form.body' },
  attachments: { id: 'attachments', label: 'form.attachments' },
  consent: { id: 'consent', label: 'form.consent' },
} as const satisfies Record<string, { id: string; label: MessageKey }>;

export type FieldPath = keyof typeof FIELDS;

export const isFieldPath = (path: string): path is FieldPath => Object.hasOwn(FIELDS, path);

/** The request body as the API expects it, before the shared schema cleans it. */
export function toRawInput(v: FormValues) {
  const organization = v.petitionerKind === 'organization';
  return {
    type: v.type,
    categoryCode: v.categoryCode,
    subject: v.subject,
    body: v.body,
    petitioner: {
      kind: v.petitionerKind,
      firstName: organization ? null : v.firstName,
      lastName: organization ? null : v.lastName,
      organizationName: organization ? v.organizationName : null,
      email: v.email,
      phone: v.phone,
      address: v.address,
    },
    location: v.locationAddress.trim() ? { address: v.locationAddress } : null,
    consent: v.consent,
    website: v.website,
  };
}

/** Which API path each form value is checked under (the honeypot is never reported). */
export const PATH_OF_VALUE: Record<keyof FormValues, FieldPath | null> = {
  type: 'type',
  categoryCode: 'categoryCode',
  petitionerKind: 'petitioner.kind',
  firstName: 'petitioner.firstName',
  lastName: 'petitioner.lastName',
  organizationName: 'petitioner.organizationName',
  email: 'petitioner.email',
  phone: 'petitioner.phone',
  address: 'petitioner.address',
  locationAddress: 'location.address',
  subject: 'subject',
  body: 'body',
  consent: 'consent',
  website: null,
};
