/**
 * The lab's TLS identity: a fresh self-signed certificate for the simulated host, made at start with the
 * `selfsigned` package (Web Crypto underneath), so no key ever lands on disk or in the repository.
 */
import { X509Certificate } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import { generate } from 'selfsigned';
import { IDENTITY_HOSTS, ONLINE_HOSTS, SERVER_SE_HOSTS } from '../protocols/exchange/cloud.ts';
import { SERVER_HOST } from '../protocols/shared/world.ts';

/** A certificate and the TLS context every listener shares. */
export interface LabCertificate {
  /** PEM certificate. */
  cert: string;
  /** PEM private key. */
  key: string;
  /** SHA-256 fingerprint, as mail clients show it when they ask to accept the certificate. */
  fingerprint: string;
  /** Server-side TLS context: TLS 1.2 at least (RFC 8314 §4.1). */
  secureContext: SecureContext;
}

/**
 * The names the certificate covers: the simulated mail host, the Microsoft services' hosts (Exchange Server SE's
 * Autodiscover name, Exchange Online and Graph, the identity platform and its device-code page), and the loopback
 * names students type.
 */
export const CERT_NAMES = {
  dns: [...new Set([SERVER_HOST, ...SERVER_SE_HOSTS, ...ONLINE_HOSTS, ...IDENTITY_HOSTS, 'localhost'])],
  ip: ['127.0.0.1', '::1'],
} as const;

/** Makes a new self-signed certificate for the names in CERT_NAMES, valid for 30 days. */
export async function makeCertificate(): Promise<LabCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 30 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: SERVER_HOST }, { name: 'organizationName', value: 'Mailwire lab' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...CERT_NAMES.dns.map((value) => ({ type: 2 as const, value })), ...CERT_NAMES.ip.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  const secureContext = createSecureContext({ key: pems.private, cert: pems.cert, minVersion: 'TLSv1.2' });
  const fingerprint = new X509Certificate(pems.cert).fingerprint256;
  return { cert: pems.cert, key: pems.private, fingerprint, secureContext };
}
