/**
 * A real TLS check at build time, for the certificate warning in the troubleshooting lesson: the lab's
 * self-signed certificate for mail.example.test serves a TLS server on 127.0.0.1 (a port the system picks), and
 * Node's TLS client connects to it three times. What the client reports is recorded exactly, never typed:
 * verifying normally (the certificate signed itself), trusting the certificate but asking for another name, and
 * trusting it under its own name (the handshake succeeds). Everything is closed before the result is returned.
 */
import { X509Certificate } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { connect, createServer, type ConnectionOptions } from 'node:tls';
import { makeCertificate } from '../../lab/cert.ts';
import { SERVER_HOST } from '../../protocols/shared/world.ts';

/** What the TLS client reported for one connection. */
export interface HandshakeOutcome {
  /** The name the client asked for (SNI, and the name it checks the certificate against). */
  servername: string;
  /** Whether the client trusted this certificate as a certificate authority of its own. */
  trusted: boolean;
  /** Node's error code, exactly as reported; undefined when the handshake succeeded. */
  code: string | undefined;
  /** Node's error message, exactly as reported; undefined when the handshake succeeded. */
  message: string | undefined;
}

/** The certificate the server showed, as a client (or a certificate dialog) reads it. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  /** The subjectAltName list: the names the certificate is valid for. */
  names: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
  validFrom: string;
  validTo: string;
}

/** Everything the check found. */
export interface CertificateCheckReport {
  certificate: CertificateFacts;
  /** Verified normally, by its own name: nobody the client trusts signed it. */
  selfSigned: HandshakeOutcome;
  /** Trusted, but asked for under another name. */
  wrongName: HandshakeOutcome;
  /** Trusted and asked for under its own name: the handshake succeeds. */
  rightName: HandshakeOutcome;
  /** The OpenSSL version under Node's TLS. */
  openssl: string;
}

/** The other name the client asks for in the second check. */
export const WRONG_NAME = 'imap.example.net';

/** How long one handshake may take before the check gives up: generous, so a slow, busy machine never fails a build. */
export const HANDSHAKE_TIMEOUT_MS = 60_000;

/** Destroys a socket and waits until it has closed. */
function closed(socket: Socket): Promise<void> {
  if (socket.closed) return Promise.resolve();
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.destroy();
  });
}

/** One client connection; resolves with what the client reported, never rejects for a TLS error. */
function handshake(port: number, servername: string, ca: string | undefined, timeoutMs: number): Promise<HandshakeOutcome> {
  return new Promise((resolve, reject) => {
    const options: ConnectionOptions = { host: '127.0.0.1', port, servername, rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(ca ? { ca: [ca] } : {}) };
    const socket = connect(options);
    let settled = false;
    // Settles once the socket has really closed, so no connection outlives the check.
    const finish = (outcome: { code?: string | undefined; message?: string | undefined } | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      closed(socket).then(() => {
        if (outcome instanceof Error) reject(outcome);
        else resolve({ servername, trusted: ca !== undefined, code: outcome.code, message: outcome.message });
      }, reject);
    };
    const timer = setTimeout(() => finish(new Error(`the TLS handshake as ${servername} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('secureConnect', () => finish({}));
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ code: error.code, message: error.message }));
  });
}

/** Runs the three connections against a fresh certificate and server, and closes everything. */
export async function runCertificateCheck(timeoutMs: number = HANDSHAKE_TIMEOUT_MS): Promise<CertificateCheckReport> {
  const cert = await makeCertificate();
  const sockets = new Set<Socket>();
  const server = createServer({ key: cert.key, cert: cert.cert, minVersion: 'TLSv1.2' });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The refused handshakes end with the client hanging up: expected, and nothing to report from this side.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  try {
    const { port } = server.address() as AddressInfo;
    const selfSigned = await handshake(port, SERVER_HOST, undefined, timeoutMs);
    const wrongName = await handshake(port, WRONG_NAME, cert.cert, timeoutMs);
    const rightName = await handshake(port, SERVER_HOST, cert.cert, timeoutMs);
    const x509 = new X509Certificate(cert.cert);
    return {
      certificate: {
        subject: x509.subject,
        issuer: x509.issuer,
        names: x509.subjectAltName ?? '',
        fingerprint256: x509.fingerprint256,
        validFrom: x509.validFrom,
        validTo: x509.validTo,
      },
      selfSigned, wrongName, rightName,
      openssl: process.versions.openssl ?? 'unknown',
    };
  } finally {
    const closing = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([...sockets].map(closed));
    await closing;
  }
}

let pending: Promise<CertificateCheckReport> | undefined;

/** The check, run once per build however many pages show it. */
export function certificateCheck(): Promise<CertificateCheckReport> {
  pending ??= runCertificateCheck();
  return pending;
}
