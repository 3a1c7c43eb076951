import { ApiError } from '../api';
import { Field } from '../components/field';

export const MIN_PASSWORD = 12;

/** Password and its repetition (read back with `newPasswordOf`). */
export function NewPasswordFields() {
  return (
    <>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters.`}
        required
      />
      <Field
        label="Repeat the password"
        name="repeat"
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}

/** The new password, or a problem when the repetition differs (the API never sees that). */
export function newPasswordOf(data: FormData): string {
  const password = String(data.get('password') ?? '');
  if (password !== String(data.get('repeat') ?? '')) {
    throw new ApiError({
      title: 'The passwords differ',
      status: 400,
      detail: 'Type the same password twice.',
    });
  }
  return password;
}
