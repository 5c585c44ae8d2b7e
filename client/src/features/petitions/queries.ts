import { useMutation, useQuery } from '@tanstack/react-query';
import { bucharestDateOf } from '../../../../shared/domain/dates';
import { fetchCategories, fetchDeadline, submitPetition, type DeadlineKind } from './api';

export const petitionKeys = {
  all: ['petitions'] as const,
  categories: () => [...petitionKeys.all, 'categories'] as const,
  deadline: (kind: DeadlineKind, registeredOn: string) => [...petitionKeys.all, 'deadline', kind, registeredOn] as const,
};

const HOUR = 60 * 60 * 1000;

export function useCategories() {
  return useQuery({
    queryKey: petitionKeys.categories(),
    queryFn: ({ signal }) => fetchCategories(signal),
    staleTime: 6 * HOUR, // the catalogue changes a few times a year
    gcTime: 24 * HOUR,
  });
}

/** The legal due date of a petition registered today (Bucharest calendar), before it is sent. */
export function useDeadline(kind: DeadlineKind) {
  const registeredOn = bucharestDateOf(new Date());
  return useQuery({
    queryKey: petitionKeys.deadline(kind, registeredOn),
    queryFn: ({ signal }) => fetchDeadline(kind, registeredOn, signal),
    staleTime: HOUR,
  });
}

export function useSubmitPetition() {
  return useMutation({ mutationFn: submitPetition });
}
