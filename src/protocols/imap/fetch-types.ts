/** The FETCH data items a client can ask for (RFC 3501 §6.4.5), as parseFetchItems returns them. */

/** What of a message or part a BODY[section] asks for (RFC 3501 §6.4.5, section-spec in §9). */
export interface FetchSection {
  /** Part numbers, e.g. [2, 1] for "2.1"; empty for the message itself. */
  part: number[];
  /** The section text after the part numbers: '' for the whole part, or HEADER, HEADER.FIELDS(.NOT), TEXT, MIME. */
  text: '' | 'HEADER' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT' | 'TEXT' | 'MIME';
  /** Field names of HEADER.FIELDS and HEADER.FIELDS.NOT, upper-cased as Dovecot echoes them. */
  fields: string[];
}

/** A `<start.count>` partial fetch; count is undefined for Dovecot's `<start>` form (to the end). */
export interface FetchPartial {
  start: number;
  count: number | undefined;
}

/** The items without a section, named as the client writes them. */
export type SimpleFetchKind =
  | 'UID'
  | 'FLAGS'
  | 'INTERNALDATE'
  | 'RFC822.SIZE'
  | 'ENVELOPE'
  | 'BODY'
  | 'BODYSTRUCTURE'
  | 'RFC822'
  | 'RFC822.HEADER'
  | 'RFC822.TEXT';

/** One FETCH data item. `BODY[section]` covers BODY[…] and BODY.PEEK[…] (peek: true). */
export type FetchItem =
  | { kind: SimpleFetchKind }
  | { kind: 'BODY[section]'; peek: boolean; section: FetchSection; partial: FetchPartial | undefined };
