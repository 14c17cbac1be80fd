/**
 * The lab's listeners: one TCP server per standard mail port (TLS from the first byte on implicit-TLS ports),
 * all in front of ONE mail world, so mail submitted on 587 is read with POP3 and IMAP. Every accepted socket
 * is counted from its first moment to its last, capped per client address and in total, and closed whatever
 * the client does (leaves before TLS, never starts it, never reads).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { setFallbackDeployment } from '../protocols/exchange/cloud.ts';
import type { ExchangeDeploymentId } from '../protocols/exchange/config.ts';
import { MailWorld } from '../protocols/shared/world.ts';
import { makeCertificate, type LabCertificate } from './cert.ts';
import { COMMAND_TIMEOUT, DEFAULT_HOST, DEFAULT_OFFSET, exchangeOnlinePlan, httpListenerPlan, IDLE_DEFAULTS, listenerPlan, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS, OUTPUT_TIMEOUT, type HttpListenerPlan, type ListenerPlan } from './config.ts';
import { HttpConnection } from './http-connection.ts';
import { httpRefusal, plainHttpOnTls } from './http-listener.ts';
import { httpServer } from '../machines/http-session.ts';
import { personalityFor } from '../machines/session.ts';
import { Admission } from './admission.ts';
import { LabConnection, type ConnectionContext } from './connection.ts';
import { internalErrorReply, refusalReply } from './farewells.ts';
import { MAX_LINE_OCTETS } from './framing.ts';
import { TokenBucket, TRANSCRIPT_LIMITS, type TranscriptLimits } from './session-log.ts';
import { upgradeToTls } from './tls-upgrade.ts';
import { count, formatEvent } from './transcript.ts';

/** How to start the lab. */
export interface LabOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Added to each standard port (default 10000). */
  offset?: number;
  /** Seed of the mail world (ignored when `world` is given). */
  seed?: number;
  /** Idle timeout in seconds for every protocol; default each protocol's RFC minimum. */
  idleTimeout?: number;
  /** Seconds for a command line to complete once begun, and for a TLS handshake (default 60). */
  commandTimeout?: number;
  /** Open connections at most (default 1000). */
  maxConnections?: number;
  /** Open connections at most from one client address (default 100). */
  maxConnectionsPerAddress?: number;
  /** No transcript. */
  quiet?: boolean;
  /** Where transcript lines go (default stdout). */
  log?: (line: string) => void;
  /** How much of each session the transcript shows (defaults in session-log.ts). */
  transcript?: Partial<TranscriptLimits>;
  /** Longest line buffered per connection outside literals, in octets (default 1 MiB). */
  maxLineOctets?: number;
  /** A world to serve instead of a new one. */
  world?: MailWorld;
  /** A certificate to reuse instead of making one. */
  certificate?: LabCertificate;
  /**
   * Do slow commands' work ahead in slices, other clients served between them (default true); false answers every
   * command in one turn, as the browser does (the benchmark and tests compare the two).
   */
  slicing?: boolean;
  /** Also serve the test protocols (hello, HTTP on offset + 8080); off by default, as lessons never show them. */
  testProtocols?: boolean;
  /** The Exchange deployment that answers a host naming none (localhost, an address); default Exchange Server SE. */
  exchange?: ExchangeDeploymentId;
}

/** A running lab. */
export interface Lab {
  /** What listens where. */
  ports: ListenerPlan[];
  /** Exchange Online's IMAP, POP3 and SMTP listeners (offset + 1000 + port). */
  exchangeOnlinePorts: ListenerPlan[];
  /** The HTTP listeners (the test protocols, with `testProtocols`). */
  httpPorts: HttpListenerPlan[];
  /** The one world behind every listener. */
  world: MailWorld;
  certificate: LabCertificate;
  /** Sockets open now, from accept to close: sessions, TLS handshakes under way, refusals being said. */
  readonly connections: number;
  /** Failures inside the lab or a session's internal-error safety net, over every session so far (tests require 0). */
  readonly internalErrors: number;
  /** Stops listening, says goodbye to every session, and resolves once every socket is closed. */
  close(): Promise<void>;
}

/** How long open sessions get to read their farewell before the lab cuts them off. */
const CLOSE_GRACE_MS = 500;
/** How long a refused or failed connection is read and drained after the lab's last word, before it is closed. */
const REFUSAL_LINGER_MS = 2000;
/** How long a refused connection on an implicit-TLS port may take to start TLS and hear its refusal. */
const REFUSAL_HANDSHAKE_MS = 2000;

