import { getEngine } from '../../../../shared/engine';
import { AppError, ErrorCode } from '../../../../shared/errors';

/** The 2017 NAICS title of a 6-digit code, or undefined for a code that does not exist. */
export function naicsTitle(naics: string): string | undefined {
  return getEngine().titleOf(naics);
}

/** Refuses a code that is not a 2017 NAICS 6-digit code, as a field error. */
export function assertKnownNaics(naics: string, path = 'naics'): string {
  const title = naicsTitle(naics);
  if (title === undefined) {
    throw new AppError(ErrorCode.validation, 'Some fields are missing or invalid.', {
      errors: [{ path, message: `${naics} is not a 2017 NAICS code` }],
    });
  }
  return title;
}
