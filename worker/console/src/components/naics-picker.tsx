import { useState } from 'preact/hooks';
import { api } from '../api';
import type { NaicsSearch } from '../api-types';
import { formatFigure } from './format';
import { ProblemMessage } from './problem-message';

type Hit = NaicsSearch['results'][number];

const MATCHED_BY: Record<Hit['matchedBy'], string> = {
  code: 'code',
  title: 'title',
  index: 'index entries',
};

/**
 * Search 2017 NAICS by code, title words or index entries (GET /naics/search) and pick one.
 * `name` is the radio group's form name, so the surrounding form reads the chosen code.
 */
export function NaicsPicker({
  name,
  idPrefix,
  initial = [],
}: {
  name: string;
  idPrefix: string;
  initial?: { naics: string; title: string; note?: string }[];
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>();
  const [error, setError] = useState<unknown>();
  const [searching, setSearching] = useState(false);

  async function search() {
    const q = query.trim();
    if (q.length < 2) return;
    setSearching(true);
    setError(undefined);
    try {
      const answer = await api.get<NaicsSearch>(`/naics/search?q=${encodeURIComponent(q)}&limit=8`);
      setHits(answer.results);
    } catch (caught) {
      setError(caught);
    } finally {
      setSearching(false);
    }
  }

  // Search hits first (with the candidate's note when it is one), then the other candidates.
  const noteOf = (naics: string) => initial.find((c) => c.naics === naics)?.note;
  const options = [
    ...(hits ?? []).map((hit) => ({
      naics: hit.naics,
      title: hit.title,
      note: [
        `matched by ${MATCHED_BY[hit.matchedBy]}`,
        hit.factorKgPerUsd === null
          ? 'no EPA factor'
          : `${formatFigure(hit.factorKgPerUsd)} kg CO2e/USD`,
        noteOf(hit.naics),
      ]
        .filter(Boolean)
        .join(', '),
    })),
    ...initial.filter((c) => !hits?.some((hit) => hit.naics === c.naics)),
  ];

  return (
    <fieldset class="naics-picker">
      <legend>NAICS code</legend>
      <div class="search-row">
        <label for={`${idPrefix}-search`} class="visually-hidden">
          Search NAICS titles and index entries
        </label>
        <input
          id={`${idPrefix}-search`}
          type="search"
          placeholder="Search titles and index entries, or a code"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" class="secondary" disabled={searching} onClick={() => void search()}>
          {searching ? 'Searching…' : 'Search NAICS'}
        </button>
      </div>
      {hits && hits.length === 0 && <p class="muted">No NAICS code matches “{query}”.</p>}
      <ul class="naics-options">
        {options.map((option) => (
          <li key={option.naics}>
            <label class="check">
              <input type="radio" name={name} value={option.naics} required />
              <span>
                <code>{option.naics}</code> {option.title}
                {option.note && <span class="muted"> — {option.note}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <ProblemMessage error={error} />
    </fieldset>
  );
}
