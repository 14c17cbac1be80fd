/**
 * Loads one protocol's explanation catalogue on demand, for browser code: one literal import() per protocol, so
 * the bundler makes one chunk each and a page with an SMTP widget never downloads IMAP's catalogue. Keyed by
 * ProtocolName, so a profile without a loader does not compile.
 */
import type { ReplyCatalogue } from './shared/catalogue.ts';
import { profileOf, type ProtocolName } from './registry.ts';

const LOADERS: Record<ProtocolName, () => Promise<ReplyCatalogue>> = {
  smtp: () => import('./smtp/replies.ts').then((m) => ({ explain: m.explainSmtp, inContext: m.smtpInContext })),
  pop3: () => import('./pop3/replies.ts').then((m) => ({ explain: m.explainPop3, inContext: m.pop3InContext })),
  imap: () => import('./imap/replies.ts').then((m) => ({ explain: m.explainImap, inContext: m.imapInContext })),
  exchange: () => import('./shared/http-catalogue.ts').then((m) => m.httpStatusCatalogue),
  hello: () => import('./shared/http-catalogue.ts').then((m) => m.httpStatusCatalogue),
};

/** The catalogue of `protocol`, downloaded; rejects with UnknownProtocolError for a name no profile carries. */
export function loadCatalogue(protocol: string): Promise<ReplyCatalogue> {
  try {
    return LOADERS[profileOf(protocol).id]();
  } catch (error) {
    return Promise.reject(error);
  }
}
