import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { erpConnectorCalls, erpConnectorPulls, erpConnectors, periods } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import type { Env } from '../../env';
import { writeWithAudit } from '../audit/append';
import { reviewTextKeeper } from '../review/review-text';
import { planRecordSpend, type IncomingLine } from '../spend/record-spend';
import type { PulledLines } from './connector-definition';
import {
  allowListOf,
  CONNECTOR_DEFINITIONS,
  findConnector,
  type ConnectorRow,
  type PullRow,
} from './connector-store';
import { ConnectorSession, CredentialsUnreadableError } from './credentials';
import { ErpError, OffAllowListError, OutboundClient } from './outbound-client';

/** The connector was revoked (or its claim lost) while the pull was reading: nothing is kept. */
class PullInterrupted extends Error {
  override name = 'PullInterrupted';
}

/** A pull that died (Worker evicted) frees its connector after this long. */
const CLAIM_TTL_MS = 15 * 60 * 1000;

export interface PullContext {
  db: TenantDb;
  env: Env;
  reviewThreshold: number;
  keepReviewText: boolean;
  trigger: PullRow['trigger'];
  actor: string;
  requestId: string;
  at: Date;
}

/**
 * One pull of one connector: claim it (one pull at a time), read new documents through the
 * allow-listed client, record their lines with planRecordSpend (source `erp`, ERP line ids, so
 * a re-pull never counts a line twice), then store lines, pull summary, outbound call log,
 * cursor and token in one audited batch. A failed pull is recorded too, with its calls.
 */
export async function runPull(context: PullContext, connectorId: string): Promise<PullRow> {
  const { row, claim } = await claimConnector(context.db, connectorId, context.at);
  const started = Date.now();
  const clock = () => new Date(context.at.getTime() + (Date.now() - started));
  const client = new OutboundClient(allowListOf(row), row.scopes, clock);
  const pullId = `pull_${crypto.randomUUID()}`;
  let session: ConnectorSession | undefined;
  try {
    session = await ConnectorSession.open(
      context.db,
      context.env.KEY_WRAPPING_SECRET,
      row,
      client,
      context.at,
    );
    const openSession = session;
    const pulled = await CONNECTOR_DEFINITIONS[row.kind].pullNewLines(
      (path, query) => openSession.get(`${row.baseUrl}${path}?${query.toString()}`),
      { cursor: row.cursor, since: row.since },
    );
    return await recordSuccess(context, { row, claim, pullId, client, session, pulled, clock });
  } catch (error) {
    return recordFailure(context, { row, claim, pullId, client, session, clock }, error);
  }
}

async function claimConnector(db: TenantDb, connectorId: string, at: Date) {
  const claim = crypto.randomUUID();
  const stale = new Date(at.getTime() - CLAIM_TTL_MS);
  await db.batch([
    db.update(
      erpConnectors,
      { pullClaim: claim, pullClaimedAt: at },
      and(
        eq(erpConnectors.id, connectorId),
        eq(erpConnectors.state, 'active'),
        isNull(erpConnectors.deletedAt),
        or(isNull(erpConnectors.pullClaim), lt(erpConnectors.pullClaimedAt, stale)),
      )!,
    ),
  ]);
  const row = await findConnector(db, connectorId);
  if (row.pullClaim === claim) return { row, claim };
  if (row.state !== 'active' || row.deletedAt) {
    throw new AppError(ErrorCode.conflict, 'The connector is revoked; it no longer pulls.');
  }
  throw new AppError(ErrorCode.conflict, 'A pull of this connector is already running.');
}

/** Newest end date of a signed-off period: the database refuses lines dated on or before it. */
async function lockedThrough(db: TenantDb): Promise<string | null> {
  const [latest] = await db
    .selectFields(periods, { endDate: periods.endDate }, eq(periods.status, 'signed-off'))
    .orderBy(desc(periods.endDate))
    .limit(1);
  return latest?.endDate ?? null;
}

function splitLocked(lines: IncomingLine[], locked: string | null) {
  if (!locked) return { open: lines, skipped: [] as string[] };
  const open = lines.filter((line) => line.date > locked);
  const skipped = lines
    .filter((line) => line.date <= locked)
    .map((line) => `PO line ${line.erpLineId}: dated ${line.date}, in a signed-off period`);
  return { open, skipped };
}

interface Attempt {
  row: ConnectorRow;
  claim: string;
  pullId: string;
  client: OutboundClient;
  session: ConnectorSession | undefined;
  clock: () => Date;
}

/** Releases the claim and stores token/cursor, only while the connector is still active. */
async function connectorUpdate(
  context: PullContext,
  attempt: Attempt,
  extra: Partial<ConnectorRow>,
): Promise<TenantStatement> {
  const credentials = attempt.session
    ? await attempt.session.credentialChanges({
        actor: context.actor,
        requestId: context.requestId,
        at: context.at,
      })
    : {};
  return context.db.update(
    erpConnectors,
    { ...extra, ...credentials, pullClaim: null, pullClaimedAt: null },
    and(
      eq(erpConnectors.id, attempt.row.id),
      eq(erpConnectors.pullClaim, attempt.claim),
      eq(erpConnectors.state, 'active'),
    )!,
  );
}

