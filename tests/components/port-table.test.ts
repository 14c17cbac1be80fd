import { describe, expect, test } from 'vitest';
import PortTable from '../../src/components/lesson/PortTable.astro';
import { renderToDom, text } from './render.ts';

const clean = (s: string) => s.replace(/\s*source \[\d+\]/g, '').trim();

describe('PortTable', () => {
  // Issue 9, correction 2 (changed on purpose): one STARTTLS mode, and a second line saying whether logins wait
  // for TLS: opportunistic on relay (RFC 3207 §4), the server's configuration elsewhere (RFC 8314 §4.1).
  test('shows every port with its security mode and, on STARTTLS ports, who decides about TLS before login', async () => {
    const doc = await renderToDom(PortTable);
    const security = Object.fromEntries(
      [...doc.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th')), clean(text(tr.querySelector('[data-col="security"]')))]),
    );
    const opportunistic = 'STARTTLS; Opportunistic: a public MX must not require TLS';
    const configuration = 'STARTTLS; Login before TLS: refused by a well-configured server';
    expect(security).toEqual({
      '25': opportunistic,
      '587': configuration,
      '465': 'Implicit TLS',
      '2525': configuration,
      '110': configuration,
      '995': 'Implicit TLS',
      '143': configuration,
      '993': 'Implicit TLS',
      '80': 'Plaintext',
      '443': 'HTTPS',
    });
    expect(doc.querySelector('tr[data-port="587"] [data-col="security"]')?.getAttribute('data-tls-before-login')).toBe('configuration');
    expect(doc.querySelector('tr[data-port="465"] [data-col="security"]')?.hasAttribute('data-tls-before-login')).toBe(false);
  });

  test('cites the login policy’s own sources in the security cell', async () => {
    const doc = await renderToDom(PortTable, { ports: [110] });
    const refs = [...doc.querySelectorAll('tr[data-port="110"] [data-col="security"] sup a')].map((a) => a.getAttribute('href'));
    const labels = refs.map((href) => text(doc.querySelector(`${href} a`)));
    expect(labels).toEqual(expect.arrayContaining(['RFC 2595 §4', 'RFC 2595 §2.3', 'RFC 3501 §6.2.3', 'RFC 8314 §4.1']));
  });

  test('names no governing RFC for 2525, a vendor convention (issue 9, correction 8)', async () => {
    const doc = await renderToDom(PortTable);
    expect(text(doc.querySelector('tr[data-port="2525"] [data-col="rfcs"]'))).toBe('None: a vendor convention');
    expect(doc.querySelector('tr[data-port="2525"] [data-col="rfcs"] a')).toBeNull();
  });

  test('gives every cell but the port and its RFC links a numbered source', async () => {
    const doc = await renderToDom(PortTable);
    for (const td of doc.querySelectorAll('tbody td:not([data-col="rfcs"])')) {
      expect(td.querySelector('sup a[href^="#ports-source-"]'), text(td)).not.toBeNull();
    }
    for (const td of doc.querySelectorAll('tbody td[data-col="rfcs"]')) {
      if (text(td) === 'None: a vendor convention') continue;
      expect(td.querySelector('a[href^="https://www.rfc-editor.org/rfc/rfc"]')).not.toBeNull();
    }
  });

  test('says 2525 is not a mail service at IANA', async () => {
    const doc = await renderToDom(PortTable);
    expect(clean(text(doc.querySelector('tr[data-port="2525"] [data-col="iana"]')))).toBe('ms-v-worlds (not a mail service)');
  });

  test('filters by protocol and hides misconceptions on request', async () => {
    const doc = await renderToDom(PortTable, { protocols: ['pop3'], misconceptions: false, id: 'pop' });
    expect([...doc.querySelectorAll('tbody th')].map(text)).toEqual(['110', '995']);
    expect(doc.querySelector('[data-col="misconception"]')).toBeNull();
    expect(doc.querySelector('#pop-caption')).not.toBeNull();
  });

  // Issue 11, point 8: the phone's cards label each cell with its column's name, read from the same list as the headers.
  test('labels every cell with the name of its column, and keeps table roles for any layout', async () => {
    const doc = await renderToDom(PortTable);
    const heads = [...doc.querySelectorAll('thead th')].map(text);
    expect(heads).toEqual(['Port', 'Used by', 'Role', 'IANA service name', 'Security', 'Governing RFCs', 'Common misconception']);
    for (const tr of doc.querySelectorAll('tbody tr')) {
      expect([...tr.children].map((cell) => cell.getAttribute('data-label'))).toEqual(heads);
      expect([...tr.children].map((cell) => cell.getAttribute('role'))).toEqual(['rowheader', ...heads.slice(1).map(() => 'cell')]);
    }
    expect(doc.querySelector('table')?.getAttribute('role')).toBe('table');
    expect([...doc.querySelectorAll('thead th')].every((th) => th.getAttribute('role') === 'columnheader')).toBe(true);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  test('fails the build for a port it has no facts for', async () => {
    await expect(renderToDom(PortTable, { ports: [25, 26] })).rejects.toThrow('<PortTable> has no facts for port 26');
  });
});
