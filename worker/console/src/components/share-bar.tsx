import { formatPercent } from './format';

/** Shares of a whole (data quality) as one stacked SVG bar and a legend. */
export function ShareBar({
  label,
  shares,
}: {
  label: string;
  shares: { key: string; share: number }[];
}) {
  if (shares.length === 0) return null;
  let offset = 0;
  return (
    <div class="share-bar">
      <span class="tile-label">{label}</span>
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
        {shares.map((share, index) => {
          const x = offset;
          offset += share.share * 100;
          return (
            <rect
              key={share.key}
              class={`share-${index % 4}`}
              x={x}
              width={share.share * 100}
              height="6"
            />
          );
        })}
      </svg>
      <ul class="legend">
        {shares.map((share, index) => (
          <li key={share.key}>
            <span class={`swatch share-${index % 4}`} aria-hidden="true" /> {share.key}:{' '}
            {formatPercent(share.share)}
          </li>
        ))}
      </ul>
    </div>
  );
}
