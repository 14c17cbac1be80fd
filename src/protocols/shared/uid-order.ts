/**
 * Finding a message by UID in a list kept in ascending UID order, as every mailbox and every session's view of one
 * is (RFC 3501 §2.3.1.1: UIDs only grow, and removal keeps the order): a binary search, so looking up one message
 * costs O(log n) and a command over all n messages stays O(n log n) at worst instead of O(n²).
 */

/** The index of the message with this UID, or -1 when the list has none. */
export function indexOfUid(messages: readonly { readonly uid: number }[], uid: number): number {
  let lo = 0;
  let hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = messages[mid]!.uid;
    if (at === uid) return mid;
    if (at < uid) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The message with this UID, or undefined. */
export function findByUid<T extends { readonly uid: number }>(messages: readonly T[], uid: number): T | undefined {
  const i = indexOfUid(messages, uid);
  return i < 0 ? undefined : messages[i];
}
