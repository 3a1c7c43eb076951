import type { Report } from '../../../../shared/api/reports';

export const STATUS_LABELS: Record<Report['status'], string> = {
  draft: 'Draft',
  submitted: 'Submitted for approval',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const tonnes = (t: number) =>
  `${t.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} t CO2e`;
