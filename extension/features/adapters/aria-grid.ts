import { mapColumns, type ColumnMap } from '../line-items/column-roles';
import { isOwnElement } from '../line-items/host-marker';
import { emptyScan, visibleText, type ScanResult, type SiteAdapter } from '../line-items/line-item';
import { isTotalRow, lastPriceCell, readLine, rowCells } from '../line-items/read-line';
import { currencyContextOf } from './currency-context';
import { isWebPage } from './page-predicates';

const GRID_SELECTOR = '[role="grid"], [role="table"], [role="treegrid"]';
const CELL_SELECTOR = '[role="gridcell"], [role="cell"], [role="rowheader"], [role="columnheader"]';

interface GridLayout {
  headerRow: Element;
  map: ColumnMap | undefined;
}

const layouts = new WeakMap<Element, GridLayout>();

function ownCells(row: Element): Element[] {
  return Array.from(row.querySelectorAll(CELL_SELECTOR)).filter((cell) => cell.closest('[role="row"]') === row);
}

/** Cells by column; `aria-colindex` (1-based) wins, as virtualised grids skip columns. */
function cellsByColumn(row: Element): Element[] {
  const cells: Element[] = [];
  ownCells(row).forEach((cell, position) => {
    const declared = Number(cell.getAttribute('aria-colindex'));
    cells[Number.isInteger(declared) && declared > 0 ? declared - 1 : position] = cell;
  });
  return cells;
}

function layoutOf(grid: Element): GridLayout | undefined {
  const header = grid.querySelector('[role="columnheader"]');
  const headerRow = header?.closest('[role="row"]');
  if (!headerRow || headerRow.closest(GRID_SELECTOR) !== grid) return undefined;
  const cached = layouts.get(grid);
  if (cached?.headerRow === headerRow) return cached;
  const headers = cellsByColumn(headerRow);
  const layout = { headerRow, map: mapColumns(Array.from(headers, (cell) => visibleText(cell))) };
  layouts.set(grid, layout);
  return layout;
}

function rowsIn(root: Document | Element): Element[] {
  if (root instanceof Element && root.getAttribute('role') === 'row') return [root];
  return Array.from(root.querySelectorAll('[role="row"]'));
}

/** ARIA grids and tables (role=grid|table|treegrid, row, columnheader, gridcell|cell). */
export const ariaGridAdapter: SiteAdapter = {
  name: 'aria-grid',
  appliesTo: isWebPage,
  find(root, page): ScanResult {
    const result = emptyScan();
    const currencies = currencyContextOf(page.document);
    for (const row of rowsIn(root)) {
      const grid = row.closest(GRID_SELECTOR);
      // Native <table>s belong to the html-table adapter.
      if (!grid || grid instanceof HTMLTableElement || isOwnElement(grid)) continue;
      const layout = layoutOf(grid);
      if (!layout?.map || row === layout.headerRow) continue;
      const cells = rowCells(Array.from(cellsByColumn(row)));
      if (isTotalRow(cells)) {
        const anchor = lastPriceCell(cells);
        if (anchor) result.totals.push({ adapter: 'aria-grid', anchor, scope: grid });
        continue;
      }
      const line = readLine(cells, layout.map, currencies);
      if (line) result.lines.push({ adapter: 'aria-grid', row, anchor: line.anchor, fields: line.fields });
    }
    return result;
  },
};
