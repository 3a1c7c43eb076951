import { mapColumns, type ColumnMap } from '../line-items/column-roles';
import { isOwnElement } from '../line-items/host-marker';
import { emptyScan, visibleText, type ScanResult, type SiteAdapter } from '../line-items/line-item';
import { isTotalRow, lastPriceCell, readLine, rowCells } from '../line-items/read-line';
import { currencyContextOf } from './currency-context';
import { isWebPage } from './page-predicates';

interface TableLayout {
  headerRow: HTMLTableRowElement;
  map: ColumnMap | undefined;
}

const layouts = new WeakMap<HTMLTableElement, TableLayout>();

/**
 * Cells by logical column index, a cell repeated once per column it spans. Walks the row's
 * children rather than `Array.from(row.cells)`, which costs several times more per row.
 */
function logicalCells(row: HTMLTableRowElement): Element[] {
  const cells: Element[] = [];
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (!(cell instanceof HTMLTableCellElement)) continue;
    const span = Math.max(1, Math.min(cell.colSpan || 1, 50));
    for (let i = 0; i < span; i++) cells.push(cell);
  }
  return cells;
}

function findHeaderRow(table: HTMLTableElement): HTMLTableRowElement | undefined {
  const headRows = table.tHead?.rows;
  if (headRows && headRows.length > 0) return headRows[headRows.length - 1];
  return Array.from(table.rows).find((row) => row.querySelector(':scope > th') !== null);
}

function layoutOf(table: HTMLTableElement): TableLayout | undefined {
  const headerRow = findHeaderRow(table);
  if (!headerRow) return undefined;
  const cached = layouts.get(table);
  if (cached?.headerRow === headerRow) return cached;
  const layout = { headerRow, map: mapColumns(logicalCells(headerRow).map((cell) => visibleText(cell))) };
  layouts.set(table, layout);
  return layout;
}

function rowsIn(root: Document | Element): HTMLTableRowElement[] {
  if (root instanceof HTMLTableRowElement) return [root];
  return Array.from(root.querySelectorAll('tr'));
}

/** HTML tables whose headers name a description and a price/amount/total. */
export const htmlTableAdapter: SiteAdapter = {
  name: 'html-table',
  appliesTo: isWebPage,
  find(root, page): ScanResult {
    const result = emptyScan();
    const currencies = currencyContextOf(page.document);
    // A table's checks and layout once per scan, not once per row.
    const tableLayouts = new Map<HTMLTableElement, TableLayout | undefined>();
    const usableLayout = (table: HTMLTableElement) => {
      if (!tableLayouts.has(table)) {
        const usable = table.getAttribute('role') !== 'presentation' && !isOwnElement(table);
        tableLayouts.set(table, usable ? layoutOf(table) : undefined);
      }
      return tableLayouts.get(table);
    };
    // Rows of one section (tbody, thead, table) share their table: found once per section.
    const sections = new Map<Element | null, { table: HTMLTableElement | null; isHead: boolean }>();
    const sectionOf = (row: HTMLTableRowElement) => {
      const parent = row.parentElement;
      let section = sections.get(parent);
      if (!section) {
        const table = row.closest('table');
        section = { table, isHead: !!table && parent === table.tHead };
        sections.set(parent, section);
      }
      return section;
    };
    for (const row of rowsIn(root)) {
      const { table, isHead } = sectionOf(row);
      if (!table) continue;
      const layout = usableLayout(table);
      if (!layout?.map || row === layout.headerRow || isHead) continue;
      const cells = rowCells(logicalCells(row));
      if (isTotalRow(cells)) {
        const anchor = lastPriceCell(cells);
        if (anchor) result.totals.push({ adapter: 'html-table', anchor, scope: table });
        continue;
      }
      const line = readLine(cells, layout.map, currencies);
      if (line) result.lines.push({ adapter: 'html-table', row, anchor: line.anchor, fields: line.fields });
    }
    return result;
  },
};
