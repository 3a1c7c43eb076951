import type { ComponentChildren } from 'preact';
import { BASE, navigate } from '../router';

interface Props {
  to: string;
  children: ComponentChildren;
  current?: boolean;
  class?: string;
}

/** An in-app link: a real href (open in new tab works), client-side navigation on plain clicks. */
export function Link({ to, children, current, class: className }: Props) {
  return (
    <a
      href={`${BASE}${to}`}
      class={className}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
