/**
 * The Microsoft Graph JavaScript client (@microsoft/microsoft-graph-client, pinned) against the lab's Graph over
 * real HTTPS with tokens from the lab's identity platform: list, read, MIME, send and page (PageIterator follows
 * @odata.nextLink), a daemon's app-only token on another mailbox, a bad token as the client reports it, and mail
 * crossing with IMAP and SMTP. Node's fetch reaches graph.microsoft.test through an undici dispatcher whose
 * connect() opens TLS to the lab's port and checks the lab's certificate for that name (what --connect-to does
 * for curl), so the Host header and the nextLinks stay Graph's own.
 */
import { connect } from 'node:tls';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, GraphError, PageIterator, ResponseType, type PageCollection } from '@microsoft/microsoft-graph-client';
import '../../src/machines/servers.ts';
import type { Lab } from '../../src/lab/server.ts';
import { daemonToken, deviceToken, exchangePort, imapFetchBySubject, smtpSend } from './exchange-helpers.ts';
import { startTestLab } from './helpers.ts';

interface Dispatcher {
  close(): Promise<void>;
}
type AgentClass = new (options: { connect: (opts: { hostname: string }, cb: (error: Error | null, socket: unknown) => void) => unknown }) => Dispatcher;

let lab: Lab;
let dispatcher: Dispatcher;
let dir: string;

/**
 * An undici Agent (the class of Node's own fetch dispatcher, found under the symbol undici's setGlobalDispatcher
 * uses) that connects every origin to the lab's 443 listener, verifying the certificate for the origin's name.
 */
async function labDispatcher(port: number, ca: string): Promise<Dispatcher> {
  await fetch('data:text/plain,x');
  const global = (globalThis as Record<symbol, { constructor: AgentClass } | undefined>)[Symbol.for('undici.globalDispatcher.1')];
  if (!global) throw new Error("Node's fetch has no global dispatcher to take the Agent class from");
  return new global.constructor({
    connect: (opts, cb) => {
      const socket = connect({ host: '127.0.0.1', port, ca, servername: opts.hostname, ALPNProtocols: ['http/1.1'] });
      socket.once('secureConnect', () => cb(null, socket));
      socket.once('error', (error) => cb(error, null));
      return socket;
    },
  });
}

beforeAll(async () => {
  lab = await startTestLab({ seed: 19 });
  dispatcher = await labDispatcher(exchangePort(lab, 443), lab.certificate.cert);
  dir = mkdtempSync(join(tmpdir(), 'mailwire-graph-'));
});
afterAll(async () => {
  await dispatcher.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A Graph client for the simulated Graph (graph.microsoft.test, a custom host to the library) with `token`. */
function graph(token: string): Client {
  return Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: 'https://graph.microsoft.test',
    customHosts: new Set(['graph.microsoft.test']),
    fetchOptions: { dispatcher } as RequestInit,
  });
}

interface Message {
  id: string;
  subject: string;
  isRead?: boolean;
}

describe('the Graph JavaScript client with a delegated token (device code)', () => {
  let client: Client;
  beforeAll(async () => {
    client = graph(await deviceToken(lab, 'Mail.ReadWrite Mail.Send'));
  });

  test('lists with $select and $top, reads one message and its MIME', async () => {
    const page = (await client.api('/me/mailFolders/inbox/messages').select('subject,isRead').top(2).get()) as { value: Message[]; '@odata.nextLink'?: string };
    expect(page.value).toHaveLength(2);
    expect(page['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.test\/v1\.0\//);
    const one = (await client.api(`/me/messages/${page.value[0]!.id}`).get()) as Message & { from: { emailAddress: { address: string } } };
    expect(one.subject).toBe(page.value[0]!.subject);
    const mime = (await client.api(`/me/messages/${one.id}/$value`).responseType(ResponseType.TEXT).get()) as string;
    expect(mime).toContain(`Subject: ${one.subject}`);
  });

  test('pages through the inbox one message at a time with PageIterator (following @odata.nextLink)', async () => {
    const first = (await client.api('/me/mailFolders/inbox/messages').select('subject').top(1).get()) as PageCollection;
    expect(first.value).toHaveLength(1);
    const subjects: string[] = [];
    const iterator = new PageIterator(client, first, (m: Message) => {
      subjects.push(m.subject);
      return true;
    });
    await iterator.iterate();
    expect(iterator.isComplete()).toBe(true);
    // One message a page: every message of the inbox came on its own page, none twice.
    expect(subjects).toHaveLength(lab.world.mailbox('alice', 'INBOX')!.messages.length);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  test('sendMail (202) reaches bob, who reads it over IMAP; it is saved in Sent Items', async () => {
    // RAW gives the fetch Response: 202 Accepted, no body.
    const sent = (await client.api('/me/sendMail').responseType(ResponseType.RAW).post({
      message: { subject: 'Sent with the Graph client', body: { contentType: 'Text', content: 'Hello Bob, from microsoft-graph-client.' }, toRecipients: [{ emailAddress: { address: 'bob@example.test' } }] },
      saveToSentItems: true,
    })) as Response;
    expect(sent.status).toBe(202);
    expect(await sent.text()).toBe('');
    const fetched = await imapFetchBySubject(lab, 'bob', 'builder', 'Sent with the Graph client');
    expect(fetched).toMatch(/^Subject: Sent with the Graph client\r$/m);
    expect(fetched).toContain('from microsoft-graph-client.');
    const sentItems = (await client.api('/me/mailFolders/sentitems/messages').select('subject').get()) as { value: Message[] };
    expect(sentItems.value.map((m) => m.subject)).toContain('Sent with the Graph client');
  });

  test('a message sent with SMTP (curl, implicit TLS) is listed by Graph', async () => {
    const file = join(dir, 'smtp.eml');
    writeFileSync(file, 'From: Bob <bob@example.test>\r\nTo: Alice <alice@example.test>\r\nSubject: From SMTP to Graph\r\n\r\nHello over SMTP.\r\n');
    await smtpSend(lab, file, 'bob@example.test', 'alice@example.test', 'bob:builder');
    const list = (await client.api('/me/messages').select('subject').top(50).get()) as { value: Message[] };
    expect(list.value.map((m) => m.subject)).toContain('From SMTP to Graph');
  });
});

describe('the Graph JavaScript client with other tokens', () => {
  test("the daemon's app-only token (client credentials) reads bob's mailbox by /users/{upn}", async () => {
    const client = graph(await daemonToken(lab));
    const list = (await client.api('/users/bob@example.test/mailFolders/inbox/messages').select('subject').get()) as { value: Message[] };
    expect(list.value.length).toBe(lab.world.mailbox('bob', 'INBOX')!.messages.length);
  });

  test('a token the platform never issued is a GraphError 401 InvalidAuthenticationToken', async () => {
    const error = await graph('eyJ0eXAiOiJKV1QifQ.e30.').api('/me/messages').get().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
  });
});
