import { render } from 'preact';

function Popup() {
  return (
    <main>
      <h1>Spendprint</h1>
      <p>Sign in from the options page to see your footprint.</p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
