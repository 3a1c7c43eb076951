/**
 * The API's request and response shapes, inferred from the zod schemas in shared/api. Type-only
 * imports: the console bundle carries no zod, yet a changed contract fails its type check.
 */
import type { z } from 'zod';
import type { AccessLogEntry, AccessLogPage } from '../../../shared/api/access-log';
import type { EstimateResult, FormulaStep } from '../../../shared/api/estimates';
import type {
  DeletionRequest as DeletionRequestSchema,
  RetentionSchedule as RetentionScheduleSchema,
} from '../../../shared/api/governance';
import type {
  TenantKeyChange as TenantKeyChangeSchema,
  TenantKeyList as TenantKeyListSchema,
  TenantKeyVersion as TenantKeyVersionSchema,
} from '../../../shared/api/keys';
import type {
  Mailbox as MailboxSchema,
  TeamList as TeamListSchema,
} from '../../../shared/api/members';
import type {
  Period as PeriodSchema,
  PeriodList as PeriodListSchema,
} from '../../../shared/api/periods';
import type {
  NaicsSearchResult as NaicsSearchSchema,
  ResolveReviewResponse as ResolveReviewSchema,
  ReviewItem as ReviewItemSchema,
  ReviewPage as ReviewPageSchema,
} from '../../../shared/api/review';
import type {
  Rule as RuleSchema,
  RuleHistory as RuleHistorySchema,
  RuleList as RuleListSchema,
  SupplierFactor as SupplierFactorSchema,
  SupplierFactorList as SupplierFactorListSchema,
} from '../../../shared/api/rules';
import type { TenantSettings as TenantSettingsSchema } from '../../../shared/api/settings';
import type {
  SpendLine as SpendLineSchema,
  SpendLinePage as SpendLinePageSchema,
} from '../../../shared/api/spend';
import type {
  SsoConnection as SsoConnectionSchema,
  SsoDomain as SsoDomainSchema,
  SsoDomainList as SsoDomainListSchema,
} from '../../../shared/api/sso';
import type { Summary as SummarySchema } from '../../../shared/api/summary';

export type { EstimateResult, FormulaStep };
export type AccessLogRow = z.infer<typeof AccessLogEntry>;
export type AccessLog = z.infer<typeof AccessLogPage>;
export type DeletionRequest = z.infer<typeof DeletionRequestSchema>;
export type RetentionSchedule = z.infer<typeof RetentionScheduleSchema>;
export type TenantKeyVersion = z.infer<typeof TenantKeyVersionSchema>;
export type TenantKeyList = z.infer<typeof TenantKeyListSchema>;
export type TenantKeyChange = z.infer<typeof TenantKeyChangeSchema>;
export type Mailbox = z.infer<typeof MailboxSchema>;
export type TeamList = z.infer<typeof TeamListSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type PeriodList = z.infer<typeof PeriodListSchema>;
export type NaicsSearch = z.infer<typeof NaicsSearchSchema>;
export type ResolveReview = z.infer<typeof ResolveReviewSchema>;
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type ReviewPage = z.infer<typeof ReviewPageSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RuleHistory = z.infer<typeof RuleHistorySchema>;
export type RuleList = z.infer<typeof RuleListSchema>;
export type SupplierFactor = z.infer<typeof SupplierFactorSchema>;
export type SupplierFactorList = z.infer<typeof SupplierFactorListSchema>;
export type SpendLine = z.infer<typeof SpendLineSchema>;
export type SpendLinePage = z.infer<typeof SpendLinePageSchema>;
export type SsoConnection = z.infer<typeof SsoConnectionSchema>;
export type SsoDomain = z.infer<typeof SsoDomainSchema>;
export type SsoDomainList = z.infer<typeof SsoDomainListSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;
