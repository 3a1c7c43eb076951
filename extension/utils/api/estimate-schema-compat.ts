import type { z } from 'zod';
import type { EstimateResponse as SharedEstimateResponse } from '../../../shared/api/estimates';
import type { estimatesResponseSchema } from './estimate-schema';

/**
 * Compile-time guard: every answer the Worker may send under shared/api/estimates.ts (plus the
 * route's `ruleVersion`) is accepted by the extension's parser. Type-only; nothing is bundled.
 */
type SharedAnswer = SharedEstimateResponse & { ruleVersion: number };
type ExtensionInput = z.input<typeof estimatesResponseSchema>;
export type SharedAnswersParse = SharedAnswer extends ExtensionInput ? true : never;
export const sharedAnswersParse: SharedAnswersParse = true;
