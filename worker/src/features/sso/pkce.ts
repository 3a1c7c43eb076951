import { sha256 } from '../../lib/crypto/digest';
import { toBase64Url } from '../../lib/crypto/encoding';
import { generateToken } from '../../lib/crypto/tokens';

/** RFC 7636 S256: a 256-bit verifier (43 base64url characters) and its challenge. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = generateToken(32);
  return { verifier, challenge: await pkceChallenge(verifier) };
}

export async function pkceChallenge(verifier: string): Promise<string> {
  return toBase64Url(await sha256(verifier));
}
