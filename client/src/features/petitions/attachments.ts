// The browser checks attachments before sending, with the server's limits, so nobody uploads 50 MB to be refused.
import { LIMITS } from '../../../../shared/api/petitions';
import type { Message } from '../../i18n';

export const ACCEPT = '.pdf,.jpg,.jpeg,.png';

const TYPES_BY_EXTENSION: Record<string, string[]> = {
  pdf: ['application/pdf'],
  jpg: ['image/jpeg', 'image/pjpeg'],
  jpeg: ['image/jpeg', 'image/pjpeg'],
  png: ['image/png'],
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why one file cannot be sent, or null. */
export function fileProblem(file: File): Message | null {
  const types = TYPES_BY_EXTENSION[extensionOf(file.name)];
  // Some systems report no MIME type at all; then the extension decides and the server checks the content.
  if (!types || (file.type !== '' && !types.includes(file.type))) {
    return { key: 'err.attachments.type', vars: { name: file.name } };
  }
  if (file.size === 0) return { key: 'err.attachments.empty', vars: { name: file.name } };
  if (file.size > LIMITS.attachments.bytes) return { key: 'err.attachments.size', vars: { name: file.name } };
  return null;
}

/** The first problem with the chosen files, or null when they can all be sent. */
export function checkAttachments(files: File[]): Message | null {
  if (files.length > LIMITS.attachments.count) {
    return { key: 'err.attachments.count', vars: { max: LIMITS.attachments.count, count: files.length } };
  }
  for (const file of files) {
    const problem = fileProblem(file);
    if (problem) return problem;
  }
  return null;
}

const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/** Picking files again adds to the list (people attach photos one by one), without duplicates. */
export function mergeFiles(current: File[], added: File[]): File[] {
  return [...current, ...added.filter((file) => !current.some((c) => sameFile(c, file)))];
}
