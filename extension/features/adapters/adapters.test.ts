import { afterEach, describe, expect, test } from 'vitest';
import { loadFixture } from '../../test/unit/load-fixture';
import type { ScanResult, SiteAdapter } from '../line-items/line-item';
import { ariaGridAdapter } from './aria-grid';
import { setUserCurrency } from './currency-context';
import { htmlTableAdapter } from './html-table';
import { schemaOrgJsonLdAdapter } from './schema-org-json-ld';
import { schemaOrgMicrodataAdapter } from './schema-org-microdata';

function scan(adapter: SiteAdapter, fixture: string): ScanResult {
  const page = loadFixture(fixture);
  return adapter.find(page.document, page);
}

const fieldsOf = (result: ScanResult) => result.lines.map((line) => line.fields);

afterEach(() => setUserCurrency(undefined));

describe('html-table adapter', () => {
  test('reads a cart: description, supplier, quantity, unit price, total, and the order total', () => {
    const result = scan(htmlTableAdapter, 'cart-table.html');
    expect(fieldsOf(result)).toEqual([
      { description: 'Recycled copy paper, A4, 80 g/m², 5 reams', amount: 180, currency: 'USD', quantity: 4, unitPrice: 45, supplier: 'Office Supply Co.' },
      { description: 'Laptop computer 14-inch', amount: 1234.56, currency: 'USD', quantity: 1, unitPrice: 1234.56, supplier: 'Office Supply Co.' },
      { description: 'Toner cartridge, black', amount: 160, currency: 'USD', quantity: 2, unitPrice: 80, supplier: 'Office Supply Co.' },
      { description: 'Misc. item XZ-44', amount: 10, currency: 'USD', quantity: 1, unitPrice: 10, supplier: 'Office Supply Co.' },
    ]);
    expect(result.lines[0]!.anchor.textContent).toBe('$180.00');
    expect(result.totals).toHaveLength(1);
    expect(result.totals[0]!.anchor.id).toBe('order-total');
  });

  test('European formats, an item-number column, and the locale currency for a bare number', () => {
    const result = scan(htmlTableAdapter, 'requisition-eu.html');
    expect(fieldsOf(result)).toEqual([
      { description: 'Steel bolts M8, galvanised', amount: 1234.56, currency: 'EUR', quantity: 500 },
      { description: 'Office cleaning services, March', amount: 2400, currency: 'EUR', quantity: 1 },
      { description: 'Electricity, March', amount: 980, currency: 'EUR', quantity: 1 },
    ]);
  });

  test('an Irish page writes euros with a decimal point: "€1,234" is 1,234 euros, "2,400" 2,400', () => {
    expect(fieldsOf(scan(htmlTableAdapter, 'invoice-ireland.html'))).toEqual([
      { description: 'Height-adjustable desks', amount: 1234, currency: 'EUR', quantity: 1000, unitPrice: 1.234 },
      { description: 'Carpet tiles, installed', amount: 2400, currency: 'EUR', quantity: 1, unitPrice: 2400 },
    ]);
  });

  test('yen without decimals; price with quantity and no total is a unit price', () => {
    expect(fieldsOf(scan(htmlTableAdapter, 'invoice-yen.html'))).toEqual([
      { description: 'Green tea, 100 bags', amount: 14400, currency: 'JPY', quantity: 12, unitPrice: 1200 },
      { description: 'Packaging tape', amount: 1350, currency: 'JPY', quantity: 3, unitPrice: 450 },
    ]);
  });

  test('the user currency fills in when neither line, page nor locale names one', () => {
    setUserCurrency('CHF');
    const page = loadFixture('requisition-eu.html');
    document.documentElement.lang = 'de';
    const result = htmlTableAdapter.find(page.document, page);
    expect(result.lines[2]!.fields.currency).toBe('CHF');
    expect(result.lines[0]!.fields.currency).toBe('EUR');
  });

  test('finds nothing in layout tables, prose or div layouts', () => {
    expect(scan(htmlTableAdapter, 'article-unadapted.html').lines).toEqual([]);
    expect(scan(htmlTableAdapter, 'div-cart-unadapted.html').lines).toEqual([]);
  });

  test('reads a single added row using the header of its table', () => {
    const page = loadFixture('cart-table.html');
    const row = document.createElement('tr');
    row.innerHTML = '<td>Roasted coffee beans, 1 kg</td><td>Bean Roasters</td><td>3</td><td>$20.00</td><td>$60.00</td>';
    document.querySelector('#cart tbody')!.appendChild(row);
    expect(fieldsOf(htmlTableAdapter.find(row, page))).toEqual([
      { description: 'Roasted coffee beans, 1 kg', amount: 60, currency: 'USD', quantity: 3, unitPrice: 20, supplier: 'Bean Roasters' },
    ]);
  });
});

