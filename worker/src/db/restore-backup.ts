/**
 * Restores a tenant backup's rows (see features/backups) into a database that has the schema
 * but none of the data. One batch: every row lands or none does.
 */
type Row = Record<string, unknown>;

/** The part of D1 a restore uses; the restore script passes wrangler's local D1 proxy. */
interface Statement {
  bind(...values: unknown[]): Statement;
  first<T>(): Promise<T | null>;
}
export interface SqlDatabase {
  prepare(sql: string): Statement;
  batch(statements: Statement[]): Promise<unknown>;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function insertRowsStatements(d1: SqlDatabase, table: string, rows: Row[]) {
  return rows.map((row) => {
    const columns = Object.keys(row);
    const placeholders = columns.map(() => '?').join(', ');
    return d1
      .prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${placeholders})`,
      )
      .bind(...columns.map((column) => row[column] ?? null));
  });
}

export interface BackupContent {
  format: string;
  tenantId: string;
  createdAt: string;
  global: Record<string, Row[]>;
  tables: Record<string, Row[]>;
}

/** Global rows first; periods last, since a signed-off period refuses older spend lines. */
function restoreOrder(content: BackupContent): [string, Row[]][] {
  const tenantTables = Object.entries(content.tables).sort(
    ([a], [b]) => Number(a === 'periods') - Number(b === 'periods'),
  );
  return [...Object.entries(content.global), ...tenantTables];
}

export async function isEmptyDatabase(d1: SqlDatabase): Promise<boolean> {
  const row = await d1.prepare('SELECT count(*) AS n FROM tenants').first<{ n: number }>();
  return row?.n === 0;
}

export async function restoreBackupRows(d1: SqlDatabase, content: BackupContent) {
  const counts: Record<string, number> = {};
  const statements = [d1.prepare('PRAGMA defer_foreign_keys = on')];
  for (const [table, rows] of restoreOrder(content)) {
    statements.push(...insertRowsStatements(d1, table, rows));
    counts[table] = rows.length;
  }
  await d1.batch(statements);
  return counts;
}
