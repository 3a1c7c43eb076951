import { z } from 'zod';

/** The problem+json body every error answers with, for the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem' });

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: 'Problem', content: problemContent }]),
  );
}

export function jsonContent<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body, as route definitions declare it. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}
