import { AppError, ErrorCode } from '../../../shared/errors';

export type UnreadableReason = 'not-found' | 'key-revoked' | 'integrity';

const DETAIL: Record<UnreadableReason, string> = {
  'not-found': 'No such object.',
  'key-revoked':
    'The key this object was encrypted under has been revoked; its contents cannot be recovered.',
  integrity: 'The stored object failed its integrity check and was not returned.',
};

const CODE: Record<UnreadableReason, ErrorCode> = {
  'not-found': ErrorCode.notFound,
  'key-revoked': ErrorCode.conflict,
  integrity: ErrorCode.internal,
};

/**
 * An encrypted object that cannot be returned. It is an AppError, so a route that lets it
 * escape answers problem+json; the reason is typed so callers and tests can tell cases apart.
 */
export class ObjectUnreadableError extends AppError {
  constructor(
    readonly reason: UnreadableReason,
    cause?: unknown,
  ) {
    super(CODE[reason], DETAIL[reason], { reason }, { cause });
    this.name = 'ObjectUnreadableError';
  }
}
