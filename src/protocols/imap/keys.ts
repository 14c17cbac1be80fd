/**
 * The catalogue key of a command tag ("a1" in "a1 OK …"): tags are the client's own words, so they share one
 * entry. Its own module so the transcript tokenizer can mark tags without loading the IMAP catalogue.
 */
export const TAG_KEY = 'TAG';
