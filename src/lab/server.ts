/**
 * The lab's listeners: one TCP server per standard mail port (TLS from the first byte on implicit-TLS ports),
 * all in front of ONE mail world, so mail submitted on 587 is read with POP3 and IMAP. Every accepted socket
 * is counted from its first moment to its last, capped per client address and in total, and closed whatever
 * the client does (leaves before TLS, never starts it, never reads).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { MailWorld } from '../protocols/shared/world.ts';
import { makeCertificate, type LabCertificate } from './cert.ts';
import { COMMAND_TIMEOUT, DEFAULT_HOST, DEFAULT_OFFSET, IDLE_DEFAULTS, listenerPlan, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS, OUTPUT_TIMEOUT, type ListenerPlan } from './config.ts';
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
}

/** A running lab. */
export interface Lab {
  /** What listens where. */
  ports: ListenerPlan[];
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
/** Connections past the cap that still get a refusal in words; beyond these, they are closed without one. */
const REFUSING_AT_ONCE = 64;

/** Starts every listener; rejects (with nothing left listening) if a port cannot be bound. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? DEFAULT_HOST;
  const world = options.world ?? new MailWorld({ seed: options.seed });
  const certificate = options.certificate ?? (await makeCertificate());
  const stdout = (line: string): void => void process.stdout.write(`${line}\n`);
  const log = options.quiet ? undefined : (options.log ?? stdout);
  const commandMs = (options.commandTimeout ?? COMMAND_TIMEOUT) * 1000;
  const maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  const perAddress = options.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS;
  const transcript = { ...TRANSCRIPT_LIMITS, ...options.transcript };
  const plan = listenerPlan(options.offset ?? DEFAULT_OFFSET);
  const connections = new Set<LabConnection>();
  const sockets = new Set<Socket>();
  /** Sockets not (or no longer) bound to a session: TLS handshakes, refusals. Closing the lab closes them at once. */
  const loose = new Set<Socket>();
  const byAddress = new Map<string, number>();
  const servers: Server[] = [];
  /** Waiting for the last socket to close (a server's close can come before its sockets' own close events). */
  const emptied: Array<() => void> = [];
  let internalErrors = 0;
  let refusing = 0;
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

  const serve = (l: ListenerPlan): Server => {
    const idleMs = (options.idleTimeout ?? IDLE_DEFAULTS[l.protocol]) * 1000;
    const ctx: ConnectionContext = {
      world,
      protocol: l.protocol,
      standardPort: l.standardPort,
      listenPort: l.port,
      secureContext: certificate.secureContext,
      idleMs,
      stallMs: Math.min(idleMs, OUTPUT_TIMEOUT * 1000),
      commandMs,
      maxLineOctets: options.maxLineOctets ?? MAX_LINE_OCTETS,
      log,
      transcript,
      onClose: (c) => {
        connections.delete(c);
        internalErrors += c.session.internalErrors;
      },
      onInternalError: failed,
    };
    const implicitTls = l.security === 'implicit-tls';

    /** Says `lines` (inside a new TLS layer when `wrap`) and closes; the client gets at most the command deadline to leave. */
    const sayAndClose = (socket: Socket, lines: string[], wrap: boolean): void => {
      const linger = setTimeout(() => socket.destroy(), commandMs);
      socket.once('close', () => clearTimeout(linger));
      const say = (s: Socket): void => {
        s.on('error', () => s.destroy());
        s.on('data', () => {});
        s.end(Buffer.from(lines.map((t) => `${t}\r\n`).join(''), 'latin1'));
      };
      // Once TLS wraps a socket, closing the TLS socket is what closes both.
      const closer = wrap ? upgradeToTls(socket, certificate.secureContext, commandMs, { secure: say, failed: () => {}, error: () => {}, closed: () => loose.delete(closer) }) : socket;
      loose.add(closer);
      closer.once('close', () => loose.delete(closer));
      if (!wrap) say(socket);
    };

    const open = (socket: Socket, encrypted: boolean): void => {
      try {
        connections.add(new LabConnection(ctx, socket, encrypted));
      } catch (error) {
        failed(error);
        sayAndClose(socket, internalErrorReply(l.protocol), false);
      }
    };

    const accept = (raw: Socket): void => {
      raw.on('error', () => {});
      const address = normalize(raw.remoteAddress);
      sockets.add(raw);
      byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
      raw.once('close', () => {
        sockets.delete(raw);
        loose.delete(raw);
        if (sockets.size === 0) for (const resolve of emptied.splice(0)) resolve();
        const left = (byAddress.get(address) ?? 1) - 1;
        if (left > 0) byAddress.set(address, left);
        else byAddress.delete(address);
      });
      raw.setNoDelay(true);
      const overAddress = (byAddress.get(address) ?? 0) > perAddress;
      if (overAddress || sockets.size > maxConnections) {
        if (refusing >= REFUSING_AT_ONCE) return void raw.destroy();
        refusing += 1;
        raw.once('close', () => (refusing -= 1));
        listenerLog(l.port, `refused ${address}: ${overAddress ? `over ${perAddress} connections from one address` : `over ${maxConnections} connections`}`);
        return sayAndClose(raw, refusalReply(l.protocol, overAddress ? address : undefined), implicitTls);
      }
      if (!implicitTls) return open(raw, false);
      // Once TLS wraps the socket, closing the TLS socket is what closes both.
      const handshaking = upgradeToTls(raw, certificate.secureContext, commandMs, {
        secure: (secure: TLSSocket) => {
          loose.delete(secure);
          open(secure, true);
        },
        failed: (reason) => listenerLog(l.port, `${address}: ${reason}`),
        error: () => {},
        closed: () => loose.delete(handshaking),
      });
      loose.add(handshaking);
    };

    const server = createServer({ allowHalfOpen: true }, (raw) => {
      try {
        accept(raw);
      } catch (error) {
        failed(error);
        raw.destroy();
      }
    });
    return server;
  };

  try {
    for (const l of plan) {
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
    world,
    certificate,
    get connections() {
      return sockets.size;
    },
    get internalErrors() {
      return internalErrors + [...connections].reduce((n, c) => n + c.session.internalErrors, 0);
    },
    close() {
      closing ??= (async () => {
        const stopped = Promise.all(servers.map(closeServer));
        for (const s of [...loose]) s.destroy();
        for (const c of [...connections]) c.shutdown();
        const grace = setTimeout(() => {
          for (const c of [...connections]) c.destroy();
          for (const s of sockets) s.destroy();
        }, CLOSE_GRACE_MS);
        await stopped;
        if (sockets.size > 0) await new Promise<void>((resolve) => emptied.push(resolve));
        clearTimeout(grace);
      })();
      return closing;
    },
  };
}

/** IPv4 clients of a dual-stack listener show up as ::ffff:a.b.c.d; they are the same client as a.b.c.d. */
function normalize(address: string | undefined): string {
  if (!address) return '?';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
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
