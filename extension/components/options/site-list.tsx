import { useEffect, useState } from 'preact/hooks';
import { listSites, removeSiteAccess, requestSiteAccess } from '../../features/options/site-access';

/** The sites Spendprint may run on; access is asked for one site at a time. */
export function SiteList() {
  const [sites, setSites] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');
  const refresh = () => void listSites().then(setSites);
  useEffect(refresh, []);

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p>Spendprint reads pages only on the sites listed here.</p>
      <ul aria-label="Enabled sites">
        {sites.length === 0 && <li>No sites yet.</li>}
        {sites.map((site) => (
          <li key={site}>
            <code>{site}</code>{' '}
            <button type="button" aria-label={`Remove ${site}`} onClick={async () => { await removeSiteAccess(site); refresh(); }}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            const { pattern, granted } = await requestSiteAccess(input);
            setMessage(granted ? `Enabled ${pattern}.` : `Access to ${pattern} was not granted.`);
            if (granted) setInput('');
            refresh();
          } catch (error) {
            setMessage(error instanceof Error ? error.message : 'Not a valid site address.');
          }
        }}
      >
        <label>
          Site address
          <input type="text" value={input} required placeholder="procurement.example.com" onInput={(e) => setInput(e.currentTarget.value)} />
        </label>
        <button type="submit">Enable site</button>
        <p role="status">{message}</p>
      </form>
    </section>
  );
}
