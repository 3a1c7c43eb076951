import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Public half of the development key: it pins the extension id to
 * nidfkibjbnhbiheknhcnkeijcbfdbcbm in development and test builds, which the Worker's
 * CORS allow-list and sign-in redirects depend on. Store builds get their id from the store.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp3pW1hkOU86WbAizHiwSINSIIrhHhlC/ryaBBLa8+jHNOt519xVtOnaf8+mmcT/C1W69a9LUplv96dNhf4s/+oq1Vvbs2hAS84TyyNFehxpjfT+OJCUKQLJCoSHC5E5daH5PHAen4/hP0CxXhEdibFyOXsss+EaC6jkE5fnkf2JKoLXB+zjxdWolgJRfvS/xzhKWc7oYS39LBnKEc8cJ+vVEFRip9WTc8qTX3ogtHHXzw6vKwpJijR4+RRMykpgsJLjLDKYnnsay9MhpnEBhYvDFUnP+L3LkoFxpDRVuiI/jtrnd9rR6DfsO/4Q85bKAUE8/X7gyeNbFmbzKot1z1wIDAQAB';

const buildKind = process.env.SPENDPRINT_BUILD ?? 'development';
const isTestBuild = buildKind === 'test';

export default defineConfig({
  srcDir: '.',
  outDir: isTestBuild ? '.output/test' : '.output',
  vite: () => ({
    plugins: [preact()],
    // SPENDPRINT_NO_MINIFY=1 keeps names readable in CPU profiles of the built extension.
    build: process.env.SPENDPRINT_NO_MINIFY === '1' ? { minify: false } : {},
  }),
  manifest: ({ mode }) => ({
    name: 'Spendprint',
    description: 'Carbon estimates (kg CO2e) beside every line item you buy.',
    ...(mode === 'production' && buildKind === 'production' ? {} : { key: DEV_PUBLIC_KEY }),
    // identity: launchWebAuthFlow for single sign-on (no install warning).
    permissions: ['storage', 'scripting', 'activeTab', 'identity'],
    // IT departments can set the server URL (and a default currency) by policy.
    storage: { managed_schema: 'managed-schema.json' },
    // Least privilege: sites are granted at run time; the test build is granted the local host up front.
    host_permissions: isTestBuild ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
  }),
});
