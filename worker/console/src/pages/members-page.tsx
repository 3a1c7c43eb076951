import { useState } from 'preact/hooks';
import { ROLES, type Role } from '../../../../shared/roles';
import { api } from '../api';
import { DataTable } from '../components/data-table';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';
import { offers } from '../navigation';
import { useSession } from '../session';
import { InviteForm } from './invite-form';
import { TeamsPanel } from './teams-panel';

interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  teams: { teamId: string; name: string; isManager: boolean }[];
}

/** Members with their roles and teams; admins change roles, invite people and add teams. */
export function MembersPage() {
  const { me, operations } = useSession();
  const members = useApi(() => api.get<{ members: Member[] }>('/members'));
  const [error, setError] = useState<unknown>();
  const canChangeRole = offers(operations, '/members/{userId}', 'patch');

  async function changeRole(member: Member, role: Role) {
    setError(undefined);
    try {
      await api.patch(`/members/${encodeURIComponent(member.userId)}`, { role });
      members.reload();
    } catch (caught) {
      setError(caught);
      members.reload();
    }
  }

  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">Users and teams</h1>
      <ProblemMessage error={error ?? members.error} />
      {members.data && (
        <DataTable
          caption={`Members of ${me.tenant.name}`}
          columns={['Name', 'Email', 'Role', 'Teams']}
        >
          {members.data.members.map((member) => (
            <tr key={member.userId}>
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>
                {canChangeRole && member.userId !== me.userId ? (
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    onChange={(event) => void changeRole(member, event.currentTarget.value as Role)}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                ) : (
                  member.role
                )}
              </td>
              <td>
                {member.teams
                  .map((team) => `${team.name}${team.isManager ? ' (manager)' : ''}`)
                  .join(', ') || <span class="muted">none</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div class="columns">
        {offers(operations, '/invitations', 'post') && <InviteForm />}
        {offers(operations, '/teams') && <TeamsPanel />}
      </div>
    </section>
  );
}
