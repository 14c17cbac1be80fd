/** The limits the simulated SMTP server applies and advertises. */

/** Largest message accepted, in octets; advertised as `SIZE` (RFC 1870 §4). Postfix's default message_size_limit. */
export const MESSAGE_SIZE_LIMIT = 10_240_000;

/** Most recipients in one transaction; advertised as `LIMITS RCPTMAX` (RFC 9422 §4.2), RFC 5321 §4.5.3.1.8's minimum. */
export const RCPT_MAX = 100;

/** Longest command line, CRLF included (RFC 5321 §4.5.3.1.4). */
export const COMMAND_LINE_OCTETS = 512;

/** Longest text line inside DATA, CRLF included, not counting a dot added for transparency (RFC 5321 §4.5.3.1.6). */
export const TEXT_LINE_OCTETS = 1000;

/** Longest line of a SASL exchange, CRLF included (RFC 4954 §4). */
export const SASL_LINE_OCTETS = 12288;

/** Longest reverse-path or forward-path, angle brackets included (RFC 5321 §4.5.3.1.3). */
export const PATH_OCTETS = 256;

/** Longest reply line, CRLF included (RFC 5321 §4.5.3.1.5). */
export const REPLY_LINE_OCTETS = 512;
