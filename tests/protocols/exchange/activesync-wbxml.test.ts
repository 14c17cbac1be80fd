/**
 * The WBXML codec against [MS-ASWBXML] §3 (the specification's example, byte for byte), the code page tables of
 * §2.1.2.1, and hostile octets (fast-check): decoding never throws and always says why it refused.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeWbxml, encodeWbxml } from '../../../src/protocols/exchange/wbxml/codec.ts';
import { tagOf, tokenOf } from '../../../src/protocols/exchange/wbxml/codepages.ts';
import { element, leaf, toXml, type WbxmlElement } from '../../../src/protocols/exchange/wbxml/tree.ts';

const hex = (s: string) => String.fromCharCode(...s.trim().split(/\s+/).map((h) => parseInt(h, 16)));

/** [MS-ASWBXML] §3: a Sync response with a new contact, as the specification encodes it. */
const SPEC_BYTES = hex(`03 01 6A 00 45 5C 4F 50 03 43 6F 6E 74 61 63 74 73 00 01 4B 03 32 00 01 52 03 32 00 01 4E 03 31 00 01
  56 47 4D 03 32 3A 31 00 01 5D 00 11 4A 46 03 31 00 01 4C 03 30 00 01 4D 03 31 00 01 01 00 01 5E 03 46 75 6E 6B 2C 20
  44 6F 6E 00 01 5F 03 44 6F 6E 00 01 69 03 46 75 6E 6B 00 01 00 11 56 03 31 00 01 01 01 01 01 01 01`);

const A = 'AirSync';
const B = 'AirSyncBase';
const C = 'Contacts';
const SPEC_TREE: WbxmlElement = element(A, 'Sync',
  element(A, 'Collections',
    element(A, 'Collection', leaf(A, 'Class', 'Contacts'), leaf(A, 'SyncKey', 2), leaf(A, 'CollectionId', 2), leaf(A, 'Status', 1),
      element(A, 'Commands',
        element(A, 'Add', leaf(A, 'ServerId', '2:1'),
          element(A, 'ApplicationData',
            element(B, 'Body', leaf(B, 'Type', 1), leaf(B, 'EstimatedDataSize', 0), leaf(B, 'Truncated', 1)),
            leaf(C, 'FileAs', 'Funk, Don'), leaf(C, 'FirstName', 'Don'), leaf(C, 'LastName', 'Funk'), leaf(B, 'NativeBodyType', 1)))))));

describe('the specification example ([MS-ASWBXML] §3)', () => {
  test('encodes to the documented bytes, byte for byte', () => {
    expect([...encodeWbxml(SPEC_TREE)].map((c) => c.charCodeAt(0))).toEqual([...SPEC_BYTES].map((c) => c.charCodeAt(0)));
  });

  test('decodes to the documented XML', () => {
    const res = decodeWbxml(SPEC_BYTES);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.root).toEqual(SPEC_TREE);
    const xml = toXml(res.root);
    expect(xml).toContain('<Sync xmlns="AirSync" xmlns:airsyncbase="AirSyncBase" xmlns:contacts="Contacts">');
    expect(xml).toContain('    <Class>Contacts</Class>');
    expect(xml).toContain('<contacts:FileAs>Funk, Don</contacts:FileAs>');
    expect(xml).toContain('<airsyncbase:NativeBodyType>1</airsyncbase:NativeBodyType>');
  });
});

describe('code pages ([MS-ASWBXML] §2.1.2.1)', () => {
  test.each([
    ['AirSync', 'Sync', 0, 0x05], ['AirSync', 'CollectionId', 0, 0x12], ['AirSync', 'HeartbeatInterval', 0, 0x29],
    ['Email', 'Read', 2, 0x15], ['Email', 'DateReceived', 2, 0x0f], ['Email', 'InternetCPID', 2, 0x39],
    ['FolderHierarchy', 'FolderSync', 7, 0x16], ['FolderHierarchy', 'Count', 7, 0x17],
    ['Ping', 'HeartbeatInterval', 13, 0x08], ['Ping', 'MaxFolders', 13, 0x0d],
    ['Provision', 'PolicyKey', 14, 0x09], ['Provision', 'AttachmentsEnabled', 14, 0x13], ['Provision', 'AccountOnlyRemoteWipe', 14, 0x3b],
    ['AirSyncBase', 'NativeBodyType', 17, 0x16], ['AirSyncBase', 'InstanceId', 17, 0x2d],
    ['Settings', 'DeviceInformation', 18, 0x16], ['Settings', 'RightsManagementInformation', 18, 0x2b],
  ])('%s:%s is page %i token %i', (ns, name, page, token) => {
    expect(tokenOf(ns, name)).toEqual({ page, token });
    expect(tagOf(page, token)).toEqual({ ns, name });
  });

  test('unassigned tokens and unknown pages are unknown', () => {
    expect(tagOf(0, 0x11)).toBeUndefined();
    expect(tagOf(13, 0x06)).toBeUndefined();
    expect(tagOf(3, 0x05)).toBeUndefined();
  });
});

describe('decoding refuses what ActiveSync does not use', () => {
  test.each([
    ['empty body', ''],
    ['header only', '03 01 6A 00'],
    ['charset not UTF-8', '03 01 04 00 45 01'],
    ['attributes', '03 01 6A 00 C5 01 01'],
    ['unknown code page', '03 01 6A 00 00 03 45 01'],
    ['unterminated inline string', '03 01 6A 00 4B 03 32'],
    ['inline string not UTF-8', '03 01 6A 00 4B 03 FF 00 01'],
    ['missing END', '03 01 6A 00 45 5C 01'],
    ['data after the root', '03 01 6A 00 05 05'],
    ['opaque longer than the body', '03 01 6A 00 4B C3 7F 01'],
    ['string table reference', '03 01 6A 00 4B 83 00 01'],
  ])('%s', (_, bytes) => {
    const res = decodeWbxml(hex(bytes || '00').slice(bytes ? 0 : 1));
    expect(res.ok).toBe(false);
  });

  test('nesting deeper than the limit', () => {
    const deep = '\x03\x01\x6a\x00' + '\x5c'.repeat(40) + '\x01'.repeat(40);
    expect(decodeWbxml(deep)).toMatchObject({ ok: false, error: 'elements nested too deeply' });
  });

  test('opaque data and multi-octet lengths round-trip', () => {
    const data = '\x00\xff'.repeat(100);
    const tree: WbxmlElement = { ns: B, name: 'Data', children: [], text: data, opaque: true };
    const bytes = encodeWbxml(element(A, 'Sync', tree));
    expect(bytes.slice(8, 11)).toBe('\xc3\x81\x48');
    expect(decodeWbxml(bytes)).toEqual({ ok: true, root: element(A, 'Sync', tree) });
  });
});

describe('hostile bodies (fast-check)', () => {
  test('random octets never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const res = decodeWbxml(String.fromCharCode(...bytes));
        expect(typeof res.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  test('every truncation of a valid body is refused, never thrown', () => {
    for (let n = 0; n < SPEC_BYTES.length; n++) expect(decodeWbxml(SPEC_BYTES.slice(0, n)).ok).toBe(false);
  });

  test('valid bodies with random corruption never throw', () => {
    fc.assert(
      fc.property(fc.nat(SPEC_BYTES.length - 1), fc.integer({ min: 0, max: 255 }), (i, b) => {
        const bad = SPEC_BYTES.slice(0, i) + String.fromCharCode(b) + SPEC_BYTES.slice(i + 1);
        expect(typeof decodeWbxml(bad).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
