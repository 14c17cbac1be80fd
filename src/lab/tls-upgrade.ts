/**
 * The server side of TLS on a connected plain socket: after STARTTLS/STLS, and from the first byte on the
 * implicit-TLS ports (465, 993, 995), so both get the same deadline and the same clean-up. A handshake that
 * does not finish within the deadline, or a client that leaves before it finishes (a port check connects and
 * closes at once), closes the socket: nothing is left half-open.
 */
import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';

/** What the connection hears about the handshake. */
export interface UpgradeHandlers {
  /** The handshake finished: read and write through `secure` from now on. */
  secure(secure: TLSSocket): void;
  /**
   * The handshake failed, ran out of time, or the client left first; the socket is being closed, unless this
   * returns true: then the handler has taken `raw` over (to answer a plaintext request in plaintext) and closes it.
   */
  failed(reason: string, code?: string): boolean | void;
  /** After the handshake: the TLS connection failed. */
  error(error: Error): void;
  /** The socket closed (after the handshake, or after `failed`). */
  closed(): void;
}

/**
 * Starts a server-side TLS handshake on `raw`. Call it with `raw` paused and no 'data' listener (after
 * STARTTLS, once the reply has been written): bytes the client sent early go to the TLS layer, never to the
 * protocol (RFC 3207 §4.2).
 */
export function upgradeToTls(raw: Socket, secureContext: SecureContext, deadlineMs: number, on: UpgradeHandlers): TLSSocket {
  let handshaking = true;
  const secure = new TLSSocket(raw, { isServer: true, secureContext });
  const fail = (reason: string, code?: string): void => {
    if (!handshaking) return;
    handshaking = false;
    clearTimeout(timer);
    if (on.failed(reason, code) !== true) secure.destroy();
  };
  const timer = setTimeout(() => fail(`TLS handshake not finished within ${deadlineMs / 1000} s`), deadlineMs);
  secure.on('error', (error: NodeJS.ErrnoException) => (handshaking ? fail(`TLS handshake failed: ${error.message}`, error.code) : on.error(error)));
  // Before the handshake the TLS socket, not the raw one, sees the client's FIN.
  secure.on('end', () => fail('client closed before the TLS handshake finished'));
  secure.on('close', () => {
    fail('connection closed during the TLS handshake');
    on.closed();
  });
  secure.once('secure', () => {
    if (!handshaking) return;
    handshaking = false;
    clearTimeout(timer);
    on.secure(secure);
  });
  return secure;
}

/** How a TLS connection was made, for the transcript: "TLSv1.3, TLS_AES_256_GCM_SHA384, STARTTLS". */
export function describeTls(socket: Socket, how: string): string {
  const tls = socket instanceof TLSSocket ? socket : undefined;
  return [tls?.getProtocol() ?? 'TLS', tls?.getCipher()?.name, how].filter(Boolean).join(', ');
}
