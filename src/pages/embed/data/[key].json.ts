/**
 * The build's record of each scenario and each free server (what SessionWidget.astro puts in a lesson page), as
 * JSON for /embed/simulator/: the embed page is built once, so it fetches the record its address asks for and, like
 * a lesson, loads no engine until the learner takes over. /embed/data/scenario-<id>.json, /embed/data/server-<slug>.json.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { simulatorData } from '../../../components/widgets/player-kit.ts';
import { playgroundServers } from '../../../components/widgets/playground-servers.ts';
import { scenarioIds } from '../../../components/widgets/scenarios.ts';
import { HTTP_PROFILES } from '../../../protocols/registry.ts';
import type { SimulatorProps } from '../../../components/widgets/simulator/props.ts';

export const getStaticPaths = (() => [
  // HTTP scenarios (exchange-*) play in their own widget, which has no embed record yet.
  ...scenarioIds.filter((id) => !HTTP_PROFILES.some((p) => id.startsWith(`${p.id}-`))).map((scenario) => ({ params: { key: `scenario-${scenario}` }, props: { scenario } })),
  ...playgroundServers.map((s) => ({ params: { key: `server-${s.slug}` }, props: { protocol: s.protocol, port: s.port, mode: 'free' as const } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const data = await simulatorData(props as SimulatorProps);
  if (!data) throw new Error(`/embed/data: no record for ${JSON.stringify(props)}`);
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
