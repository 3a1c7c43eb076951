import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
} from '../../../../shared/api/import-fields';
import type { ImportPreviewBody } from '../../../../shared/api/imports';
import { DataTable } from '../components/data-table';

export type FieldMapping = Record<string, string | null>;

const SOURCE_LABELS: Record<string, string> = {
  request: 'chosen',
  saved: 'saved mapping',
  detected: 'detected',
};
const isRequired = (field: ImportField) =>
  (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field);

/** The column feeding each field (changeable), and the first rows read with that mapping. */
export function ImportMappingPreview(props: {
  fileName: string;
  preview: ImportPreviewBody;
  busy: boolean;
  onRemap: (field: ImportField, header: string | null) => void;
  onImport: () => void;
}) {
  const { preview } = props;
  const mapped = IMPORT_FIELDS.filter((field) => preview.mapping[field]);
  const choose = (field: ImportField, header: string) =>
    props.onRemap(field, header === '' ? null : header);

  return (
    <div class="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Columns of {props.fileName}</h2>
      <div class="mapping-grid">
        {IMPORT_FIELDS.map((field) => (
          <div class="field" key={field}>
            <label for={`map-${field}`}>
              {IMPORT_FIELD_LABELS[field]}
              {isRequired(field) ? ' (required)' : ''}
            </label>
            <select
              id={`map-${field}`}
              disabled={props.busy}
              value={preview.mapping[field] ?? ''}
              onChange={(event) => choose(field, (event.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">— not imported —</option>
              {preview.headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
            {preview.sources[field] && preview.mapping[field] && (
              <p class="hint">{SOURCE_LABELS[preview.sources[field]!]}</p>
            )}
          </div>
        ))}
      </div>
      {preview.missing.length > 0 && (
        <p class="problem" role="alert">
          Choose a column for:{' '}
          {preview.missing.map((f) => IMPORT_FIELD_LABELS[f as ImportField]).join(', ')}.
        </p>
      )}
      <h3>First rows</h3>
      <DataTable
        caption="First rows as they will be imported"
        columns={['Row', ...mapped.map((field) => IMPORT_FIELD_LABELS[field]), 'Problems']}
      >
        {preview.rows.map((row) => (
          <tr key={row.row}>
            <td>{row.row}</td>
            {mapped.map((field) => (
              <td key={field}>{row.values[field]}</td>
            ))}
            <td>
              {row.errors.length === 0
                ? '—'
                : row.errors.map((e) => `${e.column}: ${e.reason}`).join('; ')}
            </td>
          </tr>
        ))}
      </DataTable>
      <div class="toolbar">
        <button
          type="button"
          disabled={props.busy || preview.missing.length > 0}
          onClick={props.onImport}
        >
          Import {props.fileName}
        </button>
      </div>
    </div>
  );
}
