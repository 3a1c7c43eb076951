import { z } from 'zod';

/**
 * The only fields of a purchase line that may leave the page. `.strict()` refuses anything else,
 * so a content script cannot smuggle HTML, cookies or URLs through a line.
 */
export const lineFieldsSchema = z
  .object({
    description: z.string().trim().min(1).max(300),
    amount: z.number().finite().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    supplier: z.string().max(120).optional(),
    glAccount: z.string().max(40).optional(),
    quantity: z.number().finite().optional(),
    unitPrice: z.number().finite().optional(),
    naics: z.string().regex(/^\d{2,6}$/).optional(),
  })
  .strict();

export type LineFieldsInput = z.infer<typeof lineFieldsSchema>;
