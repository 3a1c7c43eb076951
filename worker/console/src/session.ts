import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me, Operations } from './api';

export interface Session {
  me: Me;
  operations: Operations;
  /** Reload who is signed in (after enrolling TOTP, for example). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
