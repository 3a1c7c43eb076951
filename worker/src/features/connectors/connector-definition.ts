import type { ConnectorKind } from '../../../../shared/api/connectors';
import type { IncomingLine } from '../spend/record-spend';
import type { ReadOperation } from './allow-list';
import type { ErpAnswer } from './outbound-client';

/** An authenticated, allow-listed GET on the connector's instance. */
export type ErpRead = (path: string, query: URLSearchParams) => Promise<ErpAnswer>;

/** New purchase lines since the cursor, ready for planRecordSpend, and the cursor after them. */
export interface PulledLines {
  documents: number;
  lines: IncomingLine[];
  /** Safe reasons (document and line numbers only) for lines that could not be taken. */
  skipped: string[];
  warnings: string[];
  cursor: string | null;
  /** The pull stopped at its budget: more documents are waiting. */
  more: boolean;
}

export interface PullStart {
  cursor: string | null;
  /** YYYY-MM-DD: the first pull takes documents updated after it. */
  since: string;
}

/**
 * One ERP: the read operations it declares (its whole allow-list besides the token request)
 * and how it turns listed documents into purchase lines.
 */
export interface ConnectorDefinition {
  kind: ConnectorKind;
  reads: readonly ReadOperation[];
  pullNewLines(read: ErpRead, start: PullStart): Promise<PulledLines>;
}
