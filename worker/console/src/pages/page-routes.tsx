import { allowedRoute } from '../navigation';
import { useRoute } from '../router';
import { useSession } from '../session';
import { AccessLogPage } from './access-log-page';
import { ApiKeysPage } from './api-keys-page';
import { AuditPage } from './audit-page';
import { ConnectorsPage } from './connectors-page';
import { DashboardPage } from './dashboard-page';
import { GovernancePage } from './governance-page';
import { KeysPage } from './keys-page';
import { MailboxPage } from './mailbox-page';
import { ImportPage } from './import-page';
import { MembersPage } from './members-page';
import { NotFoundPage } from './not-found-page';
import { PeriodsPage } from './periods-page';
import { ReviewPage } from './review-page';
import { RulesPage } from './rules-page';
import { ReportsPage } from './reports-page';
import { SecurityPage } from './security-page';
import { SpendLinesPage } from './spend-lines-page';
import { SsoPage } from './sso-page';
import { SupplierFactorsPage } from './supplier-factors-page';

const PAGES: Record<string, () => preact.JSX.Element> = {
  '/': DashboardPage,
  '/spend': SpendLinesPage,
  '/review': ReviewPage,
  '/rules': RulesPage,
  '/supplier-factors': SupplierFactorsPage,
  '/periods': PeriodsPage,
  '/members': MembersPage,
  '/audit': AuditPage,
  '/access-log': AccessLogPage,
  '/api-keys': ApiKeysPage,
  '/keys': KeysPage,
  '/sso': SsoPage,
  '/governance': GovernancePage,
  '/mailbox': MailboxPage,
  '/connectors': ConnectorsPage,
  '/reports': ReportsPage,
  '/import': ImportPage,
  '/security': SecurityPage,
};

export function PageRoutes() {
  const route = useRoute();
  const { me, operations } = useSession();
  const Page = PAGES[route];
  if (!Page || !allowedRoute(me.role, operations, route)) return <NotFoundPage />;
  return <Page />;
}
