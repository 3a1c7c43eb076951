import { createApiClient } from '../../utils/api/api-client';
import { getServerSetting } from '../../utils/storage/settings';
import type { BackgroundServices } from './message-handlers';
import { createSessionKeeper } from './session-keeper';
import type { WebAuthFlow } from './sso-sign-in';

/**
 * The background's API client and session keeper, wired together: every authenticated call
 * takes its token from the keeper (which resumes or renews the session from the refresh token)
 * and, after a 401, asks the keeper once for a renewed token.
 */
export function createBackgroundServices(options: { identity: WebAuthFlow; fetch?: typeof fetch }): BackgroundServices {
  const serverUrl = async () => (await getServerSetting()).url;
  const keeper = createSessionKeeper({ serverUrl, refresh: (refreshToken) => api.refresh(refreshToken) });
  const api = createApiClient({
    serverUrl,
    token: async () => (await keeper.session())?.token,
    renewToken: (rejected) => keeper.renewAfterRejection(rejected),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { api, keeper, identity: options.identity };
}
