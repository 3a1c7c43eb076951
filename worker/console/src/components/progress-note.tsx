/** Long work in progress: an indeterminate progress bar and what is happening, announced politely. */
export function ProgressNote({ label }: { label: string | undefined }) {
  if (!label) return null;
  return (
    <p class="progress-note" role="status">
      <progress aria-label={label} /> {label}
    </p>
  );
}
