import { eq } from 'drizzle-orm';
import { RecoveryCodes, TotpConfirmRequest, TotpEnrolment } from '../../../../shared/api/auth';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { recoveryCodes, users } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { seal, unseal } from '../../lib/seal';
import { writeWithAudit } from '../audit/append';
import {
  buildOtpauthUri,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  verifyTotp,
} from '../../lib/crypto/totp';
import { TOTP_SEAL_PURPOSE } from './second-factor';

const enrollRoute = defineRoute('member', {
  method: 'post',
  path: '/auth/totp/enroll',
  tags: ['auth'],
  summary: 'Start TOTP enrolment: a new secret and its otpauth:// URI for the QR code',
  responses: { 200: jsonContent(TotpEnrolment), ...problemResponses(401, 409) },
});

const confirmRoute = defineRoute('member', {
  method: 'post',
  path: '/auth/totp/confirm',
  tags: ['auth'],
  summary: 'Confirm enrolment with a first code; answers recovery codes once',
  request: jsonBody(TotpConfirmRequest),
  responses: { 200: jsonContent(RecoveryCodes), ...problemResponses(400, 401, 409) },
});

export const totpRoutes = createRouter()
  .openapi(enrollRoute, async (c) => {
    const { globalDb, principal, db } = c.var;
    const user = await globalDb.findOne(users, eq(users.id, principal.userId));
    if (!user) throw new AppError(ErrorCode.unauthenticated);
    if (user.totpEnabledAt)
      throw new AppError(ErrorCode.conflict, 'Two-factor sign-in is already on.');
    const secret = generateTotpSecret();
    const totpSecretSealed = await seal(
      c.env.DATA_SEALING_SECRET,
      TOTP_SEAL_PURPOSE,
      user.id,
      secret,
    );
    await writeWithAudit(
      db,
      [globalDb.update(users, { totpSecretSealed }, eq(users.id, user.id))],
      {
        actor: user.id,
        action: 'user.totp-enroll',
        entityType: 'user',
        entityId: user.id,
        changes: { after: { totpPending: true } },
        requestId: c.var.requestId,
        at: now(c),
      },
    );
    const otpauthUri = buildOtpauthUri({ issuer: 'Spendprint', accountName: user.email, secret });
    return c.json({ secret, otpauthUri }, 200);
  })
  .openapi(confirmRoute, async (c) => {
    const { globalDb, principal, db } = c.var;
    const { code } = c.req.valid('json');
    const at = now(c);
    const user = await globalDb.findOne(users, eq(users.id, principal.userId));
    if (!user?.totpSecretSealed || user.totpEnabledAt) {
      throw new AppError(ErrorCode.conflict, 'Start enrolment first.');
    }
    const secret = await unseal(
      c.env.DATA_SEALING_SECRET,
      TOTP_SEAL_PURPOSE,
      user.id,
      user.totpSecretSealed,
    );
    const step = await verifyTotp(secret, code, at, user.totpLastStep);
    if (step === null)
      throw new AppError(ErrorCode.validation, 'The code does not match; check the device clock.');
    const codes = generateRecoveryCodes();
    const hashes = await Promise.all(codes.map(hashRecoveryCode));
    await writeWithAudit(
      db,
      [
        globalDb.update(users, { totpEnabledAt: at, totpLastStep: step }, eq(users.id, user.id)),
        globalDb.delete(recoveryCodes, eq(recoveryCodes.userId, user.id)),
        ...hashes.map((codeHash) => globalDb.insert(recoveryCodes, { codeHash, userId: user.id })),
      ],
      {
        actor: user.id,
        action: 'user.totp-enable',
        entityType: 'user',
        entityId: user.id,
        changes: { before: { totp: false }, after: { totp: true } },
        requestId: c.var.requestId,
        at,
      },
    );
    return c.json({ recoveryCodes: codes }, 200);
  });
