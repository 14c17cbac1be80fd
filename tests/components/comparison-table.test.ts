import { describe, expect, test } from 'vitest';
import ComparisonTable from '../../src/components/lesson/ComparisonTable.astro';
import { renderToDom, text } from './render.ts';

describe('ComparisonTable', () => {
  test('renders a captioned table with scoped column and row headers', async () => {
    const doc = await renderToDom(ComparisonTable);
    const table = doc.querySelector('table')!;
    expect(text(table.querySelector('caption'))).toBe('How the mail protocols compare');
    const cols = [...table.querySelectorAll('thead th[scope="col"]')].map((th) => text(th).replace(/\s*source.*$/, ''));
    expect(cols).toEqual(['SMTP relay', 'SMTP submission', 'POP3', 'IMAP', 'Exchange', 'JMAP']);
    const rows = [...table.querySelectorAll('tbody th[scope="row"]')].map(text);
    expect(rows).toEqual([
      'Purpose', 'Where mail lives', 'Mail stays on server', 'Several devices', 'Folders on server',
      'Read and flag state synced', 'Server-side search', 'Push of new mail', 'Offline use', 'Default ports', 'Best for',
    ]);
  });

  test('puts the table in a focusable region named by its caption', async () => {
    const doc = await renderToDom(ComparisonTable);
    const region = doc.querySelector('[role="region"]')!;
    expect(region.getAttribute('tabindex')).toBe('0');
    const caption = doc.getElementById(region.getAttribute('aria-labelledby')!);
    expect(caption?.tagName).toBe('CAPTION');
  });

  test('links every cell to a numbered source that exists in the list below', async () => {
    const doc = await renderToDom(ComparisonTable);
    const cells = [...doc.querySelectorAll('tbody td')];
    expect(cells).toHaveLength(66);
    for (const cell of cells) {
      const links = [...cell.querySelectorAll('a[href^="#"]')];
      expect(links.length, text(cell)).toBeGreaterThan(0);
      for (const a of links) {
        const target = doc.getElementById(a.getAttribute('href')!.slice(1));
        expect(target?.tagName).toBe('LI');
        expect(target?.querySelector('a[href^="https://"]')).not.toBeNull();
      }
    }
  });

  test('numbers the sources in the order the list shows them', async () => {
    const doc = await renderToDom(ComparisonTable);
    const items = [...doc.querySelectorAll('ol li')];
    expect(items[0]!.id).toBe('compare-source-1');
    expect(items.at(-1)!.id).toBe(`compare-source-${items.length}`);
  });

  test('derives the default ports row from the port facts', async () => {
    const doc = await renderToDom(ComparisonTable);
    const row = doc.querySelector('tr[data-row="defaultPorts"]')!;
    const cell = (id: string) => text(row.querySelector(`td[data-protocol="${id}"]`)).replace(/\s*source.*$/, '');
    expect(cell('smtp-relay')).toBe('25 (STARTTLS)');
    expect(cell('smtp-submission')).toBe('587 (STARTTLS), 465 (Implicit TLS)');
    expect(cell('pop3')).toBe('110 (STARTTLS), 995 (Implicit TLS)');
    expect(cell('imap')).toBe('143 (STARTTLS), 993 (Implicit TLS)');
  });

  test('shows only the protocols and rows a lesson asks for, in that order', async () => {
    const doc = await renderToDom(ComparisonTable, { protocols: ['imap', 'pop3'], rows: ['push', 'serverFolders'], id: 'mini', caption: 'POP3 or IMAP?' });
    expect([...doc.querySelectorAll('thead th')].map((th) => text(th).replace(/\s*source.*$/, ''))).toEqual(['IMAP', 'POP3']);
    expect([...doc.querySelectorAll('tbody th')].map(text)).toEqual(['Push of new mail', 'Folders on server']);
    expect(doc.querySelector('#mini-caption')?.textContent).toBe('POP3 or IMAP?');
    expect(text(doc.querySelector('td[data-protocol="pop3"]'))).toMatch(/^✗\s*No, the client polls/);
  });

  test('fails the build with a clear message for an unknown protocol or row', async () => {
    await expect(renderToDom(ComparisonTable, { protocols: ['smtp', 'imap'] })).rejects.toThrow(/<ComparisonTable> got invalid props: protocols\.0/);
    await expect(renderToDom(ComparisonTable, { rows: ['colour'] })).rejects.toThrow(/rows\.0/);
  });

  // Issue 11, point 8: on a phone each feature is a card, its cells labelled with the protocol of their column.
  test('labels every cell with its column’s protocol, and keeps table roles for any layout', async () => {
    const doc = await renderToDom(ComparisonTable, { protocols: ['exchange', 'jmap', 'pop3'], id: 'three' });
    const heads = [...doc.querySelectorAll('thead th')].map((th) => th.firstChild?.textContent?.trim());
    expect(heads).toEqual(['Exchange', 'JMAP', 'POP3']);
    for (const tr of doc.querySelectorAll('tbody tr')) {
      expect([...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-label'))).toEqual(heads);
      expect(tr.getAttribute('role')).toBe('row');
      expect(tr.querySelector('th')?.getAttribute('role')).toBe('rowheader');
    }
    expect(doc.querySelector('table')?.getAttribute('role')).toBe('table');
    expect(doc.querySelector('table')?.getAttribute('style')).toBe('--mw-columns: 3');
  });

  test('ships no script', async () => {
    const doc = await renderToDom(ComparisonTable);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});
