/** The server side of STARTTLS/STLS on a real socket: TLS takes over the connected plain socket in place. */
import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';

/** What the connection hears about the upgrade. */
export interface UpgradeHandlers {
  /** The handshake finished: read and write through `secure` from now on. */
  secure(secure: TLSSocket): void;
  /** The handshake or, later, the TLS connection failed. */
  failed(error: Error, duringHandshake: boolean): void;
  /** The TLS connection closed. */
  closed(): void;
}

/**
 * Starts a server-side TLS handshake on `raw`. Call it only after the STARTTLS reply has been written, and with
 * `raw` paused and no 'data' listener: bytes the client sent early go to the TLS layer, never to the protocol.
 */
export function upgradeToTls(raw: Socket, secureContext: SecureContext, on: UpgradeHandlers): TLSSocket {
  let handshaking = true;
  const secure = new TLSSocket(raw, { isServer: true, secureContext });
  secure.on('error', (error) => on.failed(error, handshaking));
  secure.on('close', () => on.closed());
  secure.once('secure', () => {
    handshaking = false;
    on.secure(secure);
  });
  return secure;
}

/** How a TLS connection was made, for the transcript: "TLSv1.3, TLS_AES_256_GCM_SHA384, STARTTLS". */
export function describeTls(socket: Socket, how: string): string {
  const tls = socket instanceof TLSSocket ? socket : undefined;
  return [tls?.getProtocol() ?? 'TLS', tls?.getCipher()?.name, how].filter(Boolean).join(', ');
}
