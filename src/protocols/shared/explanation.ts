/** The shape of every protocol's reply catalogue entry: what a learner reads when opening a code or token. */

/** One explained code or token. */
export interface ReplyExplanation {
  /** The code or token as the server sends it, e.g. "530", "5.7.0", "-ERR", "[TRYCREATE]". */
  token: string;
  /** A few words naming it. */
  title: string;
  /** One or two sentences for a learner. */
  text: string;
  /** Where it is defined, e.g. "RFC 5321 §4.2.3". */
  rfc: string;
}
