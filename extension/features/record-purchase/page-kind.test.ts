import { describe, expect, test } from 'vitest';
import { pageKindOf } from './page-kind';

function page(path: string, { title = '', h1 = '' } = {}) {
  document.title = title;
  document.body.innerHTML = h1 ? `<h1>${h1}</h1>` : '';
  return pageKindOf(new URL(`https://shop.example${path}`), document);
}

describe('pageKindOf', () => {
  test('carts, requisitions and orders by heading, title part or path segment', () => {
    expect(
      page('/cart-table.html', { title: 'Shopping cart — Office Supply Co.', h1: 'Your cart' }),
    ).toBe('cart');
    expect(page('/x', { h1: 'Purchase requisition REQ-2211' })).toBe('requisition');
    expect(page('/x', { h1: 'Purchase order PO-4471' })).toBe('order');
    expect(page('/x', { title: 'Shopping bag | Fashion Co.' })).toBe('cart');
    expect(page('/checkout')).toBe('order');
    expect(page('/procurement/requisitions/REQ-2291.html')).toBe('requisition');
    expect(page('/account/orders/12345')).toBe('order');
    expect(page('/po-4471')).toBe('order');
    expect(page('/shopping-basket')).toBe('cart');
  });

  test('a product whose name holds "bag" or "order" is not a cart or an order', () => {
    expect(
      page('/products/leather-laptop-bag', {
        title: 'Leather laptop bag | Bags — Tote Co.',
        h1: 'Leather laptop bag',
      }),
    ).toBeUndefined();
    expect(
      page('/p/42', { title: 'Mail-order catalogue', h1: 'Mail-order catalogue, spring edition' }),
    ).toBeUndefined();
    expect(page('/p/43', { h1: 'Made to order oak desk' })).toBeUndefined();
    expect(
      page('/tools/drill', {
        title: 'Cordless drill — Tool Depot',
        h1: 'Cordless power drill 18V',
      }),
    ).toBeUndefined();
  });

  test('a malformed %-escape in the path neither throws nor hides the heading', () => {
    expect(() => page('/cart/%E0%A4%A')).not.toThrow();
    expect(page('/cart/%E0%A4%A')).toBe('cart');
    expect(page('/items/100%', { h1: 'Your basket' })).toBe('cart');
  });
});
