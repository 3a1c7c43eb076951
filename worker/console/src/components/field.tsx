import type { JSX } from 'preact';

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  /** Defaults to `field-<name>`; give one when the same form appears twice on a page. */
  id?: string;
};

/** A labelled input; the hint is tied to it with aria-describedby. */
export function Field({ label, name, hint, id: givenId, ...input }: InputProps) {
  const id = givenId ?? `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={name} aria-describedby={hintId} {...input} />
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
