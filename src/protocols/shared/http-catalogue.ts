/**
 * The catalogue every HTTP-framed protocol shares (Exchange, hello): what a status code means (RFC 9110 §15).
 * catalogues.ts and catalogue-loaders.ts hand it out under each HTTP protocol's name.
 */
import type { ReplyCatalogue } from './catalogue.ts';
import type { ReplyExplanation } from './explanation.ts';

/** The statuses the simulated HTTP servers send, in a learner's words, with the section that defines each. */
const STATUSES: Readonly<Record<string, readonly [title: string, text: string, rfc: string]>> = {
  '200': ['OK', 'The request worked; the body is the answer.', 'RFC 9110 §15.3.1'],
  '201': ['Created', 'The request made a new resource; the body or Location names it.', 'RFC 9110 §15.3.2'],
  '202': ['Accepted', 'The server took the request and will act on it later.', 'RFC 9110 §15.3.3'],
  '204': ['No Content', 'The request worked and there is nothing to send back.', 'RFC 9110 §15.3.5'],
  '301': ['Moved Permanently', 'The resource lives at the Location given, from now on.', 'RFC 9110 §15.4.2'],
  '302': ['Found', 'The resource is at the Location given, for now: the client asks there.', 'RFC 9110 §15.4.3'],
  '400': ['Bad Request', 'The server could not read the request: its syntax or content is wrong.', 'RFC 9110 §15.5.1'],
  '401': ['Unauthorized', 'The request needs credentials; WWW-Authenticate says which kind.', 'RFC 9110 §15.5.2'],
  '403': ['Forbidden', 'The server understood and refuses; other credentials would not help.', 'RFC 9110 §15.5.4'],
  '404': ['Not Found', 'Nothing is at this path.', 'RFC 9110 §15.5.5'],
  '405': ['Method Not Allowed', 'The path exists but not for this method; Allow lists the methods it takes.', 'RFC 9110 §15.5.6'],
  '408': ['Request Timeout', 'The client took too long to send its request; the server closes the connection.', 'RFC 9110 §15.5.9'],
  '410': ['Gone', 'The resource existed and is gone for good.', 'RFC 9110 §15.5.11'],
  '413': ['Content Too Large', 'The body is larger than the server takes.', 'RFC 9110 §15.5.14'],
  '414': ['URI Too Long', 'The request target is longer than the server reads.', 'RFC 9110 §15.5.15'],
  '415': ['Unsupported Media Type', 'The body is in a format this resource does not take.', 'RFC 9110 §15.5.16'],
  '429': ['Too Many Requests', 'The client sent too many requests; Retry-After says when to try again.', 'RFC 6585 §4'],
  '431': ['Request Header Fields Too Large', 'The header section is larger than the server reads.', 'RFC 6585 §5'],
  '500': ['Internal Server Error', 'Something went wrong inside the server; not the client\u2019s fault.', 'RFC 9110 §15.6.1'],
  '501': ['Not Implemented', 'The server does not support what the request asks for.', 'RFC 9110 §15.6.2'],
  '503': ['Service Unavailable', 'The server cannot answer now; Retry-After may say when.', 'RFC 9110 §15.6.4'],
};

/** What an HTTP status code means, by its class where the table does not list it (RFC 9110 §15). */
export function explainHttpStatus(token: string): ReplyExplanation | undefined {
  const known = STATUSES[token];
  if (known) return { token, title: known[0], text: known[1], rfc: known[2] };
  if (!/^[1-5]\d\d$/.test(token)) return undefined;
  const classes = ['Informational', 'Successful', 'Redirection', 'Client Error', 'Server Error'] as const;
  return { token, title: classes[Number(token[0]) - 1]!, text: 'A status of this class; its exact meaning is the server\u2019s to say.', rfc: 'RFC 9110 §15' };
}

/** The catalogue every HTTP-framed protocol shares: status codes explained, no notes in context (HTTP has no session states to judge a reply by). */
export const httpStatusCatalogue: ReplyCatalogue = {
  explain: explainHttpStatus,
  inContext: () => undefined,
};
