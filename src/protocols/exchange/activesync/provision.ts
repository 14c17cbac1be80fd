/**
 * Provision ([MS-ASPROV] §3.2.5.1.1, §4): the two-step policy key. The device asks for the policy
 * (MS-EAS-Provisioning-WBXML) and gets it with a temporary key; it applies it and acknowledges that key with
 * Status 1, and gets the final key, which every later command carries in X-MS-PolicyKey.
 */
import { element, first, leaf, textOf, type WbxmlElement } from '../wbxml/tree.ts';
import type { DeviceState, EasState } from './state.ts';

const P = 'Provision';
/** The policy type of protocol 12.0 and later ([MS-ASPROV] §2.2.2.41). */
export const POLICY_TYPE = 'MS-EAS-Provisioning-WBXML';

/**
 * The policy the simulated organisation sets: Exchange's default mobile device mailbox policy, which requires no
 * device password and allows everything; the elements in the order of [MS-ASPROV] §2.2.2.27 (EASProvisionDoc).
 */
const POLICY: readonly (readonly [string, string | number])[] = [
  ['DevicePasswordEnabled', 0], ['AlphanumericDevicePasswordRequired', 0], ['PasswordRecoveryEnabled', 0],
  ['RequireStorageCardEncryption', 0], ['AttachmentsEnabled', 1], ['MinDevicePasswordLength', 4],
  ['MaxInactivityTimeDeviceLock', 900], ['MaxDevicePasswordFailedAttempts', 8], ['MaxAttachmentSize', ''],
  ['AllowSimpleDevicePassword', 1], ['DevicePasswordExpiration', ''], ['DevicePasswordHistory', 0],
  ['AllowStorageCard', 1], ['AllowCamera', 1], ['RequireDeviceEncryption', 0], ['AllowUnsignedApplications', 1],
  ['AllowUnsignedInstallationPackages', 1], ['MinDevicePasswordComplexCharacters', 1], ['AllowWiFi', 1],
  ['AllowTextMessaging', 1], ['AllowPOPIMAPEmail', 1], ['AllowBluetooth', 2], ['AllowIrDA', 1],
  ['RequireManualSyncWhenRoaming', 0], ['AllowDesktopSync', 1], ['MaxCalendarAgeFilter', 0], ['AllowHTMLEmail', 1],
  ['MaxEmailAgeFilter', 0], ['MaxEmailBodyTruncationSize', -1], ['MaxEmailHTMLBodyTruncationSize', -1],
  ['RequireSignedSMIMEMessages', 0], ['RequireEncryptedSMIMEMessages', 0], ['RequireSignedSMIMEAlgorithm', 0],
  ['RequireEncryptionSMIMEAlgorithm', 0], ['AllowSMIMEEncryptionAlgorithmNegotiation', 2], ['AllowSMIMESoftCerts', 1],
  ['AllowBrowser', 1], ['AllowConsumerEmail', 1], ['AllowRemoteDesktop', 1], ['AllowInternetSharing', 1],
];

/** Provision's top-level Status ([MS-ASPROV] §2.2.2.54.1): 1 success, 2 protocol error. */
const PROTOCOL_ERROR = 2;
/** Policy Status ([MS-ASPROV] §2.2.2.54.2): 1 success, 3 unknown PolicyType, 5 the wrong policy key acknowledged. */
const POLICY_UNKNOWN_TYPE = 3;
const POLICY_WRONG_KEY = 5;

function answer(status: number, policy?: WbxmlElement): WbxmlElement {
  return element(P, 'Provision', leaf(P, 'Status', status), policy && element(P, 'Policies', policy));
}

function policyAnswer(type: string, status: number, key?: string, withDoc = false): WbxmlElement {
  const doc = withDoc && element(P, 'Data', element(P, 'EASProvisionDoc', ...POLICY.map(([name, value]) => leaf(P, name, value))));
  return element(P, 'Policy', leaf(P, 'PolicyType', type), leaf(P, 'Status', status), key !== undefined && leaf(P, 'PolicyKey', key), doc);
}

/** Answers one Provision request for this device. */
export function provision(state: EasState, device: DeviceState, root: WbxmlElement): WbxmlElement {
  const policy = first(first(root, 'Policies'), 'Policy');
  if (root.name !== 'Provision' || root.ns !== P || !policy) return answer(PROTOCOL_ERROR);
  const type = textOf(policy, 'PolicyType') ?? '';
  if (type !== POLICY_TYPE) return answer(1, policyAnswer(type, POLICY_UNKNOWN_TYPE));
  const acknowledged = textOf(policy, 'PolicyKey');
  if (acknowledged === undefined) {
    // Step 1: a new temporary key; any final key is void until the device acknowledges the policy again.
    device.temporaryKey = state.newPolicyKey();
    device.policyKey = undefined;
    return answer(1, policyAnswer(type, 1, device.temporaryKey, true));
  }
  if (textOf(policy, 'Status') !== '1') return answer(PROTOCOL_ERROR);
  if (device.temporaryKey === undefined || acknowledged !== device.temporaryKey) return answer(1, policyAnswer(type, POLICY_WRONG_KEY));
  device.policyKey = state.newPolicyKey();
  device.temporaryKey = undefined;
  return answer(1, policyAnswer(type, 1, device.policyKey));
}
