import { database } from './db/middleware';
import { corsAllowList } from './middleware/cors';
import { rateLimit } from './middleware/rate-limit';
import { accessLogRoutes } from './features/access-log/access-log.routes';
import { apiKeysRoutes } from './features/api-keys/api-keys.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { backupsRoutes } from './features/backups/backups.routes';
import { ssoConnectionRoutes } from './features/sso/sso-connection.routes';
import { ssoDomainRoutes } from './features/sso/sso-domains.routes';
import { ssoExchangeRoutes } from './features/sso/sso-exchange.routes';
import { ssoLoginRoutes } from './features/sso/sso-login.routes';
import { emailVerificationRoutes } from './features/members/email-verification.routes';
import { invitationRoutes } from './features/members/invitations.routes';
import { membersRoutes } from './features/members/members.routes';
import { teamsRoutes } from './features/members/teams.routes';
import { authRoutes } from './features/auth/auth.routes';
import { refreshRoutes } from './features/auth/refresh.routes';
import { consoleRoutes } from './features/console/console.routes';
import { totpRoutes } from './features/auth/totp.routes';
import { estimatesRoutes } from './features/estimates/estimates.routes';
import { reviewRoutes } from './features/review/review.routes';
import { rulesRoutes } from './features/rules/rules.routes';
import { summaryRoutes } from './features/summary/summary.routes';
import { periodsRoutes } from './features/periods/periods.routes';
import { ledgerRoutes } from './features/spend/ledger.routes';
import { spendRoutes } from './features/spend/spend.routes';
import { supplierFactorsRoutes } from './features/supplier-factors/supplier-factors.routes';
import { healthRoutes } from './features/health/health.routes';
import { keysRoutes } from './features/keys/keys.routes';
import { governanceRoutes } from './features/governance/governance.routes';
import { reportsRoutes } from './features/reports/reports.routes';
import { connectorsRoutes } from './features/connectors/connectors.routes';
import { importsRoutes } from './features/imports/imports.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { onError, onNotFound } from './middleware/error-handler';
import { requestId } from './middleware/request-id';
import { securityHeaders } from './middleware/security-headers';
import { createRouter } from './lib/router';

export const API_PREFIX = '/api/v1';

export function createApp() {
  const app = createRouter();
  app.use('*', securityHeaders, requestId);
  app.use(`${API_PREFIX}/*`, corsAllowList, rateLimit, database);
  app.onError(onError);
  app.notFound(onNotFound);

  const api = createRouter()
    .route('/', healthRoutes)
    .route('/', authRoutes)
    .route('/', refreshRoutes)
    .route('/', totpRoutes)
    .route('/', auditRoutes)
    .route('/', membersRoutes)
    .route('/', teamsRoutes)
    .route('/', invitationRoutes)
    .route('/', emailVerificationRoutes)
    .route('/', apiKeysRoutes)
    .route('/', ssoConnectionRoutes)
    .route('/', ssoDomainRoutes)
    .route('/', ssoLoginRoutes)
    .route('/', ssoExchangeRoutes)
    .route('/', estimatesRoutes)
    .route('/', rulesRoutes)
    .route('/', supplierFactorsRoutes)
    .route('/', spendRoutes)
    .route('/', ledgerRoutes)
    .route('/', reviewRoutes)
    .route('/', summaryRoutes)
    .route('/', periodsRoutes)
    .route('/', keysRoutes)
    .route('/', governanceRoutes)
    .route('/', backupsRoutes)
    .route('/', accessLogRoutes)
    .route('/', reportsRoutes)
    .route('/', connectorsRoutes)
    .route('/', importsRoutes)
    .route('/', settingsRoutes);
  app.route(API_PREFIX, api);
  app.route('/', consoleRoutes);

  app.doc31(`${API_PREFIX}/openapi.json`, {
    openapi: '3.1.0',
    info: { title: 'Spendprint API', version: '1.0.0' },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  return app;
}

export const app = createApp();
