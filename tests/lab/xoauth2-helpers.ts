/** What the XOAUTH2 client tests read through Graph: the signed-in user's subjects, over the lab's HTTPS with curl. */
import type { Lab } from '../../src/lab/server.ts';
import { jsonBody, labCurl } from './exchange-helpers.ts';

/** Subjects of the signed-in user's messages (GET /v1.0/me/messages with Host graph.microsoft.test). */
export async function graphSubjects(lab: Lab, token: string): Promise<string[]> {
  const res = await labCurl(lab)('https://graph.microsoft.test/v1.0/me/messages?$select=subject&$top=100', '-H', `Authorization: Bearer ${token}`);
  if (res.status !== 200) throw new Error(`graph: ${res.status} ${res.body}`);
  return (jsonBody(res).value as Array<{ subject: string }>).map((m) => m.subject);
}
