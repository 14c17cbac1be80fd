/**
 * The lab's listeners: one TCP server per standard mail port (plain, or TLS from the first byte on implicit-TLS
 * ports), all in front of ONE mail world, so mail submitted on 587 is read with POP3 and IMAP.
 */
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { MailWorld } from '../protocols/shared/world.ts';
import { makeCertificate, type LabCertificate } from './cert.ts';
import { DEFAULT_HOST, DEFAULT_OFFSET, IDLE_DEFAULTS, listenerPlan, type ListenerPlan } from './config.ts';
import { LabConnection, type ConnectionContext } from './connection.ts';
import { MAX_LINE_OCTETS } from './framing.ts';
import { formatEvent } from './transcript.ts';

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
  /** No transcript. */
  quiet?: boolean;
  /** Where transcript lines go (default stdout). */
  log?: (line: string) => void;
  /** Longest line buffered per connection, in octets (default 1 MiB). */
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
  /** Connections open now. */
  readonly connections: number;
  /** Lines that hit a session's internal-error safety net, over every session so far (tests require 0). */
  readonly internalErrors: number;
  /** Stops listening, says goodbye to every session, and resolves once every socket is closed. */
  close(): Promise<void>;
}

/** How long open sessions get to read their farewell before the lab cuts them off. */
const CLOSE_GRACE_MS = 500;

/** Starts every listener; rejects (with nothing left listening) if a port cannot be bound. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? DEFAULT_HOST;
  const world = options.world ?? new MailWorld({ seed: options.seed });
  const certificate = options.certificate ?? (await makeCertificate());
  const stdout = (line: string): void => void process.stdout.write(`${line}\n`);
  const log = options.quiet ? (): void => {} : (options.log ?? stdout);
  const plan = listenerPlan(options.offset ?? DEFAULT_OFFSET);
  const connections = new Set<LabConnection>();
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  let pastInternalErrors = 0;

  const serve = (l: ListenerPlan): Server => {
    const ctx: ConnectionContext = {
      world,
      protocol: l.protocol,
      standardPort: l.standardPort,
      listenPort: l.port,
      secureContext: certificate.secureContext,
      idleMs: (options.idleTimeout ?? IDLE_DEFAULTS[l.protocol]) * 1000,
      maxLineOctets: options.maxLineOctets ?? MAX_LINE_OCTETS,
      log,
      logging: !options.quiet,
      onClose: (c) => {
        connections.delete(c);
        pastInternalErrors += c.session.internalErrors;
      },
    };
    const accept = (socket: Socket, encrypted: boolean): void => {
      socket.setNoDelay(true);
      try {
        connections.add(new LabConnection(ctx, socket, encrypted));
      } catch (error) {
        log(formatEvent(`[${l.port} --]`, `cannot open a ${l.protocol.toUpperCase()} session: ${(error as Error).message}`));
        socket.destroy();
      }
    };
    const server =
      l.security === 'implicit-tls'
        ? createTlsServer({ key: certificate.key, cert: certificate.cert, minVersion: 'TLSv1.2', allowHalfOpen: true }, (s: TLSSocket) => accept(s, true))
        : createNetServer({ allowHalfOpen: true }, (s) => accept(s, false));
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.on('tlsClientError', (error: Error, socket: TLSSocket) => {
      log(formatEvent(`[${l.port} --]`, `TLS handshake failed from ${socket.remoteAddress ?? '?'}: ${error.message}`));
    });
    return server;
  };

  try {
    for (const l of plan) {
      const server = serve(l);
      servers.push(server);
      await listen(server, l.port, host);
      server.on('error', (error) => log(formatEvent(`[${l.port} --]`, `listener error: ${error.message}`)));
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
      return connections.size;
    },
    get internalErrors() {
      return pastInternalErrors + [...connections].reduce((n, c) => n + c.session.internalErrors, 0);
    },
    close() {
      closing ??= (async () => {
        const stopped = Promise.all(servers.map(closeServer));
        for (const c of [...connections]) c.shutdown();
        const grace = setTimeout(() => {
          for (const c of [...connections]) c.destroy();
          for (const s of sockets) s.destroy();
        }, CLOSE_GRACE_MS);
        await stopped;
        clearTimeout(grace);
      })();
      return closing;
    },
  };
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
