import { z } from 'zod';
import { ROLES } from '../../domain/user/roles.js';
import { line } from '../../domain/text.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'must be an e-mail address' });
export const passwordSchema = z.string().min(10, { message: 'must have at least 10 characters' }).max(200, { message: 'must have at most 200 characters' });

export const createUserSchema = z
  .object({ email: emailSchema, displayName: line(120, 1), role: z.enum(ROLES), password: passwordSchema, orgId: z.string().uuid().optional(), lang: z.enum(['es', 'en']).optional() })
  .strict();
export const updateUserSchema = z.object({ displayName: line(120, 1).optional(), role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), lang: z.enum(['es', 'en']).optional() }).strict();
export const resetPasswordSchema = z.object({ password: passwordSchema }).strict();
export const changePasswordSchema = z.object({ current: z.string().max(200), password: passwordSchema }).strict();
export const updateMeSchema = z.object({ displayName: line(120, 1).optional(), lang: z.enum(['es', 'en']).optional() }).strict();
