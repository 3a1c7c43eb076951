import { h, render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { trusted } from '../test/unit/trusted-event';
import { CorrectionForm } from './correction-form';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const userClick = () => trusted(new MouseEvent('click', { bubbles: true }));

async function openForm() {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const onCorrect = vi.fn(async () => true);
  render(
    h(CorrectionForm, {
      alternatives: [{ naics: '423420', naicsTitle: 'Office equipment' }],
      onCorrect,
    }),
    container,
  );
  const button = (name: string) =>
    [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name))!;
  button('Not this category?').click();
  await flush();
  return { container, button, onCorrect };
}

describe('correction form', () => {
  test('a page script’s click() on "Use …" sends nothing; the user’s click sends', async () => {
    const { button, onCorrect } = await openForm();
    button('Use 423420').click();
    expect(onCorrect).not.toHaveBeenCalled();
    button('Use 423420').dispatchEvent(userClick());
    expect(onCorrect).toHaveBeenCalledWith('423420');
  });

  test('a typed code is sent by the user’s Suggest click or Enter, never by a script', async () => {
    const { container, button, onCorrect } = await openForm();
    const input = container.querySelector('input')!;
    input.value = '322121';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    button('Suggest').click();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(container.querySelector('form')).toBeNull(); // nothing a script could requestSubmit()
    expect(onCorrect).not.toHaveBeenCalled();

    input.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(onCorrect).toHaveBeenCalledWith('322121');
    await flush();
  });
});
