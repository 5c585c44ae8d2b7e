// Uploaded files, checked the same way everywhere (issue 2 §7): at most N, each at most the size limit,
// recognised as PDF, JPEG or PNG by their content, with a display name that is never used as a path.
import { LIMITS } from '../../shared/api/petitions';
import { appError } from './errors';
import { safeDisplayName, sniffContentType, type AllowedContentType } from './file-types';

export type UploadedFile = { fileName: string; contentType: AllowedContentType; bytes: Uint8Array };

export async function readUploadedFiles(value: unknown, { max = LIMITS.attachments.count, already = 0 } = {}): Promise<UploadedFile[]> {
  const parts = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (parts.length + already > max) {
    throw appError('attachments.too_many', `At most ${max} attachments.`, { fields: [{ path: 'attachments', code: 'too_many', message: `At most ${max}` }] });
  }
  const files: UploadedFile[] = [];
  for (const [index, part] of parts.entries()) {
    if (!(part instanceof File)) throw appError('request.invalid', 'Each `attachments` part must be a file.', { fields: [{ path: `attachments.${index}`, code: 'not_a_file', message: 'Not a file' }] });
    if (part.size > LIMITS.attachments.bytes) {
      throw appError('attachments.too_large', `Each attachment may be at most ${LIMITS.attachments.bytes / 1024 / 1024} MB.`, { fields: [{ path: `attachments.${index}`, code: 'too_large', message: 'Too large' }] });
    }
    const bytes = new Uint8Array(await part.arrayBuffer());
    const contentType = sniffContentType(bytes);
    if (!contentType) {
      throw appError('attachments.type_not_allowed', 'Attachments must be PDF, JPEG or PNG files.', { fields: [{ path: `attachments.${index}`, code: 'type_not_allowed', message: 'PDF, JPEG or PNG only' }] });
    }
    files.push({ fileName: safeDisplayName(part.name, `atasament-${index + 1}`), contentType, bytes });
  }
  return files;
}

/** A download that the browser saves rather than renders, under an RFC 6266 name. */
export function attachmentHeaders(file: { fileName: string; contentType: string; size: number }): Record<string, string> {
  const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'fisier';
  return {
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
}
