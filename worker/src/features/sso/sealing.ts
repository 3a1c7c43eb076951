/** Seal purposes of SSO secrets; each sealed value is also bound to its owner's id. */
export const CLIENT_SECRET_PURPOSE = 'sso-client-secret';
export const PKCE_VERIFIER_PURPOSE = 'sso-pkce-verifier';
