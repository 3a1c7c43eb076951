import { describe, expect, test, vi } from 'vitest';
import { trusted } from '../test/unit/trusted-event';
import { onTrusted } from './trusted-event';

describe('onTrusted', () => {
  test('runs the handler for the user’s events only, not for a script’s click() or dispatchEvent', () => {
    const handler = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('click', onTrusted(handler));
    button.click();
    button.dispatchEvent(new MouseEvent('click'));
    expect(handler).not.toHaveBeenCalled();
    button.dispatchEvent(trusted(new MouseEvent('click')));
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
