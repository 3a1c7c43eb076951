import { allowedRoute } from '../navigation';
import { useRoute } from '../router';
import { useSession } from '../session';
import { ApiKeysPage } from './api-keys-page';
import { AuditPage } from './audit-page';
import { DashboardPage } from './dashboard-page';
import { ImportPage } from './import-page';
import { MembersPage } from './members-page';
import { NotFoundPage } from './not-found-page';
import { SecurityPage } from './security-page';

const PAGES: Record<string, () => preact.JSX.Element> = {
  '/': DashboardPage,
  '/audit': AuditPage,
  '/api-keys': ApiKeysPage,
  '/import': ImportPage,
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
