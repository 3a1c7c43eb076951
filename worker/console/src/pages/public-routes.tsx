import { AcceptInvitationPage } from './accept-invitation-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';
import { VerifyEmailPage } from './verify-email-page';

/** Pages reachable without a session; the Worker's emails link to all but the forgot-password page. */
export const PUBLIC_PAGES: Record<string, (props: { onDone: () => void }) => preact.JSX.Element> = {
  '/accept-invitation': AcceptInvitationPage,
  '/reset-password': ResetPasswordPage,
  '/forgot-password': ForgotPasswordPage,
  '/verify-email': VerifyEmailPage,
};
