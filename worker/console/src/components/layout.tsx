import type { ComponentChildren } from 'preact';
import { visibleNav } from '../navigation';
import { useRoute } from '../router';
import { useSession } from '../session';
import { Link } from './link';

export function Layout({ children }: { children: ComponentChildren }) {
  const { me, operations, signOut } = useSession();
  const route = useRoute();
  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">Spendprint</span>
        <span class="tenant" title={`Plan: ${me.tenant.plan}`}>
          {me.tenant.name}
        </span>
        <span class="who">
          {me.name} <span class="role-badge">{me.role}</span>
        </span>
        <button type="button" class="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav class="sidenav" aria-label="Console">
        <ul>
          {visibleNav(me.role, operations).map((item) => (
            <li key={item.route}>
              <Link to={item.route} current={route === item.route}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content" id="main">
        {children}
      </main>
    </div>
  );
}
