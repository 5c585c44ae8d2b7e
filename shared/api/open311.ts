// Open311 API keys (issue 6 §7): issued by the administrator to other civic software. The Open311
// GeoReport v2 wire format itself is the specification's (server/modules/open311), not ours.
import { z } from 'zod';
import { cleanText } from '../domain/text';

export const OPEN311_KEY_NAME_MAX = 120;

export const createOpen311KeyInputSchema = z
  .object({
    name: z
      .string()
      .max(OPEN311_KEY_NAME_MAX * 4)
      .transform((s) => cleanText(s))
      .pipe(z.string().min(2).max(OPEN311_KEY_NAME_MAX)),
  })
  .strict();
export type CreateOpen311KeyInput = z.infer<typeof createOpen311KeyInputSchema>;

export const open311KeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart; the key itself is shown once, when issued. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Petitions registered with this key. */
  requests: z.number().int(),
});
export type Open311Key = z.infer<typeof open311KeySchema>;

export const open311KeysResponseSchema = z.object({ items: z.array(open311KeySchema) });
/** POST /api/admin/open311-keys: the only answer that carries the key. */
export const createdOpen311KeyResponseSchema = z.object({ key: z.string(), apiKey: open311KeySchema });
