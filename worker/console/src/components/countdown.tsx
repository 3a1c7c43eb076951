import { useEffect, useState } from 'preact/hooks';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** "29 days, 23 h 59 min 12 s" until `until`; "now" once it has passed. */
export function remaining(until: Date, now: Date): string {
  const left = until.getTime() - now.getTime();
  if (left <= 0) return 'now';
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  const seconds = Math.floor((left % MINUTE) / 1000);
  return `${days} day${days === 1 ? '' : 's'}, ${hours} h ${minutes} min ${seconds} s`;
}

/** A live countdown, updated every second. */
export function Countdown({ until }: { until: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={until} data-testid="deletion-countdown">
      {remaining(new Date(until), now)}
    </time>
  );
}
