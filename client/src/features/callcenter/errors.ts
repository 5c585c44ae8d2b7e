// What to tell an agent about a failed call-center request, in words rather than codes.
import type { Message } from '../../i18n';
import { ApiError } from '../../lib/api-client';
import { describeStaffError } from '../staff/errors';

export function describeCallError(error: unknown): Message {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'calls.conflict':
        return { key: 'cc.err.conflict' };
      case 'calls.not_found':
        return { key: 'cc.err.notFound' };
      case 'calls.petition_not_found':
        return { key: 'cc.status.notFound' };
      case 'calls.simulation_unavailable':
        return { key: 'cc.sim.unavailable' };
      case 'petitions.unidentified':
        return { key: 'cc.petition.unidentified' };
    }
  }
  return describeStaffError(error);
}
