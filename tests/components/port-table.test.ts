import { describe, expect, test } from 'vitest';
import PortTable from '../../src/components/lesson/PortTable.astro';
import { renderToDom, text } from './render.ts';

const clean = (s: string) => s.replace(/\s*source \[\d+\]/g, '').trim();

describe('PortTable', () => {
  test('shows every port with its security mode, as §1.1 of the reference sheet gives it', async () => {
    const doc = await renderToDom(PortTable);
    const security = Object.fromEntries(
      [...doc.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th')), clean(text(tr.querySelector('[data-col="security"]')))]),
    );
    expect(security).toEqual({
      '25': 'STARTTLS, opportunistic',
      '587': 'STARTTLS, required',
      '465': 'Implicit TLS',
      '2525': 'STARTTLS, opportunistic',
      '110': 'STARTTLS, required',
      '995': 'Implicit TLS',
      '143': 'STARTTLS, required',
      '993': 'Implicit TLS',
      '80': 'Plaintext',
      '443': 'HTTPS',
    });
  });

  test('gives every cell but the port and its RFC links a numbered source', async () => {
    const doc = await renderToDom(PortTable);
    for (const td of doc.querySelectorAll('tbody td:not([data-col="rfcs"])')) {
      expect(td.querySelector('sup a[href^="#ports-source-"]'), text(td)).not.toBeNull();
    }
    for (const td of doc.querySelectorAll('tbody td[data-col="rfcs"]')) {
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

  test('fails the build for a port it has no facts for', async () => {
    await expect(renderToDom(PortTable, { ports: [25, 26] })).rejects.toThrow('<PortTable> has no facts for port 26');
  });
});
