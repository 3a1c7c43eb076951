import { useState } from 'preact/hooks';
import type { ImportDetailBody, ImportPreviewBody } from '../../../../shared/api/imports';
import { uploadCsv } from '../api';
import { ProblemMessage } from '../components/problem-message';
import { ImportHistory } from './import-history';
import { ImportMappingPreview, type FieldMapping } from './import-mapping';
import { ImportProgress } from './import-progress';

/** The preview reads only the file's beginning; the import streams the whole file. */
const PREVIEW_BYTES = 64 * 1024;

interface Picked {
  file: File;
  preview: ImportPreviewBody;
  /** Only the fields the user changed: the rest stays detected or saved, and is saved as used. */
  overrides: FieldMapping;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) search.set(name, value);
  return search.size ? `?${search}` : '';
}

const mappingParam = (overrides: FieldMapping) =>
  Object.keys(overrides).length ? JSON.stringify(overrides) : undefined;

function previewOf(file: File, overrides: FieldMapping) {
  const partial = file.size > PREVIEW_BYTES;
  return uploadCsv<ImportPreviewBody>(
    `/imports/preview${query({
      filename: file.name,
      partial: partial ? 'true' : undefined,
      mapping: mappingParam(overrides),
    })}`,
    partial ? file.slice(0, PREVIEW_BYTES) : file,
  );
}

/** CSV import: pick a file, check and adjust the column mapping, import, follow the job. */
export function ImportPage() {
  const [picked, setPicked] = useState<Picked>();
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [historyTick, setHistoryTick] = useState(0);

  async function run(step: () => Promise<void>) {
    setError(undefined);
    setBusy(true);
    try {
      await step();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const pick = (file: File | undefined) =>
    run(async () => {
      setPicked(undefined);
      if (!file) return;
      const preview = await previewOf(file, {});
      setPicked({ file, preview, overrides: {} });
    });

  const remap = (field: string, header: string | null) =>
    run(async () => {
      if (!picked) return;
      const overrides = { ...picked.overrides, [field]: header };
      const preview = await previewOf(picked.file, overrides);
      setPicked({ ...picked, preview, overrides });
    });

  const start = () =>
    run(async () => {
      if (!picked) return;
      const accepted = await uploadCsv<ImportDetailBody>(
        `/imports${query({ filename: picked.file.name, mapping: mappingParam(picked.overrides) })}`,
        picked.file,
      );
      setPicked(undefined);
      setJobId(accepted.import.id);
      setHistoryTick((n) => n + 1);
    });

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import spend</h1>
      <form class="card" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint"
            disabled={busy}
            onChange={(event) => void pick((event.currentTarget as HTMLInputElement).files?.[0])}
          />
          <p id="import-file-hint" class="hint">
            UTF-8 CSV with a header row, up to 50 MB. Descriptions are classified and kept only as
            keyed hashes; the same file is never counted twice.
          </p>
        </div>
      </form>
      <ProblemMessage error={error} />
      {picked && (
        <ImportMappingPreview
          fileName={picked.file.name}
          preview={picked.preview}
          busy={busy}
          onRemap={(field, header) => void remap(field, header)}
          onImport={() => void start()}
        />
      )}
      {jobId && <ImportProgress id={jobId} onSettled={() => setHistoryTick((n) => n + 1)} />}
      <ImportHistory tick={historyTick} onOpen={setJobId} />
    </section>
  );
}
