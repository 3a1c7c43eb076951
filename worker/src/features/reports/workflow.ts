/**
 * The report workflow: draft → submitted → approved | rejected. Approved and rejected reports
 * are final (the database refuses any change too); a correction is a new version.
 */
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { reports } from '../../db/schema';

export type ReportRow = typeof reports.$inferSelect;

export function assertSubmittable(report: ReportRow): void {
  if (report.status !== 'draft') {
    throw new AppError(
      ErrorCode.conflict,
      `The report is ${report.status}; only a draft can be submitted.`,
    );
  }
}

/**
 * An approver decides on a submitted report that someone else prepared and submitted: the
 * four-eyes rule holds for admins too, who have both capabilities.
 */
export function assertDecidable(report: ReportRow, userId: string): void {
  if (report.status !== 'submitted') {
    throw new AppError(
      ErrorCode.conflict,
      `The report is ${report.status}; only a submitted report can be approved or rejected.`,
    );
  }
  if (report.preparedBy === userId || report.submittedBy === userId) {
    throw new AppError(
      ErrorCode.forbidden,
      'You prepared or submitted this report; another approver must approve or reject it.',
    );
  }
}

/** Only the latest version of an approved or rejected report is corrected by a new version. */
export function assertRevisable(report: ReportRow, successorId: string | null): void {
  if (report.status !== 'approved' && report.status !== 'rejected') {
    throw new AppError(
      ErrorCode.conflict,
      `The report is ${report.status}; only an approved or rejected report is revised (prepare a new report instead).`,
    );
  }
  if (successorId) {
    throw new AppError(
      ErrorCode.conflict,
      `Version ${report.version} was already revised by ${successorId}; revise the latest version.`,
    );
  }
}
