/**
 * The events a session hands its machine, made the session's way: parsed by the protocol's driver and decided
 * once by its pure step. Tests and model walks that drive a machine directly build their events here.
 */
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import type { Decision } from '../../src/protocols/shared/decision.ts';
import type { ClientEvent, MachineEvent, ProtocolDriver } from '../../src/machines/session.ts';

type Snapshot = SnapshotFrom<AnyStateMachine>;

/** `event` with the decision `driver` makes for it in `snapshot`. */
export function withDecision<E extends MachineEvent>(driver: ProtocolDriver, event: E, snapshot: Snapshot): E & { decision: Decision } {
  if (!driver.decide) throw new Error(`the ${driver.protocol} driver has no pure step`);
  return { ...event, decision: driver.decide(event, snapshot) };
}

/** The decided event for the client line `line` in `snapshot`. */
export function lineEvent(driver: ProtocolDriver, line: string, snapshot: Snapshot): ClientEvent & { decision: Decision } {
  return withDecision(driver, driver.toEvent(line, snapshot), snapshot);
}

/** The decided event for a lost connection in `snapshot`. */
export function droppedEvent(driver: ProtocolDriver, snapshot: Snapshot): { type: 'client.dropped'; decision: Decision } {
  return withDecision(driver, { type: 'client.dropped' as const }, snapshot);
}
