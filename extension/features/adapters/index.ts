import type { SiteAdapter } from '../line-items/line-item';
import { ariaGridAdapter } from './aria-grid';
import { htmlTableAdapter } from './html-table';
import { schemaOrgJsonLdAdapter } from './schema-org-json-ld';
import { schemaOrgMicrodataAdapter } from './schema-org-microdata';

/**
 * Generic adapters, most specific first: when two claim the same element, the first wins.
 * Named adapters for particular procurement products go before these.
 */
export const siteAdapters: readonly SiteAdapter[] = [
  schemaOrgMicrodataAdapter,
  schemaOrgJsonLdAdapter,
  htmlTableAdapter,
  ariaGridAdapter,
];
