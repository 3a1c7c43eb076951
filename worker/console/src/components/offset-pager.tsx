/** Previous/next for offset-paged lists, with "21–40 of 135". */
export function OffsetPager({
  offset,
  shown,
  total,
  nextOffset,
  pageSize,
  onChange,
}: {
  offset: number;
  shown: number;
  total: number;
  nextOffset: number | null;
  pageSize: number;
  onChange: (offset: number) => void;
}) {
  if (total === 0) return null;
  return (
    <div class="pager">
      <span class="muted">
        {offset + 1}–{offset + shown} of {total}
      </span>
      {offset > 0 && (
        <button
          type="button"
          class="secondary"
          onClick={() => onChange(Math.max(0, offset - pageSize))}
        >
          Previous page
        </button>
      )}
      {nextOffset !== null && (
        <button type="button" class="secondary" onClick={() => onChange(nextOffset)}>
          Next page
        </button>
      )}
    </div>
  );
}
