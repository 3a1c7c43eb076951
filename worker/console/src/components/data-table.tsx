import type { ComponentChildren } from 'preact';

/** A column header; `{ hidden }` names a column for screen readers only (a button column). */
export type Column = string | { hidden: string };

/**
 * A list table in a scrolling card: a caption for screen readers, one header row, and the body
 * rows as children (each page renders its own `<tr>`s, some with a detail row beneath).
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly Column[];
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th scope="col" key={column}>
                  {column}
                </th>
              ) : (
                <th scope="col" key={column.hidden}>
                  <span class="visually-hidden">{column.hidden}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