function callRows(db: TenantDb, attempt: Attempt): TenantStatement[] {
  return db.insertMany(
    erpConnectorCalls,
    attempt.client.calls.map((call) => ({
      ...call,
      connectorId: attempt.row.id,
      pullId: attempt.pullId,
    })),
  );
}

const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed: spend_lines/.test(String((error as Error)?.cause ?? error));

async function recordSuccess(
  context: PullContext,
  attempt: Attempt & { session: ConnectorSession; pulled: PulledLines },
): Promise<PullRow> {
  const { db } = context;
  const current = await findConnector(db, attempt.row.id);
  if (current.pullClaim !== attempt.claim) {
    throw new PullInterrupted('the connector was revoked during the pull; nothing was recorded');
  }
  const { open, skipped: locked } = splitLocked(attempt.pulled.lines, await lockedThrough(db));
  const skipped = [...attempt.pulled.skipped, ...locked];
  const update = await connectorUpdate(context, attempt, { cursor: attempt.pulled.cursor });
  // A concurrent writer (the extension, a CSV import) may store one of these lines first; the
  // unique indexes then fail the batch whole, and the second plan sees it as a duplicate.
  for (let attempts = 1; ; attempts++) {
    const plan = await planRecordSpend(db, open, {
      source: 'erp',
      teamId: null,
      actor: context.actor,
      at: context.at,
      reviewThreshold: context.reviewThreshold,
      secret: context.env.DESCRIPTION_HASH_SECRET,
      reviewText: reviewTextKeeper(
        db,
        { keepReviewText: context.keepReviewText },
        context.env.KEY_WRAPPING_SECRET,
        context,
      ),
    });
    const pull: PullRow = {
      id: attempt.pullId,
      tenantId: db.tenantId,
      connectorId: attempt.row.id,
      trigger: context.trigger,
      requestedBy: context.actor,
      startedAt: context.at,
      finishedAt: attempt.clock(),
      status: 'ok',
      documents: attempt.pulled.documents,
      linesNew: plan.recordedIds.length,
      linesDuplicate: open.length - plan.recordedIds.length,
      linesSkipped: skipped.length,
      errors: [...attempt.pulled.warnings, ...skipped].slice(0, 50),
      cursorBefore: attempt.row.cursor,
      cursorAfter: attempt.pulled.cursor,
      more: attempt.pulled.more,
    };
    try {
      await writePull(context, attempt, pull, [...plan.statements, update], {
        ledger: plan.ledger,
      });
      return pull;
    } catch (error) {
      if (attempts < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function writePull(
  context: PullContext,
  attempt: Attempt,
  pull: PullRow,
  statements: TenantStatement[],
  extra: Record<string, unknown> = {},
) {
  const { db } = context;
  const { tenantId: _tenant, ...values } = pull;
  await writeWithAudit(
    db,
    [...statements, db.insert(erpConnectorPulls, values), ...callRows(db, attempt)],
    {
      actor: context.actor,
      action: 'connector.pull',
      entityType: 'erp-connector',
      entityId: attempt.row.id,
      changes: {
        before: { cursor: attempt.row.cursor },
        after: {
          pullId: pull.id,
          trigger: pull.trigger,
          status: pull.status,
          documents: pull.documents,
          linesNew: pull.linesNew,
          linesDuplicate: pull.linesDuplicate,
          linesSkipped: pull.linesSkipped,
          cursor: pull.cursorAfter,
          ...extra,
        },
      },
      requestId: context.requestId,
      at: context.at,
    },
  );
}

/** A reason safe to store and show: ours, never an ERP body, a token or line text. */
function reasonOf(error: unknown, requestId: string): string {
  if (error instanceof ErpError || error instanceof OffAllowListError) return error.message;
  if (error instanceof CredentialsUnreadableError || error instanceof PullInterrupted) {
    return error.message;
  }
  if (/spendprint:period-locked/.test(String((error as Error)?.cause ?? error))) {
    return 'a period was signed off during the pull; pull again';
  }
  console.error(
    JSON.stringify({
      event: 'connector-pull-failed',
      requestId,
      error: (error as Error)?.name,
      message: (error as Error)?.message,
    }),
  );
  return `internal error (request ${requestId})`;
}

async function recordFailure(
  context: PullContext,
  attempt: Attempt,
  error: unknown,
): Promise<PullRow> {
  const pull: PullRow = {
    id: attempt.pullId,
    tenantId: context.db.tenantId,
    connectorId: attempt.row.id,
    trigger: context.trigger,
    requestedBy: context.actor,
    startedAt: context.at,
    finishedAt: attempt.clock(),
    status: 'failed',
    documents: 0,
    linesNew: 0,
    linesDuplicate: 0,
    linesSkipped: 0,
    errors: [reasonOf(error, context.requestId)],
    cursorBefore: attempt.row.cursor,
    cursorAfter: attempt.row.cursor,
    more: false,
  };
  const session = attempt.session;
  const update = await connectorUpdate(context, { ...attempt, session }, {}).catch(() =>
    connectorUpdate(context, { ...attempt, session: undefined }, {}),
  );
  await writePull(context, attempt, pull, [update]);
  return pull;
}