describe('aria-grid adapter', () => {
  test('reads role=grid rows by their column headers', () => {
    const result = scan(ariaGridAdapter, 'purchase-order-grid.html');
    expect(fieldsOf(result)).toEqual([
      { description: 'Office chairs, ergonomic', amount: 1250, currency: 'GBP', quantity: 10, unitPrice: 125, supplier: 'Seating Ltd' },
    ]);
  });

  test('honours aria-colindex in virtualised grids', () => {
    const page = loadFixture('plain.html');
    document.body.innerHTML = `
      <div role="table">
        <div role="row"><span role="columnheader" aria-colindex="1">Description</span><span role="columnheader" aria-colindex="3">Amount</span></div>
        <div role="row"><span role="cell" aria-colindex="3">USD 12.00</span><span role="cell" aria-colindex="1">Printer paper</span></div>
      </div>`;
    expect(fieldsOf(ariaGridAdapter.find(document, page))).toEqual([{ description: 'Printer paper', amount: 12, currency: 'USD' }]);
  });

  test('leaves native tables to the html-table adapter', () => {
    expect(scan(ariaGridAdapter, 'cart-table.html').lines).toEqual([]);
  });
});

describe('schema.org adapters', () => {
  test('JSON-LD Product/Offer in a @graph, anchored on the visible price; malformed blocks ignored', () => {
    const result = scan(schemaOrgJsonLdAdapter, 'product-json-ld.html');
    expect(fieldsOf(result)).toEqual([
      { description: 'Cordless power drill 18V (Power tools)', amount: 249, currency: 'USD', supplier: 'Tool Depot' },
    ]);
    expect(result.lines[0]!.anchor.className).toBe('product-price');
  });

  test('JSON-LD products at the same price each get the price shown beside their own name', () => {
    const page = loadFixture('plain.html');
    const product = (name: string) => ({ '@type': 'Product', name, offers: { '@type': 'Offer', price: '49.00', priceCurrency: 'USD' } });
    document.body.innerHTML = `
      <script type="application/ld+json">${JSON.stringify({ '@graph': [product('Desk lamp'), product('Floor lamp')] })}</script>
      <ul>
        <li id="floor"><h2>Floor lamp</h2><span class="price">$49.00</span></li>
        <li id="desk"><h2>Desk lamp</h2><span class="price">$49.00</span></li>
      </ul>`;
    const result = schemaOrgJsonLdAdapter.find(document, page);
    expect(result.lines.map((line) => [line.fields.description, line.anchor.parentElement!.id])).toEqual([
      ['Desk lamp', 'desk'],
      ['Floor lamp', 'floor'],
    ]);

    for (const heading of Array.from(document.querySelectorAll('h2'))) heading.remove();
    const anchors = schemaOrgJsonLdAdapter.find(document, page).lines.map((line) => line.anchor);
    expect(anchors).toHaveLength(2);
    expect(anchors[0]).not.toBe(anchors[1]);
  });

  test('microdata products with Offer and AggregateOffer', () => {
    const result = scan(schemaOrgMicrodataAdapter, 'product-microdata.html');
    expect(fieldsOf(result)).toEqual([
      { description: 'Office chair, steel frame', amount: 180, currency: 'GBP', supplier: 'Seating Ltd' },
      { description: 'Office chair, wooden frame', amount: 200, currency: 'GBP' },
      { description: 'Office chair, plastic shell', amount: 100, currency: 'GBP' },
    ]);
    expect(result.lines[0]!.anchor.getAttribute('itemprop')).toBe('price');
  });
});
