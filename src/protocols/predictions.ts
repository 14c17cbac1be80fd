/**
 * Each line protocol's "predict the reply" rules, for the build's predict step: the replies a learner may choose
 * from for a command, and whether a reply's code or status says the command worked. Keyed by LineProtocolName,
 * so a line profile without them does not compile.
 */
import { imapReplyChoices, imapSucceeded } from './imap/predict.ts';
import { pop3ReplyChoices, pop3Succeeded } from './pop3/predict.ts';
import { lineProfileOf, type LineProtocolName } from './registry.ts';
import { smtpReplyChoices, smtpSucceeded } from './smtp/predict.ts';

/** A protocol's prediction rules. */
export interface Prediction {
  /** The plausible replies to a command line in a session that waits for `expects`; undefined where there is nothing to predict. */
  choices: (line: string, expects: string) => readonly string[] | undefined;
  /** Whether a reply's code or status says the command worked. */
  ok: (token: string) => boolean;
}

const PREDICTIONS: Record<LineProtocolName, Prediction> = {
  smtp: { choices: smtpReplyChoices, ok: smtpSucceeded },
  pop3: { choices: pop3ReplyChoices, ok: pop3Succeeded },
  imap: { choices: imapReplyChoices, ok: imapSucceeded },
};

/** The prediction rules of `protocol`; throws UnknownProtocolError for a name no line profile carries. */
export function predictionOf(protocol: string): Prediction {
  return PREDICTIONS[lineProfileOf(protocol).id];
}
