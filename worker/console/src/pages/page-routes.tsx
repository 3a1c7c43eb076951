import { allowedRoute } from '../navigation';
import { useRoute } from '../router';
import { useSession } from '../session';
import { ApiKeysPage } from './api-keys-page';
import { AuditPage } from './audit-page';
import { ConnectorsPage } from './connectors-page';
import { DashboardPage } from './dashboard-page';
import { MembersPage } from './members-page';
import { NotFoundPage } from './not-found-page';
import { SecurityPage } from './security-page';

const PAGES: Record<string, () => preact.JSX.Element> = {
  '/': DashboardPage,
  '/audit': AuditPage,
  '/api-keys': ApiKeysPage,
  '/connectors': ConnectorsPage,
  '/members': MembersPage,
  '/security': SecurityPage,
};

export function PageRoutes() {
  const route = useRoute();
  const { me, operations } = useSession();
  const Page = PAGES[route];
  if (!Page || !allowedRoute(me.role, operations, route)) return <NotFoundPage />;
  return <Page />;
}
