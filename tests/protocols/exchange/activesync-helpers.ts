/** A small ActiveSync client for the tests: builds requests, encodes WBXML, decodes answers. */
import { expect } from 'vitest';
import { activeSyncServer } from '../../../src/protocols/exchange/activesync/endpoint.ts';
import { exchangeConfig, type ExchangeDeploymentId, type ExchangeOptions } from '../../../src/protocols/exchange/config.ts';
import { decodeWbxml, encodeWbxml } from '../../../src/protocols/exchange/wbxml/codec.ts';
import { first, textOf, type WbxmlElement } from '../../../src/protocols/exchange/wbxml/tree.ts';
import type { HttpRequest, HttpResponse } from '../../../src/protocols/shared/http-types.ts';
import { MailWorld } from '../../../src/protocols/shared/world.ts';
import { ALICE } from './helpers.ts';

export { element, leaf } from '../../../src/protocols/exchange/wbxml/tree.ts';

/** A POST of one command, as a phone sends it ([MS-ASHTTP] §2.2.1.1). */
export function easPost(cmd: string, body: WbxmlElement | string | undefined, opts: { key?: string; version?: string; auth?: string; device?: string } = {}): HttpRequest {
  const headers: [string, string][] = [['Content-Type', 'application/vnd.ms-sync.wbxml'], ['MS-ASProtocolVersion', opts.version ?? '16.1'], ['User-Agent', 'TestPhone/1.0']];
  if (opts.auth !== '') headers.push(['Authorization', opts.auth ?? ALICE]);
  if (opts.key !== undefined) headers.push(['X-MS-PolicyKey', opts.key]);
  const octets = body === undefined ? '' : typeof body === 'string' ? body : encodeWbxml(body);
  return { method: 'POST', target: `/Microsoft-Server-ActiveSync?Cmd=${cmd}&User=alice&DeviceId=${opts.device ?? 'PHONE1'}&DeviceType=iPhone`, headers, body: octets };
}

/** The decoded body of a 200 WBXML response. */
export function decoded(res: HttpResponse | undefined): WbxmlElement {
  expect(res?.status).toBe(200);
  expect(res!.headers).toContainEqual(['Content-Type', 'application/vnd.ms-sync.wbxml']);
  const d = decodeWbxml(res!.body);
  if (!d.ok) throw new Error(`response is not WBXML: ${d.error}`);
  return d.root;
}

/** Every descendant with this name, in document order. */
export function deep(el: WbxmlElement, name: string): WbxmlElement[] {
  return [...el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...deep(c, name)])];
}

/** A world and the ActiveSync server of one deployment. */
export function setup(deployment: ExchangeDeploymentId = 'server-se', options: ExchangeOptions = {}) {
  const world = new MailWorld();
  const config = exchangeConfig(deployment, options);
  const eas = activeSyncServer(world, config);
  const call = (req: HttpRequest) => {
    const out = eas.handle(req);
    expect(out.response).toBeDefined();
    return out.response!;
  };
  return { world, config, eas, call };
}

/** Provision in two steps; returns the final policy key. */
export function provisionPhone(call: (r: HttpRequest) => HttpResponse, device = 'PHONE1'): string {
  const P = 'Provision';
  const req = (key?: string) => ({ ns: P, name: 'Provision', text: '', children: [{ ns: P, name: 'Policies', text: '', children: [{ ns: P, name: 'Policy', text: '', children: [
    { ns: P, name: 'PolicyType', text: 'MS-EAS-Provisioning-WBXML', children: [] },
    ...(key ? [{ ns: P, name: 'PolicyKey', text: key, children: [] }, { ns: P, name: 'Status', text: '1', children: [] }] : []),
  ] }] }] });
  const first1 = decoded(call(easPost('Provision', req(), { device })));
  const temp = textOf(first(first(first1, 'Policies'), 'Policy'), 'PolicyKey')!;
  const second = decoded(call(easPost('Provision', req(temp), { key: temp, device })));
  return textOf(first(first(second, 'Policies'), 'Policy'), 'PolicyKey')!;
}
