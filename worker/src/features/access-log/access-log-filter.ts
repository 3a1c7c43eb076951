import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AccessLogQuery } from '../../../../shared/api/access-log';
import { accessLog } from '../../db/schema';

type Filter = Omit<z.infer<typeof AccessLogQuery>, 'limit'>;

const DAY_MS = 24 * 60 * 60 * 1000;
const isDay = (value: string) => value.length === 10;

/** `from` is inclusive; `to` is exclusive, except that a day means "through the end of that day". */
function timeRange(from?: string, to?: string): SQL[] {
  const conditions: SQL[] = [];
  if (from) conditions.push(gte(accessLog.at, new Date(isDay(from) ? `${from}T00:00:00Z` : from)));
  if (to) {
    const end = isDay(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) : new Date(to);
    conditions.push(lt(accessLog.at, end));
  }
  return conditions;
}

/** An exact code ("403") or a class ("4xx"). */
function statusCondition(status: string): SQL {
  if (!status.endsWith('xx')) return eq(accessLog.status, Number(status));
  const floor = Number(status[0]) * 100;
  return and(gte(accessLog.status, floor), lt(accessLog.status, floor + 100))!;
}

/** A prefix match without LIKE, so "_" and "%" in the prefix are plain characters. */
function routePrefix(prefix: string): SQL {
  return sql`substr(${accessLog.route}, 1, ${prefix.length}) = ${prefix}`;
}

/** Entries strictly older than the cursor's (newest first, ties broken by id). */
function beforeCursor(cursor: string): SQL {
  const dot = cursor.indexOf('.');
  const at = new Date(Number(cursor.slice(0, dot)));
  const id = cursor.slice(dot + 1);
  return or(lt(accessLog.at, at), and(eq(accessLog.at, at), lt(accessLog.id, id)))!;
}

export function accessLogFilter(filter: Filter): SQL | undefined {
  const conditions = [
    ...timeRange(filter.from, filter.to),
    ...(filter.route ? [routePrefix(filter.route)] : []),
    ...(filter.status ? [statusCondition(filter.status)] : []),
    ...(filter.method ? [eq(accessLog.method, filter.method)] : []),
    ...(filter.cursor ? [beforeCursor(filter.cursor)] : []),
  ];
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export function cursorOf(entry: { at: Date; id: string }): string {
  return `${entry.at.getTime()}.${entry.id}`;
}
