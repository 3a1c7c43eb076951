/** One step of an import job: record CHUNK_ROWS rows of one staged part. */
export interface ImportMessage {
  tenantId: string;
  importId: string;
  part: number;
  /** Index in the part of the chunk's first row. */
  firstRow: number;
}

/**
 * Rows recorded per queue message. One step stays far inside a Worker invocation's D1
 * budget: planRecordSpend's inserts at D1's 100 bound parameters are ~167 spend-line and at
 * most 100 review-item statements, plus ≤ 36 error rows and ~30 reads, well under 1,000
 * queries, and the estimate takes tens of milliseconds of CPU.
 */
export const CHUNK_ROWS = 500;

/** A queued or running job that has not moved for this long may be resumed. */
export const STALLED_AFTER_MS = 10 * 60 * 1000;
