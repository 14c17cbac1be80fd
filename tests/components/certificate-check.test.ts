/** The build-time TLS check behind <CertificateCheck />: real handshakes on 127.0.0.1, real codes from Node. */
import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { runCertificateCheck, WRONG_NAME, type CertificateCheckReport } from '../../src/components/lesson/certificate-check.ts';
import { renderToDom, text } from './render.ts';

// Key generation and three handshakes on a shared, busy machine: a generous limit, never a timing check.
const SLOW = { timeout: 120_000 };

const network = () => process.getActiveResourcesInfo().filter((r) => /^(?:TCPServerWrap|TCPSocketWrap|TLSWrap)$/.test(r)).sort();

/**
 * The process's TCP servers and sockets once closed handles are gone: a closed handle leaves the list only in a
 * later turn of the event loop, so this waits up to 20 turns (a count, never a time) for the list to match `expected`.
 */
async function networkHandles(expected?: string[]): Promise<string[]> {
  for (let turn = 0; turn < 20; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (expected === undefined || JSON.stringify(network()) === JSON.stringify(expected)) break;
  }
  return network();
}

describe('runCertificateCheck', () => {
  let report: CertificateCheckReport;

  test('refuses the self-signed certificate when verifying normally', SLOW, async () => {
    report = await runCertificateCheck();
    expect(report.selfSigned).toMatchObject({ servername: 'mail.example.test', trusted: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(report.selfSigned.message).toMatch(/^self-signed certificate/);
  });

  test('refuses the trusted certificate under another name, naming the host and the certificate\'s names', () => {
    expect(report.wrongName).toMatchObject({ servername: WRONG_NAME, trusted: true, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(report.wrongName.message).toBe(`Hostname/IP does not match certificate's altnames: Host: ${WRONG_NAME}. is not in the cert's altnames: ${report.certificate.names}`);
  });

  test('accepts the trusted certificate under its own name', () => {
    expect(report.rightName).toEqual({ servername: 'mail.example.test', trusted: true, code: undefined, message: undefined });
  });

  test('describes the certificate it served: self-issued, for mail.example.test, with a SHA-256 fingerprint', () => {
    const { subject, issuer, names, fingerprint256 } = report.certificate;
    expect(subject.split('\n')).toContain('CN=mail.example.test');
    expect(issuer).toBe(subject);
    expect(names).toMatch(/^DNS:mail\.example\.test(, |$)/);
    expect(fingerprint256).toMatch(/^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(report.openssl).toMatch(/^\d+\.\d+/);
  });

  test('leaves no server or socket open', SLOW, async () => {
    const before = await networkHandles();
    await runCertificateCheck();
    expect(await networkHandles(before)).toEqual(before);
  });

  test('rejects with a clear message when a handshake takes longer than allowed, and still closes everything', SLOW, async () => {
    const before = await networkHandles();
    await expect(runCertificateCheck(0)).rejects.toThrow(/^the TLS handshake as mail\.example\.test took longer than 0 s$/);
    expect(await networkHandles(before)).toEqual(before);
  });
});

describe('CertificateCheck', () => {
  afterEach(() => {
    vi.doUnmock('../../src/components/lesson/certificate-check.ts');
    vi.resetModules();
  });

  test('renders both refusals as the TLS library said them, and the certificate', SLOW, async () => {
    const { default: CertificateCheck } = await import('../../src/components/lesson/CertificateCheck.astro');
    const doc = await renderToDom(CertificateCheck);
    const root = doc.querySelector('[data-certificate-check]');
    expect(root).not.toBeNull();
    const selfSigned = text(root!.querySelector('[data-outcome="self-signed"] pre'));
    expect(selfSigned).toMatch(/^code: DEPTH_ZERO_SELF_SIGNED_CERT message: self-signed certificate/);
    expect(text(root!.querySelector('[data-outcome="wrong-name"] pre'))).toMatch(/^code: ERR_TLS_CERT_ALTNAME_INVALID message: Hostname\/IP does not match certificate's altnames: Host: imap\.example\.net\./);
    expect(text(root!.querySelector('[data-outcome="self-signed"] figcaption'))).toBe("What the client's TLS library said");
    const fingerprint = text(root!.querySelector('.mw-cert-fingerprint'));
    expect(fingerprint).toMatch(/^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(text(root!.querySelector('.mw-cert-note'))).toContain('certificate warning');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  test('escapes what the library said', async () => {
    const fake: CertificateCheckReport = {
      certificate: { subject: 'CN=<b>x</b>', issuer: 'CN=<b>x</b>', names: 'DNS:x', fingerprint256: 'AA', validFrom: 'a', validTo: 'b' },
      selfSigned: { servername: 'mail.example.test', trusted: false, code: 'X', message: '<script>alert(1)</script> & more' },
      wrongName: { servername: WRONG_NAME, trusted: true, code: 'Y', message: 'y' },
      rightName: { servername: 'mail.example.test', trusted: true, code: undefined, message: undefined },
      openssl: '3',
    };
    vi.doMock('../../src/components/lesson/certificate-check.ts', () => ({ certificateCheck: async () => fake }));
    const { default: CertificateCheck } = await import('../../src/components/lesson/CertificateCheck.astro');
    const doc = await renderToDom(CertificateCheck);
    expect(doc.querySelectorAll('script, b')).toHaveLength(0);
    expect(text(doc.querySelector('[data-outcome="self-signed"] pre'))).toBe('code: X message: <script>alert(1)</script> & more');
  });

  test('fails the build when a connection the lesson calls refused was accepted', async () => {
    const accepted = { servername: 'mail.example.test', trusted: false, code: undefined, message: undefined };
    vi.doMock('../../src/components/lesson/certificate-check.ts', () => ({
      certificateCheck: async () => ({ certificate: {}, selfSigned: accepted, wrongName: accepted, rightName: accepted, openssl: '3' }),
    }));
    const { default: CertificateCheck } = await import('../../src/components/lesson/CertificateCheck.astro');
    await expect(renderToDom(CertificateCheck)).rejects.toThrow(/<CertificateCheck>: the self-signed connection was accepted/);
  });
});
