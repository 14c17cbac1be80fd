/**
 * XML indented for reading: one element per line, two spaces per level, a short text kept on its element's line.
 * A formatter, not a parser: it only moves white space between tags, so what it shows is what was sent, and text
 * that is not XML comes back unchanged. Never throws.
 */

/** Whether `text` looks like an XML document or fragment (starts with "<" after white space). */
export function looksLikeXml(text: string): boolean {
  return /^\s*</.test(text) && /<\/?[A-Za-z_?!]/.test(text);
}

/** `xml` with each tag on its own line, indented by depth; leaves anything that is not XML as it is. */
export function indentXml(xml: string): string[] {
  if (!looksLikeXml(xml)) return xml.split(/\r?\n/);
  // Tags, comments, CDATA and processing instructions, and the text between them.
  const tokens = xml.match(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g) ?? [xml];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!token.startsWith('<')) {
      if (token.trim() !== '') lines.push(`${'  '.repeat(depth)}${token.trim()}`);
      continue;
    }
    const closing = token.startsWith('</');
    const opening = !closing && !token.endsWith('/>') && !/^<[?!]/.test(token);
    // <a>text</a> stays on one line.
    const text = tokens[i + 1];
    const close = tokens[i + 2];
    if (opening && text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
      lines.push(`${'  '.repeat(depth)}${token}${text.trim()}${close}`);
      i += 2;
      continue;
    }
    if (closing) depth = Math.max(0, depth - 1);
    lines.push(`${'  '.repeat(depth)}${token}`);
    if (opening) depth += 1;
  }
  return lines;
}
