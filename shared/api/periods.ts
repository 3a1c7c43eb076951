import { z } from 'zod';

const isoDate = z.iso.date();

export const Period = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['open', 'signed-off']),
  signedOffBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
});
export const PeriodList = z.object({ periods: z.array(Period) });
export const PeriodCreate = z
  .object({ name: z.string().trim().min(1).max(100), startDate: isoDate, endDate: isoDate })
  .refine((p) => p.startDate <= p.endDate, {
    message: 'startDate must not be after endDate',
    path: ['endDate'],
  });
export const PeriodIdParam = z.object({ id: z.string().min(1).max(128) });
