// A message that survives one in-app navigation ("the user was created" shown on the list it returns to).
import type { Message } from '../../i18n';

let pending: Message | null = null;

export function setNextFlash(message: Message): void {
  pending = message;
}

export function takeFlash(): Message | null {
  const message = pending;
  pending = null;
  return message;
}
