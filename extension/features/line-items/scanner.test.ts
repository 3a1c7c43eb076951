import { describe, expect, test, vi } from 'vitest';
import { loadFixture } from '../../test/unit/load-fixture';
import { siteAdapters } from '../adapters';
import { HOST_ATTRIBUTE } from './host-marker';
import type { ScanResult } from './line-item';
import { watchLineItems } from './scanner';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchLineItems', () => {
  test('scans once, then hands only added rows to the adapters, and stops on abort', async () => {
    const page = loadFixture('cart-table.html');
    const scans: ScanResult[] = [];
    const controller = new AbortController();
    const findSpy = vi.spyOn(siteAdapters[2]!, 'find');
    const onRemoval = vi.fn();
    watchLineItems({ page, adapters: siteAdapters, signal: controller.signal, onScan: (result) => scans.push(result), onRemoval });
    expect(scans).toHaveLength(1);
    expect(scans[0]!.lines).toHaveLength(4);
    expect(scans[0]!.totals).toHaveLength(1);

    const tbody = document.querySelector('#cart tbody')!;
    const row = document.createElement('tr');
    row.innerHTML = '<td>Roasted coffee beans</td><td>Bean Roasters</td><td>3</td><td>$20.00</td><td>$60.00</td>';
    tbody.appendChild(row);
    // Our own inserted elements never trigger a scan.
    const host = document.createElement('span');
    host.setAttribute(HOST_ATTRIBUTE, '');
    tbody.querySelector('td')!.appendChild(host);
    await flush();
    expect(scans).toHaveLength(2);
    expect(scans[1]!.lines.map((line) => line.fields.description)).toEqual(['Roasted coffee beans']);
    expect(findSpy).toHaveBeenLastCalledWith(row, page);

    // A removed row says so (the page's total changes); removing our own element does not.
    host.remove();
    await flush();
    expect(onRemoval).not.toHaveBeenCalled();
    row.remove();
    await flush();
    expect(onRemoval).toHaveBeenCalledOnce();
    expect(scans).toHaveLength(2);
    tbody.appendChild(row);

    controller.abort();
    tbody.appendChild(row.cloneNode(true));
    await flush();
    expect(scans).toHaveLength(2);
  });

  test('the same element is never reported twice by two adapters', () => {
    const page = loadFixture('plain.html');
    document.body.innerHTML = `<table role="grid"><tr><th role="columnheader">Item</th><th role="columnheader">Price</th></tr>
      <tr role="row"><td role="gridcell">Paper</td><td role="gridcell">$5.00</td></tr></table>`;
    const scans: ScanResult[] = [];
    watchLineItems({ page, adapters: siteAdapters, signal: new AbortController().signal, onScan: (r) => scans.push(r), onRemoval: () => undefined });
    expect(scans[0]!.lines).toHaveLength(1);
  });
});
