/**
 * The catalogue key of a SASL challenge's base64 is this prefix and the data, e.g. "base64:VXNlcm5hbWU6". Its own
 * module so the transcript tokenizer can mark challenges without loading the decoder (challenge.ts).
 */
export const CHALLENGE_KEY = 'base64:';