/** Starts every listener; rejects (with nothing left listening) if a port cannot be bound. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? DEFAULT_HOST;
  const world = options.world ?? new MailWorld({ seed: options.seed });
  const certificate = options.certificate ?? (await makeCertificate());
  if (options.exchange) setFallbackDeployment(world, options.exchange);
  const stdout = (line: string): void => void process.stdout.write(`${line}\n`);
  const log = options.quiet ? undefined : (options.log ?? stdout);
  const commandMs = (options.commandTimeout ?? COMMAND_TIMEOUT) * 1000;
  const transcript = { ...TRANSCRIPT_LIMITS, ...options.transcript };
  const plan = listenerPlan(options.offset ?? DEFAULT_OFFSET);
  const exchangePlan = exchangeOnlinePlan(options.offset ?? DEFAULT_OFFSET);
  const httpPlan = httpListenerPlan(options.offset ?? DEFAULT_OFFSET, options.testProtocols ?? false);
  const connections = new Set<LabConnection | HttpConnection>();
  const admission = new Admission(options.maxConnections ?? MAX_CONNECTIONS, options.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS);
  const servers: Server[] = [];
  let internalErrors = 0;
  // Listener events (refusals, failed handshakes) are rate-limited over the whole lab: a flood prints a few lines.
  const listenerBucket = new TokenBucket(transcript.linesPerSecond, transcript.burstLines);
  let listenerSkipped = 0;
  const listenerLog = (port: number, text: string): void => {
    if (!log) return;
    if (!listenerBucket.take()) return void listenerSkipped++;
    if (listenerSkipped > 0) log(`[${port} --] [… ${count(listenerSkipped)} listener lines skipped: over ${transcript.linesPerSecond} lines/s]`);
    listenerSkipped = 0;
    log(formatEvent(`[${port} --]`, text));
  };
  const failed = (error: unknown): void => {
    internalErrors += 1;
    if (log) log(formatEvent('[lab]', `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };

  /** Says `lines`, each ended by `eol` (inside a new TLS layer when `wrap`) and closes; the client gets at most the command deadline to leave. */
  const sayAndClose = (socket: Socket, lines: string[], wrap: boolean, eol = '\r\n'): void => {
    // Once TLS wraps a socket, closing the TLS socket is what closes both.
    let closer = socket;
    let linger = setTimeout(() => closer.destroy(), commandMs);
    const say = (s: Socket): void => {
      s.on('error', () => s.destroy());
      s.on('data', () => {});
      // A lingering close: what the client still sends is read and dropped for a moment, so the farewell is not
      // lost to a reset, then the socket goes, so refusals do not pile up behind clients that never close.
      s.end(Buffer.from(lines.map((t) => `${t}${eol}`).join(''), 'latin1'), () => {
        clearTimeout(linger);
        linger = setTimeout(() => closer.destroy(), REFUSAL_LINGER_MS);
      });
    };
    // A refusal on an implicit-TLS port needs the client's handshake first; a client that does not start one at
    // once gets no words, so silent connections do not hold the refusals back from others.
    const handshakeMs = Math.min(commandMs, REFUSAL_HANDSHAKE_MS);
    if (wrap) closer = upgradeToTls(socket, certificate.secureContext, handshakeMs, { secure: say, failed: () => {}, error: () => {}, closed: () => {} });
    admission.loose(closer);
    closer.once('close', () => clearTimeout(linger));
    if (!wrap) say(socket);
  };

  /**
   * A listener's connection handler, the same for line and HTTP protocols: admission (a refusal in the protocol's
   * own words, from `refusal`), TLS first where the port wants it, then `open` the connection.
   */
  const listener = (
    port: number,
    tlsFirst: boolean,
    refusal: (address: string | undefined) => { lines: string[]; eol?: string },
    open: (socket: Socket, encrypted: boolean) => void,
    plainOnTls?: () => string,
    handshakeNote: () => string = () => '',
  ): Server =>
    createServer({ allowHalfOpen: true }, (raw) => {
      try {
        raw.on('error', () => {});
        raw.setNoDelay(true);
        const verdict = admission.admit(raw);
        if (!verdict.serve) {
          if (!verdict.words) return void raw.destroy();
          listenerLog(port, `refused ${verdict.address}: over the connections allowed ${verdict.perAddress ? 'from one address' : 'in all'}`);
          const { lines, eol } = refusal(verdict.perAddress ? verdict.address : undefined);
          return sayAndClose(raw, lines, tlsFirst, eol);
        }
        if (!tlsFirst) return open(raw, false);
        const handshaking = upgradeToTls(raw, certificate.secureContext, commandMs, {
          secure: (secure: TLSSocket) => {
            admission.bound(secure);
            open(secure, true);
          },
          failed: (reason, code) => {
            listenerLog(port, `${verdict.address}: ${reason}${handshakeNote()}`);
            if (code !== 'ERR_SSL_HTTP_REQUEST' || !plainOnTls) return false;
            // The TLS layer only listens to the raw socket: the answer goes under it, in plaintext, then a lingering close.
            raw.on('data', () => {});
            raw.once('close', () => handshaking.destroy());
            const linger = setTimeout(() => raw.destroy(), REFUSAL_LINGER_MS);
            raw.once('close', () => clearTimeout(linger));
            raw.end(Buffer.from(plainOnTls(), 'latin1'));
            return true;
          },
          error: () => {},
          closed: () => {},
        });
        admission.loose(handshaking);
      } catch (error) {
        failed(error);
        raw.destroy();
      }
    });

  const serve = (l: ListenerPlan): Server => {
    const idleMs = (options.idleTimeout ?? IDLE_DEFAULTS[l.protocol]) * 1000;
    const ctx: ConnectionContext = {
      world,
      protocol: l.protocol,
      standardPort: l.standardPort,
      listenPort: l.port,
      ...(l.server ? { server: l.server } : {}),
      // TLS 1.2 is the lab's floor everywhere (cert.ts), which is also Exchange Online's for POP3 and IMAP4 since
      // its legacy-TLS block (the data file's legacy-tls-pop-imap-online): TLS 1.0 and 1.1 handshakes fail.
      secureContext: certificate.secureContext,
      idleMs,
      stallMs: Math.min(idleMs, OUTPUT_TIMEOUT * 1000),
      commandMs,
      maxLineOctets: options.maxLineOctets ?? MAX_LINE_OCTETS,
      slicing: options.slicing ?? true,
      log,
      transcript,
      onClose: (c) => {
        connections.delete(c);
        internalErrors += c.session.internalErrors;
      },
      onInternalError: failed,
    };
    const implicitTls = l.security === 'implicit-tls';

    const open = (socket: Socket, encrypted: boolean): void => {
      try {
        connections.add(new LabConnection(ctx, socket, encrypted));
      } catch (error) {
        failed(error);
        sayAndClose(socket, internalErrorReply(l.protocol), false);
      }
    };

    return listener(l.port, implicitTls, (address) => ({ lines: refusalReply(l.protocol, address) }), open, undefined, () => legacyTlsNote(l, world));
  };

  /** An HTTP listener: the same admission and TLS handling; requests instead of lines. */
  const serveHttp = (l: HttpListenerPlan): Server => {
    const ctx = {
      world,
      protocol: l.protocol,
      standardPort: l.standardPort,
      listenPort: l.port,
      idleMs: (options.idleTimeout ?? httpServer(l.protocol).idleSeconds) * 1000,
      commandMs,
      log,
      transcript,
      onClose: (c: HttpConnection) => {
        connections.delete(c);
        internalErrors += c.session.internalErrors;
      },
      onInternalError: failed,
    };
    const https = l.security === 'https';
    const open = (socket: Socket, encrypted: boolean): void => {
      try {
        connections.add(new HttpConnection(ctx, socket, encrypted));
      } catch (error) {
        failed(error);
        sayAndClose(socket, [], false);
      }
    };
    return listener(l.port, https, (address) => ({ lines: httpRefusal(address), eol: '' }), open, plainHttpOnTls);
  };

  try {
    for (const l of httpPlan) {
      const server = serveHttp(l);
      servers.push(server);
      await listen(server, l.port, host);
      server.on('error', (error) => listenerLog(l.port, `listener error: ${error.message}`));
    }
    for (const l of [...plan, ...exchangePlan]) {
      const server = serve(l);
      servers.push(server);
      await listen(server, l.port, host);
      server.on('error', (error) => listenerLog(l.port, `listener error: ${error.message}`));
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    ports: plan,
    exchangeOnlinePorts: exchangePlan,
    httpPorts: httpPlan,
    world,
    certificate,
    get connections() {
      return admission.size;
    },
    get internalErrors() {
      return internalErrors + [...connections].reduce((n, c) => n + c.session.internalErrors, 0);
    },
    close() {
      closing ??= (async () => {
        const stopped = Promise.all(servers.map(closeServer));
        admission.closeLoose();
        for (const c of [...connections]) c.shutdown();
        const grace = setTimeout(() => {
          for (const c of [...connections]) c.destroy();
          admission.destroyAll();
        }, CLOSE_GRACE_MS);
        await stopped;
        await admission.whenEmpty();
        clearTimeout(grace);
      })();
      return closing;
    },
  };
}

/** What the transcript adds to a failed handshake on a listener whose server refuses TLS 1.0 and 1.1 there now. */
function legacyTlsNote(l: ListenerPlan, world: MailWorld): string {
  if (!l.server) return '';
  try {
    return personalityFor(l.server, world).refusesLegacyTls(l.protocol) ? ' (Exchange Online accepts only TLS 1.2 or later on POP3 and IMAP4)' : '';
  } catch {
    // No personality registered (a lab started without src/machines/servers.ts): the plain reason is enough.
    return '';
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const why = error.code === 'EADDRINUSE' ? 'is already in use' : error.code === 'EACCES' ? 'needs more rights' : `failed: ${error.message}`;
      reject(Object.assign(new Error(`cannot listen on ${host}:${port}: the port ${why}`), { code: error.code }));
    };
    server.once('error', onError);
    server.listen({ port, host }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
