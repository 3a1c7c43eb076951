import { DEMO_PASSWORD } from './local-worker';

/** A few purchases this month so the dashboard has something to show. */
const LINES = [
  { description: 'Copy paper, A4, 80 gsm, 5 cartons', amount: 420, supplier: 'Office Supply Co' },
  { description: 'Laptop computers, 14 inch', amount: 5600, supplier: 'Northwind Computers' },
  { description: 'Diesel fuel for delivery vans', amount: 1850, supplier: 'Fuel Direct' },
  { description: 'Corrugated cardboard shipping boxes', amount: 960, supplier: 'PackRight' },
  { description: 'Air travel, economy, Boston to Chicago', amount: 1340, supplier: 'SkyAir' },
];

/**
 * Records the demo purchases as the demo buyer with a Bearer session (as the extension does).
 * Answers false when this Worker has no `POST /api/v1/spend/record` yet.
 */
export async function recordDemoSpend(baseUrl: string, date = new Date()): Promise<boolean> {
  const doc = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  if (!doc.paths['/api/v1/spend/record']?.post) return false;
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'buyer@acme.test', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const day = date.toISOString().slice(0, 10);
  const response = await fetch(`${baseUrl}/api/v1/spend/record`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ lines: LINES.map((line) => ({ ...line, currency: 'USD', date: day })) }),
  });
  if (!response.ok)
    throw new Error(`recording demo spend failed: ${response.status} ${await response.text()}`);
  return true;
}
