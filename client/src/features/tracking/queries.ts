import { useMutation, useQuery } from '@tanstack/react-query';
import { fetchTracking, resendTrackingCode } from './api';

export const trackingKeys = {
  all: ['tracking'] as const,
  detail: (registrationNumber: string, trackingCode: string) => [...trackingKeys.all, registrationNumber, trackingCode] as const,
};

export function useTracking(registrationNumber: string, trackingCode: string) {
  return useQuery({
    queryKey: trackingKeys.detail(registrationNumber, trackingCode),
    queryFn: ({ signal }) => fetchTracking(registrationNumber, trackingCode, signal),
    staleTime: 60_000,
  });
}

export function useResendCode() {
  return useMutation({ mutationFn: resendTrackingCode });
}
