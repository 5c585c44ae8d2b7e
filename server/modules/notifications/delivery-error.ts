// How a transport says a delivery did not happen (docs/adr/0006-notice-delivery.md).

/**
 * A delivery that did not happen. `permanent`: the provider refused this notice for good (an invalid
 * number, a mailbox that does not exist), so retrying cannot help and the notice ends `failed` at once.
 * `uncertain`: no answer came back (a timeout, a connection cut after the request was sent), so the
 * provider may hold the message; the next attempt asks it first (Transport.find).
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly uncertain: boolean;
  constructor(message: string, { permanent = false, uncertain = false, cause }: { permanent?: boolean; uncertain?: boolean; cause?: unknown } = {}) {
    super(message, { cause });
    this.name = 'DeliveryError';
    this.permanent = permanent;
    this.uncertain = uncertain;
  }
}
