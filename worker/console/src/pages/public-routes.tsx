import { AcceptInvitationPage } from './accept-invitation-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';

/** Pages reachable without a session; the Worker's emails link to the first two. */
export const PUBLIC_PAGES: Record<string, (props: { onDone: () => void }) => preact.JSX.Element> = {
  '/accept-invitation': AcceptInvitationPage,
  '/reset-password': ResetPasswordPage,
  '/forgot-password': ForgotPasswordPage,
};
