/**
 * Every protocol's explanation catalogue, loaded at once: for the build, the lab and the tests. Browser code loads
 * one protocol's on demand through catalogue-loaders.ts instead. Keyed by ProtocolName, so a profile without a
 * catalogue does not compile.
 */
import type { ReplyCatalogue } from './shared/catalogue.ts';
import { explainImap, imapInContext } from './imap/replies.ts';
import { httpStatusCatalogue } from './shared/http-catalogue.ts';
import { explainPop3, pop3InContext } from './pop3/replies.ts';
import { profileOf, type ProtocolName } from './registry.ts';
import { explainSmtp, smtpInContext } from './smtp/replies.ts';

const CATALOGUES: Record<ProtocolName, ReplyCatalogue> = {
  smtp: { explain: explainSmtp, inContext: smtpInContext },
  pop3: { explain: explainPop3, inContext: pop3InContext },
  imap: { explain: explainImap, inContext: imapInContext },
  // The HTTP protocols share one catalogue: an HTTP reply's code is its status, the same for every server (RFC 9110 §15).
  exchange: httpStatusCatalogue,
  hello: httpStatusCatalogue,
};

/** The catalogue of `protocol`; throws UnknownProtocolError for a name no profile carries. */
export function catalogueOf(protocol: string): ReplyCatalogue {
  return CATALOGUES[profileOf(protocol).id];
}
