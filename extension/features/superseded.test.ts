import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { untilSuperseded } from './superseded';

const announcement = () => `${fakeBrowser.runtime.id}:spendprint:content-script-started`;

describe('untilSuperseded', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a page dispatching the announcement does not stop the live copy', () => {
    const signal = untilSuperseded();
    document.dispatchEvent(new CustomEvent(announcement()));
    expect(signal.aborted).toBe(false);
  });

  test('a newer copy stops the old one, whose extension context ended with the update or reload', () => {
    const old = untilSuperseded();
    const name = announcement();
    (browser.runtime as { id: string | undefined }).id = undefined; // what Chromium leaves an orphaned copy
    document.dispatchEvent(new CustomEvent(name)); // the newer copy's announcement
    expect(old.aborted).toBe(true);
  });
});
