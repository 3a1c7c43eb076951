import { useEffect, useState } from 'preact/hooks';
import { getUserCurrency, setUserCurrency } from '../../utils/storage/settings';

/** The last fallback for a line's currency (after line, page and locale). */
export function CurrencySetting() {
  const [value, setValue] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => void getUserCurrency().then((currency) => setValue(currency ?? '')), []);
  return (
    <form
      aria-labelledby="currency-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await setUserCurrency(value);
          setMessage('Saved.');
        } catch (error) {
          setMessage(error instanceof Error ? error.message : 'Could not save.');
        }
      }}
    >
      <h2 id="currency-heading">Currency</h2>
      <label>
        Default currency
        <input type="text" maxLength={3} value={value} placeholder="USD" onInput={(e) => setValue(e.currentTarget.value.toUpperCase())} />
      </label>
      <button type="submit">Save currency</button>
      <p role="status">{message}</p>
    </form>
  );
}
