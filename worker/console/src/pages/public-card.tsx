import type { ComponentChildren } from 'preact';

/** The centred card of the pages shown without a session (sign-in, reset, invitation). */
export function PublicCard({
  title,
  titleId,
  children,
}: {
  title: string;
  titleId: string;
  children: ComponentChildren;
}) {
  return (
    <main class="centered">
      <section class="card sign-in" aria-labelledby={titleId}>
        <p class="brand">Spendprint</p>
        <h1 id={titleId}>{title}</h1>
        {children}
      </section>
    </main>
  );
}
