import { isMobilePhone } from '../../../shared/domain/phone';
import type { NewNotice } from './outbox.repository';
import { renderNotice, trackingUrl, type NoticeTemplate } from './templates';

/** The outbox rows for one notice: an e-mail when there is an address, an SMS when there is a mobile. */
export function noticesFor({
  template,
  petitionId,
  email,
  phone,
  data,
}: {
  template: NoticeTemplate;
  petitionId: string;
  email: string | null;
  phone: string | null;
  data: { registrationNumber: string; trackingCode: string; registeredOn: string; dueOn: string; identified: boolean; publicUrl: string };
}): NewNotice[] {
  const text = renderNotice(template, { ...data, trackingUrl: trackingUrl(data.publicUrl, data.registrationNumber, data.trackingCode) });
  const notices: NewNotice[] = [];
  if (email) notices.push({ channel: 'email', recipient: email, template, subject: text.subject, body: text.email, petitionId });
  if (phone && isMobilePhone(phone)) notices.push({ channel: 'sms', recipient: phone, template, body: text.sms, petitionId });
  return notices;
}
