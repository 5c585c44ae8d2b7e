// The confirmation lives in sessionStorage: a reload of /confirmare still shows the number and the code,
// and closing the tab forgets them (they are as good as a password to the petition).
import { createPetitionResponseSchema, type CreatePetitionResponse } from '../../../../shared/api/petitions';

const KEY = 'portal.confirmation';
let lastConfirmation: CreatePetitionResponse | null = null;

export function saveConfirmation(confirmation: CreatePetitionResponse): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(confirmation));
  } catch {
    // storage full or blocked: the page still gets the data through memory below
  }
  lastConfirmation = confirmation;
}

export function loadConfirmation(): CreatePetitionResponse | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (raw) {
      const parsed = createPetitionResponseSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    }
  } catch {
    // unreadable: fall back to memory
  }
  return lastConfirmation;
}
