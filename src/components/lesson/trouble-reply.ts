/**
 * What the engine's own reply catalogues say about each part of a trouble's reply ("535 5.7.8" is the code 535 and
 * the enhanced code 5.7.8), so the Trouble component explains a reply in the same words the simulator uses.
 */
import type { Trouble } from '../../data/index.ts';
import { explainImap } from '../../protocols/imap/replies.ts';
import { explainPop3 } from '../../protocols/pop3/replies.ts';
import type { ReplyExplanation } from '../../protocols/shared/explanation.ts';
import { explainSmtp } from '../../protocols/smtp/explain.ts';

/** A catalogue lookup per protocol; IMAP's catalogue names response codes without their brackets. */
const EXPLAIN: Record<Exclude<Trouble['protocol'], 'none'>, (token: string) => ReplyExplanation | undefined> = {
  smtp: explainSmtp,
  pop3: explainPop3,
  imap: (token) => explainImap(token.replace(/^\[(.*)\]$/, '$1')),
};

/** One part of a reply as the learner sees it: the token as sent and the catalogue's explanation. */
export interface ReplyPart {
  token: string;
  explanation: ReplyExplanation;
}

/** The parts of a trouble's reply, each explained; none for a trouble without a reply. Throws for a part no catalogue explains. */
export function replyParts(t: Trouble): ReplyPart[] {
  if (t.reply === undefined || t.protocol === 'none') return [];
  const explain = EXPLAIN[t.protocol];
  return t.reply.split(' ').map((token) => {
    const explanation = explain(token);
    if (!explanation) throw new Error(`<Trouble id="${t.id}">: the ${t.protocol} reply catalogue does not explain "${token}"`);
    return { token, explanation };
  });
}
