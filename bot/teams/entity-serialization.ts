import { createRequire } from 'node:module';

/** The slice of an @azure/core-client composite mapper that is patched here. */
interface CompositeMapper {
  type: { additionalProperties?: { type: { name: 'Object' } } };
}

let applied = false;

/**
 * Makes botbuilder 4.23's connector client send entities whole. Its `Entity` mapper lists only `type`, `text` and
 * `mentioned`, and @azure/core-client drops every other property, so Teams never sees a `streaminfo` entity's
 * `streamType`/`streamSequence`/`streamId` or the AI label's `additionalType`/`citation` (upstream fix:
 * microsoft/botbuilder-js#4903, not in a release yet). Declares the mapper's additional properties as plain
 * objects, exactly as that fix does; idempotent. Uses the connector botbuilder itself loads.
 */
export function sendEntitiesWhole(): void {
  if (applied) return;
  const fromBotbuilder = createRequire(createRequire(import.meta.url).resolve('botbuilder'));
  const mappers = fromBotbuilder('botframework-connector/lib/connectorApi/models/mappers') as {
    Entity?: CompositeMapper;
  };
  if (!mappers.Entity)
    throw new Error('botframework-connector has no Entity mapper: the Teams entity fix needs review');
  mappers.Entity.type.additionalProperties ??= { type: { name: 'Object' } };
  applied = true;
}
