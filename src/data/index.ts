/** The validated protocol facts: importing this module checks every fact against the schema, so a broken fact fails the build. */
import { exchangeFacts as rawExchange } from './exchange.ts';
import { facts as raw } from './facts.ts';
import { exchangeFactsSchema } from './schema-exchange.ts';
import { factsSchema } from './schema.ts';

export * from './schema.ts';
export * from './schema-exchange.ts';
export {
  allFacts,
  causeOf,
  featureOrder,
  ianaSources,
  lessonsOfProtocol,
  mythById,
  portFact,
  portLessons,
  portsOf,
  protocolById,
  roleLabels,
  securityLabels,
  sourceHref,
  sourceLabel,
  staleFacts,
  tlsBeforeLoginLabels,
  troubleById,
  troubleLessons,
  type FactRef,
} from './lookup.ts';

/** The facts, validated once at import. */
export const facts = factsSchema.parse(raw);

/** The Exchange facts (deployments, dates, limits), validated once at import. */
export const exchange = exchangeFactsSchema.parse(rawExchange);
