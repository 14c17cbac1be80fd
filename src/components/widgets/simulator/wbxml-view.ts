/**
 * An ActiveSync body for reading: WBXML decoded to the XML [MS-ASCMD] writes its examples in. Its own chunk, with
 * the codec and its code pages: only a transcript that shows a WBXML body downloads it.
 */
import { decodeWbxml } from '../../../protocols/exchange/wbxml/codec.ts';
import { toXml } from '../../../protocols/exchange/wbxml/tree.ts';

/** The body as XML lines, or a sentence saying why it could not be decoded. */
export function wbxmlLines(octets: string): string[] {
  const result = decodeWbxml(octets);
  if (!result.ok) return [`[${octets.length.toLocaleString('en-US')} octets that are not WBXML this server reads: ${result.error} at octet ${result.offset}]`];
  return toXml(result.root).split('\n');
}
