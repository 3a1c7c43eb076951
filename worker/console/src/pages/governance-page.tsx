import { can } from '../../../../shared/roles';
import { offers } from '../navigation';
import { useSession } from '../session';
import { DeletionPanel } from './deletion-panel';
import { ExportPanel } from './export-panel';
import { RetentionPanel } from './retention-panel';
import { ReviewTextPanel } from './review-text-panel';

/**
 * Export all tenant data, request (and cancel) deletion, the opt-in to keep review text, and
 * the retention schedule.
 */
export function GovernancePage() {
  const { me, operations } = useSession();
  return (
    <section aria-labelledby="governance-title">
      <h1 id="governance-title">Governance</h1>
      {can(me.role, 'data:export') && offers(operations, '/governance/export') && <ExportPanel />}
      {can(me.role, 'tenant:delete') && offers(operations, '/governance/delete-request') && (
        <DeletionPanel />
      )}
      {can(me.role, 'settings:manage') && offers(operations, '/settings') && <ReviewTextPanel />}
      {offers(operations, '/governance/retention') && <RetentionPanel />}
    </section>
  );
}
